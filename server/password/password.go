// Package password hashes passwords with bcrypt for corkboard.Service.
package password

import (
	"errors"
	"fmt"

	"github.com/corkboard/corkboard"
	"golang.org/x/crypto/bcrypt"
)

// Bcrypt implements corkboard.PasswordHasher.
type Bcrypt struct {
	// Cost is the bcrypt work factor; 0 means bcrypt.DefaultCost (10).
	// Tests lower it to bcrypt.MinCost to stay fast.
	Cost int
}

var _ corkboard.PasswordHasher = Bcrypt{}

// Hash returns the bcrypt hash of password.
func (b Bcrypt) Hash(password string) (string, error) {
	cost := b.Cost
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), cost)
	if err != nil {
		return "", fmt.Errorf("bcrypt: %w", err)
	}
	return string(h), nil
}

// Compare returns nil if password matches hash.
func (b Bcrypt) Compare(hash, password string) error {
	err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(password))
	if errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
		return corkboard.Errorf(corkboard.EUNAUTHORIZED, "wrong password")
	}
	return err
}
