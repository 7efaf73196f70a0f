package graph

import (
	"encoding/binary"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph/resolve"
)

// The kept states file holds each article's records twice: as the
// kg:records literal, which a rewrite of the article writes back byte
// for byte, and in the binary form below, which resolution reads. Going
// through encoding/json for every article of a large store was most of
// the cost of resolving after one new article; this form is read with
// one allocation per string list and none per string, every string a
// piece of the entry.
//
// The form is a sequence of fields, each string a uvarint length and its
// bytes, each list a uvarint count and its items:
//
//	published
//	persons:       node name aliases[]
//	organizations: node name aliases[]
//	roles:         node holder title country to
//	events:        node kind participants[] date place status

// appendRecords appends the binary form of an article's records.
func appendRecords(b []byte, published string, r resolve.Records) []byte {
	b = appendString(b, published)
	for _, list := range [][]resolve.Named{r.Persons, r.Organizations} {
		b = binary.AppendUvarint(b, uint64(len(list)))
		for _, n := range list {
			b = appendString(b, string(n.Node))
			b = appendString(b, n.Name)
			b = binary.AppendUvarint(b, uint64(len(n.Aliases)))
			for _, a := range n.Aliases {
				b = appendString(b, a)
			}
		}
	}
	b = binary.AppendUvarint(b, uint64(len(r.Roles)))
	for _, x := range r.Roles {
		for _, s := range [...]string{string(x.Node), string(x.Holder), x.Title, x.Country, x.To} {
			b = appendString(b, s)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(r.Events)))
	for _, e := range r.Events {
		b = appendString(b, string(e.Node))
		b = appendString(b, e.Kind)
		b = binary.AppendUvarint(b, uint64(len(e.Participants)))
		for _, p := range e.Participants {
			b = appendString(b, string(p))
		}
		b = appendString(b, e.Date)
		b = appendString(b, string(e.Place))
		b = appendString(b, e.Status)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// recordsReader reads the binary form; the strings it returns are pieces
// of src. A malformed form sets bad and reads as empty from then on.
type recordsReader struct {
	src string
	bad bool
}

func (r *recordsReader) uvarint() int {
	if r.bad {
		return 0
	}
	var n uint64
	var shift uint
	for i := 0; i < len(r.src) && i < binary.MaxVarintLen64; i++ {
		c := r.src[i]
		n |= uint64(c&0x7f) << shift
		if c < 0x80 {
			r.src = r.src[i+1:]
			if n > uint64(len(r.src)) {
				break // no count or length can exceed what is left
			}
			return int(n)
		}
		shift += 7
	}
	r.bad, r.src = true, ""
	return 0
}

func (r *recordsReader) string() string {
	n := r.uvarint()
	s := r.src[:n]
	r.src = r.src[n:]
	return s
}

func (r *recordsReader) strings() []string {
	n := r.uvarint()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.string()
	}
	return out
}

func (r *recordsReader) iris() []quad.IRI {
	n := r.uvarint()
	if n == 0 {
		return nil
	}
	out := make([]quad.IRI, n)
	for i := range out {
		out[i] = quad.IRI(r.string())
	}
	return out
}

// readRecords reads the binary form of an article's records, with the
// article filled in as withArticle does, and the article's date; ok is
// false when src is not one whole form.
func readRecords(src string, article quad.IRI) (recs resolve.Records, published string, ok bool) {
	r := &recordsReader{src: src}
	published = r.string()
	for _, list := range []*[]resolve.Named{&recs.Persons, &recs.Organizations} {
		if n := r.uvarint(); n > 0 {
			*list = make([]resolve.Named, n)
			for i := range *list {
				(*list)[i] = resolve.Named{Article: article, Node: quad.IRI(r.string()), Name: r.string(), Aliases: r.strings()}
			}
		}
	}
	if n := r.uvarint(); n > 0 {
		recs.Roles = make([]resolve.Role, n)
		for i := range recs.Roles {
			recs.Roles[i] = resolve.Role{Article: article, Node: quad.IRI(r.string()), Holder: quad.IRI(r.string()),
				Title: r.string(), Country: r.string(), To: r.string()}
		}
	}
	if n := r.uvarint(); n > 0 {
		recs.Events = make([]resolve.Event, n)
		for i := range recs.Events {
			recs.Events[i] = resolve.Event{Article: article, Published: published, Node: quad.IRI(r.string()),
				Kind: r.string(), Participants: r.iris(), Date: r.string(), Place: quad.IRI(r.string()), Status: r.string()}
		}
	}
	if r.bad || r.src != "" {
		return resolve.Records{}, "", false
	}
	return recs, published, true
}

// The decisions the last resolution made for an article's records
// follow in the same binary form, one per record in records order:
//
//	persons:       canonical rule name
//	organizations: canonical rule
//	roles:         canonical rule
//	events:        canonical rule
//
// A canonical node that is the record's own node is kept as "", and a
// role without its holder, which has no decision, as "" and rule "".

// appendDecisions appends the binary form of an article's decisions,
// which are those of its records in order.
func appendDecisions(b []byte, recs resolve.Records, ds []resolve.Decision) []byte {
	for i, d := range ds {
		c := string(d.Canonical)
		if d.Canonical == d.Node && d.Rule != "" {
			c = ""
		}
		b = appendString(b, c)
		b = appendString(b, d.Rule)
		if i < len(recs.Persons) {
			b = appendString(b, d.Name)
		}
	}
	return b
}

// readDecisions reads the binary form of an article's decisions; ok is
// false unless src is one decision for each of its records.
func readDecisions(src string, recs resolve.Records) (ds []resolve.Decision, ok bool) {
	r := &recordsReader{src: src}
	n := len(recs.Persons) + len(recs.Organizations) + len(recs.Roles) + len(recs.Events)
	if n == 0 {
		return nil, src == ""
	}
	ds = make([]resolve.Decision, 0, n)
	read := func(article, node quad.IRI, named bool) {
		d := resolve.Decision{Article: article, Node: node, Canonical: quad.IRI(r.string()), Rule: r.string()}
		if named {
			d.Name = r.string()
		}
		if d.Canonical == "" && d.Rule != "" {
			d.Canonical = node
		}
		ds = append(ds, d)
	}
	for _, p := range recs.Persons {
		read(p.Article, p.Node, true)
	}
	for _, o := range recs.Organizations {
		read(o.Article, o.Node, false)
	}
	for _, x := range recs.Roles {
		read(x.Article, x.Node, false)
	}
	for _, e := range recs.Events {
		read(e.Article, e.Node, false)
	}
	if r.bad || r.src != "" {
		return nil, false
	}
	return ds, true
}
