package corkboard

import "context"

// PublicProfileByID is PublicProfile for adapters that name accounts by id,
// as the Mastodon client API does. The same accounts are hidden: sign-ups
// awaiting approval and disabled accounts are not found.
func (s *Service) PublicProfileByID(ctx context.Context, id int64) (*Account, error) {
	a, err := s.store.AccountByID(ctx, id)
	if err != nil {
		return nil, withContext("public profile by id", err)
	}
	if !a.Approved || a.Disabled {
		return nil, Errorf(ENOTFOUND, "account not found")
	}
	return a, nil
}
