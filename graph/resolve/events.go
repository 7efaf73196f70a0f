package resolve

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

// eventClass separates calls and visits from in-person meetings and
// summits, which are one class: articles call the same talks a meeting
// or a summit.
func eventClass(kind string) string {
	switch kind {
	case "call", "visit":
		return kind
	}
	return "meeting"
}

// cluster is one resolved event as it grows.
type cluster struct {
	class     string
	names     []string
	date      string
	place     quad.IRI
	notBefore string // latest date of an article that called it planned
	notAfter  string // earliest date of an article that reported it held
	articles  map[quad.IRI]bool
	founder   *Event // the record that made it
	iri       quad.IRI
}

// before compares two dates at their common precision.
func before(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] < b[:n]
}

func compatibleDate(a, b string) bool {
	return a == "" || b == "" || strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

func placeSpecificity(p quad.IRI) int {
	if p == "" {
		return 0
	}
	if _, isCountry := schema.PlaceCountryAsWritten(p); isCountry {
		return 1
	}
	return 2
}

// compatiblePlace: the same place, no place, or a city and its country.
func compatiblePlace(a, b quad.IRI) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	ca, ac := schema.PlaceCountryAsWritten(a)
	cb, bc := schema.PlaceCountryAsWritten(b)
	return ca != "" && ac != bc && strings.EqualFold(ca, cb)
}

func planned(status string) bool { return status == "planned" || status == "proposed" }

// fits reports whether an event record can be the event of a cluster
// of its kind class and principals (its clusterBlock).
func (c *cluster) fits(e *Event) bool {
	if !compatibleDate(c.date, e.Date) || !compatiblePlace(c.place, e.Place) {
		return false
	}
	if c.articles[e.Article] {
		return false // the extractor already told this article's events apart
	}
	d := c.date
	if len(e.Date) > len(d) {
		d = e.Date
	}
	notBefore, notAfter := c.notBefore, c.notAfter
	if e.Published != "" {
		if planned(e.Status) && (notBefore == "" || before(notBefore, e.Published)) {
			notBefore = e.Published
		}
		if !planned(e.Status) && (notAfter == "" || before(e.Published, notAfter)) {
			notAfter = e.Published
		}
	}
	if d != "" && (notBefore != "" && before(d, notBefore) || notAfter != "" && before(notAfter, d)) {
		return false
	}
	// Announced as planned after it was reported as held: another event.
	return notBefore == "" || notAfter == "" || !before(notAfter, notBefore)
}

func (c *cluster) join(e *Event) {
	if c.articles == nil {
		c.articles = map[quad.IRI]bool{}
	}
	c.articles[e.Article] = true
	if len(e.Date) > len(c.date) {
		c.date = e.Date
	}
	if placeSpecificity(e.Place) > placeSpecificity(c.place) {
		c.place = e.Place
	}
	if e.Published != "" {
		if planned(e.Status) && (c.notBefore == "" || before(c.notBefore, e.Published)) {
			c.notBefore = e.Published
		}
		if !planned(e.Status) && (c.notAfter == "" || before(e.Published, c.notAfter)) {
			c.notAfter = e.Published
		}
	}
}

// eventRecord is an event record with its principals resolved.
type eventRecord struct {
	e       *Event
	persons string   // canonical participant IRIs, sorted, joined
	names   []string // their names, sorted
}

// principals resolves an event record's participants.
func principals(e *Event, persons personResult) eventRecord {
	iris := make([]string, 0, len(e.Participants))
	for _, p := range e.Participants {
		if c, ok := persons.byNode[articleNode{e.Article, p}]; ok {
			p = c
		}
		iris = append(iris, string(p))
	}
	sort.Strings(iris)
	iris = slices.Compact(iris)
	names := make([]string, 0, len(iris))
	for _, p := range iris {
		if n := persons.name[quad.IRI(p)]; n != "" {
			names = append(names, n)
		} else {
			names = append(names, strings.TrimPrefix(p, schema.KG+"person/"))
		}
	}
	sort.Strings(names)
	return eventRecord{e: e, persons: strings.Join(iris, " "), names: names}
}

func resolveEvents(es []Event, persons personResult) []Decision {
	recs := make([]eventRecord, len(es))
	for i := range es {
		recs[i] = principals(&es[i], persons)
	}
	return clusterEvents(recs)
}

// clusterEvents groups event records into events. Events whose
// principals' names slug differently (schema.EventParticipants) never
// meet here: neither in a cluster nor in the numbering of events that
// read alike, so that the records of one such set of principals can be
// clustered apart from the rest (Update).
func clusterEvents(recs []eventRecord) []Decision {
	return clusterEventsBy(recs, (*clusterBlock).fitting)
}

