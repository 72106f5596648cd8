package server

import (
	"strings"
	"testing"
)

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Config)
		wantErr string // substring; empty means valid
	}{
		{"defaults", func(*Config) {}, ""},
		{"relative base url", func(c *Config) { c.BaseURL = "pins.example" }, "CORKBOARD_BASE_URL"},
		{"base url with path", func(c *Config) { c.BaseURL = "https://x.example/pins" }, "CORKBOARD_BASE_URL"},
		{"ftp base url", func(c *Config) { c.BaseURL = "ftp://x.example" }, "CORKBOARD_BASE_URL"},
		{"mysql url", func(c *Config) { c.DatabaseURL = "mysql://x" }, "CORKBOARD_DATABASE_URL"},
		{"no listen", func(c *Config) { c.Listen = "" }, "CORKBOARD_LISTEN"},
		{"bad log format", func(c *Config) { c.LogFormat = "xml" }, "CORKBOARD_LOG_FORMAT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Defaults()
			tt.edit(&c)
			err := c.Validate()
			if tt.wantErr == "" && err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error = %v, want one naming %s", err, tt.wantErr)
			}
		})
	}
}

func TestRedactedHidesDatabasePassword(t *testing.T) {
	c := Defaults()
	c.DatabaseURL = "postgres://corkboard:s3cret@db:5432/corkboard"
	for _, v := range c.Redacted() {
		if s, ok := v.(string); ok && strings.Contains(s, "s3cret") {
			t.Fatalf("redacted config leaks the password: %q", s)
		}
	}
}
