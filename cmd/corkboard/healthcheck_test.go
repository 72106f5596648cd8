package main

import "testing"

func TestLocalAddress(t *testing.T) {
	cases := []struct{ listen, want string }{
		{"0.0.0.0:8080", "127.0.0.1:8080"},
		{":8080", "127.0.0.1:8080"},
		{"[::]:8080", "127.0.0.1:8080"},
		{"127.0.0.1:9000", "127.0.0.1:9000"},
		{"10.1.2.3:80", "10.1.2.3:80"},
		{"[::1]:8080", "[::1]:8080"},
		{"localhost:8080", "localhost:8080"},
	}
	for _, c := range cases {
		if got := localAddress(c.listen); got != c.want {
			t.Errorf("localAddress(%q) = %q, want %q", c.listen, got, c.want)
		}
	}
}
