package web

import (
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// Private messages: sending a pin, board or person to people, the
// conversation list, its Requests, and a thread. Every read and change
// goes through the Service, which answers "not found" to non-participants.

// sendPage is the data of the Send form.
type sendPage struct {
	Pin     *corkboard.Pin
	Board   *corkboard.Board
	Profile *corkboard.Account
	To      string
	Text    string
	Error   string
	People  []personOption // the picker's suggestions
	Query   template.URL   // pin=1, board=2 or profile=3: what the form's action carries (a URL, so that html/template keeps its "=")
}

// sendAttachment reads what is being sent from the query or the form.
func sendAttachment(c echo.Context) (corkboard.MessageAttachment, error) {
	var att corkboard.MessageAttachment
	for name, dst := range map[string]*int64{"pin": &att.PinID, "board": &att.BoardID, "profile": &att.ProfileID} {
		if v := c.FormValue(name); v != "" {
			n, err := parseID(v)
			if err != nil {
				return att, echo.ErrNotFound
			}
			*dst = n
		}
	}
	return att, nil
}

func parseID(s string) (int64, error) {
	var n int64
	for _, r := range s {
		if r < '0' || r > '9' || n > 1e15 {
			return 0, echo.ErrNotFound
		}
		n = n*10 + int64(r-'0')
	}
	if n <= 0 {
		return 0, echo.ErrNotFound
	}
	return n, nil
}

// loadSendPage loads what the form shows of the attachment; something the
// sender may not see is "not found".
func (w *Web) loadSendPage(c echo.Context, att corkboard.MessageAttachment) (*sendPage, error) {
	ctx, me := c.Request().Context(), currentAccount(c)
	p := &sendPage{}
	var err error
	switch {
	case att.PinID != 0:
		p.Query = template.URL("pin=" + formatID(att.PinID))
		p.Pin, err = w.Service.Pin(ctx, me, att.PinID)
	case att.BoardID != 0:
		p.Query = template.URL("board=" + formatID(att.BoardID))
		p.Board, err = w.Service.BoardByID(ctx, me, att.BoardID)
	case att.ProfileID != 0:
		p.Query = template.URL("profile=" + formatID(att.ProfileID))
		p.Profile, err = w.Service.AccountByID(ctx, att.ProfileID)
	}
	if err != nil {
		return nil, err
	}
	people, err := w.Service.MessageSuggestions(ctx, me, sendSuggestions)
	p.People = w.personOptions(people)
	return p, err
}

func (w *Web) sendForm(c echo.Context) error {
	att, err := sendAttachment(c)
	if err != nil {
		return err
	}
	p, err := w.loadSendPage(c, att)
	if err != nil {
		return err
	}
	p.To = c.QueryParam("to")
	return w.render(c, http.StatusOK, "send", "Send", p)
}

// send resolves the people named (local usernames, remote handles) and
// sends the message; refusals come back on the form.
func (w *Web) send(c echo.Context) error {
	att, err := sendAttachment(c)
	if err != nil {
		return err
	}
	p, err := w.loadSendPage(c, att)
	if err != nil {
		return err
	}
	p.To, p.Text = postedRecipients(c), c.FormValue("text")
	ids, err := w.resolvePeople(c, p.To)
	var m *corkboard.Message
	if err == nil {
		m, err = w.Service.SendMessage(c.Request().Context(), currentAccount(c), ids, p.Text, att)
	}
	switch corkboard.ErrorCode(err) {
	case "":
		return redirect(c, "/messages/"+formatID(m.ConversationID))
	case corkboard.EINVALID, corkboard.ENOTFOUND, corkboard.EFORBIDDEN, corkboard.ECONFLICT, corkboard.EUNSUPPORTED:
		p.Error = sentence(corkboard.ErrorMessage(err))
		return w.render(c, http.StatusUnprocessableEntity, "send", "Send", p)
	}
	return err
}

// resolvePeople turns "@alice, @bob@host carol" into account ids.
func (w *Web) resolvePeople(c echo.Context, to string) ([]int64, error) {
	ctx, me := c.Request().Context(), currentAccount(c)
	names := strings.FieldsFunc(to, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == ';' })
	if len(names) == 0 {
		return nil, corkboard.Errorf(corkboard.EINVALID, "write who to send to, like @alice or @bob@example.social")
	}
	if len(names) > corkboard.MaxRecipients {
		return nil, corkboard.Errorf(corkboard.EINVALID, "a conversation can have at most %d other people", corkboard.MaxRecipients)
	}
	ids := make([]int64, 0, len(names))
	for _, name := range names {
		name = strings.TrimPrefix(name, "@")
		var a *corkboard.Account
		var err error
		if w.Service.IsRemoteName(name) {
			a, err = w.Service.RemoteAccount(ctx, me, "@"+name)
		} else {
			user, _, _ := strings.Cut(name, "@")
			a, err = w.Service.Account(ctx, user)
			if corkboard.ErrorCode(err) == corkboard.ENOTFOUND {
				err = corkboard.Errorf(corkboard.ENOTFOUND, "nobody called @%s here", user)
			}
		}
		if err != nil {
			return nil, err
		}
		if !slices.Contains(ids, a.ID) { // typed and also ticked in the picker
			ids = append(ids, a.ID)
		}
	}
	return ids, nil
}

