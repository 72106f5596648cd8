package api

import (
	"strconv"

	"github.com/corkboard/corkboard"
)

// commentJSON is a comment on a pin, in plain text.
type commentJSON struct {
	ID        string       `json:"id"`
	PinID     string       `json:"pin_id"`
	Text      string       `json:"text"`
	URI       string       `json:"uri"`
	CreatedAt string       `json:"created_at"`
	Account   *accountJSON `json:"account"`
}

func (a *API) newCommentJSON(cm *corkboard.Comment) commentJSON {
	j := commentJSON{ID: strconv.FormatInt(cm.ID, 10), PinID: strconv.FormatInt(cm.PinID, 10), Text: cm.Text,
		URI: a.Service.CommentIRI(cm), CreatedAt: timestamp(cm.CreatedAt)}
	if cm.Account != nil {
		acct := a.newAccountJSON(cm.Account)
		j.Account = &acct
	}
	return j
}

func (a *API) newCommentsJSON(cs []*corkboard.Comment) []commentJSON {
	out := make([]commentJSON, len(cs))
	for i, cm := range cs {
		out[i] = a.newCommentJSON(cm)
	}
	return out
}
