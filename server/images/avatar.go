package images

import (
	"context"
	"io"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/media"
)

var _ corkboard.AvatarIntake = (*Intake)(nil)

// IntakeAvatar crops an upload to its centred square and stores it at
// 400 px (the Image's Key) and 96 px (its one variant). Nothing is left
// stored if any step fails.
func (in *Intake) IntakeAvatar(ctx context.Context, r io.Reader) (*corkboard.Image, error) {
	sq, err := in.proc.ProcessSquare(ctx, r, media.AvatarLarge, media.AvatarSmall)
	if err != nil {
		return nil, refusal(err)
	}
	large, small := sq.Sizes[media.AvatarLarge], sq.Sizes[media.AvatarSmall]
	img := &corkboard.Image{ContentType: large.ContentType, Width: large.Width, Height: large.Height}
	if img.Key, err = in.put(ctx, large.Bytes, large.ContentType); err != nil {
		return nil, err
	}
	key, err := in.put(ctx, small.Bytes, small.ContentType)
	if err != nil {
		_ = in.Delete(ctx, img)
		return nil, err
	}
	img.Variants = []corkboard.ImageVariant{{Width: small.Width, Height: small.Height, Key: key, ContentType: small.ContentType}}
	return img, nil
}
