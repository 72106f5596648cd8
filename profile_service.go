package corkboard

import (
	"context"
	"strings"
)

// PublicProfile returns a local account whose profile anyone may see.
// Sign-ups awaiting approval and disabled accounts are reported as not
// found, so that a profile page does not reveal who asked to join.
func (s *Service) PublicProfile(ctx context.Context, username string) (*Account, error) {
	a, err := s.store.AccountByUsername(ctx, strings.ToLower(username))
	if err != nil {
		return nil, withContext("public profile "+username, err)
	}
	if !a.Approved || a.Disabled {
		return nil, Errorf(ENOTFOUND, "account %s not found", username)
	}
	return a, nil
}
