package graph

import (
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/graph/resolve"
)

// ResolutionPlan is what resolution will make of articles not yet
// written, worked out from their records and the store's: a Batch that
// uses it writes them as resolved, so that the resolution ending the
// ingest finds them as it would leave them and has nothing to rewrite.
// Rewriting an article costs far more than writing it: the new quads of
// its renamed nodes are new to the store only after Cayley has checked
// every quad of those nodes, and a much-cited person has one in nearly
// every article. A plan never decides what is stored: an article whose
// outcome the ingest's later articles change is rewritten as before, and
// one whose records differ from the plan's is written as extracted.
type ResolutionPlan struct {
	articles map[quad.IRI]plannedArticle
}

type plannedArticle struct {
	records string            // the kg:records literal planned from
	rename  *storedResolution // nil: nothing renamed
	literal string            // the kg:resolution literal
}

// plannedOutcome is a plan's resolution and what it was made from, kept
// by the store for the resolution after the writes to take instead of
// working it out again, when the store is then what the plan foresaw
// (takePlan).
type plannedOutcome struct {
	base      string                     // the kept states' generation
	signature string                     // of the kept decisions it built on
	states    []*articleState            // every article's, in IRI order
	planned   map[quad.IRI]*articleState // the articles to be written
	out       *resolution
}

// RecordsLiteral returns the kg:records literal an article is stored
// with, for PlanResolution.
func RecordsLiteral(a extract.Article) string {
	return quad.ToString(recordsQuad(a.IRI, a.Quads).Object)
}

// PlanResolution resolves the store's articles together with articles
// to be written (their records literals by IRI) and keeps what that
// makes of the latter. It writes nothing.
func (s *Store) PlanResolution(ctx context.Context, records map[quad.IRI]string, opts resolve.Options) (*ResolutionPlan, error) {
	unlock, err := s.lockWrites(ctx)
	if err != nil {
		return nil, s.connError(err)
	}
	defer unlock()
	planned := make(map[quad.IRI]*articleState, len(records))
	for iri, lit := range records {
		st := &articleState{iri: iri}
		if st.setRecords(lit) {
			planned[iri] = st
		}
	}
	if p, ok, err := s.planBySummary(ctx, planned, opts); ok || err != nil {
		return p, s.connError(err)
	}
	kept, err := s.keptArticleStates(ctx)
	if err != nil {
		return nil, s.connError(err)
	}
	var states []*articleState
	var prior *resolve.Prior
	signature := resolutionSignature(opts)
	if kept != nil {
		states = kept.states
		if kept.signature == signature {
			prior = kept.prior(planned)
		}
		// The resolution after the writes reads the same file.
		s.prefetchedAs(kept.file)
	} else {
		if states, err = s.articleStates(ctx); err != nil {
			return nil, s.connError(err)
		}
		// The read-ahead is used: start one for the resolution after
		// the writes.
		s.PrefetchResolution()
	}
	all := make([]*articleState, 0, len(states)+len(planned))
	for _, st := range states {
		if planned[st.iri] == nil {
			all = append(all, st)
		}
	}
	for _, st := range planned {
		all = append(all, st)
	}
	// In IRI order, as resolution reads them: its rules name the first
	// article of a kind.
	slices.SortFunc(all, func(a, b *articleState) int { return strings.Compare(string(a.iri), string(b.iri)) })
	out := outcome(all, opts, prior, signature)
	p := &ResolutionPlan{articles: make(map[quad.IRI]plannedArticle, len(planned))}
	for iri, st := range planned {
		p.articles[iri] = plannedArticle{records: st.recordsJSON, rename: out.want[iri], literal: out.literal[iri]}
	}
	if kept != nil && len(kept.changed) == 0 {
		s.touchMu.Lock()
		s.plan = &plannedOutcome{base: kept.base, signature: signature, states: all, planned: planned, out: out}
		s.touchMu.Unlock()
	}
	return p, nil
}

// takePlan returns the outcome of the last plan made, if the store is
// what that plan foresaw once its articles are written: the same kept
// states underneath (kept), and every article this process changed is
// a planned one, stored with the planned records and resolution
// literal. It lets go of the plan either way.
func (s *Store) takePlan(kept *keptRead, signature string) *resolution {
	s.touchMu.Lock()
	p := s.plan
	s.plan = nil
	s.touchMu.Unlock()
	if p == nil || kept == nil || p.base != kept.base || p.signature != signature ||
		len(kept.states) != len(p.states) || len(kept.changed) != len(p.planned) {
		return nil
	}
	for i, st := range kept.states {
		want := p.states[i]
		if st.iri != want.iri || st.recordsJSON != want.recordsJSON {
			return nil
		}
		if p.planned[st.iri] == nil {
			if kept.changed[st.iri] {
				return nil
			}
			continue
		}
		if !kept.changed[st.iri] || st.legacy || st.rewriting ||
			len(st.resolutions) != 1 || st.resolutions[0] != p.out.literal[st.iri] {
			return nil
		}
	}
	return p.out
}

// Len is the number of articles planned and not yet written.
func (p *ResolutionPlan) Len() int { return len(p.articles) }

// written lets go of the plan of articles now stored as it resolves
// them: a plan for a large ingest holds every new article's records, and
// the resolution that ends the ingest needs the memory.
func (p *ResolutionPlan) written(articles map[quad.IRI]bool) {
	if p == nil {
		return
	}
	for a := range articles {
		delete(p.articles, a)
	}
}

// resolvedArticle returns an article's quads as the plan resolves
// them, records and resolution literal included, when the plan holds
// the article with these very records.
func (p *ResolutionPlan) resolvedArticle(a extract.Article, records quad.Quad) ([]quad.Quad, bool) {
	if p == nil {
		return nil, false
	}
	pa, ok := p.articles[a.IRI]
	if !ok || quad.ToString(records.Object) != pa.records {
		return nil, false
	}
	st := &articleState{iri: a.IRI, recordsJSON: pa.records}
	quads, _ := resolvedQuads(st, a.Quads, pa.rename, pa.literal)
	return quads, true
}
