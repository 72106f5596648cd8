package api

import (
	"cmp"
	"net/http"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// reportJSON is Mastodon's Report entity.
type reportJSON struct {
	ID            string      `json:"id"`
	ActionTaken   bool        `json:"action_taken"`
	ActionTakenAt *string     `json:"action_taken_at"`
	Category      string      `json:"category"`
	Comment       string      `json:"comment"`
	Forwarded     bool        `json:"forwarded"`
	CreatedAt     string      `json:"created_at"`
	StatusIDs     []string    `json:"status_ids"`
	RuleIDs       []string    `json:"rule_ids"`
	TargetAccount accountJSON `json:"target_account"`
}

// reportCategories are Mastodon's; "violation" needs rules, which we have
// none of.
var reportCategories = map[string]bool{"spam": true, "legal": true, "other": true}

// createReport is POST /api/v1/reports: report a direct message (a
// status) the caller received. Corkboard reports messages only, one per
// request: status_ids[] names one message of account_id's.
func (a *API) createReport(c echo.Context) error {
	p, err := params(c)
	if err != nil {
		return err
	}
	accountID, err := formID(p, "account_id", true)
	if err != nil {
		return err
	}
	ids := list(p, "status_ids")
	if len(ids) != 1 {
		return corkboard.Errorf(corkboard.EINVALID, "name the one message to report in status_ids[]")
	}
	statusID, err := strconv.ParseInt(ids[0], 10, 64)
	if err != nil || statusID <= 0 {
		return corkboard.Errorf(corkboard.EINVALID, "status_ids must be numeric ids")
	}
	category := strings.ToLower(cmp.Or(strings.TrimSpace(p.Get("category")), "other"))
	if !reportCategories[category] {
		return corkboard.Errorf(corkboard.EINVALID, "category must be spam, legal or other")
	}
	forward, err := formBool(p, "forward", false)
	if err != nil {
		return err
	}
	ctx, me := c.Request().Context(), viewer(c)
	m, _, err := a.Service.MessageForViewer(ctx, me, statusID)
	if err != nil {
		return err
	}
	if m.SenderID != accountID || m.Sender == nil {
		return corkboard.Errorf(corkboard.ENOTFOUND, "message not found")
	}
	r, err := a.Service.ReportMessage(ctx, me, corkboard.ReportInput{MessageID: m.ID, Comment: p.Get("comment"), Forward: forward})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, reportJSON{ID: strconv.FormatInt(r.ID, 10), Category: category, Comment: r.Comment,
		Forwarded: r.Forwarded, CreatedAt: timestamp(r.CreatedAt), StatusIDs: []string{ids[0]}, RuleIDs: []string{},
		TargetAccount: a.newAccountJSON(m.Sender)})
}
