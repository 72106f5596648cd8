package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The browser tests drive Debian's headless Chromium against the real
// binary. Chromium may talk to the server on 127.0.0.1 and nothing else.

// chromiumPath is the browser to drive: CORKBOARD_CHROMIUM (set by
// .ci/run), else chromium on PATH. Without one the test skips, except
// under CI, where a missing browser must not pass silently.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CORKBOARD_CHROMIUM"); p != "" {
		return p
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium binary under CI: .ci/run installs Debian's chromium package")
	}
	t.Skip("no chromium binary on PATH (apt-get install chromium to run the browser test)")
	return ""
}

// chromiumTab is one tab of a headless Chromium.
type chromiumTab struct {
	t        *testing.T
	ctx      context.Context // the tab, open until the test's cleanup
	deadline time.Time       // no step runs past it

	mu      sync.Mutex
	url     string   // the page's current URL, from navigation events
	foreign []string // requests to anywhere but the server
}

// startChromium starts the browser with a profile in t.TempDir(). Steps
// stop at flow's deadline; the browser outlives it by up to 15 s so that
// a failure can still be looked at and the browser closed politely (a
// killed browser orphans its helper processes). When the test ends it
// closes the browser and kills any of its processes that remain.
func startChromium(t *testing.T, flow context.Context, execPath string) *chromiumTab {
	t.Helper()
	deadline, ok := flow.Deadline()
	if !ok {
		t.Fatal("startChromium: the flow needs a deadline")
	}
	profile := t.TempDir()
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(execPath), chromedp.UserDataDir(profile),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		// No name resolves and no proxy is used, so nothing but the
		// server's 127.0.0.1 is reachable even if some feature tries.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.Flag("no-proxy-server", true),
		chromedp.WindowSize(1280, 1000),
	)
	life, lifeCancel := context.WithDeadline(context.Background(), deadline.Add(15*time.Second))
	allocCtx, allocCancel := chromedp.NewExecAllocator(life, opts...)
	tabCtx, tabCancel := chromedp.NewContext(allocCtx)
	tab := &chromiumTab{t: t, ctx: tabCtx, deadline: deadline}
	t.Cleanup(func() {
		closeChromium(t, tabCtx, tabCancel, allocCancel, lifeCancel)
		killLeftovers(t, profile)
	})
	if err := chromedp.Do(tabCtx); err != nil { // starts the browser
		t.Fatalf("start %s: %v", execPath, err)
	}
	if err := chromedp.Listen(tabCtx, tab.observe); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tab.dumpOnFailure) // runs first, while the browser is up
	return tab
}

// closeChromium closes the browser politely, then for certain: the
// allocator's cancel kills the process if it is still there and waits
// for it, so no browser process is left unreaped.
func closeChromium(t *testing.T, tabCtx context.Context, cancels ...context.CancelFunc) {
	closed := make(chan error, 1)
	go func() { closed <- chromedp.Cancel(tabCtx) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Log("chromium did not close within 10 s; killing it")
	}
	for _, cancel := range cancels {
		cancel()
	}
}

