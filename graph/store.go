package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/schema"
)

// Defaults of Open.
const (
	DefaultBackend = "bolt"
	DefaultAddress = "./kg.db"
)

// Errors of Open and Ingest.
var (
	ErrLocked         = errors.New("graph: store is locked by another process")
	ErrUnknownBackend = errors.New("graph: unknown backend")
	ErrUnreachable    = errors.New("graph: database unreachable")
	ErrInvalidQuad    = errors.New("graph: invalid quad")
)

// Backends lists the backends Open accepts.
var Backends = []string{"bolt", "badger", "leveldb", "memstore", "postgres"}

// Store is an open kg quad store.
type Store struct {
	Backend string
	Address string
	qs      cgraph.QuadStore
	pg      *sql.DB     // kg's own connections to a PostgreSQL store, for its write lock
	wrote   atomic.Bool // this process has given the store a new generation since its last view
	gate    sync.RWMutex

	// What this process wrote since the kept resolution states (see
	// StatesFile): the articles it changed, the generation the store had
	// before, and whether it wrote anything it cannot name by article.
	touchMu    sync.Mutex
	touched    map[quad.IRI]bool
	startGen   string
	startEmpty bool // the store held no quad at all at startGen
	untracked  atomic.Bool

	// The view parts of the articles this process wrote since (see
	// PartsFile), and whether the kept ones are too old to update.
	pendingParts map[quad.IRI][]byte // encoded
	partsOff     bool

	// The generation this process last gave the store, and the quads of
	// the articles it wrote since its last resolution (written.go).
	myGen      string
	known      map[quad.IRI][]quad.Quad
	knownQuads int
	knownOff   bool

	// The kept resolution states read ahead, and the generation and
	// touched articles of those a resolution started from.
	prefetched  chan *keptStates
	keptBase    string
	keptTouched map[quad.IRI]bool
	// The outcome of the last resolution plan, for the resolution after
	// its writes (ResolutionPlan), and how many resolutions took one.
	plan       *plannedOutcome
	plansTaken atomic.Int64
	// summaries counts the resolutions made from the kept summary.
	summaries atomic.Int64
}

// Reading holds this process's writes off until the returned function is
// called, for a reader beside a writer in one process (a server that
// ingests): Cayley's readers open nested transactions, and a bolt commit
// that grows the store's memory map waits for every reader while a
// nested reader waits for it. Call it once per reader, never around a
// write.
func (s *Store) Reading() func() {
	s.gate.RLock()
	return s.gate.RUnlock
}

// Writing holds this process's readers off until the returned function
// is called, for a write made through the quad store directly (Cayley's
// HTTP write routes); kg's own writes take it themselves.
func (s *Store) Writing() func() {
	s.gate.Lock()
	return s.gate.Unlock
}

// apply writes deltas through Cayley with the readers held off.
func (s *Store) apply(deltas []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	defer s.Writing()()
	return s.qs.ApplyDeltas(deltas, opts)
}

// Open opens the store of a backend at an address (a directory for the
// embedded backends, a connection string for postgres), creating it when
// it does not exist yet.
func Open(ctx context.Context, backend, addr string) (*Store, error) {
	if backend == "" {
		backend = DefaultBackend
	}
	known := false
	for _, b := range Backends {
		known = known || b == backend
	}
	if !known {
		return nil, fmt.Errorf("%w %q (want one of %s)", ErrUnknownBackend, backend, strings.Join(Backends, ", "))
	}
	if addr == "" && backend != "memstore" {
		addr = DefaultAddress
	}
	if backend == "memstore" {
		addr = ""
	}
	st := &Store{Backend: backend, Address: addr}
	initialize := cgraph.IsPersistent(backend)
	if backend == "postgres" {
		if err := reachable(ctx, addr); err != nil {
			return nil, err
		}
		db, err := sql.Open("postgres", addr)
		if err != nil {
			return nil, openError(backend, addr, err)
		}
		st.pg = db
		// Two kg processes opening a new database at once create its
		// tables one after the other.
		unlock, err := st.lockWrites(ctx)
		if err != nil {
			db.Close()
			return nil, openError(backend, addr, err)
		}
		defer unlock()
		exist, err := pgTablesExist(ctx, db)
		if err != nil {
			db.Close()
			return nil, openError(backend, addr, err)
		}
		initialize = !exist
	}
	// Without Cayley's bloom filters of stored quads: building them
	// reads the store's whole log at every open (0.74 s at 10,000
	// articles), and they take some 0.5 GB; checking a new quad in the
	// index instead made a 1,000-article ingest faster, not slower.
	opts := cgraph.Options{kv.OptNoBloom: true}
	if initialize {
		err := cgraph.InitQuadStore(backend, addr, opts)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			st.closePG()
			return nil, openError(backend, addr, err)
		}
	}
	qs, err := cgraph.NewQuadStore(backend, addr, opts)
	if err != nil {
		st.closePG()
		return nil, openError(backend, addr, err)
	}
	st.qs = qs
	return st, nil
}

