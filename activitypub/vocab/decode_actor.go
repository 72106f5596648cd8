package vocab

// Actor is a received actor document: Person, Group (Lemmy communities,
// Corkboard boards), Service, Application (instance actors) or
// Organization.
type Actor struct {
	LDContext         LDContext `json:"@context"`
	ID                string    `json:"id"`
	Type              string    `json:"type"`
	PreferredUsername string    `json:"preferredUsername"`
	Name              string    `json:"name"`
	Summary           string    `json:"summary"`
	URL               URL       `json:"url"`
	Inbox             IRI       `json:"inbox"`
	Outbox            IRI       `json:"outbox"`
	Followers         IRI       `json:"followers"`
	Following         IRI       `json:"following"`
	Featured          IRI       `json:"featured"`
	Endpoints         Endpoints `json:"endpoints"`
	// PublicKey is usually one object; some servers send an array (several
	// keys) or the key's IRI.
	PublicKey                 PublicKeys `json:"publicKey"`
	Icon                      Icon       `json:"icon"`
	Image                     Icon       `json:"image"`
	ManuallyApprovesFollowers bool       `json:"manuallyApprovesFollowers"`
	Discoverable              bool       `json:"discoverable"`
	// AttributedTo is a Lemmy community's moderators collection, or a
	// Corkboard board's owner.
	AttributedTo Refs `json:"attributedTo"`
	Published    Time `json:"published"`
	Updated      Time `json:"updated"`
}

// Endpoints holds the actor's server-wide endpoints.
type Endpoints struct {
	SharedInbox IRI `json:"sharedInbox"`
}

// DeliveryInbox returns the shared inbox when the actor has one, else its
// own inbox: one POST per server for followers on the same host.
func (a *Actor) DeliveryInbox() string {
	if a.Endpoints.SharedInbox != "" {
		return string(a.Endpoints.SharedInbox)
	}
	return string(a.Inbox)
}

// Key returns the public key with the given id (a signature's keyId).
func (a *Actor) Key(id string) (PublicKey, bool) {
	for _, k := range a.PublicKey {
		if k.ID == id {
			return k, true
		}
	}
	return PublicKey{}, false
}

// PublicKey is an actor's RSA key in the security/v1 vocabulary.
type PublicKey struct {
	ID           string `json:"id"`
	Owner        string `json:"owner"`
	PublicKeyPem string `json:"publicKeyPem"`
}

// UnmarshalJSON implements json.Unmarshaler: an object, or the key's IRI.
func (k *PublicKey) UnmarshalJSON(data []byte) error {
	*k = PublicKey{}
	switch firstByte(data) {
	case '"':
		k.ID, _ = unquote(data)
	case '{':
		type plain PublicKey
		return unmarshalLenient(data, (*plain)(k))
	}
	return nil
}

// PublicKeys unmarshals from one key or an array of keys.
type PublicKeys []PublicKey

// UnmarshalJSON implements json.Unmarshaler.
func (l *PublicKeys) UnmarshalJSON(data []byte) error {
	v, err := oneOrMany(data, func(k *PublicKey) bool { return k.ID != "" })
	*l = v
	return err
}
