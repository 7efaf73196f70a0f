package main

import (
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