func (s *Store) closePG() {
	if s.pg != nil {
		s.pg.Close()
	}
}

func openError(backend, addr string, err error) error {
	if errors.Is(err, ErrLocked) {
		return fmt.Errorf("%s store %s: %w (is another kg running?)", backend, addr, ErrLocked)
	}
	if backend == "postgres" {
		return fmt.Errorf("postgres %s: %w: %v", redact(addr), ErrUnreachable, err)
	}
	return fmt.Errorf("%s store %s: %w", backend, addr, err)
}

// reachable dials a PostgreSQL address before Cayley's driver, which
// retries for a long time, gets to it.
func reachable(ctx context.Context, addr string) error {
	host, port := "localhost", "5432"
	for _, f := range strings.Fields(addr) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "host":
			host = v
		case "port":
			port = v
		}
	}
	if strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://") {
		rest := addr[strings.Index(addr, "://")+3:]
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			rest = rest[at+1:]
		}
		if sl := strings.IndexAny(rest, "/?"); sl >= 0 {
			rest = rest[:sl]
		}
		if h, p, err := net.SplitHostPort(rest); err == nil {
			host, port = h, p
		} else if rest != "" {
			host = rest
		}
	}
	if strings.HasPrefix(host, "/") {
		if _, err := os.Stat(host); err != nil {
			return fmt.Errorf("postgres %s: %w: %v", redact(addr), ErrUnreachable, err)
		}
		return nil
	}
	d := net.Dialer{Timeout: 3 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(host, port))
	if err != nil {
		return fmt.Errorf("postgres %s: %w: %v", redact(addr), ErrUnreachable, err)
	}
	return conn.Close()
}

// redact hides a password in a connection string.
func redact(addr string) string {
	fields := strings.Fields(addr)
	for i, f := range fields {
		if strings.HasPrefix(f, "password=") {
			fields[i] = "password=***"
		}
	}
	s := strings.Join(fields, " ")
	if i := strings.Index(s, "://"); i >= 0 {
		if at := strings.LastIndex(s, "@"); at > i {
			if colon := strings.Index(s[i+3:at], ":"); colon >= 0 {
				s = s[:i+3+colon] + ":***" + s[at:]
			}
		}
	}
	return s
}

// QuadStore returns the underlying Cayley quad store, for queries.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Close closes the store.
func (s *Store) Close() error {
	s.closePG()
	return s.qs.Close()
}

// Outcome is what Ingest did with an article.
type Outcome int

const (
	// Added means the article was new.
	Added Outcome = iota
	// Replaced means the article had changed; its old quads were replaced.
	Replaced
	// Unchanged means the article was stored with the same content.
	Unchanged
)

func (o Outcome) String() string {
	return [...]string{"added", "replaced", "unchanged"}[o]
}

// IngestResult reports one article's write.
type IngestResult struct {
	Outcome Outcome
	Added   int // quads added
	Removed int // quads removed
}

// Ingest writes an article's quads: its new quads in one transaction,
// then the removal of the quads it no longer supports. Every quad must be
// labelled with the article's IRI and pass schema.Validate; otherwise
// nothing is written.
func (s *Store) Ingest(ctx context.Context, a extract.Article) (IngestResult, error) {
	res, err := s.ingest(ctx, a)
	return res, s.connError(err)
}

