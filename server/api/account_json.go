package api

import (
	"cmp"
	"html"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
)

// accountJSON is Mastodon's Account entity.
type accountJSON struct {
	ID             string      `json:"id"`
	Username       string      `json:"username"`
	Acct           string      `json:"acct"`
	DisplayName    string      `json:"display_name"`
	Locked         bool        `json:"locked"`
	Bot            bool        `json:"bot"`
	Discoverable   bool        `json:"discoverable"`
	Group          bool        `json:"group"`
	CreatedAt      string      `json:"created_at"`
	Note           string      `json:"note"`
	URL            string      `json:"url"`
	URI            string      `json:"uri"`
	Avatar         string      `json:"avatar"`
	AvatarStatic   string      `json:"avatar_static"`
	Header         string      `json:"header"`
	HeaderStatic   string      `json:"header_static"`
	FollowersCount int64       `json:"followers_count"`
	FollowingCount int64       `json:"following_count"`
	StatusesCount  int64       `json:"statuses_count"`
	LastStatusAt   *string     `json:"last_status_at"`
	Emojis         []struct{}  `json:"emojis"`
	Fields         []struct{}  `json:"fields"`
	Source         *sourceJSON `json:"source,omitempty"`
}

// sourceJSON is the plain-text profile that only its owner sees, for
// editing (CredentialAccount's source).
type sourceJSON struct {
	Privacy   string     `json:"privacy"`
	Sensitive bool       `json:"sensitive"`
	Language  string     `json:"language"`
	Note      string     `json:"note"`
	Fields    []struct{} `json:"fields"`
}

// newAccountJSON renders an account for anyone to see. Counts stay 0
// until follows and pins are counted. A remote account ("bob@host") links
// to its own server; its avatar, like a local one, is the 400 px copy in
// our media (remote pictures are fetched, never hotlinked), or our
// default.
func (a *API) newAccountJSON(acct *corkboard.Account) accountJSON {
	avatar, header := a.BaseURL+"/static/avatar.svg", a.BaseURL+"/static/header.svg"
	if acct.AvatarKey != "" {
		avatar = a.mediaURL(acct.AvatarKey)
	}
	j := accountJSON{
		ID: strconv.FormatInt(acct.ID, 10), Username: acct.Username, Acct: acct.Acct(), DisplayName: acct.DisplayName,
		// Mastodon reports the day an account was made, at midnight UTC.
		CreatedAt: acct.CreatedAt.UTC().Format("2006-01-02") + "T00:00:00.000Z",
		Note:      noteHTML(acct.Bio), URL: a.BaseURL + "/@" + acct.Username, URI: a.BaseURL + "/users/" + acct.Username,
		Avatar: avatar, AvatarStatic: avatar, Header: header, HeaderStatic: header,
		Emojis: []struct{}{}, Fields: []struct{}{}, Locked: acct.ManuallyApproves,
	}
	if !acct.IsLocal() {
		j.URI, j.URL = acct.IRI, cmp.Or(acct.ProfileURL, acct.IRI)
		j.Bot = acct.ActorType == "Service" || acct.ActorType == "Application"
	}
	return j
}

// newCredentialAccountJSON renders the signed-in person's own account.
func (a *API) newCredentialAccountJSON(acct *corkboard.Account) accountJSON {
	j := a.newAccountJSON(acct)
	j.Source = &sourceJSON{Privacy: "public", Note: acct.Bio, Fields: []struct{}{}}
	return j
}

// noteHTML turns a plain-text bio into the HTML Mastodon clients expect:
// escaped, one <p> per paragraph, <br> for single line breaks.
func noteHTML(bio string) string {
	bio = strings.TrimSpace(strings.ReplaceAll(bio, "\r\n", "\n"))
	if bio == "" {
		return ""
	}
	var b strings.Builder
	for _, para := range strings.Split(bio, "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(para), "\n", "<br>") + "</p>")
		}
	}
	return b.String()
}
