//go:build race

package graph_test

// raceDetector is true in a test binary built with -race.
const raceDetector = true