// inboxPage is the conversation list or the Requests list.
type inboxPage struct {
	Requests      bool
	Conversations []*corkboard.ConversationView
	About         map[int64]*corkboard.Message // requests: the first message, with its pin
	RequestCount  int64
	Next          string // the next page of older conversations, "" at the end
}

// inboxPageSize is how many conversations one page of the list shows.
const inboxPageSize = 50

func (w *Web) messages(c echo.Context) error { return w.inbox(c, false) }

func (w *Web) messageRequests(c echo.Context) error { return w.inbox(c, true) }

func (w *Web) inbox(c echo.Context, requests bool) error {
	ctx, me := c.Request().Context(), currentAccount(c)
	state := corkboard.MemberActive
	if requests {
		state = corkboard.MemberRequest
	}
	cs, err := w.Service.Conversations(ctx, me, state, cursor(c), inboxPageSize)
	if err != nil {
		return err
	}
	p := inboxPage{Requests: requests, Conversations: cs, About: map[int64]*corkboard.Message{}}
	if len(cs) == inboxPageSize {
		p.Next = nextURL(c, cs[len(cs)-1].Conversation.LastMessageID)
	}
	if requests {
		if p.About, err = w.Service.FirstMessages(ctx, me, cs); err != nil {
			return err
		}
	}
	if u := w.loadUnread(c); u != nil {
		p.RequestCount = u.Requests
	}
	title := "Messages"
	if requests {
		title = "Message requests"
	}
	return w.render(c, http.StatusOK, "messages", title, p)
}

// threadPage is one conversation.
type threadPage struct {
	*corkboard.ConversationView
	Messages []*threadMessage
	MyBoards []*corkboard.Board
	Request  bool
	Earlier  string // the page of earlier messages, "" when this is the start
}

// threadPageSize is how many messages a thread page shows: the newest,
// with a link back to earlier ones.
const threadPageSize = 50

// threadMessage is a message with what its cards' buttons need.
type threadMessage struct {
	*corkboard.Message
	Mine        bool
	Save        saveForm
	OwnerFollow corkboard.FollowState
	BoardFollow corkboard.FollowState
}

