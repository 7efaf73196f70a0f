package syntax

import (
	"runtime"
	"syscall"
	"unsafe"
)

// newSlots returns n zeroed slots for t. On Linux they live in their own
// anonymous mapping advised for transparent huge pages: a parser table
// spans tens of megabytes read at random, and with 4 KiB pages nearly
// every feature lookup also misses the TLB. The mapping is released when
// t is collected.
func newSlots(t *table, n int) []slot {
	size := n * int(unsafe.Sizeof(slot{}))
	if size < 4<<20 {
		return make([]slot, n)
	}
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return make([]slot, n)
	}
	syscall.Madvise(mem, syscall.MADV_HUGEPAGE) // advice only: without it the table still works
	runtime.SetFinalizer(t, func(*table) { syscall.Munmap(mem) })
	return unsafe.Slice((*slot)(unsafe.Pointer(&mem[0])), n)
}