// killLeftovers kills processes still running with this profile: helper
// processes (zygote, network service) can outlive the browser, and would
// keep writing into a directory t.TempDir is about to remove. chromedp
// does the same for the profiles it creates, but not for ours.
func killLeftovers(t *testing.T, profile string) {
	want := []byte("--user-data-dir=" + profile + "\x00")
	for quiet, deadline := 0, time.Now().Add(5*time.Second); quiet < 3 && time.Now().Before(deadline); {
		found := 0
		entries, _ := os.ReadDir("/proc") // empty where there is no /proc
		for _, e := range entries {
			pid, err := strconv.Atoi(e.Name())
			if err != nil {
				continue
			}
			if cmdline, err := os.ReadFile("/proc/" + e.Name() + "/cmdline"); err == nil && bytes.Contains(cmdline, want) {
				_ = syscall.Kill(pid, syscall.SIGKILL)
				found++
			}
		}
		if found > 0 {
			t.Logf("killed %d chromium processes left over", found)
			quiet = 0
		} else {
			quiet++
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// observe keeps the page's URL and any request that leaves the server.
// It runs on chromedp's reader goroutine, so it only records.
func (tab *chromiumTab) observe(ev any) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	switch ev := ev.(type) {
	case *page.EventFrameNavigated:
		if ev.Frame.ParentID == "" {
			tab.url = ev.Frame.URL
		}
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(ev.Request.URL)
		local := err == nil && (u.Hostname() == "127.0.0.1" || slices.Contains([]string{"data", "blob", "about"}, u.Scheme))
		if !local {
			tab.foreign = append(tab.foreign, ev.Request.URL)
		}
	}
}

// foreignRequests returns the requests made to anywhere but 127.0.0.1.
func (tab *chromiumTab) foreignRequests() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return slices.Clone(tab.foreign)
}

// stepContext bounds one step: 30 s, and never past the flow's deadline.
func (tab *chromiumTab) stepContext() (context.Context, context.CancelFunc) {
	deadline := time.Now().Add(30 * time.Second)
	if tab.deadline.Before(deadline) {
		deadline = tab.deadline
	}
	return context.WithDeadline(tab.ctx, deadline)
}

// runStep runs one step of the flow with its own timeout, failing the test
// with the step's name.
func runStep[T any](tab *chromiumTab, step string, a chromedp.Action[T]) T {
	tab.t.Helper()
	ctx, cancel := tab.stepContext()
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		tab.t.Fatalf("%s: %v", step, err)
	}
	return v
}

// submit clicks a form's button and waits for the page it leads to,
// which must answer 200 (after any redirect).
func (tab *chromiumTab) submit(step, button string) {
	tab.t.Helper()
	ctx, cancel := tab.stepContext()
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(button)))
	if err != nil {
		tab.t.Fatalf("%s: %v", step, err)
	}
	if resp.Status != 200 {
		tab.t.Fatalf("%s: %s answered %d", step, resp.URL, resp.Status)
	}
}

// screenshot saves the whole page as name in CORKBOARD_CI_ARTIFACTS (kept
// by CI for people to look at), else in a temporary directory.
func (tab *chromiumTab) screenshot(name string) {
	tab.t.Helper()
	shot := runStep(tab, "screenshot "+name, chromedp.FullScreenshot(100))
	dir := os.Getenv("CORKBOARD_CI_ARTIFACTS")
	if dir == "" {
		dir = tab.t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		tab.t.Fatal(err)
	}
	tab.t.Logf("screenshot: %s", path)
}

// dumpOnFailure logs where the page was and keeps a screenshot of it.
// (startServer's cleanup, which runs next, logs the server's whole log.)
func (tab *chromiumTab) dumpOnFailure() {
	if !tab.t.Failed() {
		return
	}
	tab.mu.Lock()
	tab.t.Logf("the browser was at %s", tab.url)
	tab.mu.Unlock()
	if dir := os.Getenv("CORKBOARD_CI_ARTIFACTS"); dir != "" && tab.ctx.Err() == nil {
		ctx, cancel := context.WithTimeout(tab.ctx, 10*time.Second)
		defer cancel()
		if shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			path := filepath.Join(dir, "browser-failure.png")
			if os.WriteFile(path, shot, 0o644) == nil {
				tab.t.Logf("screenshot at failure: %s", path)
			}
		}
	}
}

// writeTestPNG writes a 600×400 sunrise gradient, a photo-sized PNG that
// is easy to recognise in a screenshot, and returns its path.
func writeTestPNG(t *testing.T) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 600, 400))
	for y := range 400 {
		for x := range 600 {
			img.Set(x, y, color.RGBA{R: 255, G: uint8(80 + y*150/400), B: uint8(40 + x*120/600), A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sunrise.png")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
