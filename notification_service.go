package corkboard

import "context"

// Notifications lists the viewer's notifications, newest first, before an
// id (0: from the newest), with who they are from loaded. The message a
// notification is about is not loaded: MessageForViewer reads it, if the
// viewer may still.
func (s *Service) Notifications(ctx context.Context, viewer *Account, before int64, limit int) ([]*Notification, error) {
	if viewer == nil {
		return nil, Errorf(EUNAUTHORIZED, "sign in first")
	}
	ns, err := s.store.ListNotifications(ctx, viewer.ID, before, clampLimit(limit))
	if err != nil {
		return nil, withContext("notifications", err)
	}
	ids := make([]int64, 0, len(ns))
	for _, n := range ns {
		ids = append(ids, n.FromAccountID)
	}
	accounts, err := s.store.AccountsByIDs(ctx, ids)
	if err != nil {
		return nil, withContext("notification accounts", err)
	}
	for _, n := range ns {
		n.From = accounts[n.FromAccountID]
	}
	return ns, nil
}

// UnreadNotifications counts the viewer's notifications not yet read.
func (s *Service) UnreadNotifications(ctx context.Context, viewer *Account) (int64, error) {
	if viewer == nil {
		return 0, Errorf(EUNAUTHORIZED, "sign in first")
	}
	n, err := s.store.CountUnreadNotifications(ctx, viewer.ID)
	return n, withContext("unread notifications", err)
}

// MarkNotificationsRead marks the viewer's notifications up to an id read.
func (s *Service) MarkNotificationsRead(ctx context.Context, viewer *Account, upToID int64) error {
	if viewer == nil {
		return Errorf(EUNAUTHORIZED, "sign in first")
	}
	return withContext("mark notifications read", s.store.MarkNotificationsRead(ctx, viewer.ID, upToID, s.now()))
}
