package graph

import (
	"context"
	"sort"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract/minhash"
	"github.com/kg-news/kg/schema"
)

// CopyThreshold is the estimated share of shared word shingles above
// which two articles are copies of one story (the same text with a line
// added or a credit changed).
const CopyThreshold = 0.8

// SignatureOf returns the MinHash signature an article's quads carry.
func SignatureOf(a []quad.Quad) (minhash.Signature, bool) {
	for _, q := range a {
		if q.Predicate == schema.MinHash {
			return minhash.Parse(quad.ToString(q.Object))
		}
	}
	return minhash.Signature{}, false
}

// NearCopies returns the stored articles other than article whose text
// nearly repeats a signature's, by IRI: candidates share a band key (one
// indexed lookup per band) and are confirmed by their signatures. known
// holds signatures the caller has at hand (those of the articles it
// wrote in this run; nil for none): a candidate found there is not read
// from the store.
func (s *Store) NearCopies(ctx context.Context, article quad.IRI, sig minhash.Signature, known map[quad.IRI]minhash.Signature) ([]quad.IRI, error) {
	seen := map[quad.IRI]bool{article: true}
	var out []quad.IRI
	for _, key := range sig.BandKeys() {
		var cands []quad.IRI
		err := path.StartPath(s.qs).Has(schema.Band, quad.String(key)).Iterate(ctx).EachValue(s.qs, func(v quad.Value) {
			if iri, ok := v.(quad.IRI); ok && !seen[iri] {
				seen[iri] = true
				cands = append(cands, iri)
			}
		})
		if err != nil {
			return nil, s.connError(err)
		}
		for _, c := range cands {
			other, found := known[c]
			if !found {
				err := s.subjectQuadsWith(ctx, c, s.predicates(schema.MinHash), func(q quad.Quad) {
					other, found = minhash.Parse(quad.ToString(q.Object))
				})
				if err != nil {
					return nil, s.connError(err)
				}
			}
			if found && minhash.Similarity(sig, other) >= CopyThreshold {
				out = append(out, c)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// HasArticles reports whether the store holds any article. An ingest
// into a store that held none finds every earlier copy among the
// articles it writes itself, and need not look for them in the store.
func (s *Store) HasArticles(ctx context.Context) (bool, error) {
	n, err := path.StartPath(s.qs).Has(schema.Type, schema.TypeArticle).Limit(1).Iterate(ctx).Count()
	if err != nil {
		return false, s.connError(err)
	}
	return n > 0, nil
}
