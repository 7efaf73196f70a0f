//go:build !linux

package graph

// populateFlag is 0 where the map cannot be filled at once.
const populateFlag = 0
