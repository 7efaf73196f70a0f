package graph

import (
	"github.com/cayleygraph/quad"
)

// What this process wrote is what the store holds of those articles
// until another writer changes the store. Resolution takes the quads of
// an article written here from memory rather than walking the store for
// them: a walk reads every quad of each node the article names, all
// articles' quads of a much-cited person included, which in a large
// store costs far more than the article. The quads are held while
// another process has not written since this one did (the store's
// generation is still the one this process gave it), and up to
// knownLimit quads in all; past that, resolution reads articles from
// the store as before.

// knownLimit bounds the quads held for resolution, about 0.3 KB each:
// enough for the articles of a routine ingest, while a bulk ingest,
// whose resolution reads most of the store in one pass anyway, holds
// none.
const knownLimit = 300_000

// noteWritten records the whole quad set each article is left with by a
// write of this process that has just committed (none for an article
// removed): for resolution, and, when final, for the view's parts. An
// ingest's quads are not final: every article it writes lacks its
// kg:resolution literal, so the resolution that ends the write rewrites
// it, and notes its parts then.
func (s *Store) noteWritten(sets map[quad.IRI][]quad.Quad, final bool) {
	if len(sets) == 0 {
		return
	}
	s.touchMu.Lock()
	if !s.knownOff {
		if s.known == nil {
			s.known = map[quad.IRI][]quad.Quad{}
		}
		for a, qs := range sets {
			s.knownQuads += len(qs) - len(s.known[a])
			if qs == nil {
				qs = []quad.Quad{}
			}
			s.known[a] = qs
		}
		if s.knownQuads > knownLimit {
			s.known, s.knownQuads, s.knownOff = nil, 0, true
		}
	}
	s.touchMu.Unlock()
	if final {
		s.noteParts(sets)
	}
}

// writtenQuads returns the quads of the articles this process wrote,
// when the store is still at the generation gen this process gave it,
// and takes them from what is held: resolution reads each article once.
func (s *Store) writtenQuads(gen string) map[quad.IRI][]quad.Quad {
	s.touchMu.Lock()
	defer s.touchMu.Unlock()
	known := s.known
	if gen == "" || gen != s.myGen || s.untracked.Load() {
		known = nil
	}
	s.known, s.knownQuads, s.knownOff = nil, 0, false
	return known
}
