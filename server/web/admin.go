package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// adminPage is the data of the admin page.
type adminPage struct {
	Mode      corkboard.RegistrationMode
	Modes     []modeOption
	Pending   []*corkboard.Account
	Invites   []inviteRow
	NewInvite *inviteRow // the invite just created, highlighted with its link
	// Federation holds the domain blocks and received reports.
	Federation adminFederation
}

type modeOption struct{ Value, Label string }

// inviteRow is an invite as the admin page lists it.
type inviteRow struct {
	*corkboard.Invite
	Link   string
	Usable bool
}

// registrationModes are the choices of the admin page, in order of openness.
func registrationModes() []modeOption {
	return []modeOption{
		{string(corkboard.RegistrationOpen), "Anyone (open)"},
		{string(corkboard.RegistrationApproval), "Anyone may ask; an admin approves"},
		{string(corkboard.RegistrationInvite), "Only people with an invite"},
		{string(corkboard.RegistrationClosed), "Nobody (closed)"},
	}
}

func (w *Web) admin(c echo.Context) error {
	ctx := c.Request().Context()
	mode, err := w.Service.RegistrationMode(ctx)
	if err != nil {
		return err
	}
	pending, err := w.Service.ListAccounts(ctx, corkboard.AccountFilter{PendingOnly: true, Limit: 200})
	if err != nil {
		return err
	}
	invites, err := w.Service.ListInvites(ctx)
	if err != nil {
		return err
	}
	page := adminPage{Mode: mode, Modes: registrationModes(), Pending: pending}
	if page.Federation, err = w.loadAdminFederation(c); err != nil {
		return err
	}
	now, fresh := w.Service.Now(), c.QueryParam("invite")
	for _, inv := range invites {
		row := inviteRow{Invite: inv, Link: w.inviteLink(inv.Code), Usable: inv.Usable(now)}
		page.Invites = append(page.Invites, row)
		if fresh != "" && inv.Code == fresh {
			page.NewInvite = &row
		}
	}
	return w.render(c, http.StatusOK, "admin", "Admin", page)
}

func (w *Web) inviteLink(code string) string { return w.BaseURL + "/signup?invite=" + code }
