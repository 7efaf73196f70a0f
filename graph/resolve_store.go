package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph/resolve"
	"github.com/kg-news/kg/schema"
)

// storedRecords is the JSON of an article's kg:records literal: the
// persons, organizations, roles and events as the extractor wrote them,
// before any resolution renamed their nodes.
type storedRecords struct {
	Published string `json:"published,omitempty"`
	resolve.Records
}

// storedResolution is the JSON of an article's kg:resolution literal:
// what resolution last wrote for the article. Renames maps each node the
// extractor wrote to the canonical node it became, when they differ;
// Rules holds the kg:resolvedBy quads as canonical node and rule.
type storedResolution struct {
	Renames map[quad.IRI]quad.IRI `json:"renames,omitempty"`
	Rules   [][2]string           `json:"rules,omitempty"`
}

// recordsQuad is the kg:records quad of an article's fresh quads.
func recordsQuad(article quad.IRI, qs []quad.Quad) quad.Quad {
	recs, published := records(article, qs)
	data, _ := json.Marshal(storedRecords{Published: published, Records: recs})
	return quad.Quad{Subject: article, Predicate: schema.Records, Object: quad.String(data), Label: article}
}

// articleState is what resolution reads of one article.
type articleState struct {
	iri         quad.IRI
	records     resolve.Records
	recordsJSON string   // the kg:records literal the article keeps
	published   string   // the article's date in its records, "" when unknown
	resolutions []string // the kg:resolution literals found; one unless a write was cut short
	rewriting   bool     // a rewrite of the article was cut short
	legacy      bool     // no kg:records literal: written before kg kept one
	// decided are the decisions for the records, in order, that the
	// kept state holds (resolve.Prior's Decided); keptDecided says the
	// kept resolution literal was made of them.
	decided     []resolve.Decision
	keptDecided bool
}

// resolution is what a resolution makes of the articles' states.
type resolution struct {
	res resolve.Result
	// want is each article's renames and rules, and literal the
	// kg:resolution literal that records them; want holds only the
	// articles whose literal was made again.
	want    map[quad.IRI]*storedResolution
	literal map[quad.IRI]string
	// decided holds the decisions of the articles whose decisions are
	// not those their kept state holds (articleState.decided).
	decided   map[quad.IRI][]resolve.Decision
	signature string // resolutionSignature of the options
}

// outcome runs resolution over the articles' states. With prior, the
// decisions kept from the last resolution, it resolves again only what
// the changed articles reach (resolve.Update); an article whose
// decisions come out as kept keeps its kept literal.
func outcome(states []*articleState, opts resolve.Options, prior *resolve.Prior, signature string) *resolution {
	var recs resolve.Records
	var np, no, nr, ne int
	for _, st := range states {
		np, no, nr, ne = np+len(st.records.Persons), no+len(st.records.Organizations), nr+len(st.records.Roles), ne+len(st.records.Events)
	}
	recs.Persons = make([]resolve.Named, 0, np)
	recs.Organizations = make([]resolve.Named, 0, no)
	recs.Roles = make([]resolve.Role, 0, nr)
	recs.Events = make([]resolve.Event, 0, ne)
	for _, st := range states {
		recs.Persons = append(recs.Persons, st.records.Persons...)
		recs.Organizations = append(recs.Organizations, st.records.Organizations...)
		recs.Roles = append(recs.Roles, st.records.Roles...)
		recs.Events = append(recs.Events, st.records.Events...)
	}
	out := &resolution{want: map[quad.IRI]*storedResolution{}, literal: make(map[quad.IRI]string, len(states)),
		decided: map[quad.IRI][]resolve.Decision{}, signature: signature}
	ok := false
	if prior != nil {
		out.res, ok = resolve.Update(recs, *prior, opts)
	}
	if !ok {
		out.res = resolve.Resolve(recs, opts)
	}
	// The decisions come as the records: every person, every
	// organization, the roles that have a holder, every event; each kind
	// in the states' order.
	ds := out.res.Decisions
	persons, orgs := ds[:np], ds[np:np+no]
	roles, events := ds[np+no:len(ds)-ne], ds[len(ds)-ne:]
	for _, st := range states {
		r := st.records
		p, o, e := len(r.Persons), len(r.Organizations), len(r.Events)
		k := 0 // the article's roles that have a holder
		for k < len(roles) && roles[k].Article == st.iri {
			k++
		}
		own := roles[:k]
		roles = roles[k:]
		all := [][]resolve.Decision{persons[:p], orgs[:o], own, events[:e]}
		persons, orgs, events = persons[p:], orgs[o:], events[e:]
		if prior != nil && st.keptDecided && len(st.resolutions) == 1 && !prior.Changed(st.iri) && sameDecisions(st, all) {
			out.literal[st.iri] = st.resolutions[0]
			continue
		}
		decided := make([]resolve.Decision, 0, p+o+len(r.Roles)+e)
		eachDecision(st, all, func(d resolve.Decision) { decided = append(decided, d) })
		out.decided[st.iri] = decided
		out.want[st.iri], out.literal[st.iri] = resolutionOf(decided)
	}
	return out
}

