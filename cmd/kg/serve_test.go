package main

import (
	"slices"
	"strings"
	"testing"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		addr  string
		allow bool
		ok    bool
	}{
		{"127.0.0.1:64210", false, true},
		{"[::1]:64210", false, true},
		{"localhost:8080", false, true},
		{"0.0.0.0:64210", false, false},
		{":64210", false, false},
		{"192.168.1.5:80", false, false},
		{"0.0.0.0:64210", true, true},
		{"no-port", false, false},
	}
	for _, tt := range tests {
		err := checkLoopback(tt.addr, tt.allow)
		if (err == nil) != tt.ok {
			t.Errorf("checkLoopback(%q, %v) = %v, want ok %v", tt.addr, tt.allow, err, tt.ok)
		}
	}
}

func TestServeRefusesRemoteAddress(t *testing.T) {
	db := seededDB(t)
	_, _, err := run(t, "", "--db", db, "serve", "--addr", "0.0.0.0:0")
	if err == nil || !strings.Contains(err.Error(), "--allow-remote") {
		t.Errorf("serve on 0.0.0.0: err = %v, want a refusal naming --allow-remote", err)
	}
}

func TestAllowedHosts(t *testing.T) {
	for _, tt := range []struct {
		addr string
		want []string // some of the hosts; nil for any host
	}{
		{"127.0.0.1:5000", []string{"127.0.0.1:5000", "localhost:5000", "[::1]:5000"}},
		{"[::1]:80", []string{"localhost", "[::1]:80"}},
		{"0.0.0.0:64210", nil},
	} {
		got := allowedHosts(tt.addr)
		if tt.want == nil && got != nil {
			t.Errorf("%s: %v, want any host", tt.addr, got)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %v lacks %s", tt.addr, got, w)
			}
		}
	}
}
