//go:build unix

package signature

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/go-fed/httpsig"
)

// cpuTime returns the CPU time this process has used. The benchmarks report
// CPU-µs per operation beside wall-clock rates because this machine is
// shared: other processes slow wall-clock figures, not CPU time per op.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime(b)-start)/float64(time.Microsecond)/float64(b.N), "cpu-µs/op")
}

// mapKeys is a KeyResolver over an in-memory map, as a warm cache would be.
type mapKeys map[string]*PublicKey

func (m mapKeys) ResolveKey(_ context.Context, keyID string, _ bool) (*PublicKey, error) {
	if k, ok := m[keyID]; ok {
		return k, nil
	}
	return nil, ErrKeyNotFound
}

// BenchmarkVerify verifies a Mastodon-style signed POST of about 3.5 KB
// (rsa-sha256 over (request-target) host date digest content-type).
func BenchmarkVerify(b *testing.B) {
	key := newRSAKey(b)
	body := activity(b)
	r := newRequest(b, "POST", "/users/bob/inbox", body)
	r.Header.Set("Content-Type", "application/activity+json")
	signWithHeaders(b, r, key, httpsig.RSA_SHA256, []string{"(request-target)", "host", "date", "digest", "content-type"}, body)
	relabel(r.Header, aliceKeyID)
	v := NewVerifier(clock(t0), VerifierOptions{})
	keys := mapKeys{aliceKeyID: alicePublic(&key.PublicKey)}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	start := cpuTime(b)
	for b.Loop() {
		if _, err := v.Verify(r, body, keys); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkRawRSAVerify is the floor for BenchmarkVerify: the RSA-2048
// verification alone, of a precomputed SHA-256 digest.
func BenchmarkRawRSAVerify(b *testing.B) {
	key := newRSAKey(b)
	hashed := sha256.Sum256([]byte("(request-target): post /users/bob/inbox\nhost: example.com"))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, hashed[:])
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime(b)
	for b.Loop() {
		if err := rsa.VerifyPKCS1v15(&key.PublicKey, crypto.SHA256, hashed[:], sig); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkSignParallel signs POSTs with one shared Signer on every core,
// as delivery workers do.
func BenchmarkSignParallel(b *testing.B) {
	key := newRSAKey(b)
	body := activity(b)
	s, err := NewSigner(aliceKeyID, key, clock(t0))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime(b)
	b.RunParallel(func(pb *testing.PB) {
		r, err := http.NewRequest("POST", "https://cork.test/users/bob/inbox", bytes.NewReader(body))
		if err != nil {
			b.Error(err)
			return
		}
		for pb.Next() {
			if err := s.Sign(r, body); err != nil {
				b.Error(err)
				return
			}
		}
	})
	reportCPU(b, start)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sigs/s")
}

// BenchmarkRawRSASignParallel is the ceiling for BenchmarkSignParallel:
// RSA-2048 PKCS#1 v1.5 signatures of a precomputed digest on every core.
func BenchmarkRawRSASignParallel(b *testing.B) {
	key := newRSAKey(b)
	hashed := sha256.Sum256([]byte("(request-target): post /users/bob/inbox\nhost: example.com"))
	b.ReportAllocs()
	start := cpuTime(b)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, hashed[:]); err != nil {
				b.Error(err)
				return
			}
		}
	})
	reportCPU(b, start)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sigs/s")
}
