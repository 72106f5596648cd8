package api

import (
	"strings"
	"testing"
)

func TestConsentCSPAllowsOnlyTheRedirectTarget(t *testing.T) {
	tests := []struct{ name, redirect, want string }{
		{"https", "https://App.example:8443/cb?x=1", "form-action 'self' https://app.example:8443;"},
		{"custom scheme", "pinster://oauth", "form-action 'self' pinster://oauth;"},
		{"scheme only", "com.example.app:/callback", "form-action 'self' com.example.app:;"},
		{"out of band", "urn:ietf:wg:oauth:2.0:oob", "form-action 'self';"},
		{"injection attempt", "https://a.example;script-src*/cb", "form-action 'self';"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := consentCSP(tt.redirect); !strings.Contains(got, tt.want) {
				t.Fatalf("consentCSP(%q) = %q, want it to contain %q", tt.redirect, got, tt.want)
			}
		})
	}
}
