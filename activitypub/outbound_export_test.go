package activitypub

import (
	"context"
	"net/http"
	"time"

	"github.com/corkboard/corkboard"
)

// Exported for the benchmarks of the external test package: the exact
// code paths the delivery worker runs.

// SignDelivery builds and signs a delivery's request, as the worker does.
func (f *Federation) SignDelivery(ctx context.Context, a DeliverArgs) (*http.Request, error) {
	return f.signedDelivery(ctx, a)
}

// PostDelivery signs and sends a delivery, as the worker does.
func (f *Federation) PostDelivery(ctx context.Context, a DeliverArgs) (int, time.Duration, error) {
	req, err := f.signedDelivery(ctx, a)
	if err != nil {
		return 0, 0, err
	}
	return f.post(req)
}

// PersonDocument is a person's actor document as served (cached).
func (f *Federation) PersonDocument(a *corkboard.Account, pem string) ([]byte, error) {
	return f.personJSON(a, pem, false)
}
