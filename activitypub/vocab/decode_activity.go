package vocab

// Activity is a received activity (Create, Follow, Undo, Flag, ...).
type Activity struct {
	LDContext LDContext `json:"@context"`
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	// Actor is usually an IRI; some servers embed the actor object.
	Actor Ref `json:"actor"`
	// Objects holds the "object" property. It has one entry except for
	// Flag, whose object is the reported actor followed by the reported
	// statuses. Use Object for the single-object activities.
	Objects Refs `json:"object"`
	Target  Ref  `json:"target"`
	Origin  Ref  `json:"origin"`
	// Result carries, for example, the authorization IRI of GoToSocial's
	// Accept of a ReplyRequest.
	Result Ref `json:"result"`
	// Instrument is the reply or like a GoToSocial interaction request is
	// about.
	Instrument Ref  `json:"instrument"`
	To         IRIs `json:"to"`
	Cc         IRIs `json:"cc"`
	Bto        IRIs `json:"bto"`
	Bcc        IRIs `json:"bcc"`
	Audience   IRIs `json:"audience"`
	Published  Time `json:"published"`
	// Content is the comment of a Flag.
	Content string `json:"content"`
	Summary string `json:"summary"`
}

// Object returns the activity's (first) object.
func (a *Activity) Object() Ref { return a.Objects.First() }

// Recipients returns to, cc, bto, bcc and audience in one list, in that
// order, without duplicates.
func (a *Activity) Recipients() IRIs {
	return union(a.To, a.Cc, a.Bto, a.Bcc, a.Audience)
}

func union(lists ...IRIs) IRIs {
	var out IRIs
	seen := make(map[string]bool)
	for _, l := range lists {
		for _, s := range l {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}
