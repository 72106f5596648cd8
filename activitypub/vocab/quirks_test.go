package vocab

import (
	"strings"
	"testing"
)

// TestQuirks pins down, by name, the interop quirks the fixture corpus
// documents, so a regression names the server it would break.
func TestQuirks(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		check func(t *testing.T, d *Document)
	}{
		{"GoToSocial single-string to", "gotosocial/create-note-public-image.json", func(t *testing.T, d *Document) {
			a := d.Activity
			o := embedded(t, a)
			wantIRIs(t, "activity to", a.To, PublicCollection)
			wantIRIs(t, "activity cc", a.Cc, "http://gts.test/users/alice/followers")
			wantIRIs(t, "object to", o.To, PublicCollection)
			if !IsPublic(o.To) {
				t.Error("not public")
			}
		}},
		{"GoToSocial activity id with fragment", "gotosocial/update-note-edit.json", func(t *testing.T, d *Document) {
			a := d.Activity
			if !strings.HasSuffix(a.ID, "/activity#Update") || strings.Contains(a.Object().ID, "#") {
				t.Errorf("id %q, object %q", a.ID, a.Object().ID)
			}
			if o := embedded(t, a); o.Updated.IsZero() || !o.Updated.After(o.Published.Time) {
				t.Errorf("updated %v, published %v", o.Updated, o.Published)
			}
		}},
		{"GoToSocial alt text in summary", "gotosocial/object-note-public-image.json", func(t *testing.T, d *Document) {
			img := oneImage(t, d.Object)
			if img.Name != "" || img.AltText() != "A red pushpin on a cork board (alt text)" {
				t.Errorf("name %q, alt %q", img.Name, img.AltText())
			}
			if d.Object.Summary != "" || d.Object.Sensitive {
				t.Errorf("summary %q sensitive %v: \"\" means no content warning", d.Object.Summary, d.Object.Sensitive)
			}
		}},
		{"GoToSocial focalPoint", "gotosocial/object-note-direct.json", func(t *testing.T, d *Document) {
			x, y, ok := oneImage(t, d.Object).Focus()
			if !ok || x < 0.09 || x > 0.11 || y > -0.09 || y < -0.11 {
				t.Errorf("focus %v,%v %v", x, y, ok)
			}
		}},
		{"Mastodon docs focalPoint", "mastodon-docs/note-image-focalpoint.json", func(t *testing.T, d *Document) {
			if x, y, ok := oneImage(t, d.Object).Focus(); !ok || x != -0.55 || y != 0.43 {
				t.Errorf("focus %v,%v %v", x, y, ok)
			}
		}},
		{"Fedify single tag object, single attachment object, alt text in name", "fedify/object-note-public-image.json", func(t *testing.T, d *Document) {
			o := d.Object
			if m := o.Mentions(); len(m) != 1 || m[0].Href != "http://stub.test/users/carol" || m[0].Name != "@carol@stub.test" {
				t.Errorf("mentions %+v", m)
			}
			img := oneImage(t, o)
			if img.AltText() != "a 1x1 test pixel" || img.Width != 1 || img.Height != 1 {
				t.Errorf("image %+v", img)
			}
			if !IsPublic(o.To) || o.To[0] != "as:Public" {
				t.Errorf("to %v: as:Public must count as public", o.To)
			}
		}},
		{"Fedify signature and proof ignored", "fedify/create-note-direct-image-mention.json", func(t *testing.T, d *Document) {
			a := d.Activity
			o := embedded(t, a)
			if a.Actor.ID != "http://fedify-peer1.test/users/alice" || o.Author() != a.Actor.ID {
				t.Errorf("actor %q author %q", a.Actor.ID, o.Author())
			}
			if !a.LDContext.HasContext("https://w3id.org/identity/v1") || a.LDContext.HasContext(SecurityContext) {
				t.Error("@context should be the top-level one (identity/v1, no security/v1)")
			}
			wantIRIs(t, "object to", o.To, "http://stub.test/users/carol")
		}},
		{"Fedify Accept id is actor#accepts/uuid", "fedify/accept-follow.json", func(t *testing.T, d *Document) {
			a := d.Activity
			f, err := a.Object().Activity()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(a.ID, a.Actor.ID+"#accepts/") || f.Type != "Follow" || f.Object().ID != a.Actor.ID {
				t.Errorf("accept %q of %s %q", a.ID, f.Type, f.Object().ID)
			}
		}},
		{"Fedify actor key needs the security context", "fedify/actor-person.json", func(t *testing.T, d *Document) {
			a := d.Actor
			k, ok := a.Key("http://fedify-peer1.test/users/alice#main-key")
			if !ok || k.Owner != a.ID || !strings.HasPrefix(k.PublicKeyPem, "-----BEGIN PUBLIC KEY-----") {
				t.Errorf("key %+v %v", k, ok)
			}
			if !a.LDContext.HasContext(SecurityContext) || a.DeliveryInbox() != "http://fedify-peer1.test/inbox" {
				t.Errorf("security context %v, delivery inbox %q", a.LDContext.HasContext(SecurityContext), a.DeliveryInbox())
			}
		}},
		{"Pixelfed single tag object and empty attachment", "pixelfed/create-note-reply-mention.json", func(t *testing.T, d *Document) {
			o := embedded(t, d.Activity)
			if m := o.Mentions(); len(m) != 1 || m[0].Href != "https://gram.social/users/Alice" {
				t.Errorf("mentions %+v", m)
			}
			if len(o.Attachment) != 0 || o.Summary != "" || o.InReplyTo != "https://gram.social/p/Alice/650350850687790456" {
				t.Errorf("attachment %v summary %q inReplyTo %q", o.Attachment, o.Summary, o.InReplyTo)
			}
		}},
		{"Mastodon direct message with cc []", "mastodon/create-note-direct-mention.json", func(t *testing.T, d *Document) {
			a := d.Activity
			o := embedded(t, a)
			if len(a.Cc) != 0 || len(o.Cc) != 0 || IsPublic(o.Recipients()) {
				t.Errorf("cc %v / %v", a.Cc, o.Cc)
			}
			if m := o.Mentions(); len(m) != 1 || !o.To.Contains(m[0].Href) {
				t.Errorf("mention %+v not a recipient %v", m, o.To)
			}
			if !strings.HasPrefix(string(o.Conversation), "tag:mastodon.world,") || o.ContentMap["es"] != o.Content {
				t.Errorf("conversation %q contentMap %v", o.Conversation, o.ContentMap)
			}
		}},
		{"Lemmy ChatMessage with string to", "lemmy/create-chatmessage-private.json", func(t *testing.T, d *Document) {
			a := d.Activity
			o := embedded(t, a)
			wantIRIs(t, "to", a.To, "http://ds9.lemmy.ml/u/lemmy_alpha")
			wantIRIs(t, "object to", o.To, "http://ds9.lemmy.ml/u/lemmy_alpha")
			if o.Type != "ChatMessage" || o.Content != "hello" || o.Published.IsZero() {
				t.Errorf("%s %q %v", o.Type, o.Content, o.Published)
			}
		}},
		{"Lemmy Page with a Link attachment", "lemmy/object-page.json", func(t *testing.T, d *Document) {
			o := d.Object
			if len(o.Attachment) != 1 || o.Attachment[0].Type != "Link" || o.Attachment[0].Href == "" {
				t.Fatalf("attachment %+v", o.Attachment)
			}
			if len(o.Images()) != 0 || o.Name != "Post title" {
				t.Errorf("images %v name %q: a Link is not an image", o.Images(), o.Name)
			}
		}},
		{"Lemmy group Announce wraps Create(Page) (FEP-1b12)", "lemmy/announce-create-page.json", func(t *testing.T, d *Document) {
			create, err := d.Activity.Object().Activity()
			if err != nil {
				t.Fatal(err)
			}
			page := embedded(t, create)
			if create.Type != "Create" || page.Type != "Page" || !page.To.Contains(d.Activity.Actor.ID) {
				t.Errorf("%s(%s) to %v", create.Type, page.Type, page.To)
			}
		}},
		{"Lemmy group moderators in attributedTo", "lemmy/actor-group.json", func(t *testing.T, d *Document) {
			a := d.Actor
			if a.Type != "Group" || a.AttributedTo.First().ID != "https://enterprise.lemmy.ml/c/tenforward/moderators" {
				t.Errorf("%s %v", a.Type, a.AttributedTo)
			}
			if a.LDContext != nil || len(a.PublicKey) != 1 {
				t.Errorf("context %s keys %v", a.LDContext, a.PublicKey)
			}
		}},
		{"Pleroma ChatMessage", "pleroma/object-chatmessage.json", func(t *testing.T, d *Document) {
			o := d.Object
			if o.Type != "ChatMessage" || o.Content != "Hi!" || !o.LDContext.HasContext("https://queer.hacktivis.me/schemas/litepub-0.1.jsonld") {
				t.Errorf("%s %q", o.Type, o.Content)
			}
			wantIRIs(t, "to", o.To, "https://enterprise.lemmy.ml/u/picard")
		}},
		{"Flag object is an array", "gotosocial/flag.json", func(t *testing.T, d *Document) {
			a := d.Activity
			if ids := a.Objects.IDs(); len(ids) != 2 || ids[0] != "http://stub.test/users/carol" || ids[1] != "http://stub.test/users/carol/statuses/1" {
				t.Errorf("objects %v", ids)
			}
			if a.Object().ID != "http://stub.test/users/carol" || a.Content != "spam pins" || len(a.Recipients()) != 0 {
				t.Errorf("object %q content %q recipients %v", a.Object().ID, a.Content, a.Recipients())
			}
		}},
		{"GoToSocial Accept(ReplyRequest) result", "gotosocial/accept-replyrequest-authorization.json", func(t *testing.T, d *Document) {
			req, err := d.Activity.Object().Activity()
			if err != nil {
				t.Fatal(err)
			}
			if d.Activity.Result.ID == "" || req.Type != "ReplyRequest" || req.Instrument.ID != "http://stub.test/users/carol/statuses/4" {
				t.Errorf("result %q, %s instrument %q", d.Activity.Result.ID, req.Type, req.Instrument.ID)
			}
		}},
		{"GoToSocial Update(Person) embeds the actor", "gotosocial/update-person.json", func(t *testing.T, d *Document) {
			p, err := d.Activity.Object().Actor()
			if err != nil {
				t.Fatal(err)
			}
			if p.Name != "Alice Pins" || p.Icon.URL == "" || p.Image.URL == "" || p.Featured == "" {
				t.Errorf("%+v", p)
			}
		}},
		{"Vernissage width, height and blurhash", "vernissage/object-note-image-exif.json", func(t *testing.T, d *Document) {
			img := oneImage(t, d.Object)
			if img.Width != 4096 || img.Height != 2731 || img.Blurhash != "UGMtaO?b_3%M00Rj_3Rj~qD%IUM{j[ofD%-;" || img.MediaType != "image/jpeg" {
				t.Errorf("%+v", img)
			}
		}},
		{"Mastodon docs blurhash", "mastodon-docs/note-image-blurhash.json", func(t *testing.T, d *Document) {
			if img := oneImage(t, d.Object); img.Blurhash != "UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH" {
				t.Errorf("%+v", img)
			}
		}},
		{"GoToSocial instance actor is a Service", "gotosocial/actor-instance-application.json", func(t *testing.T, d *Document) {
			if d.Actor.Type != "Service" || !d.Actor.ManuallyApprovesFollowers {
				t.Errorf("%s (INDEX.md says Application)", d.Actor.Type)
			}
		}},
		{"Mastodon actor", "mastodon/actor-person.json", func(t *testing.T, d *Document) {
			a := d.Actor
			if a.Featured == "" || a.Endpoints.SharedInbox != "https://mastodon.madrid/inbox" || a.Icon.MediaType != "image/jpeg" || a.URL != "https://mastodon.madrid/@felix" {
				t.Errorf("%+v", a)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(fixture(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, d)
		})
	}
}
