package vocab

// Namespace is the IRI prefix of Corkboard's own extension terms. It is the
// address of NAMESPACE.md in this directory, which defines each term under a
// heading of the same name, so every term IRI dereferences to its docs. It
// is part of the protocol: never change it (receivers that expand JSON-LD
// would stop recognising our terms); add terms instead.
const Namespace = "https://github.com/corkboard/corkboard/blob/main/activitypub/vocab/NAMESPACE.md#"

// Names of Corkboard's extension properties as they appear in our JSON. The
// board a pin is on is not an extension: it is the standard "audience"
// (FEP-1b12, understood by Lemmy and other group software).
const (
	// PropSavedFrom is the IRI of the pin a pin was saved (repinned) from.
	PropSavedFrom = "savedFrom"
	// PropSourceLink is the web page a pin links to.
	PropSourceLink = "sourceLink"
	// PropPin is, on a direct message, the IRI of the pin it carries.
	PropPin = "pin"
)

// contextJSON is the @context of every document we publish. One context for
// all documents keeps them cacheable and the terms consistent:
//   - activitystreams first, then security/v1, which defines publicKey:
//     Fedify (a JSON-LD processor) drops keys not defined by the context.
//   - then the terms other servers read by their compact names: Mastodon's
//     (toot:), as:manuallyApprovesFollowers/sensitive/Hashtag, schema.org
//     for profile fields, litepub's directMessage, OStatus's conversation.
//   - then ours, under the "corkboard" prefix, typed @id (they are IRIs).
const contextJSON = `["https://www.w3.org/ns/activitystreams","https://w3id.org/security/v1",{` +
	`"manuallyApprovesFollowers":"as:manuallyApprovesFollowers",` +
	`"sensitive":"as:sensitive",` +
	`"Hashtag":"as:Hashtag",` +
	`"toot":"http://joinmastodon.org/ns#",` +
	`"discoverable":"toot:discoverable",` +
	`"featured":{"@id":"toot:featured","@type":"@id"},` +
	`"blurhash":"toot:blurhash",` +
	`"schema":"http://schema.org#",` +
	`"PropertyValue":"schema:PropertyValue",` +
	`"value":"schema:value",` +
	`"litepub":"http://litepub.social/ns#",` +
	`"directMessage":"litepub:directMessage",` +
	`"ostatus":"http://ostatus.org#",` +
	`"conversation":"ostatus:conversation",` +
	`"corkboard":"` + Namespace + `",` +
	`"savedFrom":{"@id":"corkboard:savedFrom","@type":"@id"},` +
	`"sourceLink":{"@id":"corkboard:sourceLink","@type":"@id"},` +
	`"pin":{"@id":"corkboard:pin","@type":"@id"}` +
	`}]`