func (s *Store) ingest(ctx context.Context, a extract.Article) (IngestResult, error) {
	if err := validateArticle(a); err != nil {
		return IngestResult{}, err
	}
	unlock, err := s.lockWrites(ctx)
	if err != nil {
		return IngestResult{}, err
	}
	defer unlock()
	w, err := s.prepare(ctx, a, nil)
	if err != nil {
		return IngestResult{}, err
	}
	if err := s.write(ctx, []quad.IRI{a.IRI}, w.adds, w.dels); err != nil {
		return IngestResult{}, fmt.Errorf("graph: writing %v: %w", a.IRI, err)
	}
	if w.result.Outcome != Unchanged {
		s.noteWritten(map[quad.IRI][]quad.Quad{a.IRI: w.quads}, false)
	}
	return w.result, nil
}

// validateArticle checks that every quad of a is labelled with its IRI
// and passes schema.Validate.
func validateArticle(a extract.Article) error {
	for _, q := range a.Quads {
		if err := schema.Validate(q); err != nil {
			return fmt.Errorf("%w: %v", ErrInvalidQuad, err)
		}
		if q.Label != a.IRI {
			return fmt.Errorf("%w: label %v is not the article %v", ErrInvalidQuad, q.Label, a.IRI)
		}
	}
	return nil
}

// storedHashes returns the content hashes stored on an article's node:
// one indexed lookup, without reading the article's quads. Two are left
// by an ingest cut short between its transactions.
func (s *Store) storedHashes(ctx context.Context, article quad.IRI) ([]string, error) {
	var hashes []string
	err := s.subjectQuadsWith(ctx, article, s.predicates(schema.ContentHash), func(q quad.Quad) {
		if q.Label == article {
			hashes = append(hashes, quad.ToString(q.Object))
		}
	})
	return hashes, err
}

// Unchanged reports whether the store holds an article with this very
// content, so that an ingest would write nothing for it.
func (s *Store) Unchanged(ctx context.Context, a extract.Article) (bool, error) {
	hashes, err := s.storedHashes(ctx, a.IRI)
	return len(hashes) == 1 && hashes[0] == a.Hash, s.connError(err)
}

// articleWrite is what storing one article changes: the quads to add and
// those to remove.
type articleWrite struct {
	result     IngestResult
	adds, dels []cgraph.Delta
	quads      []quad.Quad // all the article's quads once written
	resolved   bool        // written as a plan resolves it
}