// resolutionOf is what an article's decisions, in the order of its
// records, make of it: its renames and rules, and the kg:resolution
// literal that records them. A role without a holder decides nothing.
func resolutionOf(decided []resolve.Decision) (*storedResolution, string) {
	w := &storedResolution{}
	for _, d := range decided {
		if d.Canonical == "" {
			continue
		}
		if d.Node != d.Canonical {
			if w.Renames == nil {
				w.Renames = map[quad.IRI]quad.IRI{}
			}
			w.Renames[d.Node] = d.Canonical
		}
		if d.Rule != "" && !isRole(d.Canonical) {
			w.Rules = append(w.Rules, [2]string{string(d.Canonical), d.Rule})
		}
	}
	sort.Slice(w.Rules, func(i, j int) bool {
		a, b := w.Rules[i], w.Rules[j]
		return a[0] < b[0] || a[0] == b[0] && a[1] < b[1]
	})
	w.Rules = uniqueRules(w.Rules)
	data, _ := json.Marshal(w)
	return w, string(data)
}

// eachDecision calls f with an article's decisions in the order of its
// records (resolve.Prior's Decided): persons, organizations, roles (one
// with no Canonical for a role without a holder, which has none in
// kinds[2]), events.
func eachDecision(st *articleState, kinds [][]resolve.Decision, f func(resolve.Decision)) {
	for _, d := range kinds[0] {
		f(d)
	}
	for _, d := range kinds[1] {
		f(d)
	}
	own := kinds[2]
	for _, x := range st.records.Roles {
		if len(own) > 0 && own[0].Node == x.Node {
			f(own[0])
			own = own[1:]
		} else {
			f(resolve.Decision{Article: st.iri, Node: x.Node})
		}
	}
	for _, d := range kinds[3] {
		f(d)
	}
}

// sameDecisions reports whether an article's decisions are those its
// kept state holds, without gathering them.
func sameDecisions(st *articleState, kinds [][]resolve.Decision) bool {
	i, same := 0, true
	eachDecision(st, kinds, func(d resolve.Decision) {
		same = same && i < len(st.decided) && st.decided[i] == d
		i++
	})
	return same && i == len(st.decided)
}

// resolvedQuads returns an article's quads as its resolution leaves
// them: its nodes renamed (back from earlier resolutions first), its
// kg:resolvedBy rules, its records and its kg:resolution literal. The
// list has no repeats and keeps the order of old, then the rules, the
// records and the resolution, so that the same article gives the same
// writes; in is the same quads as a set.
func resolvedQuads(st *articleState, old []quad.Quad, rename *storedResolution, literal string) (list []quad.Quad, in map[quad.Quad]bool) {
	back := originals(st, old)
	in = make(map[quad.Quad]bool, len(old)+2)
	list = make([]quad.Quad, 0, len(old)+2)
	add := func(q quad.Quad) {
		if !in[q] {
			in[q] = true
			list = append(list, q)
		}
	}
	for _, q := range old {
		switch q.Predicate {
		case schema.ResolvedBy, schema.Resolution, schema.Records, schema.Rewriting:
			continue
		}
		q.Subject = rename.apply(back(q.Subject))
		q.Object = rename.apply(back(q.Object))
		add(q)
	}
	if rename != nil {
		for _, r := range rename.Rules {
			add(quad.Quad{Subject: quad.IRI(r[0]), Predicate: schema.ResolvedBy, Object: quad.String(r[1]), Label: st.iri})
		}
	}
	add(quad.Quad{Subject: st.iri, Predicate: schema.Records, Object: quad.String(st.recordsJSON), Label: st.iri})
	add(quad.Quad{Subject: st.iri, Predicate: schema.Resolution, Object: quad.String(literal), Label: st.iri})
	return list, in
}

