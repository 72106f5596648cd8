package corkboard_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

func TestExchangeCode(t *testing.T) {
	// exchange is one attempt; each case edits a valid one.
	type exchange struct {
		clientID, secret, code, redirect, verifier string
	}
	tests := []struct {
		name  string
		pkce  bool
		setup func(f *fixture, x *exchange)
		want  string
	}{
		{"valid", false, func(*fixture, *exchange) {}, ""},
		{"valid with PKCE", true, func(*fixture, *exchange) {}, ""},
		{"wrong secret", false, func(_ *fixture, x *exchange) { x.secret = "wrong" }, corkboard.OAuthInvalidClient},
		{"unknown client", false, func(_ *fixture, x *exchange) { x.clientID = "nope" }, corkboard.OAuthInvalidClient},
		{"unknown code", false, func(_ *fixture, x *exchange) { x.code = "nope" }, corkboard.OAuthInvalidGrant},
		{"missing code", false, func(_ *fixture, x *exchange) { x.code = "" }, corkboard.OAuthInvalidRequest},
		{"other redirect", false, func(_ *fixture, x *exchange) { x.redirect = corkboard.OOBRedirectURI }, corkboard.OAuthInvalidGrant},
		{"expired", false, func(f *fixture, _ *exchange) { f.clock.Advance(11 * time.Minute) }, corkboard.OAuthInvalidGrant},
		{"missing verifier", true, func(_ *fixture, x *exchange) { x.verifier = "" }, corkboard.OAuthInvalidGrant},
		{"wrong verifier", true, func(_ *fixture, x *exchange) { x.verifier = corkboard.NewSecret() }, corkboard.OAuthInvalidGrant},
		{"verifier without challenge", false, func(_ *fixture, x *exchange) { x.verifier = corkboard.NewSecret() }, corkboard.OAuthInvalidGrant},
		{"code of another app", false, func(f *fixture, x *exchange) {
			other, secret, _ := f.svc.RegisterApp(context.Background(), "Other", []string{redirect}, "read", "")
			x.clientID, x.secret = other.ClientID, secret
		}, corkboard.OAuthInvalidGrant},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storagetest.Each(t, func(t *testing.T, db *storage.DB) {
				ctx := context.Background()
				f := newFixture(t, db, corkboard.ServiceOptions{})
				r := corkboard.AuthRequest{}
				x := exchange{clientID: f.app.ClientID, secret: f.secret, redirect: redirect}
				if tt.pkce {
					x.verifier, r.CodeChallenge = pkce()
					r.CodeChallengeMethod = "S256"
				}
				x.code = f.code(t, r)
				tt.setup(f, &x)
				g, err := f.svc.ExchangeCode(ctx, x.clientID, x.secret, x.code, x.redirect, x.verifier)
				wantOAuth(t, err, tt.want)
				if err != nil {
					return
				}
				info, err := f.svc.ResolveToken(ctx, g.AccessToken)
				if err != nil || info.Account.ID != f.alice.ID || info.App.ID != f.app.ID || g.Scopes != "read" || g.RefreshToken == "" {
					t.Fatalf("grant %+v resolves to %+v, %v", g, info, err)
				}
			})
		})
	}
}

// A replayed code is refused and the tokens issued from it stop working
// (RFC 6749 §4.1.2): the replay suggests the code leaked.
func TestExchangeCodeReplayRevokesTokens(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		f := newFixture(t, db, corkboard.ServiceOptions{})
		code := f.code(t, corkboard.AuthRequest{})
		first, err := f.svc.ExchangeCode(ctx, f.app.ClientID, f.secret, code, redirect, "")
		if err != nil {
			t.Fatal(err)
		}
		refreshed, err := f.svc.Refresh(ctx, f.app.ClientID, f.secret, first.RefreshToken)
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.svc.ExchangeCode(ctx, f.app.ClientID, f.secret, code, redirect, "")
		wantOAuth(t, err, corkboard.OAuthInvalidGrant)
		for _, tok := range []string{first.AccessToken, refreshed.AccessToken} {
			if _, err := f.svc.ResolveToken(ctx, tok); corkboard.ErrorCode(err) != corkboard.EUNAUTHORIZED {
				t.Fatalf("token from the replayed code still resolves: %v", err)
			}
		}
	})
}
