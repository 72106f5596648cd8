package corkboard_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// grant runs the whole code flow for alice.
func (f *fixture) grant(t *testing.T) *corkboard.TokenGrant {
	t.Helper()
	g, err := f.svc.ExchangeCode(context.Background(), f.app.ClientID, f.secret, f.code(t, corkboard.AuthRequest{}), redirect, "")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func resolves(t *testing.T, svc *corkboard.Service, token string) bool {
	t.Helper()
	_, err := svc.ResolveToken(context.Background(), token)
	if err != nil && corkboard.ErrorCode(err) != corkboard.EUNAUTHORIZED {
		t.Fatalf("ResolveToken: %v", err)
	}
	return err == nil
}

func TestClientCredentials(t *testing.T) {
	tests := []struct {
		name, secret, scopes, want string
	}{
		{"default scope", "", "", ""},
		{"registered scope", "", "write", ""},
		{"scope beyond app", "", "follow", corkboard.OAuthInvalidScope},
		{"wrong secret", "wrong", "", corkboard.OAuthInvalidClient},
	}
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		f := newFixture(t, db, corkboard.ServiceOptions{})
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				secret := f.secret
				if tt.secret != "" {
					secret = tt.secret
				}
				g, err := f.svc.ClientCredentials(ctx, f.app.ClientID, secret, tt.scopes)
				wantOAuth(t, err, tt.want)
				if err != nil {
					return
				}
				info, err := f.svc.ResolveToken(ctx, g.AccessToken)
				if err != nil || info.Account != nil || info.App.ID != f.app.ID || g.RefreshToken != "" {
					t.Fatalf("client token %+v resolves to %+v, %v; want the app, no account, no refresh token", g, info, err)
				}
			})
		}
	})
}

func TestRefreshRotates(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		f := newFixture(t, db, corkboard.ServiceOptions{})
		old := f.grant(t)
		other, otherSecret, _ := f.svc.RegisterApp(ctx, "Other", []string{redirect}, "read", "")
		_, err := f.svc.Refresh(ctx, other.ClientID, otherSecret, old.RefreshToken)
		wantOAuth(t, err, corkboard.OAuthInvalidGrant)

		next, err := f.svc.Refresh(ctx, f.app.ClientID, f.secret, old.RefreshToken)
		wantOAuth(t, err, "")
		if next.Scopes != old.Scopes || next.RefreshToken == old.RefreshToken {
			t.Fatalf("refreshed grant %+v, want the scopes of %+v and a new refresh token", next, old)
		}
		if resolves(t, f.svc, old.AccessToken) || !resolves(t, f.svc, next.AccessToken) {
			t.Fatal("after a refresh the old access token must stop working and the new one work")
		}
		_, err = f.svc.Refresh(ctx, f.app.ClientID, f.secret, old.RefreshToken)
		wantOAuth(t, err, corkboard.OAuthInvalidGrant)
		_, err = f.svc.Refresh(ctx, f.app.ClientID, f.secret, "unknown")
		wantOAuth(t, err, corkboard.OAuthInvalidGrant)
	})
}

func TestRevokeToken(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		f := newFixture(t, db, corkboard.ServiceOptions{})
		g := f.grant(t)
		other, otherSecret, _ := f.svc.RegisterApp(ctx, "Other", []string{redirect}, "read", "")

		wantOAuth(t, f.svc.RevokeToken(ctx, f.app.ClientID, "wrong", g.AccessToken), corkboard.OAuthInvalidClient)
		wantOAuth(t, f.svc.RevokeToken(ctx, f.app.ClientID, f.secret, "unknown"), "")
		wantOAuth(t, f.svc.RevokeToken(ctx, other.ClientID, otherSecret, g.AccessToken), "")
		if !resolves(t, f.svc, g.AccessToken) {
			t.Fatal("another app revoked a token it does not own")
		}
		wantOAuth(t, f.svc.RevokeToken(ctx, f.app.ClientID, f.secret, g.RefreshToken), "")
		if resolves(t, f.svc, g.AccessToken) {
			t.Fatal("revoking the refresh token left the access token working")
		}
		_, err := f.svc.Refresh(ctx, f.app.ClientID, f.secret, g.RefreshToken)
		wantOAuth(t, err, corkboard.OAuthInvalidGrant)
	})
}

func TestTokenLifetime(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		f := newFixture(t, db, corkboard.ServiceOptions{TokenLifetime: time.Hour})
		g := f.grant(t)
		if g.ExpiresIn != 3600 {
			t.Fatalf("ExpiresIn = %d, want 3600", g.ExpiresIn)
		}
		f.clock.Advance(59 * time.Minute)
		if !resolves(t, f.svc, g.AccessToken) {
			t.Fatal("token expired early")
		}
		f.clock.Advance(time.Minute)
		if resolves(t, f.svc, g.AccessToken) {
			t.Fatal("token outlived its lifetime")
		}
		next, err := f.svc.Refresh(context.Background(), f.app.ClientID, f.secret, g.RefreshToken)
		if err != nil || !resolves(t, f.svc, next.AccessToken) {
			t.Fatalf("refreshing an expired access token: %v", err)
		}
	})
}

// Of concurrent refreshes with one refresh token, exactly one wins: a
// stolen refresh token cannot be used alongside the real one.
func TestRefreshConcurrently(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		f := newFixture(t, db, corkboard.ServiceOptions{})
		g := f.grant(t)
		const n = 8
		errs := make(chan error, n)
		for range n {
			go func() {
				_, err := f.svc.Refresh(context.Background(), f.app.ClientID, f.secret, g.RefreshToken)
				errs <- err
			}()
		}
		won := 0
		for range n {
			if err := <-errs; err == nil {
				won++
			} else if corkboard.OAuthErrorName(err) != corkboard.OAuthInvalidGrant {
				t.Fatalf("losing refresh: %v, want invalid_grant", err)
			}
		}
		if won != 1 {
			t.Fatalf("%d concurrent refreshes succeeded, want 1", won)
		}
	})
}
