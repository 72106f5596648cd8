package vocab

import (
	"encoding/json"
	"fmt"
)

// summary is what the golden fixture test records about a decoded document:
// enough to see every tolerant field at work, little enough to review.
type summary struct {
	Kind       string          `json:"kind"`
	Type       string          `json:"type,omitempty"`
	ID         string          `json:"id,omitempty"`
	Actor      string          `json:"actor,omitempty"`
	Objects    []refSummary    `json:"objects,omitempty"`
	Target     string          `json:"target,omitempty"`
	Result     string          `json:"result,omitempty"`
	To         IRIs            `json:"to,omitempty"`
	Cc         IRIs            `json:"cc,omitempty"`
	Public     bool            `json:"public,omitempty"`
	Content    string          `json:"content,omitempty"`
	Embedded   *objectSummary  `json:"embedded,omitempty"`
	Object     *objectSummary  `json:"object,omitempty"`
	Actor2     *actorSummary   `json:"actorDoc,omitempty"`
	Collection *collSummary    `json:"collection,omitempty"`
	Inner      json.RawMessage `json:"inner,omitempty"`
}

type refSummary struct {
	ID   string `json:"id"`
	Type string `json:"type,omitempty"`
}

type objectSummary struct {
	ID           string   `json:"id,omitempty"`
	Type         string   `json:"type,omitempty"`
	Author       string   `json:"author,omitempty"`
	URL          URL      `json:"url,omitempty"`
	InReplyTo    IRI      `json:"inReplyTo,omitempty"`
	Context      IRI      `json:"context,omitempty"`
	Conversation IRI      `json:"conversation,omitempty"`
	To           IRIs     `json:"to,omitempty"`
	Cc           IRIs     `json:"cc,omitempty"`
	Public       bool     `json:"public,omitempty"`
	Name         string   `json:"name,omitempty"`
	Summary      string   `json:"summary,omitempty"`
	Sensitive    bool     `json:"sensitive,omitempty"`
	DM           bool     `json:"directMessage,omitempty"`
	Published    string   `json:"published,omitempty"`
	Updated      string   `json:"updated,omitempty"`
	ContentLen   int      `json:"contentLen,omitempty"`
	Mentions     []string `json:"mentions,omitempty"`
	Hashtags     []string `json:"hashtags,omitempty"`
	Images       []string `json:"images,omitempty"`
	Attachments  int      `json:"attachments,omitempty"`
	Extensions   []string `json:"extensions,omitempty"`
}

type actorSummary struct {
	ID          string   `json:"id"`
	Type        string   `json:"type"`
	Username    string   `json:"preferredUsername,omitempty"`
	Name        string   `json:"name,omitempty"`
	Inbox       IRI      `json:"inbox,omitempty"`
	SharedInbox IRI      `json:"sharedInbox,omitempty"`
	Keys        []string `json:"keys,omitempty"`
	Icon        MediaURL `json:"icon,omitempty"`
	Locked      bool     `json:"manuallyApprovesFollowers,omitempty"`
	Discover    bool     `json:"discoverable,omitempty"`
	Attributed  []string `json:"attributedTo,omitempty"`
	HasSecurity bool     `json:"securityContext,omitempty"`
}

type collSummary struct {
	TotalItems int      `json:"totalItems"`
	First      string   `json:"first,omitempty"`
	Next       IRI      `json:"next,omitempty"`
	PartOf     IRI      `json:"partOf,omitempty"`
	Items      []string `json:"items,omitempty"`
}

func summarize(doc *Document) (summary, error) {
	s := summary{Kind: doc.Kind.String(), Type: doc.Type}
	var err error
	switch {
	case doc.Activity != nil:
		err = s.activity(doc.Activity)
	case doc.Object != nil:
		s.Object = summarizeObject(doc.Object)
	case doc.Actor != nil:
		s.Actor2 = summarizeActor(doc.Actor)
	case doc.Collection != nil:
		s.Collection = summarizeCollection(doc.Collection)
	}
	return s, err
}

