package server_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/corkboard/corkboard"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The instance endpoints keep Mastodon's shapes: clients read them first
// and give up on a server whose answer they cannot parse.
func TestAPIInstance(t *testing.T) {
	tests := []struct{ path, golden string }{
		{"/api/v1/instance", "instance_v1.json"},
		{"/api/v2/instance", "instance_v2.json"},
	}
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		for _, tt := range tests {
			t.Run(tt.golden, func(t *testing.T) {
				r := env.get(tt.path, "")
				wantAPIStatus(t, tt.path, r, http.StatusOK)
				var pretty bytes.Buffer
				if err := json.Indent(&pretty, []byte(r.Body), "", "  "); err != nil {
					t.Fatalf("%s is not JSON: %v", tt.path, err)
				}
				checkGolden(t, filepath.Join("testdata", tt.golden), pretty.Bytes())
			})
		}
	})
}

// checkGolden compares got with a file under testdata/, or rewrites the
// file when the test runs with -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs from the golden file (run with -update to accept):\n%s", path, got)
	}
}

func TestAPIInstanceRegistrations(t *testing.T) {
	tests := []struct {
		mode                    corkboard.RegistrationMode
		open, approval, invites bool
	}{
		{corkboard.RegistrationOpen, true, false, false},
		{corkboard.RegistrationApproval, true, true, false},
		{corkboard.RegistrationInvite, true, false, true},
		{corkboard.RegistrationClosed, false, false, false},
	}
	eachAPIKind(t, apiEnvOptions{}, func(t *testing.T, env *apiEnv) {
		for _, tt := range tests {
			t.Run(string(tt.mode), func(t *testing.T) {
				if err := env.srv.Service().SetRegistrationMode(t.Context(), tt.mode); err != nil {
					t.Fatal(err)
				}
				v1 := env.get("/api/v1/instance", "").JSON(t)
				v2 := env.get("/api/v2/instance", "").JSON(t)["registrations"].(map[string]any)
				if v1["registrations"] != tt.open || v1["approval_required"] != tt.approval || v1["invites_enabled"] != tt.invites ||
					v2["enabled"] != tt.open || v2["approval_required"] != tt.approval {
					t.Fatalf("v1 %v, v2 registrations %v; want open %v, approval %v, invites %v", v1, v2, tt.open, tt.approval, tt.invites)
				}
			})
		}
	})
}
