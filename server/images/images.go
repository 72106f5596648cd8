// Package images adapts the media pipeline to the domain: it turns an
// upload into a stored corkboard.Image (original plus thumbnails).
package images

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/media"
)

// Intake implements corkboard.ImageIntake over a media.Processor and Store.
type Intake struct {
	proc  *media.Processor
	store media.Store
}

var _ corkboard.ImageIntake = (*Intake)(nil)

// New returns an Intake; proc bounds concurrent jobs, store keeps files.
func New(proc *media.Processor, store media.Store) *Intake {
	return &Intake{proc: proc, store: store}
}

// Intake processes untrusted bytes and stores the results under keys the
// server generates. Nothing is left stored if any step fails.
func (in *Intake) Intake(ctx context.Context, r io.Reader) (*corkboard.Image, error) {
	p, err := in.proc.Process(ctx, r)
	if err != nil {
		return nil, refusal(err)
	}
	img := &corkboard.Image{ContentType: p.ContentType, Width: p.Width, Height: p.Height,
		Blurhash: p.Blurhash, Color: p.DominantColor}
	img.Key, err = in.put(ctx, p.Original, p.ContentType)
	if err != nil {
		return nil, err
	}
	widths := make([]int, 0, len(p.Thumbnails))
	for w := range p.Thumbnails {
		widths = append(widths, w)
	}
	sort.Ints(widths)
	for _, w := range widths {
		v := p.Thumbnails[w]
		key, err := in.put(ctx, v.Bytes, v.ContentType)
		if err != nil {
			_ = in.Delete(ctx, img)
			return nil, err
		}
		img.Variants = append(img.Variants, corkboard.ImageVariant{Width: w, Height: v.Height, Key: key, ContentType: v.ContentType})
	}
	return img, nil
}

func (in *Intake) put(ctx context.Context, b []byte, contentType string) (string, error) {
	key := media.NewKey(media.ExtForContentType(contentType))
	if err := in.store.Put(ctx, key, bytes.NewReader(b), contentType); err != nil {
		return "", fmt.Errorf("store image %s: %w", key, err)
	}
	return key, nil
}

// Delete removes an image's original and thumbnails.
func (in *Intake) Delete(ctx context.Context, img *corkboard.Image) error {
	var errs []error
	if img.Key != "" {
		errs = append(errs, in.store.Delete(ctx, img.Key))
	}
	for _, v := range img.Variants {
		errs = append(errs, in.store.Delete(ctx, v.Key))
	}
	return errors.Join(errs...)
}

// refusal turns the pipeline's refusals into domain errors with the
// pipeline's own message, which is written for people.
func refusal(err error) error {
	var rej *media.RejectError
	if !errors.As(err, &rej) {
		return fmt.Errorf("process image: %w", err)
	}
	code := corkboard.EINVALID
	switch rej.Kind {
	case media.KindTooLarge:
		code = corkboard.ETOOLARGE
	case media.KindUnsupportedType:
		code = corkboard.EUNSUPPORTED
	}
	return corkboard.Errorf(code, "%s", rej.Message)
}
