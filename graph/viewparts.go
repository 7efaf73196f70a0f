package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
	bolt "go.etcd.io/bbolt"
)

// The view is a fold of its articles' parts: what each article says of
// the view's nodes (types, names, dates, kinds, statuses) and the links
// it supports. On the embedded backends every article's part is kept in
// PartsFile, a bolt file in the store's directory, with the store's
// generation. A write that goes through Store knows the whole quad set
// it leaves an article with, so it notes that article's new part; when
// the resolution that ends the write keeps its states, the noted parts
// replace the kept ones and the file takes the new generation, provided
// it held the generation the store had before this process wrote. A
// view of a changed store is then folded from the kept parts, reading
// no quad: the cost follows the size of the graph, not of the store.
// Anything else (a load, a write through Cayley's routes, a write cut
// short) leaves the file behind the store's generation, and the next
// view reads every quad again and keeps every part afresh.

// PartsFile is the name of the kept view parts in an embedded store's
// directory.
const PartsFile = "kg-view-parts.db"

// partsFormat changes whenever a part's encoding or meaning does.
const partsFormat = "1"

var (
	partsBucket = []byte("parts")
	metaBucket  = []byte("meta")
	formatKey   = []byte("format")
	genKey      = []byte("generation")
)

// partOp is what one entry of a view part states.
type partOp uint8

const (
	opType   partOp = iota // IRI is a node of type Str
	opName                 // IRI is named Str
	opAlias                // IRI is also called Str
	opDate                 // IRI (an event) is dated Str
	opKind                 // IRI (an event) is of kind Str
	opStatus               // IRI (an event) has status Str as of Key (the article's date, or "~" and the article)
	opLink                 // a relation of kind Str, label Key, stated by Fact, from IRI to To
)

// viewOp is one entry of a view part.
type viewOp struct {
	Op   partOp
	IRI  quad.IRI
	To   quad.IRI
	Str  string
	Key  string
	Fact quad.IRI
}

// viewPart is what one article adds to the view, sorted so that it does
// not depend on the order its quads were read in.
type viewPart []viewOp

// articlePart reads an article's part of the view from its quads.
func articlePart(art quad.IRI, qs []quad.Quad) viewPart {
	published := ""
	roleHolder := map[quad.IRI]quad.IRI{}
	roleTitle := map[quad.IRI]string{}
	member := map[quad.IRI]quad.IRI{} // affiliation node -> person
	var cited, events []quad.IRI      // organizations the article cites; its events
	for _, q := range qs {
		s, _ := q.Subject.(quad.IRI)
		o, _ := q.Object.(quad.IRI)
		switch q.Predicate {
		case schema.Published:
			if s == art {
				published = quad.ToString(q.Object)
			}
		case schema.Publisher:
			cited = append(cited, o)
		case schema.Type:
			if o == schema.TypeEvent {
				events = append(events, s)
			}
		case schema.HoldsRole:
			roleHolder[o] = s
		case schema.Title:
			roleTitle[s] = quad.ToString(q.Object)
		case schema.Affiliated:
			member[o] = s
		}
	}
	var part viewPart
	link := func(from, to quad.IRI, kind, label string, fact quad.IRI) {
		part = append(part, viewOp{Op: opLink, IRI: from, To: to, Str: kind, Key: label, Fact: fact})
	}
	for _, q := range qs {
		s, _ := q.Subject.(quad.IRI)
		o, _ := q.Object.(quad.IRI)
		switch q.Predicate {
		case schema.Type:
			var t NodeType
			switch o {
			case schema.TypePerson:
				t = PersonNode
			case schema.TypeOrganization:
				t = OrganizationNode
			case schema.TypeCountry:
				t = CountryNode
			case schema.TypePlace:
				t = PlaceNode
			case schema.TypeEvent:
				t = EventNode
			default:
				continue
			}
			part = append(part, viewOp{Op: opType, IRI: s, Str: string(t)})
		case schema.Name:
			part = append(part, viewOp{Op: opName, IRI: s, Str: quad.ToString(q.Object)})
		case schema.Alias:
			part = append(part, viewOp{Op: opAlias, IRI: s, Str: quad.ToString(q.Object)})
		case schema.Date:
			part = append(part, viewOp{Op: opDate, IRI: s, Str: quad.ToString(q.Object)})
		case schema.Kind:
			part = append(part, viewOp{Op: opKind, IRI: s, Str: quad.ToString(q.Object)})
		case schema.Status:
			key := published
			if key == "" {
				key = "~" + string(art) // undated articles sort last
			}
			part = append(part, viewOp{Op: opStatus, IRI: s, Str: quad.ToString(q.Object), Key: key})
		case schema.Participant:
			link(s, o, "attended", "", s)
		case schema.Location:
			link(s, o, "located in", "", s)
		case schema.InCountry:
			link(s, o, "in country", "", "")
		case schema.ForCountry:
			if h := roleHolder[s]; h != "" {
				link(h, o, "role", roleTitle[s], s)
			}
		case schema.PostedTo:
			if h := roleHolder[s]; h != "" {
				link(h, o, "posted to", roleTitle[s], s)
			}
		case schema.MemberOf:
			if p := member[s]; p != "" {
				link(p, o, "affiliated with", "", s)
			}
		case schema.Serves:
			link(s, o, "serves", "", "")
		}
	}
	// An organization the article cites as its source is a source of the
	// events it reports.
	for _, org := range cited {
		for _, ev := range events {
			link(org, ev, "source of", "", "")
		}
	}
	slices.SortFunc(part, compareOps)
	return part
}

