// Package eval scores extracted facts against hand-made gold facts by the
// rules of kg's evaluation: names match when any name or alias of one
// equals any of the other, case-insensitively and ignoring punctuation and
// white space; country names fold to one form ("U.S." is "United
// States"); roles match on person, title and country; events match on
// their participant sets and are paired one to one, best agreement first;
// precision, recall and F1 are micro-averaged over documents.
package eval

import (
	"regexp"
	"sort"
	"strings"

	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/extract/gazetteer"
)

// Count is a precision/recall tally.
type Count struct {
	TP, FP, FN int
}

// Precision returns TP/(TP+FP), or 0.
func (c Count) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP/(TP+FN), or 0.
func (c Count) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall.
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Count) add(o Count) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Accuracy is a share of correct answers among the scored ones.
type Accuracy struct {
	Correct, Total int
}

// Value returns Correct/Total, or 0.
func (a Accuracy) Value() float64 { return ratio(a.Correct, a.Total) }

func (a *Accuracy) add(o Accuracy) { a.Correct += o.Correct; a.Total += o.Total }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Categories scored for precision, recall and F1, in report order.
var Categories = []string{"persons", "organizations", "places", "roles", "events", "events (full)", "times"}

// Accuracies reported apart, in report order.
var Accuracies = []string{"role to", "event location", "event date", "event status", "time value"}

// Score is the score of one document or of a whole set.
type Score struct {
	ID       string              `json:"id,omitempty"`
	Counts   map[string]Count    `json:"counts"`
	Accuracy map[string]Accuracy `json:"accuracy"`
}

func newScore(id string) Score {
	return Score{ID: id, Counts: map[string]Count{}, Accuracy: map[string]Accuracy{}}
}

// Add adds o's tallies to s.
func (s *Score) Add(o Score) {
	for k, c := range o.Counts {
		cc := s.Counts[k]
		cc.add(c)
		s.Counts[k] = cc
	}
	for k, a := range o.Accuracy {
		aa := s.Accuracy[k]
		aa.add(a)
		s.Accuracy[k] = aa
	}
}

func (s *Score) count(cat string, c Count) {
	cc := s.Counts[cat]
	cc.add(c)
	s.Counts[cat] = cc
}

func (s *Score) acc(name string, ok bool) {
	a := s.Accuracy[name]
	a.Total++
	if ok {
		a.Correct++
	}
	s.Accuracy[name] = a
}

// Report is the score of a set of documents.
type Report struct {
	Total     Score    `json:"total"`
	Documents []Score  `json:"documents"`
	Skipped   []string `json:"skipped,omitempty"` // predicted documents without gold
}

// Compare scores predictions against gold, pairing documents by ID.
func Compare(gold, pred []*extract.Facts) Report {
	byID := map[string]*extract.Facts{}
	for _, g := range gold {
		byID[g.ID] = g
	}
	r := Report{Total: newScore("")}
	for _, p := range pred {
		g, ok := byID[p.ID]
		if !ok {
			r.Skipped = append(r.Skipped, p.ID)
			continue
		}
		s := Document(g, p)
		r.Documents = append(r.Documents, s)
		r.Total.Add(s)
	}
	return r
}

// Document scores one document's predicted facts against its gold facts.
func Document(gold, pred *extract.Facts) Score {
	s := newScore(gold.ID)
	gp := personNames(gold.Persons)
	pp := personNames(pred.Persons)
	s.count("persons", matchSets(gp, pp))
	s.count("organizations", matchSets(orgNames(gold.Organizations), orgNames(pred.Organizations)))
	s.count("places", matchSets(placeNames(gold.Places), placeNames(pred.Places)))
	scoreRoles(&s, gold, pred, gp, pp)
	scoreEvents(&s, gold, pred, gp, pp)
	scoreTimes(&s, gold.Times, predTimes(gold, pred))
	return s
}

// fold is the comparison key of a name.
func fold(s string) string { return gazetteer.Fold(s) }