func (w *Web) thread(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx, me := c.Request().Context(), currentAccount(c)
	v, err := w.Service.Conversation(ctx, me, id)
	if err != nil {
		return err
	}
	ms, more, err := w.Service.RecentMessages(ctx, me, id, cursor(c), threadPageSize)
	if err != nil {
		return err
	}
	boards, err := w.myBoards(c)
	if err != nil {
		return err
	}
	here := requestPath(c)
	p := threadPage{ConversationView: v, MyBoards: boards, Request: v.Me != nil && v.Me.State == corkboard.MemberRequest}
	if more && len(ms) > 0 {
		p.Earlier = nextURL(c, ms[0].ID)
	}
	people, followed, err := w.threadFollowStates(c, ms)
	if err != nil {
		return err
	}
	for _, m := range ms {
		tm := &threadMessage{Message: m, Mine: m.SenderID == me.ID}
		switch {
		case m.Pin != nil:
			tm.Save = saveForm{PinID: m.Pin.ID, Boards: boards, CSRF: csrfToken(c), ReturnTo: here}
			tm.OwnerFollow = people[m.Pin.AccountID]
			if m.Pin.Board != nil {
				tm.BoardFollow = followed[m.Pin.Board.ID]
			}
		case m.Board != nil:
			tm.BoardFollow = followed[m.Board.ID]
		case m.Profile != nil:
			tm.OwnerFollow = people[m.Profile.ID]
		}
		p.Messages = append(p.Messages, tm)
	}
	if err := w.Service.MarkConversationRead(ctx, me, id); err != nil {
		return err
	}
	return w.render(c, http.StatusOK, "thread", "Messages", p)
}

// threadFollowStates loads, in one query, the viewer's follows of the
// people and boards the thread's cards offer to follow.
func (w *Web) threadFollowStates(c echo.Context, ms []*corkboard.Message) (people, boards map[int64]corkboard.FollowState, err error) {
	var accountIDs, boardIDs []int64
	for _, m := range ms {
		switch {
		case m.Pin != nil:
			accountIDs = append(accountIDs, m.Pin.AccountID)
			if m.Pin.Board != nil {
				boardIDs = append(boardIDs, m.Pin.Board.ID)
			}
		case m.Board != nil:
			boardIDs = append(boardIDs, m.Board.ID)
		case m.Profile != nil:
			accountIDs = append(accountIDs, m.Profile.ID)
		}
	}
	return w.Service.FollowStates(c.Request().Context(), currentAccount(c), accountIDs, boardIDs)
}

// reply adds a message to a thread.
func (w *Web) reply(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	_, err = w.Service.Reply(c.Request().Context(), currentAccount(c), id, c.FormValue("text"), corkboard.MessageAttachment{})
	return w.afterAction(c, err, "/messages/"+formatID(id)+"#reply", "")
}

// conversationAction is one button of a thread or a request.
func (w *Web) conversationAction(do func(w *Web, c echo.Context, id int64) (string, string, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		fallback, success, err := do(w, c, id)
		return w.afterAction(c, err, fallback, success)
	}
}

func threadURL(id int64) string { return "/messages/" + formatID(id) }

var (
	muteConversation = func(w *Web, c echo.Context, id int64) (string, string, error) {
		return threadURL(id), "Conversation muted.", w.Service.MuteConversation(c.Request().Context(), currentAccount(c), id, true)
	}
	unmuteConversation = func(w *Web, c echo.Context, id int64) (string, string, error) {
		return threadURL(id), "Conversation unmuted.", w.Service.MuteConversation(c.Request().Context(), currentAccount(c), id, false)
	}
	leaveConversation = func(w *Web, c echo.Context, id int64) (string, string, error) {
		return "/messages", "You left the conversation.", w.Service.LeaveConversation(c.Request().Context(), currentAccount(c), id)
	}
	acceptRequest = func(w *Web, c echo.Context, id int64) (string, string, error) {
		return threadURL(id), "Request accepted.", w.Service.AcceptRequest(c.Request().Context(), currentAccount(c), id)
	}
	declineRequest = func(w *Web, c echo.Context, id int64) (string, string, error) {
		return "/messages/requests", "Request declined.", w.Service.DeclineRequest(c.Request().Context(), currentAccount(c), id)
	}
	// blockSender blocks the other people of a request (a request has one
	// sender; group requests block whoever started them).
	blockSender = func(w *Web, c echo.Context, id int64) (string, string, error) {
		ctx, me := c.Request().Context(), currentAccount(c)
		v, err := w.Service.Conversation(ctx, me, id)
		if err != nil {
			return "", "", err
		}
		starter := v.Conversation.StartedByID
		if starter == me.ID {
			return "", "", corkboard.Errorf(corkboard.EINVALID, "you started this conversation")
		}
		if err := w.Service.BlockAccount(ctx, me, starter); err != nil {
			return "", "", err
		}
		if v.Me.State == corkboard.MemberRequest {
			err = w.Service.DeclineRequest(ctx, me, id)
		}
		return "/messages/requests", "Blocked. They cannot message you any more.", err
	}
)

