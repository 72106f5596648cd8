package servertest

import (
	"net/http"
	"strings"
	"testing"
)

func TestInstancesHaveDistinctHostsAndServe(t *testing.T) {
	n := NewNetwork(t)
	a, b := n.Add("a", Options{}), n.Add("b", Options{})
	if a.Host == b.Host || strings.Split(a.Host, ":")[0] == strings.Split(b.Host, ":")[0] {
		t.Fatalf("hosts %s and %s are not distinct addresses", a.Host, b.Host)
	}
	for _, in := range []*Instance{a, b} {
		resp, err := http.Get(in.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s /readyz = %d", in.Name, resp.StatusCode)
		}
	}
	if alice := a.CreateUser(t, "alice"); a.Handle(alice.Username) != "@alice@"+a.Host {
		t.Fatalf("handle = %s", a.Handle(alice.Username))
	}
}