func (s *summary) activity(a *Activity) error {
	s.ID, s.Actor, s.To, s.Cc = a.ID, a.Actor.ID, a.To, a.Cc
	s.Public, s.Content = IsPublic(a.To) || IsPublic(a.Cc), a.Content
	s.Target, s.Result = a.Target.ID, a.Result.ID
	for _, r := range a.Objects {
		s.Objects = append(s.Objects, refSummary{r.ID, r.Type})
	}
	obj := a.Object()
	if !obj.IsEmbedded() {
		return nil
	}
	switch KindOf(obj.Type) {
	case KindObject:
		o, err := obj.Object()
		if err != nil {
			return err
		}
		s.Embedded = summarizeObject(o)
	case KindActivity:
		inner, err := obj.Activity()
		if err != nil {
			return err
		}
		is := summary{Kind: "activity", Type: inner.Type}
		if err := is.activity(inner); err != nil {
			return err
		}
		s.Inner, err = json.Marshal(is)
		return err
	case KindActor:
		ac, err := obj.Actor()
		if err != nil {
			return err
		}
		s.Actor2 = summarizeActor(ac)
	}
	return nil
}

func summarizeObject(o *Object) *objectSummary {
	s := &objectSummary{
		ID: o.ID, Type: o.Type, Author: o.Author(), URL: o.URL,
		InReplyTo: o.InReplyTo, Context: o.Context, Conversation: o.Conversation,
		To: o.To, Cc: o.Cc, Public: IsPublic(o.To) || IsPublic(o.Cc),
		Name: o.Name, Summary: o.Summary, Sensitive: o.Sensitive, DM: o.DirectMessage,
		ContentLen: len(o.Content), Attachments: len(o.Attachment),
	}
	if !o.Published.IsZero() {
		s.Published = o.Published.UTC().Format("2006-01-02T15:04:05.000Z")
	}
	if !o.Updated.IsZero() {
		s.Updated = o.Updated.UTC().Format("2006-01-02T15:04:05.000Z")
	}
	for _, t := range o.Mentions() {
		s.Mentions = append(s.Mentions, t.Name+" "+t.Href)
	}
	for _, t := range o.Hashtags() {
		s.Hashtags = append(s.Hashtags, t.Name)
	}
	for _, a := range o.Images() {
		img := fmt.Sprintf("%s %s alt=%q blurhash=%q %dx%d", a.URL, a.MediaType, a.AltText(), a.Blurhash, a.Width, a.Height)
		if x, y, ok := a.Focus(); ok {
			img += fmt.Sprintf(" focus=%g,%g", x, y)
		}
		s.Images = append(s.Images, img)
	}
	for _, ext := range [...]struct {
		name string
		v    IRI
	}{{"savedFrom", o.SavedFrom}, {"sourceLink", o.SourceLink}, {"pin", o.Pin}} {
		if ext.v != "" {
			s.Extensions = append(s.Extensions, ext.name+"="+string(ext.v))
		}
	}
	return s
}

func summarizeActor(a *Actor) *actorSummary {
	s := &actorSummary{
		ID: a.ID, Type: a.Type, Username: a.PreferredUsername, Name: a.Name,
		Inbox: a.Inbox, SharedInbox: a.Endpoints.SharedInbox, Icon: a.Icon.URL,
		Locked: a.ManuallyApprovesFollowers, Discover: a.Discoverable,
		Attributed: a.AttributedTo.IDs(), HasSecurity: a.LDContext.HasContext(SecurityContext),
	}
	for _, k := range a.PublicKey {
		s.Keys = append(s.Keys, fmt.Sprintf("%s owner=%s pem=%t", k.ID, k.Owner, k.PublicKeyPem != ""))
	}
	return s
}

func summarizeCollection(c *Collection) *collSummary {
	s := &collSummary{TotalItems: c.TotalItems, First: c.First.ID, Next: c.Next, PartOf: c.PartOf}
	for _, r := range c.All() {
		s.Items = append(s.Items, r.ID)
	}
	return s
}