// clusterEventsBy is clusterEvents with the clusters a record fits found
// by fitting.
func clusterEventsBy(recs []eventRecord, fitting func(*clusterBlock, []*cluster, eventRecord) []*cluster) []Decision {
	// Most specific first, so that vaguer reports join a precise one.
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := recs[order[a]].e, recs[order[b]].e
		if len(x.Date) != len(y.Date) {
			return len(x.Date) > len(y.Date)
		}
		if sx, sy := placeSpecificity(x.Place), placeSpecificity(y.Place); sx != sy {
			return sx > sy
		}
		if x.Article != y.Article {
			return x.Article < y.Article
		}
		return x.Node < y.Node
	})
	// Only clusters of the same kind class and principals can fit a
	// record, and of those only the ones whose date is compatible, so
	// records are compared within those blocks and dates: the cost is
	// the sum over blocks of records times the clusters of a compatible
	// date, not all records times all clusters.
	var clusters []*cluster
	blocks := map[string]*clusterBlock{}
	member := make([]*cluster, len(recs))
	rules := make([]string, len(recs))
	var fit []*cluster
	for _, i := range order {
		r := recs[i]
		key := eventClass(r.e.Kind) + "|" + r.persons
		b := blocks[key]
		if b == nil {
			b = &clusterBlock{under: map[string][]*cluster{}}
			blocks[key] = b
		}
		fit = fitting(b, fit[:0], r)
		if len(fit) == 1 {
			c := fit[0]
			rules[i] = fmt.Sprintf("same principals (%s), compatible date (%s, %s) and place (%s, %s)",
				strings.Join(r.names, ", "), orNone(r.e.Date), orNone(c.date), placeName(r.e.Place), placeName(c.place))
			c.join(r.e) // its date stays: no longer than the cluster's
			member[i] = c
			continue
		}
		c := &cluster{class: eventClass(r.e.Kind), names: r.names, founder: r.e}
		c.join(r.e)
		clusters = append(clusters, c)
		b.index(c)
		member[i] = c
		if len(fit) > 1 {
			// Not how many: that count changes with every such event
			// that comes, and with it every article's rule.
			rules[i] = fmt.Sprintf("kept apart: could be more than one event of %s", strings.Join(r.names, ", "))
		} else {
			rules[i] = "first report"
		}
	}
	taken := map[quad.IRI]int{}
	for _, c := range clusters {
		c.iri = schema.EventIRI(c.names, c.date, c.place, c.class == "call")
		// Of events that read alike ("a meeting of Trump and Putin",
		// undated) but could not be one, the first keeps the IRI and the
		// others are told apart by their first record: a number in
		// order would move, and rename the nodes of every later one, each
		// time a new one came before them.
		if taken[c.iri] > 0 {
			base := schema.FoundedIRI(c.iri, string(c.founder.Article)+" "+string(c.founder.Node))
			c.iri = base
			for n := 2; taken[c.iri] > 0; n++ {
				c.iri = schema.NumberedIRI(base, n) // eight hex digits alike: rare
			}
		}
		taken[c.iri]++
	}
	out := make([]Decision, len(recs))
	for i, r := range recs {
		out[i] = Decision{Article: r.e.Article, Node: r.e.Node, Canonical: member[i].iri, Rule: rules[i]}
	}
	return out
}

// clusterBlock holds the clusters of one kind class and set of
// principals under every prefix of their date ("" included). Records
// come longest date first, so the clusters made before a record have a
// date at least as long as its own, and the ones of a compatible date
// (compatibleDate) are those under the record's date.
type clusterBlock struct {
	under map[string][]*cluster
}

func (b *clusterBlock) index(c *cluster) {
	for k := 0; k <= len(c.date); k++ {
		b.under[c.date[:k]] = append(b.under[c.date[:k]], c)
	}
}

// fitting appends to fit the clusters r fits, two at most: a record
// joins the one cluster it fits, and is kept apart when it fits more,
// however many more. Stopping at the second spares an undated report of
// a much-reported pair the comparison with every one of the pair's
// events.
func (b *clusterBlock) fitting(fit []*cluster, r eventRecord) []*cluster {
	n := len(fit)
	for _, c := range b.under[r.e.Date] {
		if c.fits(r.e) {
			fit = append(fit, c)
			if len(fit)-n == 2 {
				break
			}
		}
	}
	return fit
}

func orNone(s string) string {
	if s == "" {
		return "undated"
	}
	return s
}

func placeName(p quad.IRI) string {
	if p == "" {
		return "no place"
	}
	s := strings.TrimPrefix(strings.TrimPrefix(string(p), schema.KG+"place/"), schema.KG+"country/")
	return s
}

// KeyedEvent is an event record with its principals resolved: the
// canonical nodes of its participants and their names. Event clustering
// reads nothing else of the store, and records of different keys never
// meet, so a store can keep the records by key and cluster one key
// again when a change reaches it.
type KeyedEvent struct {
	Event
	Persons string     // the participants' canonical IRIs, sorted, space-joined
	Names   []string   // their names, sorted
	Raw     []quad.IRI // the participants without a person record
}

// Key is the key the record is clustered under: the slugs of its
// principals' names (schema.EventParticipants), also the participants
// part of the event IRIs it can get.
func (k KeyedEvent) Key() string { return schema.EventParticipants(k.Names) }

// KeyEvent resolves an event record's principals: person gives the
// decision for a participant node of its article that has a person
// record, and nameOf the name of a canonical person IRI, for a
// participant that has none.
func KeyEvent(e Event, person func(node quad.IRI) (PersonDecision, bool), nameOf func(quad.IRI) (string, bool)) KeyedEvent {
	persons := personResult{byNode: map[articleNode]quad.IRI{}, name: map[quad.IRI]string{}}
	var raw []quad.IRI
	for _, p := range e.Participants {
		if d, ok := person(p); ok {
			persons.byNode[articleNode{e.Article, p}] = d.Canonical
			persons.name[d.Canonical] = d.Name
			continue
		}
		raw = append(raw, p)
		if n, ok := nameOf(p); ok {
			persons.name[p] = n
		}
	}
	r := principals(&e, persons)
	return KeyedEvent{Event: e, Persons: r.persons, Names: r.names, Raw: raw}
}

// ClusterEvents decides event records as Resolve does, given all the
// records of each key among them, in the order of their articles.
func ClusterEvents(recs []KeyedEvent) []Decision {
	rs := make([]eventRecord, len(recs))
	for i := range recs {
		rs[i] = eventRecord{e: &recs[i].Event, persons: recs[i].Persons, names: recs[i].Names}
	}
	return clusterEvents(rs)
}
