package activitypub

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/corkboard/corkboard"
)

const (
	// softwareRecheck is how long a host's NodeInfo answer, or its
	// failure to answer, is trusted before the host is asked again.
	softwareRecheck = 24 * time.Hour
	// nodeInfoTimeout bounds a whole check (both requests): nobody waits
	// on the answer, but a worker does.
	nodeInfoTimeout = 5 * time.Second
	// maxNodeInfoBytes caps each NodeInfo document; real ones are under
	// 2 KB (Mastodon's, with its metadata, about 1 KB).
	maxNodeInfoBytes = 64 << 10
)

// noteSoftware records what software a remote host runs (NodeInfo
// software.name and version) when it was never checked, or not within
// softwareRecheck. A failed check is recorded too, keeping what we knew
// before, so a host without NodeInfo is not asked on every delivery. It
// returns nothing and only logs: callers are workers and resolutions,
// never an inbox request, and nothing depends on the answer but later
// messages (see oneToOne).
func (f *Federation) noteSoftware(ctx context.Context, host string) {
	host = strings.ToLower(host)
	if host == "" || strings.EqualFold(host, f.host) {
		return
	}
	known, err := f.Store.HostSoftware(ctx, host)
	if err != nil {
		f.Log.Warn("read host software", "host", host, "err", err)
		return
	}
	now := f.Now()
	if !known.CheckedAt.IsZero() && now.Sub(known.CheckedAt) < softwareRecheck {
		return
	}
	if f.checkSuspended(ctx, host) != nil {
		return // a suspended host is not asked anything
	}
	// Claim the check before asking, so that deliveries to the same host
	// running meanwhile do not all ask too.
	checked := &corkboard.HostSoftware{Host: host, Name: known.Name, Version: known.Version, CheckedAt: now}
	if err := f.Store.SaveHostSoftware(ctx, checked); err != nil {
		f.Log.Warn("record host software", "host", host, "err", err)
		return
	}
	name, version, err := f.fetchNodeInfo(ctx, host)
	if err != nil {
		f.Log.Info("NodeInfo check failed; will ask again later", "host", host, "error", err)
		return
	}
	checked.Name, checked.Version = name, version
	if err := f.Store.SaveHostSoftware(ctx, checked); err != nil {
		f.Log.Warn("record host software", "host", host, "err", err)
	}
}

// fetchActorNotingSoftware fetches an actor and then checks its host's
// software: a person we resolve is someone we may soon message.
func (f *Federation) fetchActorNotingSoftware(ctx context.Context, iri string) (*ResolvedActor, error) {
	ra, err := f.FetchActor(ctx, iri)
	if err == nil {
		f.noteSoftware(ctx, hostOf(iri))
	}
	return ra, err
}

// fetchNodeInfo asks host for /.well-known/nodeinfo, follows its 2.1
// link (else 2.0), and returns software.name (lowercase) and version.
// The document must live on the host itself: another host cannot speak
// for what this one runs.
func (f *Federation) fetchNodeInfo(ctx context.Context, host string) (name, version string, err error) {
	ctx, cancel := context.WithTimeout(ctx, nodeInfoTimeout)
	defer cancel()
	scheme := "https"
	if f.AllowHTTP {
		scheme = "http"
	}
	var links struct {
		Links []struct{ Rel, Href string } `json:"links"`
	}
	if err := f.getSmallJSON(ctx, scheme+"://"+host+"/.well-known/nodeinfo", &links); err != nil {
		return "", "", fmt.Errorf("nodeinfo links of %s: %w", host, err)
	}
	href := ""
	for _, want := range []string{"2.1", "2.0"} {
		for _, l := range links.Links {
			if href == "" && strings.HasSuffix(l.Rel, "nodeinfo.diaspora.software/ns/schema/"+want) {
				href = l.Href
			}
		}
	}
	u, perr := url.Parse(href)
	if href == "" || perr != nil || !strings.EqualFold(u.Host, host) || (u.Scheme != "https" && !(u.Scheme == "http" && f.AllowHTTP)) {
		return "", "", fmt.Errorf("nodeinfo of %s: no usable 2.1 or 2.0 link (%q)", host, href)
	}
	var doc nodeInfo
	if err := f.getSmallJSON(ctx, href, &doc); err != nil {
		return "", "", fmt.Errorf("nodeinfo of %s: %w", host, err)
	}
	name = strings.ToLower(strings.TrimSpace(doc.Software.Name))
	if name == "" {
		return "", "", fmt.Errorf("nodeinfo of %s: no software name", host)
	}
	return bound(name, 64), bound(strings.TrimSpace(doc.Software.Version), 64), nil
}

// errNodeInfoTooLarge means a NodeInfo document went over maxNodeInfoBytes.
var errNodeInfoTooLarge = errors.New("document too large")

// getSmallJSON GETs a JSON document of at most maxNodeInfoBytes through
// the SSRF-safe client and decodes it into v.
func (f *Federation) getSmallJSON(ctx context.Context, target string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := f.Client.Open(ctx, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxNodeInfoBytes+1))
	if err != nil {
		return err
	}
	if len(body) > maxNodeInfoBytes {
		return errNodeInfoTooLarge
	}
	return json.Unmarshal(body, v)
}
