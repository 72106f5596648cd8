package web

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// reportPage is the form that reports a message to our admins.
type reportPage struct {
	Message *corkboard.Message
	Remote  bool // the sender is on another server: offer to tell it
	Request bool // the conversation is a request: reporting declines it
	Comment string
	Forward bool
	Block   bool
	Error   string
}

// loadReportPage loads a message of someone else's in the viewer's
// conversation :id; anything else is "not found".
func (w *Web) loadReportPage(c echo.Context) (*reportPage, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	mid, err := idParam(c, "message")
	if err != nil {
		return nil, err
	}
	m, v, err := w.Service.MessageForViewer(c.Request().Context(), currentAccount(c), mid)
	if err != nil {
		return nil, err
	}
	if m.ConversationID != id || m.SenderID == currentAccount(c).ID || m.Sender == nil {
		return nil, echo.ErrNotFound
	}
	return &reportPage{Message: m, Remote: !m.Sender.IsLocal(), Request: v.Me != nil && v.Me.State == corkboard.MemberRequest}, nil
}

func (w *Web) reportForm(c echo.Context) error {
	p, err := w.loadReportPage(c)
	if err != nil {
		return err
	}
	p.Forward = p.Remote
	return w.render(c, http.StatusOK, "report", "Report a message", p)
}

// report files the report; a refusal the person can fix (already
// reported) comes back on the form.
func (w *Web) report(c echo.Context) error {
	p, err := w.loadReportPage(c)
	if err != nil {
		return err
	}
	p.Comment, p.Forward, p.Block = c.FormValue("comment"), c.FormValue("forward") != "", c.FormValue("block") != ""
	_, err = w.Service.ReportMessage(c.Request().Context(), currentAccount(c), corkboard.ReportInput{
		MessageID: p.Message.ID, Comment: p.Comment, Forward: p.Forward && p.Remote, Block: p.Block})
	switch corkboard.ErrorCode(err) {
	case "":
		msg := "Thank you. Your report was sent to the admins."
		if p.Block {
			msg += " " + p.Message.Sender.Name() + " is blocked."
		}
		w.setFlash(c, "success", msg)
		if p.Request {
			return redirect(c, "/messages/requests")
		}
		return redirect(c, threadURL(p.Message.ConversationID))
	case corkboard.EINVALID, corkboard.ECONFLICT:
		p.Error = sentence(corkboard.ErrorMessage(err))
		return w.render(c, http.StatusUnprocessableEntity, "report", "Report a message", p)
	}
	return err
}
