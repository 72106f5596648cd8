package vocab

// checkNote enforces the shapes DESIGN.md fixes for pins and messages.
func checkNote(b *builder, in NoteInput) {
	if in.Published.IsZero() {
		b.fail("note %q: published is required (Pixelfed drops notes without it)", in.ID)
	}
	if img := in.Image; img != nil && img.MediaType != "image/jpeg" && img.MediaType != "image/png" {
		b.fail("note %q: image media type %q, want image/jpeg or image/png", in.ID, img.MediaType)
	}
	mentioned := make(map[string]bool)
	for _, t := range in.Tags {
		switch {
		case t.Type != TagMention && t.Type != TagHashtag:
			b.fail("note %q: tag type %q", in.ID, t.Type)
		case t.Href == "" || t.Name == "":
			b.fail("note %q: %s tag needs href and name", in.ID, t.Type)
		case t.Type == TagMention:
			mentioned[t.Href] = true
		}
	}
	if in.DirectMessage {
		checkDirect(b, in, mentioned)
	}
}

// checkDirect enforces the message shape: Mastodon demotes a direct
// message that does not mention each recipient, and a message must never
// reach anyone but its participants.
func checkDirect(b *builder, in NoteInput, mentioned map[string]bool) {
	switch {
	case len(in.To) == 0:
		b.fail("message %q: no recipients", in.ID)
	case len(in.Cc) > 0:
		b.fail("message %q: cc must be empty", in.ID)
	case IsPublic(in.To):
		b.fail("message %q: addressed to the public", in.ID)
	case in.Context == "":
		b.fail("message %q: a conversation context is required", in.ID)
	case in.BoardIRI != "" || in.SavedFromIRI != "":
		b.fail("message %q: messages are not on boards and are not saved", in.ID)
	}
	for _, to := range in.To {
		if !mentioned[to] {
			b.fail("message %q: recipient %q has no Mention tag", in.ID, to)
		}
	}
}
