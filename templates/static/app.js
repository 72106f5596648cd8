// Corkboard progressive enhancement. Every page works without this file:
// it only adds confirmations, closes menus, eases copying links, paints
// image placeholders, loads more pins as you scroll, previews uploads and
// suggests people as you type who to send something to.
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

  // Images wait on their dominant colour (data-color) rather than grey.
  // The CSP forbids style attributes in the markup, but not setting a style
  // from this script; the colour is checked to be "#rrggbb" first.
  var colorPattern = /^#[0-9a-f]{6}$/i;
  function paint(root) {
    root.querySelectorAll("[data-color]").forEach(function (el) {
      var color = el.getAttribute("data-color");
      if (!colorPattern.test(color)) {
        return;
      }
      el.style.backgroundColor = color;
      if (el.tagName === "IMG") {
        var clear = function () { el.style.backgroundColor = ""; };
        if (el.complete && el.naturalWidth) {
          clear();
        } else {
          el.addEventListener("load", clear, { once: true });
        }
      }
    });
  }
  paint(document);

  // Infinite scroll: when the "More pins" link nears the screen, fetch the
  // page it points to and append that page's cards. The link stays a link,
  // so without this (or after an error) a click does the same.
  function infinite(link) {
    var wrapper = link.closest(".more-link");
    var grid = wrapper && wrapper.previousElementSibling;
    var status = document.querySelector("[data-grid-status]");
    if (!grid || !grid.hasAttribute("data-grid") || !("IntersectionObserver" in window) || !window.fetch) {
      return;
    }
    var loading = false;
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) {
        more();
      }
    }, { rootMargin: "800px 0px" });
    function more() {
      if (loading) {
        return;
      }
      loading = true;
      wrapper.classList.add("is-loading");
      fetch(link.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (resp) {
          if (!resp.ok) {
            throw new Error("status " + resp.status);
          }
          return resp.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var next = doc.querySelector("a[data-more]");
          var grids = doc.querySelectorAll("[data-grid]");
          var source = next ? next.closest(".more-link").previousElementSibling : grids[grids.length - 1];
          var added = 0;
          Array.prototype.slice.call(source ? source.children : []).forEach(function (item) {
            var node = document.adoptNode(item);
            grid.appendChild(node);
            paint(node);
            added++;
          });
          if (status) {
            status.textContent = added + " more pins loaded.";
          }
          if (next && added > 0) {
            link.href = next.getAttribute("href");
          } else {
            observer.disconnect();
            wrapper.remove();
          }
        })
        .catch(function () {
          observer.disconnect(); // leave the link for a click
        })
        .then(function () {
          loading = false;
          wrapper.classList.remove("is-loading");
        });
    }
    observer.observe(link);
  }
  document.querySelectorAll("a[data-more]").forEach(infinite);

  // Upload: drop a file on the zone, see it before publishing, and hear
  // at once when it is too large or of a kind the server refuses.
  var accepted = ["image/jpeg", "image/png", "image/gif", "image/webp"];
  function dropzone(zone) {
    var form = zone.closest("form");
    var input = zone.querySelector("input[type=file]");
    var preview = zone.querySelector("[data-preview]");
    var error = form.querySelector("[data-upload-error]");
    var upload = form.querySelector("#source-upload");
    var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10) || 0;
    var url = "";
    function complain(message) {
      error.textContent = message;
      error.hidden = !message;
    }
    function show(file) {
      if (url) {
        URL.revokeObjectURL(url);
        url = "";
      }
      complain("");
      preview.hidden = true;
      zone.classList.remove("has-preview");
      if (!file) {
        return;
      }
      if (accepted.indexOf(file.type) < 0) {
        input.value = "";
        return complain("That file is not an image we accept: choose a JPEG, PNG, GIF or WebP.");
      }
      if (maxBytes && file.size > maxBytes) {
        input.value = "";
        return complain("That file is too large: the limit is " + form.getAttribute("data-max-size") + ".");
      }
      url = URL.createObjectURL(file);
      preview.src = url;
      preview.hidden = false;
      zone.classList.add("has-preview");
    }
    input.addEventListener("change", function () { show(input.files[0]); });
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add("is-dragover");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("is-dragover"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) {
        return;
      }
      input.files = files;
      if (upload) {
        upload.checked = true;
      }
      show(files[0]);
    });
  }
  document.querySelectorAll("[data-dropzone]").forEach(dropzone);

  // Send: typing in the To field suggests people (GET /send/people). The
  // field stays a plain text field: picking a name only completes the
  // word being typed, so the form posts exactly what a person could type.
  function picker(root) {
    var input = root.querySelector("input");
    var list = root.querySelector("[role=listbox]");
    var options = [];
    var active = -1;
    var timer = null;
    var asked = "";

    function lastWord() {
      var parts = input.value.split(/[\s,;]+/);
      return parts[parts.length - 1];
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function highlight(i) {
      options.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (i >= 0) {
        input.setAttribute("aria-activedescendant", options[i].id);
      }
    }
    function choose(li) {
      var word = lastWord();
      input.value = input.value.slice(0, input.value.length - word.length) + li.getAttribute("data-acct") + ", ";
      close();
      input.focus();
    }
    function show(people) {
      list.textContent = "";
      options = people.map(function (p, i) {
        var li = document.createElement("li");
        li.id = "send-to-option-" + i;
        li.className = "picker__option";
        li.setAttribute("role", "option");
        li.setAttribute("data-acct", p.acct);
        var img = document.createElement("img");
        img.className = "avatar avatar--xs";
        img.src = p.avatar;
        img.alt = "";
        var name = document.createElement("strong");
        name.textContent = p.name;
        var acct = document.createElement("span");
        acct.className = "muted";
        acct.textContent = p.acct;
        li.append(img, name, acct);
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the field
          choose(li);
        });
        list.appendChild(li);
        return li;
      });
      if (!options.length) {
        close();
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(-1);
    }
    function ask() {
      var word = lastWord();
      if (word.replace(/^@/, "") === "") {
        close();
        return;
      }
      if (word === asked) {
        return;
      }
      asked = word;
      fetch("/send/people?q=" + encodeURIComponent(word), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (people) {
          if (asked === word) {
            show(people);
          }
        })
        .catch(close);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + options.length) % options.length);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }
  document.querySelectorAll("[data-picker]").forEach(picker);
})();
