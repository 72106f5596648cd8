package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMegalodonInterop drives the real binary's messaging API with a real
// Mastodon client library, megalodon (interop/megalodon/client.mjs): alice
// uploads an image with uploadMedia and sends it to bob in a direct status
// with media_ids; bob finds the conversation and reads the status, whose
// media attachment must carry the blurhash and meta clients rely on.
func TestMegalodonInterop(t *testing.T) {
	t.Parallel()
	dir := megalodonDir(t)
	in := newInstance(t, "sqlite")
	srv := startServer(t, in)
	aliceID := createUser(t, in, "alice", alicePassword)
	createUser(t, in, "bob", alicePassword)
	aliceTok := lastLine(runCLI(t, in, "admin", "token", "--username", "alice"))
	bobTok := lastLine(runCLI(t, in, "admin", "token", "--username", "bob"))

	// bob follows alice, so her first message is not a request.
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/accounts/"+aliceID+"/follow", nil)
	req.Header.Set("Authorization", "Bearer "+bobTok)
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("bob follows alice: %d", resp.StatusCode)
	}

	imagePath := filepath.Join(t.TempDir(), "square.png")
	if err := os.WriteFile(imagePath, interopPNG(t), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "client.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "BASE_URL="+srv.URL, "TOKEN_A="+aliceTok, "TOKEN_B="+bobTok,
		"IMAGE_PATH="+imagePath, "RECIPIENT=bob")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var summary struct {
		OK       bool     `json:"ok"`
		Problems []string `json:"problems"`
		MediaID  string   `json:"media_id"`
		StatusID string   `json:"status_id"`
		Blurhash string   `json:"blurhash"`
		Original struct {
			Width, Height int
		} `json:"original"`
	}
	if err := json.Unmarshal([]byte(lastLine(stdout.String())), &summary); err != nil {
		t.Fatalf("client.mjs printed no JSON summary (%v, exit %v):\nstdout: %s\nstderr: %s\nserver: %s",
			err, runErr, stdout.String(), tail(stderr.String(), 30), tail(srv.Logs(), 30))
	}
	if runErr != nil || !summary.OK {
		t.Fatalf("megalodon client failed (exit %v): %s\nstderr: %s\nserver: %s",
			runErr, strings.Join(summary.Problems, "; "), tail(stderr.String(), 30), tail(srv.Logs(), 30))
	}
	if summary.MediaID == "" || summary.StatusID == "" || summary.Blurhash == "" || summary.Original.Width != 96 || summary.Original.Height != 64 {
		t.Errorf("summary = %+v", summary)
	}
}

// megalodonDir returns interop/megalodon with its npm packages installed
// (CORKBOARD_MEGALODON_CLIENT, set by .ci/run, overrides it). Without node
// or the packages the test skips, except under CI.
func megalodonDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CORKBOARD_MEGALODON_CLIENT")
	if dir == "" {
		dir = filepath.Join("..", "..", "interop", "megalodon")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	var missing string
	if _, err := exec.LookPath("node"); err != nil {
		missing = "no node on PATH"
	} else if _, err := os.Stat(filepath.Join(abs, "node_modules", "megalodon", "package.json")); err != nil {
		missing = fmt.Sprintf("megalodon is not installed (cd %s && npm ci)", abs)
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("megalodon interop under CI: %s; .ci/run's setup_megalodon installs it", missing)
		}
		t.Skipf("megalodon interop: %s", missing)
	}
	return abs
}
