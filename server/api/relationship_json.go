package api

import (
	"strconv"

	"github.com/corkboard/corkboard"
)

// relationshipJSON is Mastodon's Relationship entity. Corkboard has no
// mutes of people, notes or endorsements: those are always false.
type relationshipJSON struct {
	ID                  string   `json:"id"`
	Following           bool     `json:"following"`
	ShowingReblogs      bool     `json:"showing_reblogs"`
	Notifying           bool     `json:"notifying"`
	Languages           []string `json:"languages"` // null: every language
	FollowedBy          bool     `json:"followed_by"`
	Blocking            bool     `json:"blocking"`
	BlockedBy           bool     `json:"blocked_by"`
	Muting              bool     `json:"muting"`
	MutingNotifications bool     `json:"muting_notifications"`
	Requested           bool     `json:"requested"`
	RequestedBy         bool     `json:"requested_by"`
	DomainBlocking      bool     `json:"domain_blocking"`
	Endorsed            bool     `json:"endorsed"`
	Note                string   `json:"note"`
}

func newRelationshipJSON(r corkboard.Relationship) relationshipJSON {
	return relationshipJSON{
		ID: strconv.FormatInt(r.AccountID, 10), Following: r.Following, Requested: r.Requested, FollowedBy: r.FollowedBy,
		RequestedBy: r.RequestedBy, Blocking: r.Blocking, BlockedBy: r.BlockedBy,
		// Mastodon shows a followed account's saves (reblogs) unless told
		// not to, from the moment the follow is asked for.
		ShowingReblogs: r.Following || r.Requested,
	}
}
