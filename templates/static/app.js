// Corkboard progressive enhancement. Every page works without this file:
// it only adds confirmations, closes menus, and eases copying links.
(function () {
  "use strict";

  // Forms marked data-confirm="question" ask before they submit.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Open <details class="menu"> closes on a click outside it or on Escape.
  function closeMenus(except) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (menu !== except) {
        menu.removeAttribute("open");
      }
    });
  }
  document.addEventListener("click", function (event) {
    closeMenus(event.target.closest && event.target.closest("details.menu"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = document.querySelector("details.menu[open]");
    if (open) {
      open.removeAttribute("open");
      open.querySelector("summary").focus();
    }
  });

  // Read-only fields (invite links) select their whole value when focused.
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (el.matches && el.matches("input[readonly]")) {
      el.select();
    }
  });
})();
