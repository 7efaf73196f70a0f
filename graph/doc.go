// Package graph opens kg's Cayley quad store and writes articles into it.
//
// Backends: bolt (the default, an embedded file store that needs no
// server), badger, leveldb, memstore, and postgres through Cayley's SQL
// backend. An article's new quads are added in one transaction and the
// quads it no longer supports are then removed, so a changed article
// replaces its own facts and touches no other article's, and an unchanged
// article (same content hash) writes nothing.
package graph
