package graph

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph/resolve"
	"github.com/kg-news/kg/schema"
	bolt "go.etcd.io/bbolt"
)

// The resolution summary (resolve.Summary) lives in the kept states'
// file, beside the states it is made of, in these buckets. A key joins
// its parts with a zero byte, which no name or IRI holds.
var (
	sumPersonNames    = []byte("sum-person-names")    // person key, name -> records (uvarint)
	sumPersonParts    = []byte("sum-person-parts")    // part, full key -> ""
	sumPersonDecided  = []byte("sum-person-decided")  // name -> resolve.PersonDecision (JSON)
	sumPersonArticles = []byte("sum-person-articles") // name, article -> ""
	sumCanonical      = []byte("sum-canonical")       // canonical person IRI -> records (uvarint), name
	sumOrgNames       = []byte("sum-org-names")       // organization key, name -> records (uvarint)
	sumOrgAliases     = []byte("sum-org-aliases")     // key, article, index, position -> resolve.OrgAlias (JSON)
	sumOrgDecided     = []byte("sum-org-decided")     // name -> resolve.OrgDecision (JSON)
	sumOrgArticles    = []byte("sum-org-articles")    // name, article -> ""
	sumEvents         = []byte("sum-events")          // event key, article, node -> keptEvent (JSON)
	sumRawEvents      = []byte("sum-raw-events")      // participant IRI, event key -> records (uvarint)

	summaryBuckets = [][]byte{sumPersonNames, sumPersonParts, sumPersonDecided, sumPersonArticles, sumCanonical,
		sumOrgNames, sumOrgAliases, sumOrgDecided, sumOrgArticles, sumEvents, sumRawEvents}

	// summaryKey holds the generation the summary is of; mergedKey the
	// nodes written under another IRI than their canonical one, by kind.
	summaryKey = []byte("summary")
	mergedKey  = []byte("merged")
)

func joinKey(parts ...string) []byte { return []byte(strings.Join(parts, "\x00")) }

// prefixed calls f with the rest of every key of bucket b that starts
// with prefix and a zero byte, and its value.
func prefixed(b *bolt.Bucket, prefix string, f func(rest string, v []byte)) {
	p := joinKey(prefix, "")
	c := b.Cursor()
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
		f(string(k[len(p):]), v)
	}
}

func uvarintOf(v []byte) int {
	n, _ := binary.Uvarint(v)
	return int(n)
}

// addCount adds n to the count at key k, deleting it at zero; it
// reports the count after.
func addCount(b *bolt.Bucket, k []byte, n int) (int, error) {
	c := uvarintOf(b.Get(k)) + n
	if c <= 0 {
		return 0, b.Delete(k)
	}
	return c, b.Put(k, binary.AppendUvarint(nil, uint64(c)))
}

// keptEvent is a resolve.DecidedEvent as the summary keeps it.
type keptEvent struct {
	Article      quad.IRI   `json:"a"`
	Published    string     `json:"pub,omitempty"`
	Node         quad.IRI   `json:"n"`
	Kind         string     `json:"k"`
	Participants []quad.IRI `json:"ps,omitempty"`
	Date         string     `json:"d,omitempty"`
	Place        quad.IRI   `json:"pl,omitempty"`
	Status       string     `json:"s"`
	Persons      string     `json:"pe"`
	Names        []string   `json:"na"`
	Raw          []quad.IRI `json:"r,omitempty"`
	Canonical    quad.IRI   `json:"c"`
	Rule         string     `json:"ru"`
}

func encodeEvent(e resolve.DecidedEvent) []byte {
	data, _ := json.Marshal(keptEvent{Article: e.Article, Published: e.Published, Node: e.Node, Kind: e.Kind,
		Participants: e.Participants, Date: e.Date, Place: e.Place, Status: e.Status,
		Persons: e.Persons, Names: e.Names, Raw: e.Raw, Canonical: e.Decision.Canonical, Rule: e.Decision.Rule})
	return data
}

func decodeEvent(v []byte) (resolve.DecidedEvent, bool) {
	var k keptEvent
	if json.Unmarshal(v, &k) != nil {
		return resolve.DecidedEvent{}, false
	}
	e := resolve.Event{Article: k.Article, Published: k.Published, Node: k.Node, Kind: k.Kind,
		Participants: k.Participants, Date: k.Date, Place: k.Place, Status: k.Status}
	return resolve.DecidedEvent{
		KeyedEvent: resolve.KeyedEvent{Event: e, Persons: k.Persons, Names: k.Names, Raw: k.Raw},
		Decision:   resolve.Decision{Article: k.Article, Node: k.Node, Canonical: k.Canonical, Rule: k.Rule},
	}, true
}