// Resolve makes the nodes that different articles wrote for the same
// person, organization or event one node.
//
// It reads each article's records as extracted (the kg:records literal
// written with the article), not the nodes as they stand, so its result
// depends on the articles alone: not on the order they came in, nor on
// earlier resolutions, nor on a resolution cut short. It runs
// resolve.Resolve over them and rewrites only the articles whose
// resolution (renamed nodes and kg:resolvedBy rules, kept in the
// kg:resolution literal) differs from what is stored, each article in
// its own transactions as Ingest does. A run cut short at any point is
// completed by the next run; a run over an unchanged store writes
// nothing.
//
// Where an embedded store keeps the last resolution's states and
// decisions (StatesFile), made by the same kg with the same aliases, it
// resolves again only what the articles changed since can reach
// (resolve.Update): its cost then follows the change, not the store.
func (s *Store) Resolve(ctx context.Context, opts resolve.Options) (resolve.Result, error) {
	unlock, err := s.lockWrites(ctx)
	if err != nil {
		return resolve.Result{}, err
	}
	defer unlock()
	res, err := s.resolve(ctx, opts)
	return res, s.connError(err)
}

func (s *Store) resolve(ctx context.Context, opts resolve.Options) (resolve.Result, error) {
	gen, err := s.generation(ctx)
	if err != nil {
		return resolve.Result{}, err
	}
	written := s.writtenQuads(gen)
	if res, ok, err := s.resolveBySummary(ctx, opts, written); ok || err != nil {
		return res, err
	}
	kept, err := s.keptArticleStates(ctx)
	if err != nil {
		return resolve.Result{}, err
	}
	signature := resolutionSignature(opts)
	var states []*articleState
	var prior *resolve.Prior
	out := s.takePlan(kept, signature)
	if kept != nil {
		states = kept.states
		if kept.signature == signature {
			prior = kept.prior(nil)
		}
	} else if states, err = s.articleStates(ctx); err != nil {
		return resolve.Result{}, err
	}
	if out == nil {
		out = outcome(states, opts, prior, signature)
	} else {
		s.plansTaken.Add(1)
	}
	res, want, literal := out.res, out.want, out.literal
	var dirty []*articleState
	for _, st := range states {
		if st.legacy || st.rewriting || len(st.resolutions) != 1 || st.resolutions[0] != literal[st.iri] {
			dirty = append(dirty, st)
		}
	}
	if len(dirty) == 0 {
		s.keepArticleStates(ctx, states, out)
		return res, nil
	}
	n, err := s.rewriteArticles(ctx, dirty, want, literal, written)
	res.Rewritten += n
	if err != nil {
		return res, err
	}
	s.keepArticleStates(ctx, states, out)
	return res, nil
}

// rewriteArticles rewrites the quads of the dirty articles as their
// resolution wants them; written holds the quads of those this process
// wrote, the rest are read from the store. It returns how many it
// rewrote.
func (s *Store) rewriteArticles(ctx context.Context, dirty []*articleState, want map[quad.IRI]*storedResolution,
	literal map[quad.IRI]string, written map[quad.IRI][]quad.Quad) (int, error) {
	var unknown []*articleState
	for _, st := range dirty {
		if _, ok := written[st.iri]; !ok {
			unknown = append(unknown, st)
		}
	}
	byArticle, err := s.quadsOf(ctx, unknown)
	if err != nil {
		return 0, err
	}
	for _, st := range dirty {
		if qs, ok := written[st.iri]; ok {
			byArticle[st.iri] = qs
		}
	}
	if err := s.beginWrite(ctx); err != nil {
		return 0, err
	}
	w := &rewrites{}
	if s.wantsParts() {
		w.sets = map[quad.IRI][]quad.Quad{}
	}
	n := 0
	for _, st := range dirty {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		old := byArticle[st.iri]
		next, in := resolvedQuads(st, old, want[st.iri], literal[st.iri])
		w.add(st.iri, old, next, in)
		delete(byArticle, st.iri) // read once: let it go
		n++
		if len(w.adds)+len(w.dels) >= rewriteBatchQuads {
			if err := s.flushRewrites(ctx, w); err != nil {
				return n, err
			}
		}
	}
	return n, s.flushRewrites(ctx, w)
}

