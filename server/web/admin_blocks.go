package web

import (
	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// adminFederation is the admin page's federation section: the servers
// blocked here, and the reports our people made and other servers sent.
type adminFederation struct {
	Blocks     []*corkboard.DomainBlock
	Severities []modeOption
	Reports    []reportRow // open ones first
	OpenCount  int
	// Suspensions are the accounts suspended now.
	Suspensions []*corkboard.Suspension
	// BlockDomain prefills the block form (a report's "Block domain").
	BlockDomain string
}

// reportRow is a report as the admin page lists it: the row's template
// is shared by open and resolved reports and needs the form token.
type reportRow struct {
	*corkboard.Report
	CSRF string
}

// loadAdminFederation gathers the federation section.
func (w *Web) loadAdminFederation(c echo.Context) (adminFederation, error) {
	ctx := c.Request().Context()
	blocks, err := w.Service.DomainBlocks(ctx)
	if err != nil {
		return adminFederation{}, err
	}
	reports, err := w.Service.Reports(ctx, currentAccount(c), 50)
	if err != nil {
		return adminFederation{}, err
	}
	suspensions, err := w.Service.Suspensions(ctx, currentAccount(c), false, 200)
	if err != nil {
		return adminFederation{}, err
	}
	rows, open, csrf := make([]reportRow, len(reports)), 0, csrfToken(c)
	for i, r := range reports {
		rows[i] = reportRow{Report: r, CSRF: csrf}
		if r.Open() {
			open++
		}
	}
	return adminFederation{Blocks: blocks, Reports: rows, OpenCount: open, Suspensions: suspensions,
		BlockDomain: c.QueryParam("block"), Severities: []modeOption{
			{string(corkboard.SeveritySuspend), "Suspend: refuse it, remove what it brought"},
			{string(corkboard.SeveritySilence), "Silence: keep it off tag pages and search"},
		}}, nil
}

// adminBlockDomain adds or changes a domain block.
func (w *Web) adminBlockDomain(c echo.Context) error {
	b, err := w.Service.BlockDomain(c.Request().Context(), c.FormValue("domain"),
		corkboard.BlockSeverity(c.FormValue("severity")), c.FormValue("reason"))
	if err != nil {
		return err
	}
	w.setFlash(c, "success", b.Domain+" is "+map[corkboard.BlockSeverity]string{
		corkboard.SeveritySuspend: "suspended", corkboard.SeveritySilence: "silenced"}[b.Severity]+".")
	return redirect(c, "/admin#blocks")
}

// adminUnblockDomain lifts a domain block.
func (w *Web) adminUnblockDomain(c echo.Context) error {
	domain := c.FormValue("domain")
	if err := w.Service.UnblockDomain(c.Request().Context(), domain); err != nil {
		return err
	}
	w.setFlash(c, "success", domain+" is no longer blocked.")
	return redirect(c, "/admin#blocks")
}
