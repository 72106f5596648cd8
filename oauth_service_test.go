package corkboard_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/password"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
	"golang.org/x/crypto/bcrypt"
)

const redirect = "https://client.example/callback"

// fixture is a Service on a real database with one person and one app;
// clock is the settable clock of account_service_test.go.
type fixture struct {
	svc    *corkboard.Service
	clock  *clock
	alice  *corkboard.Account
	app    *corkboard.App
	secret string
}

func newFixture(t *testing.T, db *storage.DB, opts corkboard.ServiceOptions) *fixture {
	t.Helper()
	ctx := context.Background()
	clk := &clock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	svc := corkboard.NewService(db, password.Bcrypt{Cost: bcrypt.MinCost}, clk.Now, opts)
	alice, err := svc.CreateAccount(ctx, corkboard.NewAccount{Username: "alice", Password: "correct horse", Approved: true})
	if err != nil {
		t.Fatal(err)
	}
	app, secret, err := svc.RegisterApp(ctx, "Client", []string{redirect, corkboard.OOBRedirectURI}, "read write", "")
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{svc: svc, clock: clk, alice: alice, app: app, secret: secret}
}

// code authorizes r (filled with the fixture's app) for alice.
func (f *fixture) code(t *testing.T, r corkboard.AuthRequest) string {
	t.Helper()
	r.ClientID = f.app.ClientID
	if r.RedirectURI == "" {
		r.RedirectURI = redirect
	}
	code, err := f.svc.AuthorizeCode(context.Background(), f.alice, r)
	if err != nil {
		t.Fatalf("AuthorizeCode: %v", err)
	}
	return code
}

func pkce() (verifier, challenge string) {
	verifier = corkboard.NewSecret()
	sum := sha256.Sum256([]byte(verifier))
	return verifier, base64.RawURLEncoding.EncodeToString(sum[:])
}

// wantOAuth fails unless err carries the RFC 6749 error name want ("" for nil).
func wantOAuth(t *testing.T, err error, want string) {
	t.Helper()
	if want == "" && err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if got := corkboard.OAuthErrorName(err); got != want {
		t.Fatalf("error = %v (oauth %q), want oauth error %q", err, got, want)
	}
}

func TestRegisterApp(t *testing.T) {
	tests := []struct {
		name      string
		appName   string
		uris      []string
		scopes    string
		website   string
		wantErr   bool
		wantScope string
	}{
		{"web app", "Pinster", []string{"https://pinster.example/cb"}, "read write", "https://pinster.example", false, "read write"},
		{"default scope", "Pinster", []string{"https://pinster.example/cb"}, "", "", false, "read"},
		{"plus-separated scopes", "Pinster", []string{"https://pinster.example/cb"}, "read+follow", "", false, "read follow"},
		{"mobile scheme", "Pinster", []string{"pinster://oauth"}, "read", "", false, "read"},
		{"out of band", "Pinster", []string{corkboard.OOBRedirectURI}, "read", "", false, "read"},
		{"empty name", " ", []string{"https://pinster.example/cb"}, "", "", true, ""},
		{"long name", strings.Repeat("n", 201), []string{"https://pinster.example/cb"}, "", "", true, ""},
		{"no redirect", "Pinster", nil, "", "", true, ""},
		{"relative redirect", "Pinster", []string{"/cb"}, "", "", true, ""},
		{"fragment", "Pinster", []string{"https://pinster.example/cb#x"}, "", "", true, ""},
		{"javascript", "Pinster", []string{"javascript:alert(1)"}, "", "", true, ""},
		{"unknown scope", "Pinster", []string{"https://pinster.example/cb"}, "read everything", "", true, ""},
		{"bad website", "Pinster", []string{"https://pinster.example/cb"}, "", "ftp://x", true, ""},
	}
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		f := newFixture(t, db, corkboard.ServiceOptions{})
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				app, secret, err := f.svc.RegisterApp(context.Background(), tt.appName, tt.uris, tt.scopes, tt.website)
				if tt.wantErr {
					if corkboard.ErrorCode(err) != corkboard.EINVALID {
						t.Fatalf("err = %v, want EINVALID", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if app.Scopes != tt.wantScope || secret == "" || app.ClientSecretHash != corkboard.HashSecret(secret) {
					t.Fatalf("app = %+v (secret %q), want scopes %q and the secret stored hashed", app, secret, tt.wantScope)
				}
			})
		}
	})
}

func TestAuthorizeCodeChecksTheRequest(t *testing.T) {
	_, challenge := pkce()
	tests := []struct {
		name string
		edit func(r *corkboard.AuthRequest)
		want string
	}{
		{"valid", func(r *corkboard.AuthRequest) {}, ""},
		{"valid with S256", func(r *corkboard.AuthRequest) { r.CodeChallenge, r.CodeChallengeMethod = challenge, "S256" }, ""},
		{"sub-scope", func(r *corkboard.AuthRequest) { r.Scopes = "read:accounts" }, ""},
		{"unknown client", func(r *corkboard.AuthRequest) { r.ClientID = "nope" }, corkboard.OAuthInvalidClient},
		{"unregistered redirect", func(r *corkboard.AuthRequest) { r.RedirectURI = redirect + "/x" }, corkboard.OAuthInvalidRequest},
		{"scope beyond app", func(r *corkboard.AuthRequest) { r.Scopes = "read follow" }, corkboard.OAuthInvalidScope},
		{"unknown method", func(r *corkboard.AuthRequest) { r.CodeChallenge, r.CodeChallengeMethod = challenge, "S512" }, corkboard.OAuthInvalidRequest},
		{"short challenge", func(r *corkboard.AuthRequest) { r.CodeChallenge = "abc" }, corkboard.OAuthInvalidRequest},
	}
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		f := newFixture(t, db, corkboard.ServiceOptions{})
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := corkboard.AuthRequest{ClientID: f.app.ClientID, RedirectURI: redirect}
				tt.edit(&r)
				code, err := f.svc.AuthorizeCode(context.Background(), f.alice, r)
				wantOAuth(t, err, tt.want)
				if err == nil && len(code) < 40 {
					t.Fatalf("code %q is too short", code)
				}
			})
		}
	})
}