// foldCountry folds a country name to its canonical form.
func foldCountry(s string) string { return fold(gazetteer.Default().CanonicalCountry(s)) }

type nameSet map[string]bool

func names(name string, aliases []string, country bool) nameSet {
	set := nameSet{}
	for _, n := range append([]string{name}, aliases...) {
		if country {
			set[foldCountry(n)] = true
		}
		if k := fold(n); k != "" {
			set[k] = true
		}
	}
	return set
}

func personNames(ps []extract.Person) []nameSet {
	out := make([]nameSet, len(ps))
	for i, p := range ps {
		out[i] = names(p.Name, p.Aliases, false)
	}
	return out
}

func orgNames(os []extract.Organization) []nameSet {
	out := make([]nameSet, len(os))
	for i, o := range os {
		out[i] = names(o.Name, o.Aliases, false)
	}
	return out
}

func placeNames(ps []extract.Place) []nameSet {
	out := make([]nameSet, len(ps))
	for i, p := range ps {
		out[i] = names(p.Name, p.Aliases, true)
	}
	return out
}

func intersects(a, b nameSet) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// matchSets pairs gold and predicted entities one to one, in order.
func matchSets(gold, pred []nameSet) Count {
	used := make([]bool, len(pred))
	var c Count
	for _, g := range gold {
		found := false
		for j, p := range pred {
			if !used[j] && intersects(g, p) {
				used[j], found = true, true
				break
			}
		}
		if found {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, u := range used {
		if !u {
			c.FP++
		}
	}
	return c
}

// personOf returns the index of the person a name refers to, or -1.
func personOf(name string, people []nameSet) int {
	k := fold(name)
	for i, p := range people {
		if p[k] {
			return i
		}
	}
	return -1
}

// samePerson reports whether a gold and a predicted name refer to one
// person, through the persons lists of both documents.
func samePerson(goldName, predName string, gp, pp []nameSet) bool {
	gs := nameSet{fold(goldName): true}
	if i := personOf(goldName, gp); i >= 0 {
		gs = gp[i]
	}
	ps := nameSet{fold(predName): true}
	if i := personOf(predName, pp); i >= 0 {
		ps = pp[i]
	}
	return intersects(gs, ps)
}

func scoreRoles(s *Score, gold, pred *extract.Facts, gp, pp []nameSet) {
	used := make([]bool, len(pred.Roles))
	var c Count
	for _, g := range gold.Roles {
		match := -1
		for j, p := range pred.Roles {
			if used[j] || !samePerson(g.Person, p.Person, gp, pp) || fold(g.Title) != fold(p.Title) {
				continue
			}
			if g.Country != "" && foldCountry(g.Country) != foldCountry(p.Country) {
				continue
			}
			match = j
			break
		}
		if match < 0 {
			c.FN++
			continue
		}
		used[match] = true
		c.TP++
		if g.To != "" {
			s.acc("role to", foldCountry(g.To) == foldCountry(pred.Roles[match].To))
		}
	}
	for _, u := range used {
		if !u {
			c.FP++
		}
	}
	s.count("roles", c)
}

func scoreEvents(s *Score, gold, pred *extract.Facts, gp, pp []nameSet) {
	ge := scorable(gold.Events)
	pe := scorable(pred.Events)
	type pair struct{ g, p, agree int }
	var pairs []pair
	for i, g := range ge {
		for j, p := range pe {
			if !sameParticipants(g.Participants, p.Participants, gp, pp) {
				continue
			}
			agree := 0
			if locationOK(g, p) {
				agree++
			}
			if dateOK(g, p) {
				agree++
			}
			if g.Status == "" || g.Status == p.Status {
				agree++
			}
			pairs = append(pairs, pair{i, j, agree})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].agree > pairs[b].agree })
	gUsed := make([]bool, len(ge))
	pUsed := make([]bool, len(pe))
	var c, full Count
	for _, pr := range pairs {
		if gUsed[pr.g] || pUsed[pr.p] {
			continue
		}
		gUsed[pr.g], pUsed[pr.p] = true, true
		g, p := ge[pr.g], pe[pr.p]
		c.TP++
		if g.Location != "" || g.Country != "" {
			s.acc("event location", locationOK(g, p))
		}
		if g.Date != "" {
			s.acc("event date", dateOK(g, p))
		}
		if g.Status != "" {
			s.acc("event status", g.Status == p.Status)
		}
		if locationOK(g, p) && dateOK(g, p) {
			full.TP++
		} else {
			full.FN++
			full.FP++
		}
	}
	for _, u := range gUsed {
		if !u {
			c.FN++
			full.FN++
		}
	}
	for _, u := range pUsed {
		if !u {
			c.FP++
			full.FP++
		}
	}
	s.count("events", c)
	s.count("events (full)", full)
}

func scorable(evs []extract.Event) []extract.Event {
	var out []extract.Event
	for _, e := range evs {
		if len(e.Participants) >= 2 {
			out = append(out, e)
		}
	}
	return out
}

func sameParticipants(g, p []string, gp, pp []nameSet) bool {
	if len(g) != len(p) {
		return false
	}
	used := make([]bool, len(p))
	for _, gn := range g {
		found := false
		for j, pn := range p {
			if !used[j] && samePerson(gn, pn, gp, pp) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// locationOK: the city or the country is equal; a gold event without a
// location accepts any.
func locationOK(g, p extract.Event) bool {
	if g.Location == "" && g.Country == "" {
		return true
	}
	if g.Location != "" && p.Location != "" && foldCountry(g.Location) == foldCountry(p.Location) {
		return true
	}
	return g.Country != "" && p.Country != "" && foldCountry(g.Country) == foldCountry(p.Country)
}

// dateOK: the predicted date equals the gold date at the gold's precision
// and is no less precise.
func dateOK(g, p extract.Event) bool {
	if g.Date == "" {
		return true
	}
	return len(p.Date) >= len(g.Date) && strings.HasPrefix(p.Date, g.Date)
}

// predTimes are the predicted times to score. A gold in the facts
// format's own convention annotates dates only, once per distinct text:
// the facts' times. A gold that annotates TIMEX3 types, as TimeML corpora
// do, has every occurrence of every expression: the facts' times and
// their other TIMEX3 expressions (durations, sets, references), each as
// many times as it occurs.
func predTimes(gold, pred *extract.Facts) []extract.Time {
	for _, t := range gold.Times {
		if t.Type != "" {
			var out []extract.Time
			for _, list := range [][]extract.Time{pred.Times, pred.OtherTimes} {
				for _, p := range list {
					for range 1 + len(p.Repeats) {
						out = append(out, p)
					}
				}
			}
			return out
		}
	}
	return pred.Times
}

func scoreTimes(s *Score, gold, pred []extract.Time) {
	used := make([]bool, len(pred))
	var c Count
	for _, g := range gold {
		gk := fold(g.Text)
		match := -1
		for j, p := range pred {
			if used[j] {
				continue
			}
			pk := fold(p.Text)
			if pk == gk {
				match = j
				break
			}
			if match < 0 && gk != "" && pk != "" && (strings.Contains(pk, gk) || strings.Contains(gk, pk)) {
				match = j
			}
		}
		if match < 0 {
			c.FN++
			continue
		}
		used[match] = true
		c.TP++
		if g.Value != "" {
			s.acc("time value", sameTimeValue(g.Value, pred[match].Value))
		}
	}
	for _, u := range used {
		if !u {
			c.FP++
		}
	}
	s.count("times", c)
}

// isoWeek matches a week number of one digit, as TimeML corpora write
// some ("2000-W7"); ISO 8601 writes two ("2000-W07").
var isoWeek = regexp.MustCompile(`W([0-9])\b`)

// sameTimeValue compares two time values, writing week numbers with two
// digits.
func sameTimeValue(a, b string) bool {
	return isoWeek.ReplaceAllString(a, "W0$1") == isoWeek.ReplaceAllString(b, "W0$1")
}
