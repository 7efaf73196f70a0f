package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadStatus(t *testing.T) {
	tests := []struct {
		name, status string
		want         memory
		ok           bool
	}{
		{"a running process",
			"Name:\tkg\nVmPeak:\t 2100000 kB\nVmHWM:\t 1381916 kB\nVmRSS:\t 1200000 kB\nRssAnon:\t  500000 kB\nRssFile:\t  700000 kB\nRssShmem:\t       0 kB\n",
			memory{hwm: 1381916, anon: 500000, file: 700000}, true},
		{"a zombie has no memory lines", "Name:\tkg\nState:\tZ (zombie)\n", memory{}, false},
		{"garbled values are skipped", "VmHWM:\t 12 kB\nRssAnon:\tlots kB\nRssFile:\n", memory{hwm: 12}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "status")
			if err := os.WriteFile(path, []byte(tt.status), 0o644); err != nil {
				t.Fatal(err)
			}
			got, ok := readStatus(path)
			if got != tt.want || ok != tt.ok {
				t.Errorf("readStatus = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
	if _, ok := readStatus(filepath.Join(t.TempDir(), "gone")); ok {
		t.Error("a process that has exited reads as running")
	}
}