// boltSummary is the summary of a kept file, read in one transaction.
type boltSummary struct {
	tx  *bolt.Tx
	bad bool // an entry did not decode: the result is not to be used
}

// summaryGeneration is the generation the file's summary is of, "" when
// it has none.
func summaryGeneration(tx *bolt.Tx) string {
	m := tx.Bucket(metaBucket)
	if m == nil {
		return ""
	}
	for _, b := range summaryBuckets {
		if tx.Bucket(b) == nil {
			return ""
		}
	}
	return string(m.Get(summaryKey))
}

func (s *boltSummary) Persons() resolve.NameIndex      { return (*personIndex)(s) }
func (s *boltSummary) Organizations() resolve.OrgIndex { return (*orgIndex)(s) }

type personIndex boltSummary

func (s *personIndex) Names(key string) map[string]int {
	return countsUnder(s.tx.Bucket(sumPersonNames), key)
}

// countsUnder reads the names and record counts under a key.
func countsUnder(b *bolt.Bucket, key string) map[string]int {
	var out map[string]int
	prefixed(b, key, func(name string, v []byte) {
		if out == nil {
			out = map[string]int{}
		}
		out[name] = uvarintOf(v)
	})
	return out
}

func (s *personIndex) FullKeys(part string) []string {
	var out []string
	prefixed(s.tx.Bucket(sumPersonParts), part, func(full string, _ []byte) { out = append(out, full) })
	return out
}

type orgIndex boltSummary

func (s *orgIndex) Names(key string) map[string]int {
	return countsUnder(s.tx.Bucket(sumOrgNames), key)
}

func (s *orgIndex) Aliases(key string) []resolve.OrgAlias {
	var out []resolve.OrgAlias
	prefixed(s.tx.Bucket(sumOrgAliases), key, func(_ string, v []byte) {
		var a resolve.OrgAlias
		if json.Unmarshal(v, &a) != nil {
			s.bad = true
			return
		}
		out = append(out, a)
	})
	return out
}

func (s *boltSummary) PersonDecision(name string) (resolve.PersonDecision, bool) {
	return keptDecision[resolve.PersonDecision](s, sumPersonDecided, name)
}

func (s *boltSummary) OrgDecision(name string) (resolve.OrgDecision, bool) {
	return keptDecision[resolve.OrgDecision](s, sumOrgDecided, name)
}

// keptDecision reads the decision kept for a name in a bucket of decisions.
func keptDecision[D any](s *boltSummary, bucket []byte, name string) (D, bool) {
	var d D
	v := s.tx.Bucket(bucket).Get([]byte(name))
	if v == nil {
		return d, false
	}
	if json.Unmarshal(v, &d) != nil {
		s.bad = true
		return d, false
	}
	return d, true
}

func (s *boltSummary) CanonicalName(iri quad.IRI) (string, bool) {
	v := s.tx.Bucket(sumCanonical).Get([]byte(iri))
	if v == nil {
		return "", false
	}
	_, n := binary.Uvarint(v)
	if n <= 0 {
		s.bad = true
		return "", false
	}
	return string(v[n:]), true
}

func (s *boltSummary) articles(bucket []byte, name string) []quad.IRI {
	var out []quad.IRI
	prefixed(s.tx.Bucket(bucket), name, func(a string, _ []byte) { out = append(out, quad.IRI(a)) })
	return out
}

func (s *boltSummary) ArticlesNaming(name string) []quad.IRI {
	return s.articles(sumPersonArticles, name)
}

func (s *boltSummary) ArticlesNamingOrg(name string) []quad.IRI {
	return s.articles(sumOrgArticles, name)
}

func (s *boltSummary) Events(key string) []resolve.DecidedEvent {
	var out []resolve.DecidedEvent
	prefixed(s.tx.Bucket(sumEvents), key, func(_ string, v []byte) {
		e, ok := decodeEvent(v)
		if !ok {
			s.bad = true
			return
		}
		out = append(out, e)
	})
	return out
}

func (s *boltSummary) RawEventKeys(iri quad.IRI) []string {
	var out []string
	prefixed(s.tx.Bucket(sumRawEvents), string(iri), func(k string, _ []byte) { out = append(out, k) })
	return out
}

func (s *boltSummary) Article(a quad.IRI) (resolve.Records, []resolve.Decision, bool) {
	st := s.state(a)
	if st == nil {
		return resolve.Records{}, nil, false
	}
	return st.records, st.decided, true
}

