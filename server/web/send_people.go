package web

import (
	"net/http"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// The Send form's person picker. Without JavaScript it offers the people
// one talks to and follows as checkboxes; with it, typing in the To field
// also asks /send/people for matching names.

// sendSuggestions is how many people the picker offers before typing.
const sendSuggestions = 12

// personOption is one person the picker offers.
type personOption struct {
	Acct   string `json:"acct"` // "@alice" or "@bob@host": what goes in the To field
	Name   string `json:"name"`
	Avatar string `json:"avatar"`
}

func (w *Web) personOptions(as []*corkboard.Account) []personOption {
	out := make([]personOption, len(as))
	for i, a := range as {
		out[i] = personOption{Acct: "@" + a.Acct(), Name: a.Name(), Avatar: w.avatarURL(a)}
	}
	return out
}

// sendPeople is GET /send/people?q=: people matching what is typed, as
// JSON for the picker.
func (w *Web) sendPeople(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	out := []personOption{}
	if len(strings.TrimLeft(q, "@")) > 0 {
		as, err := w.Service.PeopleToMessage(c.Request().Context(), currentAccount(c), q, 8)
		if err != nil {
			return err
		}
		out = w.personOptions(as)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}

// postedRecipients joins what the To field and the picker's checkboxes
// sent: every "to" value counts.
func postedRecipients(c echo.Context) string {
	if err := c.Request().ParseForm(); err != nil {
		return c.FormValue("to")
	}
	return strings.Join(c.Request().PostForm["to"], ", ")
}
