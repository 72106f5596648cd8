package api

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// mentionPattern finds @user and @user@host[:port] in a status's text.
var mentionPattern = regexp.MustCompile(`(?:^|[^\w@/])@([A-Za-z0-9_][A-Za-z0-9_.-]*)(?:@([A-Za-z0-9.-]+(?::[0-9]+)?))?`)

// createStatus is POST /api/v1/statuses: a private message. Only
// visibility=direct is supported; it goes to the people @mentioned in
// `status`, or continues the conversation of in_reply_to_id. The
// extension pin_id attaches a pin; media_ids[] (up to four of the caller's
// uploads from POST /api/v2/media, each used once) attach images.
func (a *API) createStatus(c echo.Context) error {
	p, err := params(c)
	if err != nil {
		return err
	}
	if p.Get("visibility") != "direct" {
		return corkboard.Errorf(corkboard.EINVALID, "Corkboard publishes pins, not statuses; use POST /api/v1/pins")
	}
	media, err := mediaIDs(p)
	if err != nil {
		return err
	}
	pinID, err := formID(p, "pin_id", false)
	if err != nil {
		return err
	}
	replyTo, err := formID(p, "in_reply_to_id", false)
	if err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), viewer(c)
	text, att := p.Get("status"), corkboard.MessageAttachment{PinID: pinID, MediaIDs: media}
	var m *corkboard.Message
	if replyTo != 0 {
		prev, _, err := a.Service.MessageForViewer(ctx, actor, replyTo)
		if err != nil {
			return err
		}
		m, err = a.Service.Reply(ctx, actor, prev.ConversationID, text, att)
		if err != nil {
			return err
		}
	} else {
		to, err := a.mentionedAccounts(c, text)
		if err != nil {
			return err
		}
		if m, err = a.Service.SendMessage(ctx, actor, to, text, att); err != nil {
			return err
		}
	}
	return a.renderStatus(c, m.ID)
}

// mentionedAccounts resolves the @mentions of a text to account ids: our
// own people by username, others through the Service's handle lookup
// (which may ask their server, since a person is signed in).
func (a *API) mentionedAccounts(c echo.Context, text string) ([]int64, error) {
	ctx, actor := c.Request().Context(), viewer(c)
	var ids []int64
	for _, match := range mentionPattern.FindAllStringSubmatch(text, -1) {
		user, host := match[1], match[2]
		user = strings.TrimRight(user, ".-")
		var found *corkboard.Account
		var err error
		if host == "" {
			found, err = a.Service.PublicProfile(ctx, user)
		} else {
			found, err = a.Service.RemoteAccount(ctx, actor, "@"+user+"@"+host)
		}
		if err != nil {
			return nil, err
		}
		ids = append(ids, found.ID)
	}
	if len(ids) == 0 {
		return nil, corkboard.Errorf(corkboard.EINVALID, "mention the people to send to (@name or @name@host), or give in_reply_to_id")
	}
	return ids, nil
}

// renderStatus answers with the Status of a message as the viewer sees it.
func (a *API) renderStatus(c echo.Context, id int64) error {
	ctx := c.Request().Context()
	m, v, err := a.Service.MessageForViewer(ctx, viewer(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newStatusJSON(ctx, m, v.Conversation.Members))
}

// status is GET /api/v1/statuses/:id: a message of a conversation the
// token's account takes part in; anything else is "not found".
func (a *API) status(c echo.Context) error {
	id, err := pathID(c, "id", "status")
	if err != nil {
		return err
	}
	return a.renderStatus(c, id)
}

// statusContextJSON is Mastodon's Context entity.
type statusContextJSON struct {
	Ancestors   []statusJSON `json:"ancestors"`
	Descendants []statusJSON `json:"descendants"`
}

// statusContext is GET /api/v1/statuses/:id/context: the messages before
// and after it in its conversation (up to 100 of each side's nearest).
func (a *API) statusContext(c echo.Context) error {
	id, err := pathID(c, "id", "status")
	if err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), viewer(c)
	m, v, err := a.Service.MessageForViewer(ctx, actor, id)
	if err != nil {
		return err
	}
	out := statusContextJSON{Ancestors: []statusJSON{}, Descendants: []statusJSON{}}
	var after int64
	for {
		ms, err := a.Service.Messages(ctx, actor, m.ConversationID, after, 100)
		if err != nil {
			return err
		}
		for _, each := range ms {
			if !each.DeletedAt.IsZero() {
				continue
			}
			switch {
			case each.ID < m.ID:
				out.Ancestors = append(out.Ancestors, a.newStatusJSON(ctx, each, v.Conversation.Members))
			case each.ID > m.ID:
				out.Descendants = append(out.Descendants, a.newStatusJSON(ctx, each, v.Conversation.Members))
			}
		}
		if len(ms) < 100 {
			break
		}
		after = ms[len(ms)-1].ID
	}
	return c.JSON(http.StatusOK, out)
}
