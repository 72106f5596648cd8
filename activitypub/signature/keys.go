package signature

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
)

// RSA sizes we accept in remote keys: below 2048 bits is too weak to trust,
// above 8192 a key makes every verification costly (4096, Misskey's size,
// already costs about 15 times 2048).
const (
	minRSABits = 2048
	maxRSABits = 8192
)

// GenerateKey returns a new RSA-2048 key, the size every fediverse server
// accepts and the cheapest to sign with (delivery is bound by signing).
func GenerateKey() (*rsa.PrivateKey, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("generate RSA key: %w", err)
	}
	return key, nil
}

// EncodePrivateKeyPEM encodes key as a PKCS#8 "PRIVATE KEY" PEM block.
func EncodePrivateKeyPEM(key *rsa.PrivateKey) (string, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return "", fmt.Errorf("encode private key: %w", err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), nil
}

// ParsePrivateKeyPEM parses an RSA private key in PKCS#8 ("PRIVATE KEY") or
// PKCS#1 ("RSA PRIVATE KEY", what Mastodon and OpenSSL's classic tools write).
func ParsePrivateKeyPEM(s string) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode([]byte(s))
	if block == nil {
		return nil, errors.New("parse private key: no PEM block")
	}
	if key, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return key, nil
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("parse private key (%s): neither PKCS#1 nor PKCS#8: %w", block.Type, err)
	}
	rsaKey, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("parse private key: %T is not an RSA key", key)
	}
	return rsaKey, nil
}

// EncodePublicKeyPEM encodes key as a PKIX "PUBLIC KEY" PEM block, the form
// actors publish in publicKey.publicKeyPem.
func EncodePublicKeyPEM(key crypto.PublicKey) (string, error) {
	der, err := x509.MarshalPKIXPublicKey(key)
	if err != nil {
		return "", fmt.Errorf("encode public key: %w", err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), nil
}

// ParsePublicKeyPEM parses a remote actor's publicKeyPem: PKIX ("PUBLIC
// KEY") or PKCS#1 ("RSA PUBLIC KEY", which some servers send). The label is
// not trusted, both encodings are tried. It returns an *rsa.PublicKey of an
// acceptable size or an ed25519.PublicKey.
func ParsePublicKeyPEM(s string) (crypto.PublicKey, error) {
	block, _ := pem.Decode([]byte(s))
	if block == nil {
		return nil, errors.New("parse public key: no PEM block")
	}
	var key crypto.PublicKey
	key, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		rsaKey, err1 := x509.ParsePKCS1PublicKey(block.Bytes)
		if err1 != nil {
			return nil, fmt.Errorf("parse public key (%s): neither PKIX nor PKCS#1: %w", block.Type, err)
		}
		key = rsaKey
	}
	switch k := key.(type) {
	case *rsa.PublicKey:
		if bits := k.N.BitLen(); bits < minRSABits || bits > maxRSABits {
			return nil, fmt.Errorf("parse public key: %d-bit RSA key outside %d–%d", bits, minRSABits, maxRSABits)
		}
		return k, nil
	case ed25519.PublicKey:
		return k, nil
	}
	return nil, fmt.Errorf("parse public key: unsupported key type %T", key)
}
