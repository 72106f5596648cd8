package activitypub_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
)

// TestFederatorActivities checks who sends what to whom for each kind of
// change that involves one remote party.
func TestFederatorActivities(t *testing.T) {
	eachDB(t, func(t *testing.T, o *outbound) {
		bob := o.remoteAccount("bob", "a.example", true)
		aliceIRI, boardIRI := o.url+"/users/alice", o.url+"/boards/"+itoa(o.board.ID)
		remotePin := &corkboard.Pin{AccountID: bob.ID, BoardID: o.board.ID, IRI: "https://a.example/pins/9",
			Image: corkboard.Image{Key: "0123456789abcdef0123456789abcdef.jpg", ContentType: "image/jpeg"}, CreatedAt: time.Now(), UpdatedAt: time.Now()}
		if err := o.db.CreatePin(o.ctx, remotePin); err != nil {
			t.Fatal(err)
		}
		remoteBoard := &corkboard.Board{AccountID: bob.ID, Slug: "cakes", Title: "Cakes", IRI: "https://a.example/boards/3",
			InboxURL: "https://a.example/boards/3/inbox", CreatedAt: time.Now(), UpdatedAt: time.Now()}
		if err := o.db.UpsertRemoteBoard(o.ctx, remoteBoard); err != nil {
			t.Fatal(err)
		}
		followOfBob := &corkboard.Follow{FollowerID: o.alice.ID, TargetAccountID: bob.ID, Pending: true, CreatedAt: time.Now()}
		followOfBoard := &corkboard.Follow{FollowerID: o.alice.ID, TargetBoardID: remoteBoard.ID, Pending: true, CreatedAt: time.Now()}
		bobFollowsBoard := &corkboard.Follow{FollowerID: bob.ID, TargetBoardID: o.board.ID, IRI: "https://a.example/follows/77", Pending: true, CreatedAt: time.Now()}
		for _, fo := range []*corkboard.Follow{followOfBob, followOfBoard, bobFollowsBoard} {
			if err := o.db.CreateFollow(o.ctx, fo); err != nil {
				t.Fatal(err)
			}
		}
		likedAt := time.UnixMilli(1767225600000)
		likeID := aliceIRI + "#likes/" + itoa(remotePin.ID) + "/1767225600000"
		cases := []struct {
			name           string
			change         func(tx corkboard.Store) error
			typ, inbox     string
			signer, object string // object: the object's id (embedded or IRI)
		}{
			{"like of a remote pin", func(tx corkboard.Store) error { return o.fed.PinLiked(o.ctx, tx, o.alice, remotePin, likedAt) },
				"Like", bob.InboxURL, aliceIRI, remotePin.IRI},
			{"unlike rebuilds the Like", func(tx corkboard.Store) error { return o.fed.PinUnliked(o.ctx, tx, o.alice, remotePin, likedAt) },
				"Undo", bob.InboxURL, aliceIRI, likeID},
			{"liking again is a new Like", func(tx corkboard.Store) error {
				return o.fed.PinLiked(o.ctx, tx, o.alice, remotePin, likedAt.Add(time.Second))
			}, "Like", bob.InboxURL, aliceIRI, remotePin.IRI},
			{"follow of a remote person", func(tx corkboard.Store) error { return o.fed.Followed(o.ctx, tx, followOfBob) },
				"Follow", bob.InboxURL, aliceIRI, bob.IRI},
			{"follow of a remote board goes to the Group's inbox", func(tx corkboard.Store) error { return o.fed.Followed(o.ctx, tx, followOfBoard) },
				"Follow", remoteBoard.InboxURL, aliceIRI, remoteBoard.IRI},
			{"unfollow embeds the Follow", func(tx corkboard.Store) error { return o.fed.Unfollowed(o.ctx, tx, followOfBob) },
				"Undo", bob.InboxURL, aliceIRI, o.url + "/follows/" + itoa(followOfBob.ID)},
			{"a board accepts with its own key", func(tx corkboard.Store) error { return o.fed.FollowAnswered(o.ctx, tx, bobFollowsBoard, true) },
				"Accept", bob.InboxURL, boardIRI, bobFollowsBoard.IRI},
			{"a comment on a remote pin goes to its author", func(tx corkboard.Store) error {
				c := &corkboard.Comment{PinID: remotePin.ID, AccountID: o.alice.ID, Text: "Lovely", CreatedAt: time.Now()}
				if err := tx.CreateComment(o.ctx, c); err != nil {
					return err
				}
				return o.fed.Commented(o.ctx, tx, c, remotePin)
			}, "Create", bob.InboxURL, aliceIRI, ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before := len(o.deliveries())
				o.inTx(tc.change)
				ds := o.deliveries()[before:]
				if len(ds) != 1 {
					t.Fatalf("%d deliveries, want 1", len(ds))
				}
				d := ds[0]
				if d.Activity["type"] != tc.typ || d.Inbox != tc.inbox || d.SignerIRI != tc.signer || d.Activity["actor"] != tc.signer {
					t.Fatalf("got %v to %s signed by %s, want %s to %s by %s", d.Activity["type"], d.Inbox, d.SignerIRI, tc.typ, tc.inbox, tc.signer)
				}
				if tc.object != "" && objectID(d.Activity["object"]) != tc.object {
					t.Fatalf("object %v, want %s", d.Activity["object"], tc.object)
				}
			})
		}
		// Receivers keep each activity id once (and an undone one for
		// good): a like after an unlike must not reuse the first one's id.
		var likeIDs []any
		for _, d := range o.deliveries() {
			if d.Activity["type"] == "Like" {
				likeIDs = append(likeIDs, d.Activity["id"])
			}
		}
		if len(likeIDs) != 2 || likeIDs[0] != likeID || likeIDs[1] != aliceIRI+"#likes/"+itoa(remotePin.ID)+"/1767225601000" {
			t.Errorf("Like ids %v, want %s then a new one", likeIDs, likeID)
		}
		if got, err := o.db.FollowByIRI(o.ctx, o.url+"/follows/"+itoa(followOfBob.ID)); err != nil || got.ID != followOfBob.ID {
			t.Fatalf("the Follow's id was not recorded on the follow: %v, %v", got, err)
		}
	})
}

