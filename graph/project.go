package graph

import (
	"context"
	"sort"

	"github.com/cayleygraph/quad"
)

// View projects the store into a gonum graph:
//
//   - nodes are the persons, organizations, countries, places (cities and
//     regions) and events;
//   - an event is linked to each participant ("attended") and to its place
//     ("located in"); a person to the country a role serves ("role",
//     labelled with the title) and to the country an envoy is posted to
//     ("posted to"); a place to its country ("in country"); a person to
//     an organization they speak or work for ("affiliated with"); an
//     organization to its country ("serves"); an organization an article
//     cites as its source to the events the article reports ("source
//     of");
//   - an edge weighs the number of distinct articles that support it.
//
// Articles, evidence and role nodes are not nodes of the view: roles
// become labelled edges, and evidence stays in the store for Explain.
//
// On the embedded backends the view is kept next to the store
// (viewcache.go) and read back while the store has not changed since;
// after a change it is folded again from each article's part of it,
// kept too and updated by the writes that change them (viewparts.go),
// so that only a store changed by other means is read whole.
func (s *Store) View(ctx context.Context) (*View, error) {
	// The next write of this process, if any, renews the generation, so
	// that the view kept now is not taken for current after it.
	s.wrote.Store(false)
	gen, _ := s.generation(ctx)
	if v, ok := s.cachedView(gen); ok {
		return v, nil
	}
	if v, ok := s.viewFromParts(gen); ok {
		s.saveView(v, gen)
		return v, nil
	}
	byArticle, err := s.allQuads(ctx)
	if err != nil {
		return nil, err
	}
	v, parts := project(byArticle)
	s.saveParts(parts, gen)
	s.saveView(v, gen)
	return v, nil
}

// nodeAcc gathers a node's attributes across articles.
type nodeAcc struct {
	typ      NodeType
	names    map[string]int
	dates    []string
	status   map[string]string // article date or article -> status
	kind     string            // as the last article in IRI order gives it
	articles int
}

// project folds the view parts of every article of the store.
func project(byArticle map[quad.IRI][]quad.Quad) (*View, map[quad.IRI]viewPart) {
	parts := make(map[quad.IRI]viewPart, len(byArticle))
	for art, qs := range byArticle {
		parts[art] = articlePart(art, qs)
	}
	arts := make([]quad.IRI, 0, len(parts))
	for a := range parts {
		arts = append(arts, a)
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i] < arts[j] })
	var f viewFold
	for _, a := range arts {
		f.add(a, parts[a])
	}
	return f.view(), parts
}

// viewFold builds a view from the parts of articles added in IRI order.
type viewFold struct {
	accs map[quad.IRI]*nodeAcc
	// links in chunks of foldChunk: a large store folds millions, and
	// one growing slice would copy them all at every doubling.
	links [][]foldLink
	nlink int
}

const foldChunk = 1 << 14

func (f *viewFold) link(l foldLink) {
	if n := len(f.links); n == 0 || len(f.links[n-1]) == foldChunk {
		f.links = append(f.links, make([]foldLink, 0, foldChunk))
	}
	last := &f.links[len(f.links)-1]
	*last = append(*last, l)
	f.nlink++
}

type foldLink struct {
	from, to quad.IRI
	r        Relation
}

func (f *viewFold) acc(iri quad.IRI) *nodeAcc {
	if f.accs == nil {
		f.accs = map[quad.IRI]*nodeAcc{}
	}
	a := f.accs[iri]
	if a == nil {
		a = &nodeAcc{names: map[string]int{}}
		f.accs[iri] = a
	}
	return a
}

// add folds in one article's part.
func (f *viewFold) add(art quad.IRI, part viewPart) {
	src := []quad.IRI{art}
	var typed quad.IRI
	for _, op := range part {
		switch op.Op {
		case opType:
			a := f.acc(op.IRI)
			t := NodeType(op.Str)
			if a.typ == "" || a.typ == PlaceNode && t == CountryNode {
				a.typ = t // a country is also typed as a place
			}
			if op.IRI != typed { // ops are sorted: one count per article
				a.articles++
				typed = op.IRI
			}
		case opName:
			f.acc(op.IRI).names[op.Str]++
		case opAlias:
			a := f.acc(op.IRI)
			if _, ok := a.names[op.Str]; !ok {
				a.names[op.Str] = 0
			}
		case opDate:
			a := f.acc(op.IRI)
			a.dates = append(a.dates, op.Str)
		case opKind:
			f.acc(op.IRI).kind = op.Str
		case opStatus:
			a := f.acc(op.IRI)
			if a.status == nil {
				a.status = map[string]string{}
			}
			a.status[op.Key] = op.Str
		case opLink:
			f.link(foldLink{op.IRI, op.To, Relation{Kind: op.Str, Label: op.Key, Fact: op.Fact, Subject: op.IRI, Articles: src}})
		}
	}
}

// view returns the folded view.
func (f *viewFold) view() *View {
	iris := make([]quad.IRI, 0, len(f.accs))
	for iri, a := range f.accs {
		if a.typ != "" {
			iris = append(iris, iri)
		}
	}
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
	nodes := make([]Node, len(iris))
	index := make(map[quad.IRI]int, len(iris))
	for i, iri := range iris {
		a := f.accs[iri]
		index[iri] = i
		names := make([]string, 0, len(a.names))
		for n := range a.names {
			names = append(names, n)
		}
		sort.Strings(names)
		nodes[i] = Node{IRI: iri, Type: a.typ, Name: bestName(a.names, iri), Names: names, Date: longestOf(a.dates),
			Status: latestStatus(a.status), Kind: a.kind, Articles: a.articles}
	}
	links := make([]Link, 0, f.nlink)
	for i, chunk := range f.links {
		for _, r := range chunk {
			x, ok1 := index[r.from]
			y, ok2 := index[r.to]
			if ok1 && ok2 {
				links = append(links, Link{From: x, To: y, Relation: r.r})
			}
		}
		f.links[i] = nil // read: let it go
	}
	return NewView(nodes, links)
}

// bestName is the name most articles use, the longest on a tie.
func bestName(names map[string]int, iri quad.IRI) string {
	best, n := "", 0
	for name, c := range names {
		if c > n || c == n && (len(name) > len(best) || len(name) == len(best) && name < best) {
			best, n = name, c
		}
	}
	if best == "" {
		return string(iri)
	}
	return best
}

func longestOf(ss []string) string {
	best := ""
	for _, s := range ss {
		if len(s) > len(best) || len(s) == len(best) && s < best {
			best = s
		}
	}
	return best
}

// latestStatus is the status the most recent article gives; "happened"
// wins over a plan reported by an article of unknown date.
func latestStatus(byDate map[string]string) string {
	keys := make([]string, 0, len(byDate))
	for k := range byDate {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	st := ""
	for _, k := range keys {
		if st == "happened" && byDate[k] != "happened" && k[0] == '~' {
			continue
		}
		st = byDate[k]
	}
	return st
}
