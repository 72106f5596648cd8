package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/storage"
	"github.com/corkboard/corkboard/storage/storagetest"
)

// queryFixture is alice with a public and a secret board, bob and a
// remote account following her, and pins on both boards.
type queryFixture struct {
	alice, bob, remote *corkboard.Account
	public, secret     *corkboard.Board
	pins               []int64 // alice's public pins, oldest first
}

func newQueryFixture(t *testing.T, db *storage.DB) *queryFixture {
	t.Helper()
	ctx, now := context.Background(), time.Now().UTC()
	local := func(name string) *corkboard.Account {
		a := &corkboard.Account{Username: name, Approved: true, CreatedAt: now, UpdatedAt: now}
		if err := db.CreateAccount(ctx, a, "x"); err != nil {
			t.Fatal(err)
		}
		return a
	}
	fx := &queryFixture{alice: local("alice"), bob: local("bob")}
	fx.remote = &corkboard.Account{Username: "carol", Domain: "remote.example", IRI: "https://remote.example/users/carol", CreatedAt: now, UpdatedAt: now}
	if err := db.UpsertRemoteAccount(ctx, fx.remote); err != nil {
		t.Fatal(err)
	}
	fx.public = &corkboard.Board{AccountID: fx.alice.ID, Slug: "recipes", Title: "Recipes", CreatedAt: now, UpdatedAt: now}
	fx.secret = &corkboard.Board{AccountID: fx.alice.ID, Slug: "drafts", Title: "Drafts", Secret: true, CreatedAt: now, UpdatedAt: now}
	for _, b := range []*corkboard.Board{fx.public, fx.secret} {
		if err := db.CreateBoard(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5 {
		b := fx.public
		if i == 2 {
			b = fx.secret
		}
		p := &corkboard.Pin{AccountID: fx.alice.ID, BoardID: b.ID, Secret: b.Secret, Image: corkboard.Image{Key: "k.jpg"}, CreatedAt: now, UpdatedAt: now}
		if err := db.CreatePin(ctx, p); err != nil {
			t.Fatal(err)
		}
		if !b.Secret {
			fx.pins = append(fx.pins, p.ID)
		}
	}
	for _, fo := range []*corkboard.Follow{
		{FollowerID: fx.bob.ID, TargetAccountID: fx.alice.ID},
		{FollowerID: fx.remote.ID, TargetAccountID: fx.alice.ID},
		{FollowerID: fx.bob.ID, TargetBoardID: fx.public.ID},
		{FollowerID: fx.alice.ID, TargetAccountID: fx.bob.ID, Pending: true},
	} {
		fo.CreatedAt = now
		if err := db.CreateFollow(ctx, fo); err != nil {
			t.Fatal(err)
		}
	}
	return fx
}

func TestPublicPinIDsAndCounts(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx, fx := context.Background(), newQueryFixture(t, db)
		newest := slices.Clone(fx.pins)
		slices.Reverse(newest) // 4 public pins, newest first
		cases := []struct {
			name string
			q    corkboard.PinIDQuery
			want []int64
		}{
			{"a person's, newest first", corkboard.PinIDQuery{AccountID: fx.alice.ID, Limit: 10}, newest},
			{"a board's", corkboard.PinIDQuery{BoardID: fx.public.ID, Limit: 10}, newest},
			{"a secret board's: none", corkboard.PinIDQuery{BoardID: fx.secret.ID, Limit: 10}, nil},
			{"older than a cursor", corkboard.PinIDQuery{AccountID: fx.alice.ID, BeforeID: newest[1], Limit: 1}, newest[2:3]},
			{"newer than a cursor", corkboard.PinIDQuery{AccountID: fx.alice.ID, AfterID: newest[3], Limit: 2}, newest[1:3]},
		}
		for _, tc := range cases {
			got, err := db.PublicPinIDs(ctx, tc.q)
			if err != nil || !slices.Equal(got, tc.want) {
				t.Errorf("%s: %v, %v; want %v", tc.name, got, err, tc.want)
			}
		}
		for _, c := range []struct {
			account, board, want int64
		}{{fx.alice.ID, 0, 4}, {0, fx.public.ID, 4}, {0, fx.secret.ID, 0}, {0, 0, 4}} {
			if n, err := db.CountPublicPins(ctx, c.account, c.board); err != nil || n != c.want {
				t.Errorf("CountPublicPins(%d, %d) = %d, %v; want %d", c.account, c.board, n, err, c.want)
			}
		}
	})
}

func TestListFollows(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx, fx := context.Background(), newQueryFixture(t, db)
		followers := func(q corkboard.FollowQuery) []int64 {
			fs, err := db.ListFollows(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, f := range fs {
				ids = append(ids, f.FollowerID*1000+f.TargetAccountID+f.TargetBoardID*100)
			}
			return ids
		}
		a, b, r := fx.alice.ID, fx.bob.ID, fx.remote.ID
		cases := []struct {
			name string
			q    corkboard.FollowQuery
			want []int64 // follower*1000 + target account + target board*100
		}{
			{"a person's followers, newest first", corkboard.FollowQuery{TargetAccountID: a, Limit: 10}, []int64{r*1000 + a, b*1000 + a}},
			{"a board's followers", corkboard.FollowQuery{TargetBoardID: fx.public.ID, Limit: 10}, []int64{b*1000 + fx.public.ID*100}},
			{"what bob follows", corkboard.FollowQuery{FollowerID: b, Limit: 10}, []int64{b*1000 + fx.public.ID*100, b*1000 + a}},
			{"pending follows are not listed", corkboard.FollowQuery{FollowerID: a, Limit: 10}, nil},
			{"one page", corkboard.FollowQuery{TargetAccountID: a, Limit: 1}, []int64{r*1000 + a}},
		}
		for _, tc := range cases {
			if got := followers(tc.q); !slices.Equal(got, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
	})
}

func TestCountActiveAccounts(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		newQueryFixture(t, db) // alice pinned just now; bob did nothing; carol is remote
		if n, err := db.CountActiveAccounts(ctx, time.Now().Add(-time.Hour)); err != nil || n != 1 {
			t.Fatalf("active in the last hour = %d, %v; want 1 (alice)", n, err)
		}
		if n, err := db.CountActiveAccounts(ctx, time.Now().Add(time.Hour)); err != nil || n != 0 {
			t.Fatalf("active since a future time = %d, %v", n, err)
		}
	})
}

func TestQueueCounts(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := context.Background()
		if err := db.Enqueue(ctx, testJob{1}, testJob{2}); err != nil {
			t.Fatal(err)
		}
		mark := func(state, finished string) {
			t.Helper()
			q := `UPDATE river_job SET state = '` + state + `', finalized_at = ` + finished +
				` WHERE id = (SELECT MIN(id) FROM river_job WHERE state = 'available')`
			if err := db.Gorm().Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
		mark("completed", "CURRENT_TIMESTAMP")
		counts, err := db.QueueCounts(ctx, time.Now().Add(-time.Hour))
		want := []corkboard.QueueCount{{Queue: "default", State: "available", Count: 1}, {Queue: "default", State: "completed", Count: 1}}
		if err != nil || !slices.Equal(counts, want) {
			t.Fatalf("counts = %v, %v; want %v", counts, err, want)
		}
		if counts, err := db.QueueCounts(ctx, time.Now().Add(time.Hour)); err != nil || len(counts) != 1 {
			t.Fatalf("completed jobs older than since are left out: %v, %v", counts, err)
		}
	})
}
