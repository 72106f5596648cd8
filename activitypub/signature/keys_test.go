package signature

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"strings"
	"testing"
)

func TestPrivateKeyPEM(t *testing.T) {
	key := newRSAKey(t)
	if key.N.BitLen() != 2048 {
		t.Errorf("GenerateKey: %d bits, want 2048", key.N.BitLen())
	}
	pkcs8, err := EncodePrivateKeyPEM(key)
	if err != nil {
		t.Fatal(err)
	}
	pkcs1 := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}))
	for name, text := range map[string]string{"PKCS#8": pkcs8, "PKCS#1": pkcs1} {
		got, err := ParsePrivateKeyPEM(text)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if !got.Equal(key) {
			t.Errorf("%s: parsed another key", name)
		}
	}
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecDER, _ := x509.MarshalPKCS8PrivateKey(ecKey)
	for name, text := range map[string]string{
		"garbage": "not a key",
		"EC key":  string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: ecDER})),
	} {
		if _, err := ParsePrivateKeyPEM(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestPublicKeyPEM(t *testing.T) {
	key := newRSAKey(t)
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	edPub, _, _ := ed25519.GenerateKey(rand.Reader)
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	pkix := func(k any) string {
		s, err := EncodePublicKeyPEM(k)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	pkcs1 := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(&key.PublicKey)}))
	tests := []struct {
		name string
		pem  string
		want any // nil: refused
	}{
		{"PKIX RSA", pkix(&key.PublicKey), &key.PublicKey},
		{"PKCS#1 RSA PUBLIC KEY", pkcs1, &key.PublicKey},
		{"CRLF line ends", strings.ReplaceAll(pkix(&key.PublicKey), "\n", "\r\n"), &key.PublicKey},
		{"ed25519", pkix(edPub), edPub},
		{"1024-bit RSA", pkix(&small.PublicKey), nil},
		{"ECDSA", pkix(&ecKey.PublicKey), nil},
		{"garbage", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", nil},
		{"no PEM", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePublicKeyPEM(tt.pem)
			if tt.want == nil {
				if err == nil {
					t.Errorf("accepted %T", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !sameKey(got, tt.want) {
				t.Errorf("parsed %T, not the key encoded", got)
			}
		})
	}
}