// prepare reads what the store holds of a valid article and returns the
// changes that store it, writing nothing. The caller holds the write
// lock.
func (s *Store) prepare(ctx context.Context, a extract.Article, plan *ResolutionPlan) (articleWrite, error) {
	hashes, err := s.storedHashes(ctx, a.IRI)
	if err != nil {
		return articleWrite{}, err
	}
	if len(hashes) == 1 && hashes[0] == a.Hash {
		return articleWrite{result: IngestResult{Outcome: Unchanged}}, nil
	}
	old := map[quad.Quad]bool{}
	if len(hashes) > 0 {
		if old, err = s.articleQuads(ctx, a.IRI); err != nil {
			return articleWrite{}, err
		}
	}
	recs := recordsQuad(a.IRI, a.Quads)
	// As the plan resolves the article, if it does.
	quads, resolved := plan.resolvedArticle(a, recs)
	if !resolved {
		quads = append(a.Quads[:len(a.Quads):len(a.Quads)], recs)
	}
	next := make(map[quad.Quad]bool, len(quads))
	w := articleWrite{result: IngestResult{Outcome: Added}, quads: quads, resolved: resolved}
	if len(old) > 0 {
		w.result.Outcome = Replaced
	}
	for _, q := range quads {
		next[q] = true
		if !old[q] {
			w.adds = append(w.adds, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
	}
	for q := range old {
		if !next[q] {
			w.dels = append(w.dels, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		}
	}
	sortDeltas(w.dels)
	w.result.Added, w.result.Removed = len(w.adds), len(w.dels)
	return w, ctx.Err()
}

// write applies additions, then deletions. Cayley's key-value stores
// lose additions that share a batch with deletions, so the new quads
// (content hashes included) are written in one transaction and the stale
// ones removed in a second. Should the second fail, an article holds two
// content hashes, is not taken as unchanged, and its next ingest removes
// the stale quads.
func (s *Store) write(ctx context.Context, articles []quad.IRI, adds, dels []cgraph.Delta) error {
	if len(adds)+len(dels) == 0 {
		return nil
	}
	if err := s.beginWrite(ctx); err != nil {
		return err
	}
	s.touch(articles...)
	if len(adds) > 0 {
		if err := s.addQuads(ctx, adds); err != nil {
			return err
		}
	}
	if len(dels) > 0 {
		if err := s.apply(dels, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			return fmt.Errorf("removing old quads: %w", err)
		}
	}
	return nil
}

// articleQuads returns the quads labelled with an article's IRI.
func (s *Store) articleQuads(ctx context.Context, article quad.IRI) (map[quad.Quad]bool, error) {
	out := map[quad.Quad]bool{}
	err := s.walkArticle(ctx, article, func(q quad.Quad) { out[q] = true })
	return out, err
}

// walkArticle calls f with every quad labelled with an article, found
// through the subject index: from the article's node along the IRIs its
// own quads point to (what it mentions, their roles, places, countries
// and evidence). Every quad an article writes is reachable so, before
// and after resolution renames its nodes; Cayley's key-value stores have
// no label index, where asking for a label scans the whole store. The
// cost is the quads of the nodes the article touches, a node's quads of
// all articles included; a quad of another article costs the lookup of
// its label only.
func (s *Store) walkArticle(ctx context.Context, article quad.IRI, f func(quad.Quad)) error {
	return s.walkArticles(ctx, []quad.IRI{article}, func(_ quad.IRI, q quad.Quad) { f(q) })
}

// walkArticles is walkArticle for several articles at once: a node they
// share, a much-cited person, is read once for all of them.
func (s *Store) walkArticles(ctx context.Context, articles []quad.IRI, f func(article quad.IRI, q quad.Quad)) error {
	labels := map[any]quad.IRI{} // label reference -> article
	var queue []quad.IRI
	seen := map[quad.IRI]bool{}
	for _, a := range articles {
		if ref := s.qs.ValueOf(a); ref != nil {
			labels[cgraph.ToKey(ref)] = a
			if !seen[a] {
				seen[a] = true
				queue = append(queue, a)
			}
		}
	}
	for len(queue) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		node := queue[0]
		queue = queue[1:]
		ref := s.qs.ValueOf(node)
		if ref == nil {
			continue
		}
		it := s.qs.QuadIterator(quad.Subject, ref)
		for it.Next(ctx) {
			r := it.Result()
			l := s.qs.QuadDirection(r, quad.Label)
			if l == nil {
				continue
			}
			article, ok := labels[cgraph.ToKey(l)]
			if !ok {
				continue
			}
			q := s.qs.Quad(r)
			f(article, q)
			if o, ok := q.Object.(quad.IRI); ok && !seen[o] && q.Predicate != schema.Type && q.Predicate != schema.Article {
				seen[o] = true
				queue = append(queue, o)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Stats counts what the store holds.
type Stats struct {
	Articles      int64 `json:"articles"`
	Persons       int64 `json:"persons"`
	Organizations int64 `json:"organizations"`
	Places        int64 `json:"places"`
	Events        int64 `json:"events"`
	Quads         int64 `json:"quads"`
}

// Stats counts articles, persons, organizations, places, events and quads.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	for _, c := range []struct {
		typ quad.IRI
		n   *int64
	}{
		{schema.TypeArticle, &st.Articles}, {schema.TypePerson, &st.Persons},
		{schema.TypeOrganization, &st.Organizations}, {schema.TypePlace, &st.Places},
		{schema.TypeEvent, &st.Events},
	} {
		n, err := path.StartPath(s.qs).Has(schema.Type, c.typ).Unique().Iterate(ctx).Count()
		if err != nil {
			return st, err
		}
		*c.n = n
	}
	// Exact counts: the SQL backend estimates quads unless asked.
	qst, err := s.qs.Stats(ctx, s.Backend == "postgres")
	if errors.Is(err, kv.ErrNoBucket) {
		return st, nil // a key-value store that was never written to
	}
	if err != nil {
		return st, err
	}
	st.Quads = qst.Quads.Size
	return st, nil
}

// Load writes quads read from r (a whole N-Quads or JSON-LD file, as
// Export writes them) into the store. Every quad must be labelled and
// pass schema.Validate; the whole input is read and checked before
// anything is written, so a bad file leaves the store as it was.
func (s *Store) Load(ctx context.Context, r quad.Reader) (int, error) {
	var deltas []cgraph.Delta
	for n := 1; ; n++ {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, fmt.Errorf("quad %d: %w", n, err)
		}
		if err := schema.Validate(q); err != nil {
			return 0, fmt.Errorf("quad %d: %w: %v", n, ErrInvalidQuad, err)
		}
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	unlock, err := s.lockWrites(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	s.untracked.Store(true)
	if err := s.beginWrite(ctx); err != nil {
		return 0, err
	}
	const batch = 10000
	for i := 0; i < len(deltas); i += batch {
		if err := s.addQuads(ctx, deltas[i:min(i+batch, len(deltas))]); err != nil {
			return i, fmt.Errorf("graph: loading: %w", err)
		}
	}
	return len(deltas), nil
}

// MarkChanged gives the store a new generation, for writes that do not
// go through Store (Cayley's HTTP write routes): a kept view of the store
// is then projected again.
func (s *Store) MarkChanged(ctx context.Context) error {
	s.untracked.Store(true)
	s.wrote.Store(false)
	return s.beginWrite(ctx)
}

// StoredArticle is an article as the store knows it.
type StoredArticle struct {
	IRI    quad.IRI
	Source string // where it was read from
}

// ArticlesWithHash returns the articles stored with a content hash, in
// IRI order, through the store's object index.
func (s *Store) ArticlesWithHash(ctx context.Context, hash string) ([]StoredArticle, error) {
	out, err := s.articlesWithHash(ctx, hash)
	return out, s.connError(err)
}

func (s *Store) articlesWithHash(ctx context.Context, hash string) ([]StoredArticle, error) {
	var iris []quad.IRI
	err := path.StartPath(s.qs).Has(schema.ContentHash, quad.String(hash)).Unique().Iterate(ctx).EachValue(s.qs, func(v quad.Value) {
		if iri, ok := v.(quad.IRI); ok {
			iris = append(iris, iri)
		}
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
	out := make([]StoredArticle, 0, len(iris))
	for _, a := range iris {
		sa := StoredArticle{IRI: a}
		if err := s.subjectQuadsWith(ctx, a, s.predicates(schema.Source), func(q quad.Quad) {
			if q.Predicate == schema.Source && q.Label == a {
				sa.Source = quad.ToString(q.Object)
			}
		}); err != nil {
			return nil, err
		}
		out = append(out, sa)
	}
	return out, nil
}

// SourceOf returns where a stored article was read from (a file's
// absolute path, or "stdin"), or "" when the store has no such article.
func (s *Store) SourceOf(ctx context.Context, article quad.IRI) (string, error) {
	source := ""
	err := s.subjectQuadsWith(ctx, article, s.predicates(schema.Source), func(q quad.Quad) {
		if q.Predicate == schema.Source && q.Label == article {
			source = quad.ToString(q.Object)
		}
	})
	return source, s.connError(err)
}

// ArticleFromSource returns the article stored as read from a source
// (a file's absolute path), or "" when there is none; with several, the
// first in IRI order.
func (s *Store) ArticleFromSource(ctx context.Context, source string) (quad.IRI, error) {
	var found quad.IRI
	err := path.StartPath(s.qs).Has(schema.Source, quad.String(source)).Iterate(ctx).EachValue(s.qs, func(v quad.Value) {
		if iri, ok := v.(quad.IRI); ok && (found == "" || iri < found) {
			found = iri
		}
	})
	return found, s.connError(err)
}

// Remove deletes every quad of an article. It returns how many there
// were.
func (s *Store) Remove(ctx context.Context, article quad.IRI) (int, error) {
	n, err := s.remove(ctx, article)
	return n, s.connError(err)
}

func (s *Store) remove(ctx context.Context, article quad.IRI) (int, error) {
	unlock, err := s.lockWrites(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	return s.removeLocked(ctx, article)
}

// removeLocked deletes an article's quads; the caller holds the write
// lock.
func (s *Store) removeLocked(ctx context.Context, article quad.IRI) (int, error) {
	old, err := s.articleQuads(ctx, article)
	if err != nil {
		return 0, err
	}
	dels := make([]cgraph.Delta, 0, len(old))
	for q := range old {
		dels = append(dels, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	sortDeltas(dels)
	if len(dels) == 0 {
		return 0, nil
	}
	if err := s.beginWrite(ctx); err != nil {
		return 0, err
	}
	s.touch(article)
	if err := s.apply(dels, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		return 0, fmt.Errorf("graph: removing %v: %w", article, err)
	}
	s.noteWritten(map[quad.IRI][]quad.Quad{article: nil}, true)
	return len(dels), nil
}
