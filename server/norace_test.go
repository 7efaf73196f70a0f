//go:build !race

package server_test

// slowdown is how much longer timings may take in this test binary: the
// race detector makes code several times slower.
const slowdown = 1
