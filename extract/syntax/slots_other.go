//go:build !linux

package syntax

// newSlots returns n zeroed slots for t.
func newSlots(t *table, n int) []slot { return make([]slot, n) }
