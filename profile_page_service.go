package corkboard

import "context"

// ProfileView is what a person's page shows: who they are, their boards
// as the viewer may see them, and their follows.
type ProfileView struct {
	Account              *Account
	Boards               []*Board // with covers; secret ones for their owner only
	Followers, Following int64
	Follow               FollowState // the viewer's follow of the person
}

// ProfilePage gathers a person's page.
func (s *Service) ProfilePage(ctx context.Context, viewer *Account, username string) (*ProfileView, error) {
	a, err := s.PublicProfile(ctx, username)
	if err != nil {
		return nil, err
	}
	v := &ProfileView{Account: a}
	if v.Boards, err = s.Boards(ctx, viewer, a); err != nil {
		return nil, err
	}
	if v.Followers, v.Following, err = s.FollowCounts(ctx, a.ID, 0); err != nil {
		return nil, err
	}
	if viewer != nil && viewer.ID != a.ID {
		v.Follow, err = s.FollowStateOf(ctx, viewer, a.ID, 0)
	}
	return v, err
}