func uniqueRules(rs [][2]string) [][2]string {
	out := rs[:0]
	for i, r := range rs {
		if i == 0 || r != rs[i-1] {
			out = append(out, r)
		}
	}
	return out
}

// apply renames a value by the resolution; a nil resolution renames
// nothing.
func (r *storedResolution) apply(v quad.Value) quad.Value {
	if r == nil {
		return v
	}
	if iri, ok := v.(quad.IRI); ok {
		if to, ok := r.Renames[iri]; ok {
			return to
		}
	}
	return v
}

// originals returns the function that takes a node as it stands in an
// article's quads back to the node the extractor wrote, by the article's
// stored resolutions. A canonical node that is also one of the article's
// own nodes stays itself; one that several nodes became goes back to the
// first of them.
func originals(st *articleState, old []quad.Quad) func(quad.Value) quad.Value {
	own := map[quad.IRI]bool{}
	for _, p := range st.records.Persons {
		own[p.Node] = true
	}
	for _, o := range st.records.Organizations {
		own[o.Node] = true
	}
	for _, r := range st.records.Roles {
		own[r.Node] = true
	}
	for _, e := range st.records.Events {
		own[e.Node] = true
	}
	back := map[quad.IRI]quad.IRI{}
	for _, lit := range st.resolutions {
		var r storedResolution
		if json.Unmarshal([]byte(lit), &r) != nil {
			continue
		}
		for from, to := range r.Renames {
			if own[to] {
				continue
			}
			if cur, ok := back[to]; !ok || from < cur {
				back[to] = from
			}
		}
	}
	return func(v quad.Value) quad.Value {
		if iri, ok := v.(quad.IRI); ok {
			if from, ok := back[iri]; ok {
				return from
			}
		}
		return v
	}
}