// TestLocalChangesStayLocal: liking a local pin, following a local
// person, or updating a profile no remote server follows sends nothing.
func TestLocalChangesStayLocal(t *testing.T) {
	eachDB(t, func(t *testing.T, o *outbound) {
		carol := o.localAccount("carol")
		p := o.pin(o.board, "Lemon tart")
		fo := o.follow(carol, o.alice.ID, 0)
		o.inTx(func(tx corkboard.Store) error { return o.fed.PinLiked(o.ctx, tx, carol, p, time.Now()) })
		o.inTx(func(tx corkboard.Store) error { return o.fed.Unfollowed(o.ctx, tx, fo) })
		o.inTx(func(tx corkboard.Store) error { return o.fed.ProfileUpdated(o.ctx, tx, o.alice) })
		o.inTx(func(tx corkboard.Store) error { return o.fed.BoardUpdated(o.ctx, tx, o.board) })
		if ds := o.deliveries(); len(ds) != 0 {
			t.Fatalf("%d deliveries for local changes", len(ds))
		}
	})
}

// TestBoardMadeSecretIsDeleted: the board's Group is deleted where it
// was followed, and each of its pins where it went.
func TestBoardMadeSecretIsDeleted(t *testing.T) {
	eachDB(t, func(t *testing.T, o *outbound) {
		bob := o.remoteAccount("bob", "a.example", true)
		o.follow(bob, 0, o.board.ID)
		p := o.pin(o.board, "Lemon tart")
		o.inTx(func(tx corkboard.Store) error { return o.fed.PinCreated(o.ctx, tx, p) })
		o.board.Secret = true
		o.inTx(func(tx corkboard.Store) error {
			if err := tx.SetBoardSecret(o.ctx, o.board.ID, true); err != nil {
				return err
			}
			return o.fed.BoardUpdated(o.ctx, tx, o.board)
		})
		ds := o.deliveries()[1:]
		boardIRI := o.url + "/boards/" + itoa(o.board.ID)
		if len(ds) != 2 || ds[0].Activity["object"] != boardIRI || ds[0].SignerIRI != boardIRI ||
			objectID(ds[1].Activity["object"]) != o.url+"/pins/"+itoa(p.ID) {
			t.Fatalf("deliveries after the board went secret: %+v", ds)
		}
	})
}

// objectID is an activity's object id, embedded or by IRI.
func objectID(v any) string {
	switch o := v.(type) {
	case string:
		return o
	case map[string]any:
		id, _ := o["id"].(string)
		return id
	}
	raw, _ := json.Marshal(v)
	return string(raw)
}