// state reads an article's kept state; nil when it has none.
func (s *boltSummary) state(a quad.IRI) *articleState {
	v := s.tx.Bucket(statesBucket).Get([]byte(a))
	if v == nil {
		return nil
	}
	st, ok := decodeState(a, string(v))
	if !ok {
		s.bad = true
		return nil
	}
	return st
}

// summaryWriter keeps the summary in step with the states written in
// one transaction.
type summaryWriter struct {
	tx     *bolt.Tx
	merged map[string]int
}

// newSummaryWriter starts from the summary as it is; fresh drops it
// first, to build it again from every state.
func newSummaryWriter(tx *bolt.Tx, fresh bool) (*summaryWriter, error) {
	for _, name := range summaryBuckets {
		if fresh {
			if tx.Bucket(name) != nil {
				if err := tx.DeleteBucket(name); err != nil {
					return nil, err
				}
			}
		}
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return nil, err
		}
	}
	w := &summaryWriter{tx: tx, merged: map[string]int{}}
	if m := tx.Bucket(metaBucket); m != nil && !fresh {
		json.Unmarshal(m.Get(mergedKey), &w.merged)
	}
	return w, nil
}

// article adds an article's records and decisions to the summary, or
// takes them out (sign -1): everything but the events, which are kept
// by key (events).
func (w *summaryWriter) article(a quad.IRI, r resolve.Records, decided []resolve.Decision, sign int) error {
	if len(decided) != len(r.Persons)+len(r.Organizations)+len(r.Roles)+len(r.Events) {
		return errBadState
	}
	for _, d := range decided {
		if d.Canonical != "" && d.Node != d.Canonical {
			w.merged[kindOf(d.Canonical)] += sign
		}
	}
	names, parts := w.tx.Bucket(sumPersonNames), w.tx.Bucket(sumPersonParts)
	pArts, canon := w.tx.Bucket(sumPersonArticles), w.tx.Bucket(sumCanonical)
	for i, p := range r.Persons {
		key := resolve.PersonKey(p.Name)
		if _, err := addCount(names, joinKey(key, p.Name), sign); err != nil {
			return err
		}
		if err := w.keyParts(names, parts, key); err != nil {
			return err
		}
		if err := w.index(pArts, p.Name, a, sign); err != nil {
			return err
		}
		d := decided[i]
		c := uvarintOf(canon.Get([]byte(d.Canonical))) + sign
		if c <= 0 {
			if err := canon.Delete([]byte(d.Canonical)); err != nil {
				return err
			}
		} else if err := canon.Put([]byte(d.Canonical), append(binary.AppendUvarint(nil, uint64(c)), d.Name...)); err != nil {
			return err
		}
		if sign < 0 && !present(names, joinKey(key, p.Name)) {
			if err := w.tx.Bucket(sumPersonDecided).Delete([]byte(p.Name)); err != nil {
				return err
			}
		}
	}
	onames, oArts, aliases := w.tx.Bucket(sumOrgNames), w.tx.Bucket(sumOrgArticles), w.tx.Bucket(sumOrgAliases)
	for i, o := range r.Organizations {
		key := resolve.OrgKey(o.Name)
		if _, err := addCount(onames, joinKey(key, o.Name), sign); err != nil {
			return err
		}
		if err := w.index(oArts, o.Name, a, sign); err != nil {
			return err
		}
		for j, al := range o.Aliases {
			entry := resolve.OrgAlias{Article: a, Index: i, Pos: j, Name: o.Name, Alias: al}
			data, _ := json.Marshal(entry)
			for _, k := range []string{key, resolve.OrgKey(al)} {
				ek := aliasKey(k, a, i, j)
				var err error
				if sign > 0 {
					err = aliases.Put(ek, data)
				} else {
					err = aliases.Delete(ek)
				}
				if err != nil {
					return err
				}
			}
		}
		if sign < 0 && !present(onames, joinKey(key, o.Name)) {
			if err := w.tx.Bucket(sumOrgDecided).Delete([]byte(o.Name)); err != nil {
				return err
			}
		}
	}
	if sign > 0 {
		pd, od := w.tx.Bucket(sumPersonDecided), w.tx.Bucket(sumOrgDecided)
		for i, p := range r.Persons {
			d := decided[i]
			data, _ := json.Marshal(resolve.PersonDecision{Canonical: d.Canonical, Name: d.Name, Rule: d.Rule})
			if err := pd.Put([]byte(p.Name), data); err != nil {
				return err
			}
		}
		for i, o := range r.Organizations {
			d := decided[len(r.Persons)+i]
			data, _ := json.Marshal(resolve.OrgDecision{Canonical: d.Canonical, Rule: d.Rule})
			if err := od.Put([]byte(o.Name), data); err != nil {
				return err
			}
		}
	}
	return nil
}

