package corkboard

import (
	"context"
	"io"
	"time"
)

// Avatar is where an account's picture is stored: a 400 px square (Key)
// and its 96 px rendition (SmallKey), both empty for the default picture.
// SourceURL is the remote icon they were fetched from (remote accounts).
type Avatar struct {
	Key, SmallKey, SourceURL string
	UpdatedAt                time.Time
}

// AvatarIntake makes avatars: an ImageIntake that also implements it
// crops an upload to its centred square and stores it at 400 px (the
// Image's Key) and 96 px (its one Variant).
type AvatarIntake interface {
	IntakeAvatar(ctx context.Context, r io.Reader) (*Image, error)
}

// SetAvatar replaces the signed-in person's avatar with an upload, run
// through the media pipeline, and federates the change.
func (s *Service) SetAvatar(ctx context.Context, a *Account, r io.Reader) error {
	if a == nil || !a.IsLocal() {
		return Errorf(EUNAUTHORIZED, "sign in first")
	}
	if r == nil {
		return Errorf(EINVALID, "choose a picture to upload")
	}
	in, ok := s.images.(AvatarIntake)
	if !ok {
		return Errorf(EINTERNAL, "this server cannot store images")
	}
	img, err := in.IntakeAvatar(ctx, r)
	if err != nil {
		return withContext("set avatar", err)
	}
	return s.replaceAvatar(ctx, a, avatarOf(img, ""))
}

// RemoveAvatar puts the default picture back.
func (s *Service) RemoveAvatar(ctx context.Context, a *Account) error {
	if a == nil || !a.IsLocal() {
		return Errorf(EUNAUTHORIZED, "sign in first")
	}
	if a.AvatarKey == "" {
		return nil
	}
	return s.replaceAvatar(ctx, a, Avatar{})
}

// replaceAvatar stores av and federates the new actor in one transaction,
// then releases the old files. av's files are released instead when the
// transaction fails, so that no file is left that nothing shows.
func (s *Service) replaceAvatar(ctx context.Context, a *Account, av Avatar) error {
	av.UpdatedAt = s.now()
	changed := *a
	changed.AvatarKey, changed.AvatarSmallKey, changed.AvatarURL, changed.UpdatedAt = av.Key, av.SmallKey, av.SourceURL, av.UpdatedAt
	err := s.store.InTx(ctx, func(tx Store) error {
		if err := tx.SetAvatar(ctx, a.ID, av); err != nil {
			return err
		}
		return s.fed.ProfileUpdated(ctx, tx, &changed)
	})
	if err != nil {
		s.releaseAvatar(ctx, av.Key, av.SmallKey)
		return withContext("set avatar", err)
	}
	old := *a
	*a = changed
	s.releaseAvatar(ctx, old.AvatarKey, old.AvatarSmallKey)
	return nil
}

// releaseAvatar deletes an avatar's files. Unlike a pin's image, which
// saved copies share, an avatar's files are made for one account and one
// upload or fetch: once the account points elsewhere nothing uses them.
// A failed delete leaves an orphan file, never a broken picture.
func (s *Service) releaseAvatar(ctx context.Context, key, smallKey string) {
	if s.images == nil || key == "" {
		return
	}
	im := &Image{Key: key}
	if smallKey != "" {
		im.Variants = []ImageVariant{{Key: smallKey}}
	}
	_ = s.images.Delete(ctx, im)
}

func avatarOf(img *Image, sourceURL string) Avatar {
	av := Avatar{Key: img.Key, SourceURL: sourceURL}
	if len(img.Variants) > 0 {
		av.SmallKey = img.Variants[0].Key
	}
	return av
}

// AvatarStale reports whether a remote account's stored avatar is not
// the one its actor's icon (possibly "") names, so it should be fetched.
func AvatarStale(a *Account, icon string) bool {
	return a.AvatarURL != icon || (icon != "" && a.AvatarKey == "")
}

// RefreshRemoteAvatar brings a remote account's stored avatar in line
// with its actor's icon: fetched into our media (pages never hotlink),
// or removed when the icon is gone. A failure keeps the old picture.
// Federation calls it from a job, never while answering a request.
func (s *Service) RefreshRemoteAvatar(ctx context.Context, accountID int64, icon string) error {
	a, err := s.store.AccountByID(ctx, accountID)
	if err != nil {
		return withContext("refresh avatar", err)
	}
	if a.IsLocal() || !AvatarStale(a, icon) {
		return nil
	}
	if icon == "" {
		return s.replaceAvatar(ctx, a, Avatar{})
	}
	img, err := s.intakeRemoteAvatar(ctx, icon)
	if err != nil {
		return withContext("refresh avatar of "+a.Acct(), err)
	}
	return s.replaceAvatar(ctx, a, avatarOf(img, icon))
}

// intakeRemoteAvatar fetches an icon through the SSRF-safe Fetcher, with
// the same domain-block rule as IntakeRemoteImage, into the avatar path.
func (s *Service) intakeRemoteAvatar(ctx context.Context, rawURL string) (*Image, error) {
	in, ok := s.images.(AvatarIntake)
	if !ok || s.fetcher == nil {
		return nil, Errorf(EINTERNAL, "this server cannot store remote images")
	}
	if err := s.checkRemoteImageURL(ctx, rawURL, "avatar URL"); err != nil {
		return nil, err
	}
	body, err := s.fetcher.FetchImage(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	return in.IntakeAvatar(ctx, body)
}
