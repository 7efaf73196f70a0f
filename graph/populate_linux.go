package graph

import "syscall"

// populateFlag makes a memory map of a file read whole at once, where a
// read of every page would otherwise fault them in one by one.
const populateFlag = syscall.MAP_POPULATE