func compareOps(a, b viewOp) int {
	if a.Op != b.Op {
		return int(a.Op) - int(b.Op)
	}
	if c := strings.Compare(string(a.IRI), string(b.IRI)); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.To), string(b.To)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Str, b.Str); c != 0 {
		return c
	}
	if c := strings.Compare(a.Key, b.Key); c != 0 {
		return c
	}
	return strings.Compare(string(a.Fact), string(b.Fact))
}

// encode appends the part's binary form to buf.
func (p viewPart) encode(buf []byte) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(p)))
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	for _, op := range p {
		buf = append(buf, byte(op.Op))
		str(string(op.IRI))
		str(string(op.To))
		str(op.Str)
		str(op.Key)
		str(string(op.Fact))
	}
	return buf
}

var errBadPart = errors.New("graph: malformed view part")

// decodePart reads a part that encode wrote.
func decodePart(b []byte) (viewPart, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, errBadPart
	}
	b = b[k:]
	str := func() (string, bool) {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) {
			return "", false
		}
		s := string(b[k : k+int(l)])
		b = b[k+int(l):]
		return s, true
	}
	part := make(viewPart, n)
	for i := range part {
		if len(b) == 0 || b[0] > byte(opLink) {
			return nil, errBadPart
		}
		op := &part[i]
		op.Op = partOp(b[0])
		b = b[1:]
		var f [5]string
		for j := range f {
			s, ok := str()
			if !ok {
				return nil, errBadPart
			}
			f[j] = s
		}
		op.IRI, op.To, op.Str, op.Key, op.Fact = quad.IRI(f[0]), quad.IRI(f[1]), f[2], f[3], quad.IRI(f[4])
	}
	if len(b) != 0 {
		return nil, errBadPart
	}
	return part, nil
}

func (s *Store) partsPath() string {
	if p := s.viewPath(); p != "" {
		return filepath.Join(filepath.Dir(p), PartsFile)
	}
	return ""
}

// openKept opens a bolt file kept beside the store (view parts,
// resolution states); one that is missing is not created when reading.
// A file another process holds open for writing is waited for briefly,
// then given up, which costs only time.
func openKept(path string, readOnly bool) (*bolt.DB, error) {
	return openKeptWith(path, &bolt.Options{Timeout: 200 * time.Millisecond, ReadOnly: readOnly})
}

// openKeptWhole opens a kept file, read-only, to read all of it.
func openKeptWhole(path string) (*bolt.DB, error) {
	return openKeptWith(path, &bolt.Options{Timeout: 200 * time.Millisecond, ReadOnly: true, MmapFlags: populateFlag})
}

func openKeptWith(path string, opts *bolt.Options) (*bolt.DB, error) {
	if opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, err
		}
	}
	return bolt.Open(path, 0o644, opts)
}

// keptGeneration is the generation a kept file's bucket is of, "" when
// it has no such bucket or another format.
func keptGeneration(tx *bolt.Tx, bucket []byte, format string) string {
	m := tx.Bucket(metaBucket)
	if m == nil || tx.Bucket(bucket) == nil || string(m.Get(formatKey)) != format {
		return ""
	}
	return string(m.Get(genKey))
}

// partsGeneration is the generation the kept parts are of, "" when they
// cannot be used.
func partsGeneration(tx *bolt.Tx) string { return keptGeneration(tx, partsBucket, partsFormat) }

// usableGeneration tells whether a generation token can tag what is
// kept: a store written before kg kept one has none, and two tokens are
// a replacement cut short.
func usableGeneration(gen string) bool {
	return gen != "" && !strings.Contains(gen, "+")
}

// viewFromParts folds the view from the kept parts when they are of the
// store's generation gen.
func (s *Store) viewFromParts(gen string) (*View, bool) {
	path := s.partsPath()
	if path == "" || !usableGeneration(gen) {
		return nil, false
	}
	db, err := openKeptWhole(path)
	if err != nil {
		return nil, false
	}
	defer db.Close()
	var f viewFold
	err = db.View(func(tx *bolt.Tx) error {
		if partsGeneration(tx) != gen {
			return errBadPart
		}
		// Keys come in byte order, which is the articles' IRI order.
		return tx.Bucket(partsBucket).ForEach(func(k, v []byte) error {
			part, err := decodePart(v)
			if err != nil {
				return err
			}
			f.add(quad.IRI(k), part)
			return nil
		})
	})
	if err != nil {
		return nil, false
	}
	return f.view(), true
}

