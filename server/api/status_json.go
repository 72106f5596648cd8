package api

import (
	"cmp"
	"context"
	"html"
	"strconv"

	"github.com/corkboard/corkboard"
)

// statusJSON is Mastodon's Status entity for a private message (always
// visibility "direct"), with Corkboard's extension `pin`: the attached pin
// as pinJSON, or null.
type statusJSON struct {
	ID                 string        `json:"id"`
	CreatedAt          string        `json:"created_at"`
	InReplyToID        *string       `json:"in_reply_to_id"`
	InReplyToAccountID *string       `json:"in_reply_to_account_id"`
	Sensitive          bool          `json:"sensitive"`
	SpoilerText        string        `json:"spoiler_text"`
	Visibility         string        `json:"visibility"`
	Language           *string       `json:"language"`
	URI                string        `json:"uri"`
	URL                *string       `json:"url"`
	RepliesCount       int           `json:"replies_count"`
	ReblogsCount       int           `json:"reblogs_count"`
	FavouritesCount    int           `json:"favourites_count"`
	Content            string        `json:"content"`
	Account            *accountJSON  `json:"account"`
	MediaAttachments   []mediaJSON   `json:"media_attachments"`
	Mentions           []mentionJSON `json:"mentions"`
	Tags               []struct{}    `json:"tags"`
	Emojis             []struct{}    `json:"emojis"`
	Card               *struct{}     `json:"card"`
	Poll               *struct{}     `json:"poll"`
	Pin                *pinJSON      `json:"pin"`
}

// mediaJSON is Mastodon's MediaAttachment entity for an image.
type mediaJSON struct {
	ID          string        `json:"id"`
	Type        string        `json:"type"`
	URL         string        `json:"url"`
	PreviewURL  string        `json:"preview_url"`
	RemoteURL   *string       `json:"remote_url"`
	Description *string       `json:"description"`
	Blurhash    string        `json:"blurhash"`
	Meta        mediaMetaJSON `json:"meta"`
}

type mediaMetaJSON struct {
	Original mediaSizeJSON `json:"original"`
	Small    mediaSizeJSON `json:"small"`
}

type mediaSizeJSON struct {
	Width  int     `json:"width"`
	Height int     `json:"height"`
	Size   string  `json:"size"`
	Aspect float64 `json:"aspect"`
}

// mentionJSON is Mastodon's Status Mention.
type mentionJSON struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Acct     string `json:"acct"`
	URL      string `json:"url"`
}

// newStatusJSON renders a message (hydrated: sender, pin) of a conversation
// whose members' accounts are loaded (ConversationView).
func (a *API) newStatusJSON(ctx context.Context, m *corkboard.Message, members []*corkboard.Member) statusJSON {
	id := strconv.FormatInt(m.ID, 10)
	j := statusJSON{ID: id, CreatedAt: timestamp(m.CreatedAt), Visibility: "direct", URI: a.Service.MessageIRI(m),
		Content: noteHTML(m.Text), MediaAttachments: []mediaJSON{}, Mentions: []mentionJSON{},
		Tags: []struct{}{}, Emojis: []struct{}{}}
	if prev := a.Service.RepliedMessage(ctx, m); prev != nil {
		pid, aid := strconv.FormatInt(prev.ID, 10), strconv.FormatInt(prev.SenderID, 10)
		j.InReplyToID, j.InReplyToAccountID = &pid, &aid
	}
	if m.Sender != nil {
		acct := a.newAccountJSON(m.Sender)
		j.Account = &acct
	}
	if m.Pin != nil {
		p := a.newPinJSON(m.Pin)
		j.Pin = &p
		j.Content += `<p><a href="` + html.EscapeString(p.URL) + `">` + html.EscapeString(cmp.Or(m.Pin.Title, p.URL)) + `</a></p>`
		j.MediaAttachments = append(j.MediaAttachments, a.newMediaJSON("pin-"+p.ID, m.Pin.Image, m.Pin.AltText))
	}
	for i, im := range m.Attachment.Images {
		j.MediaAttachments = append(j.MediaAttachments, a.newMediaJSON(id+"-"+strconv.Itoa(i), im, ""))
	}
	for _, mb := range members {
		if mb.AccountID == m.SenderID || mb.Account == nil {
			continue
		}
		acct := a.newAccountJSON(mb.Account)
		j.Mentions = append(j.Mentions, mentionJSON{ID: acct.ID, Username: acct.Username, Acct: acct.Acct, URL: acct.URL})
	}
	return j
}

// newMediaJSON renders a stored image as a MediaAttachment; its preview is
// the 236-wide thumbnail.
func (a *API) newMediaJSON(id string, im corkboard.Image, alt string) mediaJSON {
	small := im.Variant(236)
	j := mediaJSON{ID: id, Type: "image", URL: a.mediaURL(im.Key), PreviewURL: a.mediaURL(small.Key), Blurhash: im.Blurhash,
		Meta: mediaMetaJSON{Original: mediaSize(im.Width, im.Height), Small: mediaSize(min(small.Width, im.Width), small.Height)}}
	if alt != "" {
		j.Description = &alt
	}
	return j
}

func mediaSize(w, h int) mediaSizeJSON {
	s := mediaSizeJSON{Width: w, Height: h, Size: strconv.Itoa(w) + "x" + strconv.Itoa(h)}
	if h > 0 {
		s.Aspect = float64(w) / float64(h)
	}
	return s
}
