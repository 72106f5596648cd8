package activitypub_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/server/servertest"
)

const as2 = "application/activity+json"

// site is one complete instance (servertest) with alice, her public board
// "recipes" and a secret board "drafts".
type site struct {
	*servertest.Instance
	ctx                  context.Context
	alice                *corkboard.Account
	recipes, drafts      *corkboard.Board
	client               *http.Client // does not follow redirects
	boardIRI, draftsIRI  string
	aliceIRI, aliceHTML  string
	recipesHTML, pinHTML string
}

func newSite(t *testing.T, modify func(*server.Config)) *site {
	t.Helper()
	in := servertest.NewNetwork(t).Add("cork", servertest.Options{Modify: modify})
	s := &site{Instance: in, ctx: context.Background(),
		client: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	s.alice = in.CreateUser(t, "alice")
	s.recipes = s.board(t, s.alice, "Recipes", "Things to cook & bake.", false)
	s.drafts = s.board(t, s.alice, "Drafts", "", true)
	s.aliceIRI, s.aliceHTML = in.URL+"/users/alice", in.URL+"/@alice"
	s.boardIRI, s.draftsIRI = in.URL+"/boards/"+itoa(s.recipes.ID), in.URL+"/boards/"+itoa(s.drafts.ID)
	s.recipesHTML = in.URL + "/@alice/recipes"
	return s
}

func (s *site) board(t *testing.T, owner *corkboard.Account, title, desc string, secret bool) *corkboard.Board {
	t.Helper()
	b, err := s.Service().CreateBoard(s.ctx, owner, corkboard.BoardInput{Title: title, Description: desc, Secret: secret})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pin makes a pin through the Service, from a generated 300x200 PNG.
func (s *site) pin(t *testing.T, owner *corkboard.Account, b *corkboard.Board, title string) *corkboard.Pin {
	t.Helper()
	p, err := s.Service().CreatePin(s.ctx, owner, corkboard.PinInput{BoardID: b.ID, Title: title,
		Description: "Crisp and sharp, from https://food.example/tart #Baking #lemon", AltText: "A lemon tart on a blue plate",
		Link: "https://food.example/tart", Image: bytes.NewReader(gradientPNG(t, 300, 200))})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// get fetches a URL with an Accept header, without following redirects.
func (s *site) get(t *testing.T, url, accept string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// document fetches an ActivityPub document, failing unless it is one.
func (s *site) document(t *testing.T, url string) (map[string]any, []byte) {
	t.Helper()
	resp, body := s.get(t, url, as2)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/activity+json; charset=utf-8" {
		t.Fatalf("GET %s: %d %s\n%s", url, resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return doc, body
}

// status is the status of a GET.
func (s *site) status(t *testing.T, url, accept string) int {
	t.Helper()
	resp, _ := s.get(t, url, accept)
	return resp.StatusCode
}

func gradientPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pinURL(in *servertest.Instance, p *corkboard.Pin) string {
	return in.URL + "/pins/" + strconv.FormatInt(p.ID, 10)
}
