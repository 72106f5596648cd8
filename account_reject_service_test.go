package corkboard_test

import (
	"context"
	"testing"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestRejectAccount: rejecting a pending sign-up deletes it and frees its
// username for a new sign-up; approved accounts, unknown names and a
// second rejection are refused, and the store itself never deletes an
// approved account even when asked directly (an approval racing a
// rejection wins).
func TestRejectAccount(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		svc, _ := newService(t, db)
		if _, err := svc.CreateAccount(ctx, corkboard.NewAccount{Username: "root", Password: "password1", IsAdmin: true, Approved: true}); err != nil {
			t.Fatal(err)
		}
		if err := svc.SetRegistrationMode(ctx, corkboard.RegistrationApproval); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"dave", "erin"} {
			if _, err := svc.SignUp(ctx, corkboard.SignUpRequest{Username: name, Password: "password1", Reason: "spam"}); err != nil {
				t.Fatal(err)
			}
		}
		tests := []struct {
			name, username string
			want           string // error code, "" for success
		}{
			{"pending sign-up", "dave", ""},
			{"rejected twice", "dave", corkboard.ENOTFOUND},
			{"name typed in capitals", " ERIN ", ""},
			{"approved account", "root", corkboard.ECONFLICT},
			{"unknown name", "nobody", corkboard.ENOTFOUND},
		}
		for _, tc := range tests {
			if err := svc.RejectAccount(ctx, tc.username); corkboard.ErrorCode(err) != tc.want {
				t.Errorf("%s: RejectAccount(%q) = %v, want code %q", tc.name, tc.username, err, tc.want)
			}
		}
		if err := db.DeletePendingAccount(ctx, "root"); corkboard.ErrorCode(err) != corkboard.ENOTFOUND {
			t.Errorf("DeletePendingAccount of an approved account = %v, want not found", err)
		}
		if _, err := svc.Account(ctx, "root"); err != nil {
			t.Errorf("the approved account is gone: %v", err)
		}
		if pending, err := svc.ListAccounts(ctx, corkboard.AccountFilter{PendingOnly: true}); err != nil || len(pending) != 0 {
			t.Errorf("pending after rejecting both = %d accounts, %v", len(pending), err)
		}
		if _, err := svc.Authenticate(ctx, "dave", "password1"); corkboard.ErrorCode(err) != corkboard.EUNAUTHORIZED {
			t.Errorf("sign-in of a rejected account = %v, want wrong username or password", err)
		}
		again, err := svc.SignUp(ctx, corkboard.SignUpRequest{Username: "dave", Password: "password2"})
		if err != nil {
			t.Fatalf("sign up again with a rejected username: %v", err)
		}
		if again.Approved {
			t.Error("the new sign-up skipped approval")
		}
	})
}
