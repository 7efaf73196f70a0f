// Package export writes a kg graph view, or a readable part of it, as
// GraphViz DOT (through gonum's graph/encoding/dot) or GraphML, and the
// store's quads as N-Quads or JSON-LD (through Cayley's quad formats).
package export
