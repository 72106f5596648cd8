package activitypub_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/corkboard/corkboard/server/servertest"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// TestDeliveryLeftRunningIsRetried: a process killed in the middle of a
// delivery leaves its job "running", and nothing will ever finish it.
// The next process retries it twice the delivery timeout after the
// attempt began, not after River's default hour.
func TestDeliveryLeftRunningIsRetried(t *testing.T) {
	for _, kind := range storagetest.Kinds(t) {
		t.Run(kind, func(t *testing.T) {
			opts := fastDelivery
			opts.Timeout = time.Second
			o, peer := newOutbound(t, kind, opts), newPeer(t, http.StatusAccepted)
			o.follow(o.remoteAccount("bob", peer.host, true), o.alice.ID, 0)
			// alice's key is made on first use: not within an attempt's
			// timeout on a busy machine (-race), so make it now.
			if _, err := peer.ResolveKey(o.ctx, o.url+"/users/alice#main-key", false); err != nil {
				t.Fatal(err)
			}
			o.publish("Lemon tart")
			// What SIGKILL leaves behind: the job running since its first
			// attempt began (when it was made, in River's own format).
			err := o.db.Gorm().Exec(`UPDATE river_job SET state = 'running', attempt = 1, attempted_at = created_at
				WHERE kind = 'deliver'`).Error
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(2 * opts.Timeout)
			o.startWorkers()
			servertest.Eventually(t, 20*time.Second, "the abandoned delivery to be retried", func() bool {
				_, n := peer.counts()
				return n == 1 && o.jobStates()["completed"] == 1
			})
		})
	}
}