// saveParts keeps every article's part, replacing what was kept, at
// generation gen; failing to keep them costs only time.
func (s *Store) saveParts(parts map[quad.IRI]viewPart, gen string) {
	path := s.partsPath()
	if path == "" || !usableGeneration(gen) {
		return
	}
	db, err := openKept(path, false)
	if err != nil {
		return
	}
	defer db.Close()
	_ = db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(partsBucket) != nil {
			if err := tx.DeleteBucket(partsBucket); err != nil {
				return err
			}
		}
		enc := make(map[quad.IRI][]byte, len(parts))
		for a, p := range parts {
			enc[a] = p.encode(nil)
		}
		return fillParts(tx, enc, gen, true)
	})
}

// isEmptyPart tells an encoded part of no entries, kept as none.
func isEmptyPart(p []byte) bool { return len(p) == 0 || len(p) == 1 && p[0] == 0 }

// fillParts writes encoded parts (empty ones removed) and tags the file
// with gen.
func fillParts(tx *bolt.Tx, parts map[quad.IRI][]byte, gen string, fresh bool) error {
	b, err := tx.CreateBucketIfNotExists(partsBucket)
	if err != nil {
		return err
	}
	if fresh {
		b.FillPercent = 1 // written in key order, never split again
	}
	keys := make([]quad.IRI, 0, len(parts))
	for k := range parts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if isEmptyPart(parts[k]) {
			if err := b.Delete([]byte(k)); err != nil {
				return err
			}
			continue
		}
		if err := b.Put([]byte(k), parts[k]); err != nil {
			return err
		}
	}
	m, err := tx.CreateBucketIfNotExists(metaBucket)
	if err != nil {
		return err
	}
	if err := m.Put(formatKey, []byte(partsFormat)); err != nil {
		return err
	}
	return m.Put(genKey, []byte(gen))
}

// wantsParts tells whether writes should note the parts they leave
// articles with: only while the kept parts are of the generation the
// store had before this process wrote, or the store was empty then, the
// only cases in which they can be brought up to date. Call it after the
// write's beginWrite.
func (s *Store) wantsParts() bool {
	if s.partsPath() == "" {
		return false
	}
	s.touchMu.Lock()
	defer s.touchMu.Unlock()
	if s.partsOff {
		return false
	}
	if s.pendingParts == nil {
		if !s.startEmpty && !s.partsAt(s.startGen) {
			s.partsOff = true
			return false
		}
		s.pendingParts = map[quad.IRI][]byte{}
	}
	return true
}

// noteParts records the parts of articles this process has just
// written, from the whole quad set each is left with (none for an
// article removed), to be kept when its resolution keeps its states.
func (s *Store) noteParts(sets map[quad.IRI][]quad.Quad) {
	if len(sets) == 0 || !s.wantsParts() {
		return
	}
	parts := make(map[quad.IRI][]byte, len(sets))
	for a, qs := range sets {
		parts[a] = articlePart(a, qs).encode(nil)
	}
	s.touchMu.Lock()
	defer s.touchMu.Unlock()
	if s.pendingParts == nil {
		return
	}
	for a, p := range parts {
		s.pendingParts[a] = p
	}
}

// partsAt tells whether the kept parts are of generation gen.
func (s *Store) partsAt(gen string) bool {
	if !usableGeneration(gen) {
		return false
	}
	db, err := openKept(s.partsPath(), true)
	if err != nil {
		return false
	}
	defer db.Close()
	at := false
	_ = db.View(func(tx *bolt.Tx) error {
		at = partsGeneration(tx) == gen
		return nil
	})
	return at
}

// keepNotedParts writes the noted parts into the kept ones, moving them
// from generation base to gen, when nothing but noted writes changed the
// store since base. The caller holds touchMu; the notes are cleared
// either way.
func (s *Store) keepNotedParts(ctx context.Context, base, gen string) {
	pending, off, fresh := s.pendingParts, s.partsOff, s.startEmpty
	s.pendingParts, s.partsOff, s.startEmpty = nil, false, false
	if off || pending == nil || s.partsPath() == "" || s.untracked.Load() || !usableGeneration(gen) || ctx.Err() != nil {
		return
	}
	db, err := openKept(s.partsPath(), false)
	if err != nil {
		return
	}
	defer db.Close()
	_ = db.Update(func(tx *bolt.Tx) error {
		// An empty store's parts were none, whatever the file held.
		if fresh && tx.Bucket(partsBucket) != nil {
			if err := tx.DeleteBucket(partsBucket); err != nil {
				return err
			}
		} else if !fresh && partsGeneration(tx) != base {
			return errBadPart
		}
		return fillParts(tx, pending, gen, fresh)
	})
}
