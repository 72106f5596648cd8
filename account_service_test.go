package corkboard_test

import (
	"context"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server/password"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time          { return c.t }
func (c *clock) Advance(d time.Duration) { c.t = c.t.Add(d) }

func newService(t *testing.T, db *storage.DB) (*corkboard.Service, *clock) {
	t.Helper()
	c := &clock{t: testEpoch}
	return corkboard.NewService(db, password.Bcrypt{Cost: 4}, c.Now, corkboard.ServiceOptions{}), c
}

func TestValidateUsername(t *testing.T) {
	tests := []struct {
		name, username string
		ok             bool
	}{
		{"simple", "alice", true},
		{"digits and underscore", "bob_42", true},
		{"empty", "", false},
		{"uppercase", "Alice", false},
		{"dot is reserved for boards", "alice.recipes", false},
		{"dash", "al-ice", false},
		{"too long", "abcdefghijklmnopqrstuvwxyz12345", false},
		{"reserved route", "api", false},
		{"unicode", "alicé", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := corkboard.ValidateUsername(tt.username)
			if (err == nil) != tt.ok {
				t.Fatalf("ValidateUsername(%q) = %v, want ok=%v", tt.username, err, tt.ok)
			}
			if err != nil && corkboard.ErrorCode(err) != corkboard.EINVALID {
				t.Fatalf("error code = %s, want EINVALID", corkboard.ErrorCode(err))
			}
		})
	}
}

func TestAuthenticate(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		svc, _ := newService(t, db)
		if _, err := svc.CreateAccount(ctx, corkboard.NewAccount{Username: "alice", Password: "correct horse", Approved: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.CreateAccount(ctx, corkboard.NewAccount{Username: "alice", Password: "another pass"}); corkboard.ErrorCode(err) != corkboard.ECONFLICT {
			t.Fatalf("duplicate username: %v, want ECONFLICT", err)
		}
		tests := []struct {
			name, username, password, wantCode string
		}{
			{"right password", "alice", "correct horse", ""},
			{"username is case-insensitive on input", "Alice", "correct horse", ""},
			{"wrong password", "alice", "wrong horse", corkboard.EUNAUTHORIZED},
			{"unknown user gets the same error", "nobody", "correct horse", corkboard.EUNAUTHORIZED},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := svc.Authenticate(ctx, tt.username, tt.password)
				if got := corkboard.ErrorCode(err); got != tt.wantCode {
					t.Fatalf("code = %q (%v), want %q", got, err, tt.wantCode)
				}
			})
		}
	})
}

func TestSetPasswordEndsSessions(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		svc, _ := newService(t, db)
		a, err := svc.CreateAccount(ctx, corkboard.NewAccount{Username: "alice", Password: "old password", Approved: true})
		if err != nil {
			t.Fatal(err)
		}
		cookie, err := svc.CreateSession(ctx, a, "test")
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.SetPassword(ctx, "alice", "new password"); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SessionAccount(ctx, cookie); corkboard.ErrorCode(err) != corkboard.EUNAUTHORIZED {
			t.Fatalf("session after password change: %v, want EUNAUTHORIZED", err)
		}
		if _, err := svc.Authenticate(ctx, "alice", "old password"); err == nil {
			t.Fatal("old password still works")
		}
		if _, err := svc.Authenticate(ctx, "alice", "new password"); err != nil {
			t.Fatalf("new password: %v", err)
		}
	})
}

func TestSessionExpires(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		svc, clk := newService(t, db)
		a, _ := svc.CreateAccount(ctx, corkboard.NewAccount{Username: "alice", Password: "password1", Approved: true})
		cookie, err := svc.CreateSession(ctx, a, "")
		if err != nil {
			t.Fatal(err)
		}
		if got, err := svc.SessionAccount(ctx, cookie); err != nil || got.ID != a.ID {
			t.Fatalf("fresh session: %v, %v", got, err)
		}
		clk.Advance(31 * 24 * time.Hour)
		if _, err := svc.SessionAccount(ctx, cookie); corkboard.ErrorCode(err) != corkboard.EUNAUTHORIZED {
			t.Fatalf("expired session: %v, want EUNAUTHORIZED", err)
		}
	})
}

func TestSignUpModes(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		svc, _ := newService(t, db)
		inv, err := svc.CreateInvite(ctx, nil, 1, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name         string
			mode         corkboard.RegistrationMode
			req          corkboard.SignUpRequest
			wantCode     string
			wantApproved bool
		}{
			{"open", corkboard.RegistrationOpen, corkboard.SignUpRequest{Username: "open1", Password: "password1"}, "", true},
			{"approval waits", corkboard.RegistrationApproval, corkboard.SignUpRequest{Username: "appr1", Password: "password1", Reason: "hi"}, "", false},
			{"invite without code", corkboard.RegistrationInvite, corkboard.SignUpRequest{Username: "inv0", Password: "password1"}, corkboard.EFORBIDDEN, false},
			{"invite with code", corkboard.RegistrationInvite, corkboard.SignUpRequest{Username: "inv1", Password: "password1", InviteCode: inv.Code}, "", true},
			{"one-use invite used twice", corkboard.RegistrationInvite, corkboard.SignUpRequest{Username: "inv2", Password: "password1", InviteCode: inv.Code}, corkboard.EFORBIDDEN, false},
			{"closed", corkboard.RegistrationClosed, corkboard.SignUpRequest{Username: "closed1", Password: "password1"}, corkboard.EFORBIDDEN, false},
			{"short password", corkboard.RegistrationOpen, corkboard.SignUpRequest{Username: "short", Password: "123"}, corkboard.EINVALID, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if err := svc.SetRegistrationMode(ctx, tt.mode); err != nil {
					t.Fatal(err)
				}
				a, err := svc.SignUp(ctx, tt.req)
				if got := corkboard.ErrorCode(err); got != tt.wantCode {
					t.Fatalf("code = %q (%v), want %q", got, err, tt.wantCode)
				}
				if err != nil {
					if _, err := svc.Account(ctx, tt.req.Username); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
						t.Fatalf("a refused sign-up left an account behind: %v", err)
					}
					return
				}
				if a.Approved != tt.wantApproved {
					t.Fatalf("approved = %v, want %v", a.Approved, tt.wantApproved)
				}
				_, err = svc.Authenticate(ctx, tt.req.Username, tt.req.Password)
				if tt.wantApproved != (err == nil) {
					t.Fatalf("sign-in after sign-up: %v (approved %v)", err, tt.wantApproved)
				}
			})
		}
	})
}

func TestSetupToken(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		svc, _ := newService(t, db)
		secret, err := svc.NewSetupToken(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.CheckSetupToken(ctx, "forged"); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Fatalf("forged token: %v, want EFORBIDDEN", err)
		}
		a, err := svc.CompleteSetup(ctx, secret, corkboard.NewAccount{Username: "root_admin", Password: "password1"})
		if err != nil {
			t.Fatal(err)
		}
		if !a.IsAdmin || !a.Approved {
			t.Fatalf("setup account is not an approved admin: %+v", a)
		}
		if _, err := svc.CompleteSetup(ctx, secret, corkboard.NewAccount{Username: "second", Password: "password1"}); corkboard.ErrorCode(err) != corkboard.EFORBIDDEN {
			t.Fatalf("second use of the setup link: %v, want EFORBIDDEN", err)
		}
	})
}

var testEpoch = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
