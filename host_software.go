package corkboard

import (
	"context"
	"strings"
	"time"
)

// HostSoftware is what a remote host says it runs (its NodeInfo), as we
// last asked.
type HostSoftware struct {
	Host      string
	Name      string // NodeInfo software.name, lowercase; "" when the check failed
	Version   string
	CheckedAt time.Time // zero: never asked
}

// IsPixelfed reports whether the host runs Pixelfed, which understands
// only one-to-one direct messages.
func (s *HostSoftware) IsPixelfed() bool { return strings.EqualFold(s.Name, "pixelfed") }

// HostSoftwareStore remembers what software each remote host runs.
type HostSoftwareStore interface {
	// HostSoftware returns what we know of a host's software; a host
	// never checked has a zero CheckedAt.
	HostSoftware(ctx context.Context, host string) (*HostSoftware, error)
	// SaveHostSoftware records a check, successful or not, on the host's
	// row, leaving its delivery health alone.
	SaveHostSoftware(ctx context.Context, s *HostSoftware) error
	// HostSoftwareOf returns the known software of hosts, by host.
	HostSoftwareOf(ctx context.Context, hosts []string) (map[string]*HostSoftware, error)
}

// SoftwareOfHosts returns what software each of hosts runs, as last
// checked, for admins.
func (s *Service) SoftwareOfHosts(ctx context.Context, hosts []string) (map[string]*HostSoftware, error) {
	out, err := s.store.HostSoftwareOf(ctx, hosts)
	return out, withContext("software of hosts", err)
}
