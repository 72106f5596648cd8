package api

import (
	"net/http"
	"strconv"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// notificationJSON is Mastodon's Notification entity.
type notificationJSON struct {
	ID        string       `json:"id"`
	Type      string       `json:"type"`
	CreatedAt string       `json:"created_at"`
	Account   *accountJSON `json:"account"`
	Status    *statusJSON  `json:"status,omitempty"`
}

// notifications is GET /api/v1/notifications: mentions (a message in an
// active conversation) and follows, newest first, paged by max_id. A
// first message from someone new is a request, listed in
// /api/v1/notifications/requests instead.
func (a *API) notifications(c echo.Context) error {
	page, err := readPage(c, "max_id")
	if err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), viewer(c)
	ns, err := a.Service.Notifications(ctx, actor, page.Cursor, page.Limit)
	if err != nil {
		return err
	}
	out := make([]notificationJSON, 0, len(ns))
	for _, n := range ns {
		if n.From == nil || (n.Type != "mention" && n.Type != "follow" && n.Type != "follow_request") {
			continue
		}
		acct := a.newAccountJSON(n.From)
		j := notificationJSON{ID: strconv.FormatInt(n.ID, 10), Type: n.Type, CreatedAt: timestamp(n.CreatedAt), Account: &acct}
		if n.Type == "mention" {
			m, v, err := a.Service.MessageForViewer(ctx, actor, n.MessageID)
			if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
				continue // deleted, or a conversation left since
			} else if err != nil {
				return err
			}
			s := a.newStatusJSON(ctx, m, v.Conversation.Members)
			j.Status = &s
		}
		out = append(out, j)
	}
	if len(ns) == page.Limit {
		a.setNextLink(c, "max_id", ns[len(ns)-1].ID)
	}
	return c.JSON(http.StatusOK, out)
}

// notificationRequestJSON is Mastodon 4.3's NotificationRequest: here, a
// conversation someone new started, waiting to be accepted.
type notificationRequestJSON struct {
	ID                 string       `json:"id"`
	CreatedAt          string       `json:"created_at"`
	UpdatedAt          string       `json:"updated_at"`
	Account            *accountJSON `json:"account"`
	NotificationsCount string       `json:"notifications_count"`
	LastStatus         *statusJSON  `json:"last_status"`
}

// notificationRequests is GET /api/v1/notifications/requests: message
// requests, most recent first, paged by max_id (a last message id).
func (a *API) notificationRequests(c echo.Context) error {
	page, err := readPage(c, "max_id")
	if err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), viewer(c)
	views, err := a.Service.Conversations(ctx, actor, corkboard.MemberRequest, page.Cursor, page.Limit)
	if err != nil {
		return err
	}
	if err := a.hydrateLastMessages(c, views); err != nil {
		return err
	}
	out := make([]notificationRequestJSON, 0, len(views))
	var next int64
	for _, v := range views {
		conv := v.Conversation
		j := notificationRequestJSON{ID: strconv.FormatInt(conv.ID, 10), CreatedAt: timestamp(conv.CreatedAt),
			UpdatedAt: timestamp(conv.UpdatedAt), NotificationsCount: "0"}
		if v.Me != nil {
			j.NotificationsCount = strconv.Itoa(v.Me.Unread)
		}
		for _, m := range conv.Members {
			if m.AccountID == conv.StartedByID && m.Account != nil {
				acct := a.newAccountJSON(m.Account)
				j.Account = &acct
			}
		}
		if v.LastMessage != nil {
			s := a.newStatusJSON(ctx, v.LastMessage, conv.Members)
			j.LastStatus = &s
			next = v.LastMessage.ID
		}
		out = append(out, j)
	}
	if len(views) == page.Limit {
		a.setNextLink(c, "max_id", next)
	}
	return c.JSON(http.StatusOK, out)
}

// acceptNotificationRequest is POST /api/v1/notifications/requests/:id/accept:
// the conversation moves to /api/v1/conversations.
func (a *API) acceptNotificationRequest(c echo.Context) error {
	id, err := pathID(c, "id", "notification request")
	if err != nil {
		return err
	}
	if err := a.Service.AcceptRequest(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct{}{})
}

// dismissNotificationRequest is POST /api/v1/notifications/requests/:id/dismiss:
// declines the request, without telling the sender.
func (a *API) dismissNotificationRequest(c echo.Context) error {
	id, err := pathID(c, "id", "notification request")
	if err != nil {
		return err
	}
	if err := a.Service.DeclineRequest(c.Request().Context(), viewer(c), id); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct{}{})
}
