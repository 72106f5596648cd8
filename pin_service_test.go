package corkboard_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/media"
	"github.com/corkboard/corkboard/server/images"
	"github.com/corkboard/corkboard/server/password"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// pinWorld is a Service with real storage and a real media pipeline, and
// helpers to make people, boards and pins.
type pinWorld struct {
	t     *testing.T
	ctx   context.Context
	svc   *corkboard.Service
	store *media.LocalStore
}

func newPinWorld(t *testing.T, db *storage.DB) *pinWorld {
	t.Helper()
	store, err := media.NewLocalStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	c := &clock{t: testEpoch}
	svc := corkboard.NewService(db, password.Bcrypt{Cost: 4}, c.Now, corkboard.ServiceOptions{
		BaseURL: "https://pins.example", Images: images.New(media.NewProcessor(media.Limits{}), store),
	})
	return &pinWorld{t: t, ctx: context.Background(), svc: svc, store: store}
}

func (w *pinWorld) person(name string) *corkboard.Account {
	w.t.Helper()
	a, err := w.svc.CreateAccount(w.ctx, corkboard.NewAccount{Username: name, Password: "password1", Approved: true})
	if err != nil {
		w.t.Fatal(err)
	}
	return a
}

func (w *pinWorld) board(owner *corkboard.Account, title string, secret bool) *corkboard.Board {
	w.t.Helper()
	b, err := w.svc.CreateBoard(w.ctx, owner, corkboard.BoardInput{Title: title, Secret: secret})
	if err != nil {
		w.t.Fatal(err)
	}
	return b
}

func (w *pinWorld) pin(owner *corkboard.Account, b *corkboard.Board, desc string) *corkboard.Pin {
	w.t.Helper()
	p, err := w.svc.CreatePin(w.ctx, owner, corkboard.PinInput{BoardID: b.ID, Description: desc, Image: bytes.NewReader(testPNG(w.t, 400, 300))})
	if err != nil {
		w.t.Fatal(err)
	}
	return p
}

func testPNG(t *testing.T, width, height int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for y := 0; y < height; y++ {
		for x := 0; x < width; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pinIDs(pins []*corkboard.Pin) []int64 {
	ids := make([]int64, len(pins))
	for i, p := range pins {
		ids[i] = p.ID
	}
	return ids
}

func containsPin(pins []*corkboard.Pin, id int64) bool {
	for _, p := range pins {
		if p.ID == id {
			return true
		}
	}
	return false
}

func TestCreatePinStoresImageAndTags(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice := w.person("alice")
		b := w.board(alice, "Weeknight Dinners!", false)
		if b.Slug != "weeknight_dinners" {
			t.Errorf("slug = %q, want weeknight_dinners", b.Slug)
		}
		p := w.pin(alice, b, "Quick #Pasta with #lemon, see https://example.com")
		got, err := w.svc.Pin(w.ctx, nil, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Image.Width != 400 || got.Image.Height != 300 || got.Image.Blurhash == "" || got.Image.Color == "" {
			t.Errorf("image = %+v", got.Image)
		}
		if v := got.Image.Variant(236); v.Width != 236 || v.Key == got.Image.Key {
			t.Errorf("236 px variant = %+v", v)
		}
		if _, _, err := w.store.Open(w.ctx, got.Image.Variant(236).Key); err != nil {
			t.Errorf("thumbnail not stored: %v", err)
		}
		if want := []string{"pasta", "lemon"}; len(got.Tags) != 2 || got.Tags[0] != want[0] || got.Tags[1] != want[1] {
			t.Errorf("tags = %v, want %v", got.Tags, want)
		}
		if got.Account == nil || got.Account.Username != "alice" || got.Board == nil || got.Board.PinCount != 1 {
			t.Errorf("hydrated pin: account %+v board %+v", got.Account, got.Board)
		}
		if _, err := w.svc.CreatePin(w.ctx, alice, corkboard.PinInput{BoardID: b.ID, Image: bytes.NewReader([]byte("<svg/>"))}); corkboard.ErrorCode(err) != corkboard.EUNSUPPORTED {
			t.Errorf("SVG upload: %v, want EUNSUPPORTED", err)
		}
	})
}

func TestSecretBoardPinsStayPrivate(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		w := newPinWorld(t, db)
		alice, bob := w.person("alice"), w.person("bob")
		if _, err := w.svc.FollowAccount(w.ctx, bob, "alice"); err != nil {
			t.Fatal(err)
		}
		secret := w.board(alice, "Gift ideas", true)
		hidden := w.pin(alice, secret, "surprise #gift for bob")
		public := w.pin(alice, w.board(alice, "Public", false), "open #gift")

		if _, err := w.svc.Pin(w.ctx, bob, hidden.ID); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("bob reads secret pin: %v, want ENOTFOUND", err)
		}
		if _, err := w.svc.BoardByID(w.ctx, bob, secret.ID); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("bob reads secret board: %v, want ENOTFOUND", err)
		}
		if _, err := w.svc.SavePin(w.ctx, bob, hidden.ID, w.board(bob, "Mine", false).ID); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("bob saves secret pin: %v, want ENOTFOUND", err)
		}
		lists := map[string]func(v *corkboard.Account) (*corkboard.Page, error){
			"home":   func(v *corkboard.Account) (*corkboard.Page, error) { return w.svc.HomeFeed(w.ctx, v, 0, 50) },
			"tag":    func(v *corkboard.Account) (*corkboard.Page, error) { return w.svc.TagPins(w.ctx, v, "gift", 0, 50) },
			"search": func(v *corkboard.Account) (*corkboard.Page, error) { return w.svc.SearchPins(w.ctx, v, "gift", 0, 50) },
			"board": func(v *corkboard.Account) (*corkboard.Page, error) {
				return w.svc.BoardPins(w.ctx, v, secret.ID, 0, 50)
			},
			"profile": func(v *corkboard.Account) (*corkboard.Page, error) {
				return w.svc.AccountPins(w.ctx, v, alice.ID, 0, 50)
			},
		}
		for name, list := range lists {
			for _, viewer := range []*corkboard.Account{bob, nil} {
				page, err := list(viewer)
				if err != nil && corkboard.ErrorCode(err) != corkboard.EUNAUTHORIZED {
					t.Fatalf("%s: %v", name, err)
				}
				if page != nil && containsPin(page.Pins, hidden.ID) {
					t.Errorf("%s shows the secret pin to %v", name, viewer)
				}
			}
			page, err := list(alice)
			if err != nil || !containsPin(page.Pins, hidden.ID) {
				t.Errorf("%s hides the secret pin from its owner: %v %v", name, err, page)
			}
		}
		if home, _ := w.svc.HomeFeed(w.ctx, bob, 0, 50); !containsPin(home.Pins, public.ID) {
			t.Errorf("bob's home feed lacks alice's public pin: %v", pinIDs(home.Pins))
		}
		boards, _ := w.svc.SearchBoards(w.ctx, bob, "gift", 10)
		if len(boards) != 0 {
			t.Errorf("board search shows a secret board to bob: %+v", boards)
		}
	})
}
