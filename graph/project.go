package graph

import (
	"context"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
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
// (viewcache.go) and read back while the store has not changed since.
func (s *Store) View(ctx context.Context) (*View, error) {
	// The next write of this process, if any, renews the generation, so
	// that the view kept now is not taken for current after it.
	s.wrote.Store(false)
	gen, _ := s.generation(ctx)
	if v, ok := s.cachedView(gen); ok {
		return v, nil
	}
	byArticle, err := s.allQuads(ctx)
	if err != nil {
		return nil, err
	}
	v := project(byArticle)
	s.saveView(v, gen)
	return v, nil
}

// nodeAcc gathers a node's attributes across articles.
type nodeAcc struct {
	typ      NodeType
	names    map[string]int
	dates    []string
	status   map[string]string // article date or article -> status
	kind     string
	articles map[quad.IRI]bool
}

func project(byArticle map[quad.IRI][]quad.Quad) *View {
	accs := map[quad.IRI]*nodeAcc{}
	acc := func(iri quad.IRI) *nodeAcc {
		a := accs[iri]
		if a == nil {
			a = &nodeAcc{names: map[string]int{}, status: map[string]string{}, articles: map[quad.IRI]bool{}}
			accs[iri] = a
		}
		return a
	}
	type rel struct {
		from, to quad.IRI
		r        Relation
	}
	var rels []rel
	link := func(from, to quad.IRI, r Relation) {
		r.Subject = from
		rels = append(rels, rel{from, to, r})
	}
	articles := make([]quad.IRI, 0, len(byArticle))
	for a := range byArticle {
		articles = append(articles, a)
	}
	sort.Slice(articles, func(i, j int) bool { return articles[i] < articles[j] })
	for _, art := range articles {
		qs := byArticle[art]
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
		for _, q := range qs {
			s, _ := q.Subject.(quad.IRI)
			o, _ := q.Object.(quad.IRI)
			src := []quad.IRI{art}
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
				a := acc(s)
				if a.typ == "" || a.typ == PlaceNode && t == CountryNode {
					a.typ = t // a country is also typed as a place
				}
				a.articles[art] = true
			case schema.Name, schema.Alias:
				if q.Predicate == schema.Name {
					acc(s).names[quad.ToString(q.Object)]++
				} else if _, ok := acc(s).names[quad.ToString(q.Object)]; !ok {
					acc(s).names[quad.ToString(q.Object)] = 0
				}
			case schema.Date:
				acc(s).dates = append(acc(s).dates, quad.ToString(q.Object))
			case schema.Kind:
				acc(s).kind = quad.ToString(q.Object)
			case schema.Status:
				key := published
				if key == "" {
					key = "~" + string(art) // undated articles sort last
				}
				acc(s).status[key] = quad.ToString(q.Object)
			case schema.Participant:
				link(s, o, Relation{Kind: "attended", Fact: s, Articles: src})
			case schema.Location:
				link(s, o, Relation{Kind: "located in", Fact: s, Articles: src})
			case schema.InCountry:
				link(s, o, Relation{Kind: "in country", Articles: src})
			case schema.ForCountry:
				if h := roleHolder[s]; h != "" {
					link(h, o, Relation{Kind: "role", Label: roleTitle[s], Fact: s, Articles: src})
				}
			case schema.PostedTo:
				if h := roleHolder[s]; h != "" {
					link(h, o, Relation{Kind: "posted to", Label: roleTitle[s], Fact: s, Articles: src})
				}
			case schema.MemberOf:
				if p := member[s]; p != "" {
					link(p, o, Relation{Kind: "affiliated with", Fact: s, Articles: src})
				}
			case schema.Serves:
				link(s, o, Relation{Kind: "serves", Articles: src})
			}
		}
		// An organization the article cites as its source is a source of
		// the events it reports.
		for _, org := range cited {
			for _, ev := range events {
				link(org, ev, Relation{Kind: "source of", Articles: []quad.IRI{art}})
			}
		}
	}
	iris := make([]quad.IRI, 0, len(accs))
	for iri, a := range accs {
		if a.typ != "" {
			iris = append(iris, iri)
		}
	}
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
	nodes := make([]Node, len(iris))
	index := make(map[quad.IRI]int, len(iris))
	for i, iri := range iris {
		a := accs[iri]
		index[iri] = i
		names := make([]string, 0, len(a.names))
		for n := range a.names {
			names = append(names, n)
		}
		sort.Strings(names)
		nodes[i] = Node{IRI: iri, Type: a.typ, Name: bestName(a.names, iri), Names: names, Date: longestOf(a.dates),
			Status: latestStatus(a.status), Kind: a.kind, Articles: len(a.articles)}
	}
	links := make([]Link, 0, len(rels))
	for _, r := range rels {
		x, ok1 := index[r.from]
		y, ok2 := index[r.to]
		if ok1 && ok2 {
			links = append(links, Link{From: x, To: y, Relation: r.r})
		}
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
