package main

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corkboard/corkboard/storage/storagetest"
)

// maxServerRSS bounds the server's peak resident memory through hostile
// uploads: decoding any of them would take far more.
const maxServerRSS = 300 << 20

// TestE2EImageUploads runs the real binary: hostile images are refused
// with a clear 4xx before they cost memory, and an upright, stripped copy
// is all that is stored of a phone photo with EXIF orientation and GPS.
func TestE2EImageUploads(t *testing.T) {
	t.Parallel()
	bomb := bombPNG(t, 20000, 20000) // made once: compressing 400 MB takes a moment
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			in := newInstance(t, kind)
			srv := startServer(t, in)
			createUser(t, in, "alice", alicePassword)
			c := &apiCaller{t: t, base: srv.URL, token: lastLine(runCLI(t, in, "admin", "token", "--username", "alice")),
				http: &http.Client{Timeout: time.Minute}}
			board := c.createBoard("Uploads")

			checkRefusals(t, c, board, bomb)
			if strings.Contains(srv.Logs(), "panic") {
				t.Errorf("the server log mentions a panic:\n%s", srv.Logs())
			}
			rss := peakRSS(t, srv)
			t.Logf("%s: server VmHWM after hostile uploads: %.1f MB", kind, float64(rss)/(1<<20))
			if rss > maxServerRSS {
				t.Errorf("server peak RSS %d MB, want under %d MB", rss>>20, maxServerRSS>>20)
			}

			checkPhotoStripped(t, c, board)
			t.Logf("%s: server VmHWM at the end: %.1f MB", kind, float64(peakRSS(t, srv))/(1<<20))
		})
	}
}

// checkRefusals uploads each hostile file and wants a 4xx with a message
// that says what was wrong.
func checkRefusals(t *testing.T, c *apiCaller, board string, bomb []byte) {
	t.Helper()
	corruptJPEG := append([]byte{0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00}, bytes.Repeat([]byte{0x17}, 4000)...)
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><rect width="1" height="1"/></svg>`)
	tests := []struct {
		name    string
		file    []byte
		status  int
		message string
	}{
		{"20000×20000 PNG", bomb, http.StatusUnprocessableEntity, "20000×20000 pixels is more than the limit"},
		{"corrupt JPEG", corruptJPEG, http.StatusUnprocessableEntity, "looks like a JPEG but could not be read"},
		{"SVG", svg, http.StatusUnsupportedMediaType, "upload a JPEG, PNG, GIF or WebP"},
		{"1000-frame GIF", manyFrameGIF(t, 1000), http.StatusUnprocessableEntity, "too many frames"},
	}
	for _, tt := range tests {
		status, body := c.uploadPin(board, tt.file)
		msg, _ := body["error"].(string)
		if status != tt.status || !strings.Contains(msg, tt.message) {
			t.Errorf("%s (%d bytes): %d %q, want %d with a message containing %q", tt.name, len(tt.file), status, msg, tt.status, tt.message)
		}
	}
}

// checkPhotoStripped uploads a 1600×800 JPEG stored sideways (EXIF
// orientation 6) with GPS tags, and wants the original and both
// thumbnails upright (800×1600) and free of EXIF.
func checkPhotoStripped(t *testing.T, c *apiCaller, board string) {
	t.Helper()
	const secret = "CORKBOARD-GPS-51.5N"
	red, green, blue, white := color.RGBA{255, 0, 0, 255}, color.RGBA{0, 255, 0, 255}, color.RGBA{0, 0, 255, 255}, color.RGBA{255, 255, 255, 255}
	tiff := buildTIFF([]tiffEntry{shortEntry(0x0112, 6), asciiEntry(0x0131, secret)}, gpsEntries(secret))
	photo := insertAfterSOI(quadrantJPEG(t, 1600, 800, red, green, blue, white), exifSegment(tiff))
	status, pin := c.uploadPin(board, photo)
	if status != http.StatusOK {
		t.Fatalf("upload of a phone photo: %d %v", status, pin)
	}
	im := pin["image"].(map[string]any)
	thumbs := im["thumbnails"].(map[string]any)
	files := []struct {
		name string
		url  any
		w, h int
	}{
		{"original", im["original"], 800, 1600},
		{"736", thumbs["736"].(map[string]any)["url"], 736, 1472},
		{"236", thumbs["236"].(map[string]any)["url"], 236, 472},
	}
	for _, f := range files {
		data := c.fetchMedia(f.url.(string))
		for _, m := range jpegMarkers(data) {
			if m >= 0xE1 && m <= 0xEF {
				t.Errorf("%s: has an APP%d segment", f.name, m-0xE0)
			}
		}
		if bytes.Contains(data, []byte("Exif")) || bytes.Contains(data, []byte(secret)) {
			t.Errorf("%s: still carries EXIF or the GPS tags", f.name)
		}
		img, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if b := img.Bounds(); b.Dx() != f.w || b.Dy() != f.h {
			t.Errorf("%s: %d×%d, want %d×%d (upright)", f.name, b.Dx(), b.Dy(), f.w, f.h)
		}
		// Turned 90° clockwise: blue comes to the top left, red top right.
		wantCorner(t, f.name+" top-left", img, 1, 1, blue)
		wantCorner(t, f.name+" top-right", img, 3, 1, red)
		wantCorner(t, f.name+" bottom-left", img, 1, 3, white)
		wantCorner(t, f.name+" bottom-right", img, 3, 3, green)
	}
}

// wantCorner checks the colour at (qx/4, qy/4) of the image, within
// JPEG's loss.
func wantCorner(t *testing.T, where string, img image.Image, qx, qy int, want color.RGBA) {
	t.Helper()
	b := img.Bounds()
	r, g, bl, _ := img.At(b.Dx()*qx/4, b.Dy()*qy/4).RGBA()
	near := func(got uint32, want uint8) bool { d := int(got>>8) - int(want); return d > -40 && d < 40 }
	if !near(r, want.R) || !near(g, want.G) || !near(bl, want.B) {
		t.Errorf("%s: colour (%d,%d,%d), want about %v", where, r>>8, g>>8, bl>>8, want)
	}
}

// peakRSS reads the server process's peak resident set (VmHWM) in bytes.
func peakRSS(t *testing.T, srv *serverProcess) int64 {
	t.Helper()
	status, err := os.ReadFile("/proc/" + strconv.Itoa(srv.cmd.Process.Pid) + "/status")
	if err != nil {
		t.Skipf("no /proc to measure memory: %v", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatalf("VmHWM line %q: %v", line, err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no VmHWM in /proc/<pid>/status")
	return 0
}
