package vocab

// Attachment is one entry of an object's "attachment": an Image or Document
// for media, a Link for Lemmy's link posts, a PropertyValue for profile
// fields.
type Attachment struct {
	Type      string   `json:"type"`
	MediaType string   `json:"mediaType"`
	URL       MediaURL `json:"url"`
	// Href is set on Link attachments, which have no url.
	Href string `json:"href"`
	// Name is the alt text for Mastodon, Fedify, Pixelfed and Vernissage;
	// GoToSocial 0.20 sends it in Summary instead. Use AltText.
	Name    string `json:"name"`
	Summary string `json:"summary"`
	// Value is a PropertyValue's value (profile fields).
	Value    string `json:"value"`
	Blurhash string `json:"blurhash"`
	// Width and Height are sent by Fedify, Vernissage and Corkboard, not by
	// GoToSocial or Mastodon. A non-integer value is left zero.
	Width  int `json:"width"`
	Height int `json:"height"`
	// FocalPoint is Mastodon's [x, y] in -1..1 (an @list container).
	FocalPoint []float64 `json:"focalPoint"`
}

// AltText returns the attachment's description: name, else summary.
func (a Attachment) AltText() string {
	if a.Name != "" {
		return a.Name
	}
	return a.Summary
}

// Focus returns the focal point, and false when none was sent.
func (a Attachment) Focus() (x, y float64, ok bool) {
	if len(a.FocalPoint) != 2 {
		return 0, 0, false
	}
	return a.FocalPoint[0], a.FocalPoint[1], true
}

// Attachments unmarshals from one attachment object or an array (Fedify
// sends a single object when a post has one image).
type Attachments []Attachment

// UnmarshalJSON implements json.Unmarshaler.
func (l *Attachments) UnmarshalJSON(data []byte) error {
	v, err := oneOrMany(data, func(a *Attachment) bool {
		return a.Type != "" || a.URL != "" || a.Href != ""
	})
	*l = v
	return err
}
