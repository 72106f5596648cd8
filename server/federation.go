package server

import (
	"context"
	"fmt"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/activitypub"
	"github.com/corkboard/corkboard/activitypub/safehttp"
)

// startFederation builds the ActivityPub layer, installs it as the
// Service's Federator, and starts the job workers (delivery, inbox
// processing, housekeeping) on the instance's own database.
func (s *Server) startFederation() error {
	client := safehttp.New(safehttp.Config{
		AllowPrivate: s.cfg.AllowPrivateAddresses,
		UserAgent:    "Corkboard/" + s.cfg.Version + " (+" + s.cfg.BaseURL + ")",
	})
	fed, err := activitypub.New(activitypub.Deps{
		Service: s.svc, Store: s.db, BaseURL: s.cfg.BaseURL, Client: client, Log: s.log,
		Now: s.cfg.Now, Version: s.cfg.Version, AuthorizedFetch: s.cfg.AuthorizedFetch,
		AllowHTTP: strings.HasPrefix(s.cfg.BaseURL, "http://"), Delivery: s.cfg.Delivery,
	})
	if err != nil {
		return fmt.Errorf("federation: %w", err)
	}
	s.fed = fed
	s.svc.SetFederator(fed)
	s.svc.SetResolver(fed)
	qc := fed.QueueConfig()
	if qc == nil {
		return nil
	}
	s.addMaintenance(qc)
	if s.queue, err = s.db.NewQueueClient(qc); err != nil {
		return err
	}
	// The workers outlive any request; Close stops them.
	if err := s.queue.Start(context.Background()); err != nil {
		return fmt.Errorf("start job workers: %w", err)
	}
	return nil
}

// Store returns the instance's persistence, for tests that seed what only
// federation creates (remote accounts and their follows).
func (s *Server) Store() corkboard.Store { return s.db }

// Federation returns the instance's ActivityPub layer, for tests that
// drive inbox processing directly.
func (s *Server) Federation() *activitypub.Federation { return s.fed }
