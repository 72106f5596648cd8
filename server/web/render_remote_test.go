package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/corkboard/corkboard"
)

// sampleRemote is a person on another server, with the remote addresses
// that pages must link to but never load from.
func sampleRemote() *corkboard.Account {
	return &corkboard.Account{ID: 9, Username: "bob", Domain: "remote.example:8443", DisplayName: "Bob <b>",
		Bio: "Bakes <script>alert(1)</script>", Approved: true, IRI: "https://remote.example:8443/users/bob",
		ProfileURL: "https://remote.example:8443/@bob", AvatarURL: "https://remote.example:8443/avatar.png"}
}

// TestRemotePagesRender draws what a person on another server looks like
// here: their page, their board, their pins in a grid and a pin page, and
// the search card a handle finds. Links point at our pages; the only
// remote addresses are "view on their server" links; their avatar is
// never loaded from their server.
func TestRemotePagesRender(t *testing.T) {
	me := &corkboard.Account{ID: 1, Username: "alice", Approved: true}
	bob := sampleRemote()
	pin := samplePin(bob)
	pin.IRI, pin.PageURL = "https://remote.example:8443/pins/5", "https://remote.example:8443/pins/5"
	pin.Board.IRI, pin.Board.PageURL = "https://remote.example:8443/boards/7", "https://remote.example:8443/@bob/bread"
	grid := pinGrid{Pins: []*corkboard.Pin{pin}, CSRF: "t", ReturnTo: "/"}
	requested := corkboard.FollowState{Requested: true}
	tests := []struct {
		name, page string
		data       any
		want       []string
	}{
		{"remote profile", "profile_remote", remoteProfilePage{RemoteProfileView: &corkboard.RemoteProfileView{
			Account: bob, Boards: []*corkboard.Board{pin.Board}, Pins: &corkboard.Page{Pins: grid.Pins}, Follow: requested}, Grid: grid},
			[]string{"@bob@remote.example:8443", `action="/@bob@remote.example:8443/unfollow"`, ">Requested</button>",
				`href="https://remote.example:8443/@bob"`, `href="/@bob@remote.example:8443/bread"`, "from remote.example:8443",
				"Bakes &lt;script&gt;"}},
		{"remote board", "board", boardPage{BoardView: &corkboard.BoardView{Board: pin.Board,
			Follow: corkboard.FollowState{Following: true}}, Grid: grid},
			[]string{`href="/@bob@remote.example:8443"`, `action="/boards/7/unfollow"`, "View on their server"}},
		{"a remote person's loose pins", "board", boardPage{BoardView: &corkboard.BoardView{Board: &corkboard.Board{ID: 8,
			AccountID: bob.ID, Slug: "_pins", Title: "Pins", IRI: bob.IRI + "#pins", Account: bob}}, Grid: grid},
			[]string{`href="/@bob@remote.example:8443">Follow Bob &lt;b&gt; to get these pins`}},
		{"remote pin", "pin", pinPage{PinView: &corkboard.PinView{Pin: pin, OwnerFollow: requested}, More: grid, Save: grid.SaveFor(pin)},
			[]string{`href="/@bob@remote.example:8443"`, "From remote.example:8443", `href="https://remote.example:8443/pins/5"`, ">Requested</button>"}},
		{"search finds a person", "search", searchPage{Query: "@bob@remote.example:8443", Remote: &remoteResult{Account: bob}},
			[]string{`href="/@bob@remote.example:8443"`, `action="/@bob@remote.example:8443/follow"`, "from remote.example:8443"}},
		{"search finds a board", "search", searchPage{Query: "@bob.bread@remote.example:8443", Remote: &remoteResult{Board: pin.Board}},
			[]string{`href="/@bob@remote.example:8443/bread"`, `action="/boards/7/follow"`, "Follow board"}},
		{"search finds nobody", "search", searchPage{Query: "@nobody@remote.example", Remote: &remoteResult{Problem: "Nobody called @nobody@remote.example was found."}},
			[]string{"Nobody called @nobody@remote.example was found."}},
	}
	w := newTestWeb()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := request(w, "/", me)
			if err := w.render(c, http.StatusOK, tt.page, tt.name, tt.data); err != nil {
				t.Fatal(err)
			}
			body := rec.Body.String()
			for _, want := range tt.want {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			for _, bad := range []string{bob.AvatarURL, "<script>", `src="https://`, `srcset="https://`} {
				if strings.Contains(body, bad) {
					t.Errorf("page contains %s", bad)
				}
			}
		})
	}
}
