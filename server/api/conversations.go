package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// conversationJSON is Mastodon's Conversation entity.
type conversationJSON struct {
	ID         string        `json:"id"`
	Unread     bool          `json:"unread"`
	Accounts   []accountJSON `json:"accounts"`
	LastStatus *statusJSON   `json:"last_status"`
}

// conversations is GET /api/v1/conversations: the token's account's
// active conversations (requests are in /api/v1/notifications/requests),
// most recent first, paged by max_id (a last message id).
func (a *API) conversations(c echo.Context) error {
	page, err := readPage(c, "max_id")
	if err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), viewer(c)
	views, err := a.Service.Conversations(ctx, actor, corkboard.MemberActive, page.Cursor, page.Limit)
	if err != nil {
		return err
	}
	if err := a.hydrateLastMessages(c, views); err != nil {
		return err
	}
	out := make([]conversationJSON, 0, len(views))
	var next int64
	for _, v := range views {
		if v.LastMessage != nil {
			next = v.LastMessage.ID
		}
		out = append(out, a.newConversationJSON(ctx, v))
	}
	if len(views) == page.Limit {
		a.setNextLink(c, "max_id", next)
	}
	return c.JSON(http.StatusOK, out)
}

// hydrateLastMessages loads the senders and pins of the views' last messages.
func (a *API) hydrateLastMessages(c echo.Context, views []*corkboard.ConversationView) error {
	var ms []*corkboard.Message
	for _, v := range views {
		if v.LastMessage != nil {
			ms = append(ms, v.LastMessage)
		}
	}
	return a.Service.HydrateMessages(c.Request().Context(), viewer(c), ms)
}

// readConversation is POST /api/v1/conversations/:id/read: answers with
// the conversation, now read.
func (a *API) readConversation(c echo.Context) error {
	id, err := pathID(c, "id", "conversation")
	if err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), viewer(c)
	if err := a.Service.MarkConversationRead(ctx, actor, id); err != nil {
		return err
	}
	v, err := a.Service.Conversation(ctx, actor, id)
	if err != nil {
		return err
	}
	if err := a.hydrateLastMessages(c, []*corkboard.ConversationView{v}); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newConversationJSON(ctx, v))
}

// newConversationJSON renders a conversation whose last message is hydrated.
func (a *API) newConversationJSON(ctx context.Context, v *corkboard.ConversationView) conversationJSON {
	j := conversationJSON{ID: strconv.FormatInt(v.Conversation.ID, 10), Unread: v.Me != nil && v.Me.Unread > 0,
		Accounts: make([]accountJSON, 0, len(v.Others))}
	for _, o := range v.Others {
		j.Accounts = append(j.Accounts, a.newAccountJSON(o))
	}
	if v.LastMessage != nil {
		s := a.newStatusJSON(ctx, v.LastMessage, v.Conversation.Members)
		j.LastStatus = &s
	}
	return j
}

// deleteConversation is DELETE /api/v1/conversations/:id: leaves it.
func (a *API) deleteConversation(c echo.Context) error {
	id, err := pathID(c, "id", "conversation")
	if err != nil {
		return err
	}
	if err := a.Service.LeaveConversation(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct{}{})
}
