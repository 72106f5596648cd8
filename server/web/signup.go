package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/httperr"
	"github.com/labstack/echo/v4"
)

// signupPage is the data of the sign-up form; it keeps what was typed,
// except the password, when the form comes back with an error.
type signupPage struct {
	Mode                                corkboard.RegistrationMode
	Username, Email, InviteCode, Reason string
	Error                               string
}

func (w *Web) signupForm(c echo.Context) error {
	if currentAccount(c) != nil {
		return redirect(c, "/")
	}
	mode, err := w.Service.RegistrationMode(c.Request().Context())
	if err != nil {
		return err
	}
	if mode == corkboard.RegistrationClosed {
		return w.render(c, http.StatusOK, "signup_closed", "Sign-ups are closed", nil)
	}
	return w.render(c, http.StatusOK, "signup", "Sign up", signupPage{Mode: mode, InviteCode: c.QueryParam("invite")})
}

func (w *Web) signup(c echo.Context) error {
	if currentAccount(c) != nil {
		return redirect(c, "/")
	}
	mode, err := w.Service.RegistrationMode(c.Request().Context())
	if err != nil {
		return err
	}
	if mode == corkboard.RegistrationClosed {
		return w.render(c, http.StatusForbidden, "signup_closed", "Sign-ups are closed", nil)
	}
	if err := limit(c, w.SignupByAddress, c.RealIP()); err != nil {
		return err
	}
	page := signupPage{Mode: mode, Username: c.FormValue("username"), Email: c.FormValue("email"),
		InviteCode: c.FormValue("invite_code"), Reason: c.FormValue("reason")}
	a, err := w.Service.SignUp(c.Request().Context(), corkboard.SignUpRequest{Username: page.Username,
		Password: c.FormValue("password"), Email: page.Email, InviteCode: page.InviteCode, Reason: page.Reason})
	if err != nil {
		return w.formError(c, err, "signup", "Sign up", &page.Error, &page)
	}
	if !a.Approved {
		return w.render(c, http.StatusOK, "signup_thanks", "Thanks for signing up", a)
	}
	if err := w.signIn(c, a); err != nil {
		return err
	}
	w.setFlash(c, "success", "Welcome to Corkboard, @"+a.Username+"!")
	return redirect(c, "/")
}

// formError shows a form again with the message of a domain error (invalid
// input, a taken name, a bad invite) and its status; internal errors go on
// to the error page instead. msg points into page, which must be a pointer.
func (w *Web) formError(c echo.Context, err error, name, title string, msg *string, page any) error {
	status, text := httperr.Status(err)
	if status >= http.StatusInternalServerError {
		return err
	}
	*msg = sentence(text)
	return w.render(c, status, name, title, page)
}
