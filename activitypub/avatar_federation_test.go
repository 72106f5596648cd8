package activitypub_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestAvatarFederates: alice@A sets an avatar; her actor document names
// it as its icon, B (where bob follows her) gets the Update, fetches the
// picture into its own media and shows it from there on alice's profile
// and pin pages. Removing it federates too, and B releases its copy.
func TestAvatarFederates(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) { testAvatarFederates(t, kind) })
	}
}

func testAvatarFederates(t *testing.T, kind string) {
	ctx := context.Background()
	opts := servertest.Options{Kind: kind, Modify: func(c *server.Config) { c.Delivery = fastDelivery }}
	net := servertest.NewNetwork(t)
	a, b := net.Add("a", opts), net.Add("b", opts)
	alice, bob := a.CreateUser(t, "alice"), b.CreateUser(t, "bob")
	aliceOnB, err := b.Server.Federation().ResolveAccount(ctx, a.Handle("alice"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Service().FollowAccountByID(ctx, bob, aliceOnB.ID); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, 10*time.Second, "bob's follow on A", func() bool {
		n, _, err := a.Service().FollowCounts(ctx, alice.ID, 0)
		return err == nil && n == 1
	})
	pin := a.CreatePin(t, alice, a.CreateBoard(t, alice, "Ideas"), "a lamp")
	var pinOnB *corkboard.Pin
	servertest.Eventually(t, 10*time.Second, "alice's pin on B", func() bool {
		pinOnB = b.RemotePin(t, a.PinIRI(pin))
		return pinOnB != nil
	})
	if got := avatarOn(t, b, aliceOnB.IRI); got.AvatarKey != "" {
		t.Fatalf("alice has an avatar on B before setting one: %q", got.AvatarKey)
	}

	if err := a.Service().SetAvatar(ctx, alice, strings.NewReader(string(servertest.GradientPNG(t, 600, 450)))); err != nil {
		t.Fatal(err)
	}
	icon := actorIcon(t, aliceOnB.IRI)
	if icon.Type != "Image" || icon.URL != a.URL+"/media/"+alice.AvatarKey || icon.MediaType != "image/jpeg" {
		t.Errorf("alice's icon = %+v, want her 400 px image/jpeg on A", icon)
	}

	var got *corkboard.Account
	servertest.Eventually(t, 15*time.Second, "alice's avatar stored on B", func() bool {
		got = avatarOn(t, b, aliceOnB.IRI)
		return got.AvatarKey != ""
	})
	if got.AvatarURL != icon.URL || got.AvatarKey == alice.AvatarKey || got.AvatarSmallKey == "" {
		t.Errorf("on B: avatar %q / %q from %q; want B's own keys, fetched from %q", got.AvatarKey, got.AvatarSmallKey, got.AvatarURL, icon.URL)
	}
	if s := b.MediaStatus(t, got.AvatarKey); s != http.StatusOK {
		t.Errorf("B serves the avatar with %d", s)
	}
	for path, key := range map[string]string{
		"/@" + aliceOnB.Acct():                      got.AvatarKey,
		"/pins/" + strconv.FormatInt(pinOnB.ID, 10): got.AvatarSmallKey,
	} {
		page := getPage(t, b.URL+path)
		if !strings.Contains(page, `src="/media/`+key+`"`) || strings.Contains(page, a.URL+"/media/") {
			t.Errorf("B's %s does not show alice's avatar from B's /media/%s", path, key)
		}
	}

	// A new icon that cannot be fetched keeps the picture B has.
	if err := b.Service().RefreshRemoteAvatar(ctx, aliceOnB.ID, a.URL+"/media/00/00/00000000000000000000000000000000.jpg"); err == nil {
		t.Error("refreshing from a missing icon succeeded")
	}
	if kept := avatarOn(t, b, aliceOnB.IRI); kept.AvatarKey != got.AvatarKey || kept.AvatarURL != got.AvatarURL || b.MediaStatus(t, got.AvatarKey) != http.StatusOK {
		t.Errorf("a failed fetch changed alice's avatar on B to %q from %q", kept.AvatarKey, kept.AvatarURL)
	}

	if err := a.Service().RemoveAvatar(ctx, alice); err != nil {
		t.Fatal(err)
	}
	servertest.Eventually(t, 15*time.Second, "alice's avatar removed on B", func() bool {
		return avatarOn(t, b, aliceOnB.IRI).AvatarKey == ""
	})
	if s := b.MediaStatus(t, got.AvatarKey); s != http.StatusNotFound {
		t.Errorf("B still serves the removed avatar (%d)", s)
	}
}

func avatarOn(t *testing.T, in *servertest.Instance, iri string) *corkboard.Account {
	t.Helper()
	acct, err := in.Server.Store().AccountByIRI(context.Background(), iri)
	if err != nil {
		t.Fatal(err)
	}
	return acct
}

type iconJSON struct {
	Type      string `json:"type"`
	URL       string `json:"url"`
	MediaType string `json:"mediaType"`
}

// actorIcon fetches an actor document and returns its icon.
func actorIcon(t *testing.T, iri string) iconJSON {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, iri, nil)
	req.Header.Set("Accept", "application/activity+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct {
		Icon iconJSON `json:"icon"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatalf("actor %s: %v", iri, err)
	}
	return doc.Icon
}

func getPage(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	return string(body)
}