// decisions keeps the decisions of the names decided again.
func (w *summaryWriter) decisions(delta resolve.Delta) error {
	pd, od := w.tx.Bucket(sumPersonDecided), w.tx.Bucket(sumOrgDecided)
	for name, d := range delta.Persons {
		data, _ := json.Marshal(d)
		if err := pd.Put([]byte(name), data); err != nil {
			return err
		}
	}
	for name, d := range delta.Organizations {
		data, _ := json.Marshal(d)
		if err := od.Put([]byte(name), data); err != nil {
			return err
		}
	}
	return nil
}

// present reports whether bucket b holds key k exactly.
func present(b *bolt.Bucket, k []byte) bool { return b.Get(k) != nil }

// index adds or takes out the entry name, article of an articles index;
// an article with the name twice has one entry, taken out with its last
// record (the caller takes out all of an article's records at once).
func (w *summaryWriter) index(b *bolt.Bucket, name string, a quad.IRI, sign int) error {
	k := joinKey(name, string(a))
	if sign > 0 {
		return b.Put(k, nil)
	}
	return b.Delete(k)
}

// keyParts keeps the parts index of a person key in step with whether
// the key has names.
func (w *summaryWriter) keyParts(names, parts *bolt.Bucket, key string) error {
	first, last, ok := nameParts(key)
	if !ok {
		return nil
	}
	has := false
	prefixed(names, key, func(string, []byte) { has = true })
	for _, p := range []string{first, last} {
		k := joinKey(p, key)
		var err error
		if has {
			err = parts.Put(k, nil)
		} else {
			err = parts.Delete(k)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// events replaces the records kept under an event key.
func (w *summaryWriter) events(key string, evs []resolve.DecidedEvent) error {
	b, raw := w.tx.Bucket(sumEvents), w.tx.Bucket(sumRawEvents)
	var old [][]byte
	var bad bool
	prefixed(b, key, func(rest string, v []byte) {
		old = append(old, joinKey(key, rest))
		e, ok := decodeEvent(v)
		if !ok {
			bad = true
			return
		}
		for _, p := range e.Raw {
			if _, err := addCount(raw, joinKey(string(p), key), -1); err != nil {
				bad = true
			}
		}
	})
	if bad {
		return errBadState
	}
	for _, k := range old {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	for _, e := range evs {
		if err := b.Put(joinKey(key, string(e.Article), string(e.Node)), encodeEvent(e)); err != nil {
			return err
		}
		for _, p := range e.Raw {
			if _, err := addCount(raw, joinKey(string(p), key), 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// finish records the totals and the generation the summary is of.
func (w *summaryWriter) finish(gen string) error {
	m, err := w.tx.CreateBucketIfNotExists(metaBucket)
	if err != nil {
		return err
	}
	for k, n := range w.merged {
		if n == 0 {
			delete(w.merged, k)
		}
	}
	data, _ := json.Marshal(w.merged)
	if err := m.Put(mergedKey, data); err != nil {
		return err
	}
	return m.Put(summaryKey, []byte(gen))
}

// kindOf is the kind of node a canonical IRI names, as Result.Merged
// counts it.
func kindOf(iri quad.IRI) string {
	switch {
	case strings.HasPrefix(string(iri), schema.KG+"person/"):
		return "persons"
	case strings.HasPrefix(string(iri), schema.KG+"org/"):
		return "organizations"
	case isRole(iri):
		return "roles"
	default:
		return "events"
	}
}

// buildSummary makes the summary of every state afresh, the states'
// decisions being decidedOf, as summaryWriter would leave it after
// adding every state: built in memory and written in key order, since
// the entries of a large store put one by one cost a random write each.
// The event records are keyed as resolve.Incremental keys them.
func buildSummary(tx *bolt.Tx, states []*articleState, decidedOf func(*articleState) []resolve.Decision, gen string) error {
	mem := map[string]map[string][]byte{}
	for _, b := range summaryBuckets {
		mem[string(b)] = map[string][]byte{}
	}
	put := func(b []byte, k []byte, v []byte) { mem[string(b)][string(k)] = v }
	counts := map[string]map[string]int{string(sumPersonNames): {}, string(sumOrgNames): {}, string(sumRawEvents): {}}
	type canonical struct {
		n    int
		name string
	}
	canon := map[quad.IRI]canonical{}
	merged := map[string]int{}
	for _, st := range states {
		r, ds := st.records, decidedOf(st)
		if len(ds) != len(r.Persons)+len(r.Organizations)+len(r.Roles)+len(r.Events) {
			return errBadState
		}
		for _, d := range ds {
			if d.Canonical != "" && d.Node != d.Canonical {
				merged[kindOf(d.Canonical)]++
			}
		}
		for i, p := range r.Persons {
			d := ds[i]
			key := resolve.PersonKey(p.Name)
			counts[string(sumPersonNames)][string(joinKey(key, p.Name))]++
			if first, last, ok := nameParts(key); ok {
				put(sumPersonParts, joinKey(first, key), nil)
				put(sumPersonParts, joinKey(last, key), nil)
			}
			put(sumPersonArticles, joinKey(p.Name, string(st.iri)), nil)
			c := canon[d.Canonical]
			canon[d.Canonical] = canonical{c.n + 1, d.Name}
			data, _ := json.Marshal(resolve.PersonDecision{Canonical: d.Canonical, Name: d.Name, Rule: d.Rule})
			put(sumPersonDecided, []byte(p.Name), data)
		}
		for i, o := range r.Organizations {
			d := ds[len(r.Persons)+i]
			key := resolve.OrgKey(o.Name)
			counts[string(sumOrgNames)][string(joinKey(key, o.Name))]++
			put(sumOrgArticles, joinKey(o.Name, string(st.iri)), nil)
			data, _ := json.Marshal(resolve.OrgDecision{Canonical: d.Canonical, Rule: d.Rule})
			put(sumOrgDecided, []byte(o.Name), data)
			for j, al := range o.Aliases {
				data, _ := json.Marshal(resolve.OrgAlias{Article: st.iri, Index: i, Pos: j, Name: o.Name, Alias: al})
				for _, k := range []string{key, resolve.OrgKey(al)} {
					put(sumOrgAliases, aliasKey(k, st.iri, i, j), data)
				}
			}
		}
	}
	byKey := map[string][]resolve.DecidedEvent{}
	for _, st := range states {
		ds := decidedOf(st)
		r := st.records
		nodes := map[quad.IRI]resolve.PersonDecision{}
		for i, p := range r.Persons {
			nodes[p.Node] = resolve.PersonDecision{Canonical: ds[i].Canonical, Name: ds[i].Name, Rule: ds[i].Rule}
		}
		evs := ds[len(ds)-len(r.Events):]
		for i, e := range r.Events {
			ke := resolve.KeyEvent(e, func(n quad.IRI) (resolve.PersonDecision, bool) {
				d, ok := nodes[n]
				return d, ok
			}, func(iri quad.IRI) (string, bool) {
				c, ok := canon[iri]
				return c.name, ok
			})
			byKey[ke.Key()] = append(byKey[ke.Key()], resolve.DecidedEvent{KeyedEvent: ke, Decision: evs[i]})
		}
	}
	for k, evs := range byKey {
		for _, e := range evs {
			put(sumEvents, joinKey(k, string(e.Article), string(e.Node)), encodeEvent(e))
			for _, p := range e.Raw {
				counts[string(sumRawEvents)][string(joinKey(string(p), k))]++
			}
		}
	}
	for b, m := range counts {
		for k, n := range m {
			mem[b][k] = binary.AppendUvarint(nil, uint64(n))
		}
	}
	for iri, c := range canon {
		put(sumCanonical, []byte(iri), append(binary.AppendUvarint(nil, uint64(c.n)), c.name...))
	}
	for _, name := range summaryBuckets {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		b, err := tx.CreateBucket(name)
		if err != nil {
			return err
		}
		b.FillPercent = 1 // written in key order
		m := mem[string(name)]
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if err := b.Put([]byte(k), m[k]); err != nil {
				return err
			}
		}
		delete(mem, string(name)) // written: let it go
	}
	w := &summaryWriter{tx: tx, merged: merged}
	return w.finish(gen)
}

// nameParts returns the first and last part of a person key of two or
// more parts.
func nameParts(key string) (first, last string, ok bool) {
	first, rest, ok := strings.Cut(key, "-")
	if !ok {
		return "", "", false
	}
	return first, rest[strings.LastIndexByte(rest, '-')+1:], true
}

// aliasKey is the key of an alias entry under an organization key.
func aliasKey(k string, a quad.IRI, index, pos int) []byte {
	return joinKey(k, string(a), string(binary.BigEndian.AppendUint32(nil, uint32(index))), string(binary.BigEndian.AppendUint32(nil, uint32(pos))))
}