// deleteMessage deletes one of my messages in a thread.
func (w *Web) deleteMessage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	mid, err := idParam(c, "message")
	if err != nil {
		return err
	}
	ctx, me := c.Request().Context(), currentAccount(c)
	if _, err := w.Service.Conversation(ctx, me, id); err != nil {
		return err
	}
	err = w.Service.DeleteMessage(ctx, me, mid)
	return w.afterAction(c, err, threadURL(id), "Message deleted.")
}

// messageSettingsPage is who may start a conversation with me.
type messageSettingsPage struct {
	Policy  corkboard.MessagePolicy
	Choices []messagePolicyChoice
	Blocked []*corkboard.Account // people I block, with Unblock buttons
}

type messagePolicyChoice struct {
	Value       corkboard.MessagePolicy
	Label, Hint string
}

var messagePolicyChoices = []messagePolicyChoice{
	{corkboard.MessagesFromEveryone, "Everyone", "Anyone can start a conversation with you."},
	{corkboard.MessagesFromFollowing, "People I follow", "People you follow reach your inbox; everyone else lands in Requests."},
	{corkboard.MessagesFromNobody, "Nobody", "Every new conversation waits in Requests until you accept it."},
}

func (w *Web) messageSettingsForm(c echo.Context) error {
	ctx, me := c.Request().Context(), currentAccount(c)
	pol, err := w.Service.MessagePolicy(ctx, me)
	if err != nil {
		return err
	}
	blocked, err := w.Service.BlockedPeople(ctx, me, 100)
	if err != nil {
		return err
	}
	return w.render(c, http.StatusOK, "settings_messages", "Message settings",
		messageSettingsPage{Policy: pol, Choices: messagePolicyChoices, Blocked: blocked})
}

// unblock is POST /settings/blocks/:id/unblock.
func (w *Web) unblock(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = w.Service.UnblockAccount(c.Request().Context(), currentAccount(c), id)
	return w.afterAction(c, err, "/settings/messages#blocked", "Unblocked.")
}

func (w *Web) messageSettings(c echo.Context) error {
	pol, err := corkboard.ParseMessagePolicy(c.FormValue("policy"))
	if err == nil {
		err = w.Service.SetMessagePolicy(c.Request().Context(), currentAccount(c), pol)
	}
	return w.afterAction(c, err, "/settings/messages", "Saved.")
}

// unreadOf is the header badge's counts, loaded once per page.
func unreadOf(c echo.Context) *corkboard.MessageUnread {
	u, _ := c.Get("corkboard.unread").(*corkboard.MessageUnread)
	return u
}

// loadUnread counts the signed-in person's unread conversations and
// requests for the header (one Service call per page).
func (w *Web) loadUnread(c echo.Context) *corkboard.MessageUnread {
	me := currentAccount(c)
	if me == nil || w.Service == nil { // pages rendered without a Service (the package's tests)
		return nil
	}
	if u := unreadOf(c); u != nil {
		return u
	}
	u, err := w.Service.UnreadMessages(c.Request().Context(), me)
	if err != nil {
		w.Log.Warn("unread messages", "err", err)
		return nil
	}
	c.Set("corkboard.unread", &u)
	return &u
}

// badgeCount is the Messages badge's number: unread conversations and
// requests together; 0 hides the badge.
func badgeCount(u *corkboard.MessageUnread) int64 {
	if u == nil {
		return 0
	}
	return u.Conversations + u.Requests
}
