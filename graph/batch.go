package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract"
)

// Batch writes many articles with few transactions: the additions of
// all its articles in one, then their stale quads' removals in a second.
// Each article is still all or nothing: its new quads and its content
// hash commit together or not at all, and the rules of Ingest (unchanged
// articles skipped, changed ones replaced, bad quads refused) hold per
// article. A Batch holds the store's write lock from NewBatch to Close,
// so other kg writers on a shared PostgreSQL database wait for it. It is
// not safe for concurrent use.
type Batch struct {
	s      *Store
	unlock func()
	queued map[quad.IRI]bool
	sets   map[quad.IRI][]quad.Quad // each queued article's quads once written
	final  map[quad.IRI]bool        // queued articles written as resolved
	plan   *ResolutionPlan
	adds   []cgraph.Delta
	dels   []cgraph.Delta
}

// NewBatch takes the write lock and starts an empty batch.
func (s *Store) NewBatch(ctx context.Context) (*Batch, error) {
	unlock, err := s.lockWrites(ctx)
	if err != nil {
		return nil, s.connError(err)
	}
	return &Batch{s: s, unlock: unlock, queued: map[quad.IRI]bool{}, sets: map[quad.IRI][]quad.Quad{}, final: map[quad.IRI]bool{}}, nil
}

// Add queues an article and returns what storing it will do. An article
// whose IRI is already queued makes the batch flush first, so that it is
// compared with what the store then holds. A bad article is refused
// (ErrInvalidQuad) and the batch goes on without it.
func (b *Batch) Add(ctx context.Context, a extract.Article) (IngestResult, error) {
	if err := validateArticle(a); err != nil {
		return IngestResult{}, err
	}
	if b.queued[a.IRI] {
		if err := b.Flush(ctx); err != nil {
			return IngestResult{}, err
		}
	}
	w, err := b.s.prepare(ctx, a, b.plan)
	if err != nil {
		return IngestResult{}, b.s.connError(err)
	}
	if w.result.Outcome != Unchanged {
		b.queued[a.IRI] = true
		b.sets[a.IRI] = w.quads
		if w.resolved {
			b.final[a.IRI] = true
		}
		b.adds = append(b.adds, w.adds...)
		b.dels = append(b.dels, w.dels...)
	}
	return w.result, nil
}

// UsePlan makes the batch write each new article the plan holds as the
// plan resolves it (see ResolutionPlan).
func (b *Batch) UsePlan(p *ResolutionPlan) { b.plan = p }

// Pending is the number of quads queued for writing.
func (b *Batch) Pending() int { return len(b.adds) + len(b.dels) }

// Flush writes the queued articles. On an error none of their additions
// is stored (their removals may be, for an article whose additions were
// already stored and whose next ingest completes it), and the batch is
// empty again.
func (b *Batch) Flush(ctx context.Context) error {
	adds, dels, sets, final := b.adds, b.dels, b.sets, b.final
	n := len(b.queued)
	articles := make([]quad.IRI, 0, n)
	for a := range b.queued {
		articles = append(articles, a)
	}
	b.adds, b.dels, b.sets, b.final = nil, nil, map[quad.IRI][]quad.Quad{}, map[quad.IRI]bool{}
	clear(b.queued)
	sortDeltas(dels)
	if err := b.s.write(ctx, articles, adds, dels); err != nil {
		return b.s.connError(fmt.Errorf("graph: writing %d articles: %w", n, err))
	}
	b.plan.written(final)
	resolved := map[quad.IRI][]quad.Quad{}
	for a := range final {
		resolved[a] = sets[a]
		delete(sets, a)
	}
	b.s.noteWritten(sets, false)
	b.s.noteWritten(resolved, true)
	return nil
}

// Remove flushes the batch, then deletes every quad of a stored article,
// like Store.Remove, under the batch's lock.
func (b *Batch) Remove(ctx context.Context, article quad.IRI) (int, error) {
	if err := b.Flush(ctx); err != nil {
		return 0, err
	}
	n, err := b.s.removeLocked(ctx, article)
	return n, b.s.connError(err)
}

// Close flushes what is queued and releases the write lock. Closing
// again does nothing.
func (b *Batch) Close(ctx context.Context) error {
	if b.unlock == nil {
		return nil
	}
	defer func() { b.unlock(); b.unlock = nil }()
	return b.Flush(ctx)
}

// ArticlesWithHash is Store.ArticlesWithHash, on what the batch has
// written so far.
func (b *Batch) ArticlesWithHash(ctx context.Context, hash string) ([]StoredArticle, error) {
	return b.s.ArticlesWithHash(ctx, hash)
}