// articleStates reads every article's records and stored resolutions
// through the store's indexes: the articles by type, then each article
// node's own quads.
func (s *Store) articleStates(ctx context.Context) ([]*articleState, error) {
	var iris []quad.IRI
	err := path.StartPath(s.qs).Has(schema.Type, schema.TypeArticle).Unique().Iterate(ctx).EachValue(s.qs, func(v quad.Value) {
		if iri, ok := v.(quad.IRI); ok {
			iris = append(iris, iri)
		}
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
	return s.readArticleStates(ctx, iris)
}

// readArticleStates reads the states of articles from the store; an
// article that holds no quad any more is left out.
func (s *Store) readArticleStates(ctx context.Context, iris []quad.IRI) ([]*articleState, error) {
	var states []*articleState
	var legacy []*articleState
	wanted := s.predicates(schema.Records, schema.Resolution, schema.Rewriting)
	for _, a := range iris {
		st := &articleState{iri: a}
		var recs []string
		err := s.subjectQuadsWith(ctx, a, wanted, func(q quad.Quad) {
			if q.Label != a {
				return
			}
			switch q.Predicate {
			case schema.Records:
				recs = append(recs, quad.ToString(q.Object))
			case schema.Resolution:
				st.resolutions = append(st.resolutions, quad.ToString(q.Object))
			case schema.Rewriting:
				st.rewriting = true
			}
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(recs)
		sort.Strings(st.resolutions)
		// Two literals are left by an ingest cut short between its two
		// transactions; the article is then ingested again, and until
		// then its records are the first literal's.
		if len(recs) == 0 || !st.setRecords(recs[0]) {
			st.legacy = true
			legacy = append(legacy, st)
			continue
		}
		states = append(states, st)
	}
	if len(legacy) > 0 {
		byArticle, err := s.quadsOf(ctx, legacy)
		if err != nil {
			return nil, err
		}
		for _, st := range legacy {
			if len(byArticle[st.iri]) == 0 {
				continue // removed
			}
			recs, pub := records(st.iri, byArticle[st.iri])
			sr := storedRecords{Published: pub, Records: recs}
			data, _ := json.Marshal(sr)
			st.records, st.recordsJSON, st.published = withArticle(sr, st.iri), string(data), pub
			states = append(states, st)
		}
		sort.Slice(states, func(i, j int) bool { return states[i].iri < states[j].iri })
	}
	return states, nil
}

// setRecords reads a kg:records literal into the state; it reports
// whether the literal is one.
func (st *articleState) setRecords(literal string) bool {
	var sr storedRecords
	if json.Unmarshal([]byte(literal), &sr) != nil {
		return false
	}
	st.records, st.recordsJSON, st.published = withArticle(sr, st.iri), literal, sr.Published
	return true
}

// withArticle fills in the article fields that the literal leaves out.
func withArticle(sr storedRecords, a quad.IRI) resolve.Records {
	r := sr.Records
	for i := range r.Persons {
		r.Persons[i].Article = a
	}
	for i := range r.Organizations {
		r.Organizations[i].Article = a
	}
	for i := range r.Roles {
		r.Roles[i].Article = a
	}
	for i := range r.Events {
		r.Events[i].Article = a
		r.Events[i].Published = sr.Published
	}
	return r
}

// subjectQuads calls f with every quad whose subject is node.
func (s *Store) subjectQuads(ctx context.Context, node quad.IRI, f func(quad.Quad)) error {
	return s.subjectQuadsWith(ctx, node, nil, f)
}

// predicateSet holds the store's references of some predicates.
type predicateSet map[any]bool

// predicates looks up the references of predicates; one the store does
// not hold is left out.
func (s *Store) predicates(preds ...quad.IRI) predicateSet {
	set := predicateSet{}
	for _, p := range preds {
		if r := s.qs.ValueOf(p); r != nil {
			set[cgraph.ToKey(r)] = true
		}
	}
	return set
}

// subjectQuadsWith calls f with the quads whose subject is node and whose
// predicate is in preds (every quad when preds is nil). The predicate is
// told by its reference, before the quad's values are read, which most
// of a node's quads then never need.
func (s *Store) subjectQuadsWith(ctx context.Context, node quad.IRI, preds predicateSet, f func(quad.Quad)) error {
	ref := s.qs.ValueOf(node)
	if ref == nil {
		return nil
	}
	if preds != nil && len(preds) == 0 {
		return nil
	}
	it := s.qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if preds != nil && !preds[cgraph.ToKey(s.qs.QuadDirection(r, quad.Predicate))] {
			continue
		}
		f(s.qs.Quad(r))
	}
	return it.Err()
}

// quadsOf reads the quads of some articles: a few by walking from each
// article's node, many in one pass over the store.
func (s *Store) quadsOf(ctx context.Context, arts []*articleState) (map[quad.IRI][]quad.Quad, error) {
	if len(arts) <= walkLimit {
		out := make(map[quad.IRI][]quad.Quad, len(arts))
		iris := make([]quad.IRI, len(arts))
		for i, a := range arts {
			iris[i] = a.iri
		}
		err := s.walkArticles(ctx, iris, func(a quad.IRI, q quad.Quad) { out[a] = append(out[a], q) })
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	want := make(map[quad.IRI]bool, len(arts))
	for _, a := range arts {
		want[a.iri] = true
	}
	// Quads of other articles are told by their label's reference and
	// never read.
	wantRef := map[any]bool{}
	for a := range want {
		if ref := s.qs.ValueOf(a); ref != nil {
			wantRef[cgraph.ToKey(ref)] = true
		}
	}
	out := map[quad.IRI][]quad.Quad{}
	r := s.newQuadReader()
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		ref := it.Result()
		if l := s.qs.QuadDirection(ref, quad.Label); l == nil || !wantRef[cgraph.ToKey(l)] {
			continue
		}
		q := r.quad(ref)
		if l, ok := q.Label.(quad.IRI); ok && want[l] {
			out[l] = append(out[l], q)
		}
	}
	return out, it.Err()
}

// walkLimit is the most articles quadsOf reads by walking rather than by
// one scan of the store.
const walkLimit = 64

func isRole(iri quad.IRI) bool {
	return len(iri) > len(schema.KG+"role/") && string(iri[:len(schema.KG+"role/")]) == schema.KG+"role/"
}

// rewriteBatchQuads is how many quads resolution queues before it
// writes them.
const rewriteBatchQuads = 20000

// rewrites queues the rewriting of articles by resolution, to be written
// in three transactions for many articles (Cayley's key-value stores
// lose additions that share a batch with deletions): every article's new
// quads with a kg:rewriting mark, then its stale quads' removal, then the
// marks' removal. An article found with its mark after a crash is
// rewritten again in full, so each stays all or nothing.
type rewrites struct {
	adds, dels, marks []cgraph.Delta
	sets              map[quad.IRI][]quad.Quad // each article's quads once rewritten, when the view's parts want them
}

// add queues the replacement of an article's quads old by next (in is
// next as a set).
func (w *rewrites) add(article quad.IRI, old, next []quad.Quad, in map[quad.Quad]bool) {
	mark := quad.Quad{Subject: article, Predicate: schema.Rewriting, Object: quad.String("true"), Label: article}
	had := make(map[quad.Quad]bool, len(old))
	for _, q := range old {
		had[q] = true
		if !in[q] && q != mark {
			w.dels = append(w.dels, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		}
	}
	w.adds = append(w.adds, cgraph.Delta{Quad: mark, Action: cgraph.Add})
	w.marks = append(w.marks, cgraph.Delta{Quad: mark, Action: cgraph.Delete})
	if w.sets != nil {
		w.sets[article] = next
	}
	for _, q := range next {
		if !had[q] {
			w.adds = append(w.adds, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
	}
}

// flushRewrites writes the queued rewrites and empties the queue.
func (s *Store) flushRewrites(ctx context.Context, w *rewrites) error {
	adds, dels, marks, sets := w.adds, w.dels, w.marks, w.sets
	*w = rewrites{}
	if sets != nil {
		w.sets = map[quad.IRI][]quad.Quad{}
	}
	if len(marks) == 0 {
		return nil
	}
	sortDeltas(adds)
	sortDeltas(dels)
	ignore := cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	if err := s.addQuads(ctx, adds); err != nil {
		return fmt.Errorf("graph: resolving %d articles: %w", len(marks), err)
	}
	if len(dels) > 0 {
		if err := s.apply(dels, ignore); err != nil {
			return fmt.Errorf("graph: resolving %d articles, removing old quads: %w", len(marks), err)
		}
	}
	if err := s.apply(marks, ignore); err != nil {
		return fmt.Errorf("graph: resolving %d articles: %w", len(marks), err)
	}
	s.noteWritten(sets, true)
	return nil
}

// sortDeltas puts deltas in a fixed order, so that a store's history
// does not depend on map iteration.
func sortDeltas(ds []cgraph.Delta) {
	sort.Slice(ds, func(i, j int) bool { return ds[i].Quad.NQuad() < ds[j].Quad.NQuad() })
}

// records reads one article's persons, organizations, roles and events
// from its quads, and its publication date.
func records(a quad.IRI, qs []quad.Quad) (resolve.Records, string) {
	var recs resolve.Records
	types := map[quad.IRI]map[quad.IRI]bool{}
	props := map[quad.IRI]map[quad.IRI][]quad.Value{}
	holder := map[quad.IRI]quad.IRI{}
	pub := ""
	for _, q := range qs {
		s, ok := q.Subject.(quad.IRI)
		if !ok {
			continue
		}
		if s == a && q.Predicate == schema.Published {
			pub = quad.ToString(q.Object)
		}
		if q.Predicate == schema.Type {
			if t, ok := q.Object.(quad.IRI); ok {
				if types[s] == nil {
					types[s] = map[quad.IRI]bool{}
				}
				types[s][t] = true
			}
			continue
		}
		if q.Predicate == schema.HoldsRole {
			if r, ok := q.Object.(quad.IRI); ok {
				holder[r] = s
			}
		}
		if props[s] == nil {
			props[s] = map[quad.IRI][]quad.Value{}
		}
		p, _ := q.Predicate.(quad.IRI)
		props[s][p] = append(props[s][p], q.Object)
	}
	nodes := make([]quad.IRI, 0, len(types))
	for n := range types {
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i] < nodes[j] })
	for _, n := range nodes {
		t, p := types[n], props[n]
		switch {
		case t[schema.TypePerson]:
			recs.Persons = append(recs.Persons, resolve.Named{Article: a, Node: n, Name: first(p[schema.Name]), Aliases: strs(p[schema.Alias])})
		case t[schema.TypeOrganization]:
			recs.Organizations = append(recs.Organizations, resolve.Named{Article: a, Node: n, Name: first(p[schema.Name]), Aliases: strs(p[schema.Alias])})
		case t[schema.TypeRole]:
			r := resolve.Role{Article: a, Node: n, Holder: holder[n], Title: first(p[schema.Title])}
			if v := p[schema.ForCountry]; len(v) > 0 {
				r.Country, _ = schema.PlaceCountry(iriOf(v[0]))
			}
			if v := p[schema.PostedTo]; len(v) > 0 {
				r.To, _ = schema.PlaceCountry(iriOf(v[0]))
			}
			if r.Holder != "" {
				recs.Roles = append(recs.Roles, r)
			}
		case t[schema.TypeEvent]:
			e := resolve.Event{Article: a, Published: pub, Node: n, Kind: first(p[schema.Kind]),
				Date: longest(p[schema.Date]), Status: first(p[schema.Status])}
			if v := p[schema.Location]; len(v) > 0 {
				e.Place = iriOf(v[0])
			}
			for _, v := range p[schema.Participant] {
				e.Participants = append(e.Participants, iriOf(v))
			}
			sort.Slice(e.Participants, func(i, j int) bool { return e.Participants[i] < e.Participants[j] })
			recs.Events = append(recs.Events, e)
		}
	}
	// The publication date may come after the events in qs.
	for i := range recs.Events {
		recs.Events[i].Published = pub
	}
	return recs, pub
}

func iriOf(v quad.Value) quad.IRI {
	iri, _ := v.(quad.IRI)
	return iri
}

func strs(vs []quad.Value) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, quad.ToString(v))
	}
	sort.Strings(out)
	return out
}

// first is the smallest of a node's values for a predicate, so that a
// node two articles' mentions were merged into reads the same each time.
func first(vs []quad.Value) string {
	s := strs(vs)
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func longest(vs []quad.Value) string {
	best := ""
	for _, s := range strs(vs) {
		if len(s) > len(best) {
			best = s
		}
	}
	return best
}

// allQuads reads the whole store, grouped by label. Quads without a
// label are not kg's and are left alone.
func (s *Store) allQuads(ctx context.Context) (map[quad.IRI][]quad.Quad, error) {
	out := map[quad.IRI][]quad.Quad{}
	r := s.newQuadReader()
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := r.quad(it.Result())
		if l, ok := q.Label.(quad.IRI); ok {
			out[l] = append(out[l], q)
		}
	}
	return out, it.Err()
}

// quadReader reads quads, looking each node's value up once: Cayley's
// key-value Quad looks up all four values of every quad, each in a
// transaction of its own, while the same predicates, entities and
// articles recur across most quads. Literal objects, most of them seen
// once, are looked up each time rather than kept.
type quadReader struct {
	qs     cgraph.QuadStore
	values map[any]quad.Value
}

func (s *Store) newQuadReader() *quadReader {
	return &quadReader{qs: s.qs, values: make(map[any]quad.Value, 1<<16)}
}

func (r *quadReader) quad(ref cgraph.Ref) quad.Quad {
	var q quad.Quad
	for _, d := range quad.Directions {
		vr := r.qs.QuadDirection(ref, d)
		if vr == nil {
			continue
		}
		k := cgraph.ToKey(vr)
		v, ok := r.values[k]
		if !ok {
			v = r.qs.NameOf(vr)
			if _, iri := v.(quad.IRI); iri || d != quad.Object {
				r.values[k] = v
			}
		}
		q.Set(d, v)
	}
	return q
}
