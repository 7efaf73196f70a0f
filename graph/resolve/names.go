package resolve

import (
	"fmt"
	"maps"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

// PersonNames is a multiset of person names: for each name key
// (PersonKey), the names written under it and how many records carry
// each. Person resolution depends on the records through it alone: every
// record of a name gets the same decision (DecidePersons), so a store can
// keep the multiset and the decision of each name instead of re-reading
// its records.
type PersonNames map[string]map[string]int

// Add counts n more records of a name, or -n fewer when n < 0; a name
// whose count reaches zero, and a key left with no name, are dropped.
func (pn PersonNames) Add(name string, n int) {
	k := personKey(name)
	m := pn[k]
	if m == nil {
		if n <= 0 {
			return
		}
		m = map[string]int{}
		pn[k] = m
	}
	if m[name] += n; m[name] <= 0 {
		delete(m, name)
		if len(m) == 0 {
			delete(pn, k)
		}
	}
}

// PersonKey is the key under which resolution compares person names: the
// slug without one-letter parts ("Donald J. Trump" is "donald-trump").
func PersonKey(name string) string { return personKey(name) }

// PersonDecision is what resolution decides for every record of one
// person name.
type PersonDecision struct {
	Canonical quad.IRI
	Name      string // the canonical name
	Rule      string
}

// DecidePersons decides every name of names as Resolve decides the
// records that carry it. Given the names that PersonReach returns for a
// change, it decides them as a resolution of the whole store would.
func DecidePersons(names PersonNames, opts Options) map[string]PersonDecision {
	return decidePersons(names, opts.withDefaults())
}

// NameIndex looks up the person names of a store by key.
type NameIndex interface {
	// Names returns the names written under a key and how many records
	// carry each; none for a key no record has.
	Names(key string) map[string]int
	// FullKeys returns the keys of two or more parts whose first or last
	// part is the one-part key part.
	FullKeys(part string) []string
}

// PersonReach returns the names of the components of keys: the keys a
// resolution can join to them, and the keys those can join, and so on,
// through a single name that is the first or last part of a full one and
// through the aliases file's pins. No decision outside the result
// depends on a name inside it, nor the other way round, so a change of
// the names under keys is resolved by DecidePersons on the result alone.
//
// It costs O(k) index lookups for the k keys of the components, and
// O(P) for the aliases file's P pins once.
func PersonReach(keys []string, idx NameIndex, opts Options) PersonNames {
	opts = opts.withDefaults()
	pinned := map[string][]string{} // key -> keys a pin ties it to
	pinKeys := map[string]bool{}
	for _, p := range opts.Aliases.Pins {
		ka, kb := personKey(p.A), personKey(p.B)
		pinned[ka] = append(pinned[ka], kb)
		pinned[kb] = append(pinned[kb], ka)
		pinKeys[ka], pinKeys[kb] = true, true
	}
	// A pin can make a key with no record of its own (resolvePersons):
	// a full one joins single names by its parts as any other does.
	pinnedFull := map[string][]string{} // part -> pinned full keys
	for k := range pinKeys {
		if first, last, ok := nameParts(k); ok {
			pinnedFull[first] = append(pinnedFull[first], k)
			pinnedFull[last] = append(pinnedFull[last], k)
		}
	}
	out := PersonNames{}
	seen := map[string]bool{}
	queue := append([]string(nil), keys...)
	start := map[string]bool{}
	for _, k := range keys {
		start[k] = true
	}
	exists := func(k string) bool { return pinKeys[k] || len(idx.Names(k)) > 0 }
	for len(queue) > 0 {
		k := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if seen[k] {
			continue
		}
		seen[k] = true
		if names := idx.Names(k); len(names) > 0 {
			out[k] = maps.Clone(names)
		} else if !pinKeys[k] && !start[k] {
			continue // no record, no pin: no key of the store
		}
		// A key of the change that has no record left still held its
		// neighbours together before: they are reached through it.
		queue = append(queue, pinned[k]...)
		if first, last, ok := nameParts(k); ok {
			for _, p := range []string{first, last} {
				if !seen[p] && exists(p) {
					queue = append(queue, p)
				}
			}
			continue
		}
		queue = append(queue, idx.FullKeys(k)...)
		queue = append(queue, pinnedFull[k]...)
	}
	return out
}

// nameParts returns the first and last part of a key of two or more
// parts.
func nameParts(k string) (first, last string, ok bool) {
	first, rest, ok := strings.Cut(k, "-")
	if !ok {
		return "", "", false
	}
	return first, rest[strings.LastIndexByte(rest, '-')+1:], true
}

// decidePersons is DecidePersons with opts already defaulted.
func decidePersons(in PersonNames, opts Options) map[string]PersonDecision {
	names := maps.Clone(in) // pins add keys of their own
	u := newUnionFind()
	for k := range names {
		u.add(k)
	}
	forbidden := map[[2]string]bool{}
	for _, f := range opts.Aliases.Forbids {
		forbidden[[2]string{personKey(f.A), personKey(f.B)}] = true
	}
	reason := map[string]string{}
	pinned := map[string]string{} // key -> pinned name
	for _, p := range opts.Aliases.Pins {
		ka, kb := personKey(p.A), personKey(p.B)
		if names[ka] == nil {
			continue // the pin names nobody in the store
		}
		u.add(kb)
		if names[kb] == nil {
			names[kb] = map[string]int{}
		}
		if u.union(ka, kb, forbidden) {
			pinned[kb] = p.B
			reason[ka] = fmt.Sprintf("pinned to %s by %s", p.B, p.Where)
		}
	}
	// A single name joins the one person it can be.
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// The full names by their first and by their last part, so that a
	// single name looks only at the names it can be: linear in the
	// names, not in their square.
	byFirst, byLast := map[string][]string{}, map[string][]string{}
	for _, f := range keys {
		if first, last, ok := nameParts(f); ok {
			byFirst[first] = append(byFirst[first], f)
			byLast[last] = append(byLast[last], f)
		}
	}
	type join struct{ single, full string }
	var joins []join
	for _, k := range keys {
		if strings.Contains(k, "-") || u.find(k) != k || len(u.members[k]) > 1 {
			continue
		}
		cands := map[string]string{} // root -> its first full key
		fits := byLast[k]
		if !opts.GivenName(displayName(names[k])) {
			fits = append(fits[:len(fits):len(fits)], byFirst[k]...)
		}
		for _, f := range fits {
			r := u.find(f)
			if c, ok := cands[r]; !ok || f < c {
				cands[r] = f
			}
		}
		switch len(cands) {
		case 0:
		case 1:
			for _, f := range cands {
				joins = append(joins, join{k, f})
			}
		default:
			var alts []string
			for _, f := range cands {
				alts = append(alts, displayName(names[f]))
			}
			sort.Strings(alts)
			reason[k] = fmt.Sprintf("kept apart: %s could be %s", displayName(names[k]), strings.Join(alts, " or "))
		}
	}
	for _, j := range joins {
		if u.union(j.single, j.full, forbidden) {
			reason[j.single] = fmt.Sprintf("%s is the only person in the store it can name", displayName(names[j.single]))
		} else {
			reason[j.single] = "kept apart by the aliases file"
		}
	}
	canon := canonicalNames(u, names, pinned, better)
	out := make(map[string]PersonDecision, len(in))
	eachNameDecision(in, func(k string) string { return canon[u.find(k)] }, reason, personKey, schema.PersonIRI,
		"case, accents, hyphens, dots and initials", func(n, name string, iri quad.IRI, rule string) {
			out[n] = PersonDecision{Canonical: iri, Name: name, Rule: rule}
		})
	return out
}

// canonicalNames gives each group of u, by its root, its canonical
// name: the pinned name of a member, or the best of its names.
func canonicalNames(u *unionFind, names map[string]map[string]int, pinned map[string]string, better func(n string, c int, best string, bestN int) bool) map[string]string {
	canon := map[string]string{}
	for root, members := range u.members {
		best, bestN := "", 0
		for _, k := range members {
			if n, ok := pinned[k]; ok {
				best = n
				break
			}
			for n, c := range names[k] {
				if better(n, c, best, bestN) {
					best, bestN = n, c
				}
			}
		}
		canon[root] = best
	}
	return canon
}

// eachNameDecision calls f with every name written under a key of
// names, the canonical name of its key's group, that name's IRI and the
// rule that explains the decision; ignored says what the key folds
// away.
func eachNameDecision(names map[string]map[string]int, canonical func(key string) string, reason map[string]string,
	fold func(string) string, iriOf func(string) quad.IRI, ignored string, f func(n, name string, iri quad.IRI, rule string)) {
	iris := map[string]quad.IRI{} // canonical name -> its IRI, made once
	for k, written := range names {
		name := canonical(k)
		iri, ok := iris[name]
		if !ok {
			iri = iriOf(name)
			iris[name] = iri
		}
		for n := range written {
			rule := reason[k]
			switch {
			case rule != "":
			case n == name:
				rule = "named " + name
			case k == fold(name):
				rule = "same name as " + name + " once " + ignored + " are ignored"
			default:
				rule = "joined " + name + " through another of its names"
			}
			f(n, name, iri, rule)
		}
	}
}

// OrgNames is what organization resolution depends on: the multiset of
// names by key (OrgKey), and the aliases the records give their names,
// in the records' order (an alias joins two names, and the first record
// that joins them is the one an explanation cites).
type OrgNames struct {
	Names   map[string]map[string]int
	Aliases []OrgAlias
}

// OrgAlias is one alias one record gives an organization's name.
type OrgAlias struct {
	Article quad.IRI
	Index   int // the record's place among the article's, or among all
	Pos     int // the alias's place among the record's
	Name    string
	Alias   string
}

// OrgKey is the key under which resolution compares organization names:
// the slug without hyphens and a leading "The".
func OrgKey(name string) string { return orgKey(name) }

// OrgDecision is what resolution decides for every record of one
// organization name.
type OrgDecision struct {
	Canonical quad.IRI
	Rule      string
}

// DecideOrganizations decides every name of s as Resolve decides the
// records that carry it, s.Aliases being in the records' order (article,
// then index, then position). Given what OrgReach returns for a change, it decides them
// as a resolution of the whole store would.
func DecideOrganizations(s OrgNames, al *Aliases) map[string]OrgDecision {
	if al == nil {
		al = &Aliases{}
	}
	return decideOrganizations(s, al)
}

// OrgIndex looks up the organization names of a store by key.
type OrgIndex interface {
	// Names returns the names written under a key and how many records
	// carry each.
	Names(key string) map[string]int
	// Aliases returns the aliases given by the records of a key's names
	// and those that are a name of the key, in any order.
	Aliases(key string) []OrgAlias
}

// OrgReach returns the names and aliases of the components of keys, the
// keys of the names and aliases that a change adds or removes: the keys
// that an alias or a pin can join to them, and so on. No decision
// outside the result depends on a name inside it, nor the other way
// round. It costs O(k + a) index lookups and a sort of the a aliases of
// the components' k keys, and O(P) for the aliases file's P pins.
func OrgReach(keys []string, idx OrgIndex, al *Aliases) OrgNames {
	pinned := map[string][]string{}
	if al != nil {
		for _, p := range al.Pins {
			ka, kb := orgKey(p.A), orgKey(p.B)
			pinned[ka] = append(pinned[ka], kb)
			pinned[kb] = append(pinned[kb], ka)
		}
	}
	out := OrgNames{Names: map[string]map[string]int{}}
	type occurrence struct {
		article quad.IRI
		index   int
		pos     int
	}
	taken := map[occurrence]bool{}
	seen := map[string]bool{}
	queue := append([]string(nil), keys...)
	for len(queue) > 0 {
		k := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if seen[k] {
			continue
		}
		seen[k] = true
		if names := idx.Names(k); len(names) > 0 {
			out.Names[k] = maps.Clone(names)
		}
		queue = append(queue, pinned[k]...)
		for _, a := range idx.Aliases(k) {
			queue = append(queue, orgKey(a.Name), orgKey(a.Alias))
			o := occurrence{a.Article, a.Index, a.Pos}
			if !taken[o] {
				taken[o] = true
				out.Aliases = append(out.Aliases, a)
			}
		}
	}
	sort.Slice(out.Aliases, func(i, j int) bool {
		a, b := out.Aliases[i], out.Aliases[j]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Index != b.Index {
			return a.Index < b.Index
		}
		return a.Pos < b.Pos
	})
	return out
}

// decideOrganizations is DecideOrganizations with al not nil.
func decideOrganizations(s OrgNames, al *Aliases) map[string]OrgDecision {
	u := newUnionFind()
	names := s.Names
	for k := range names {
		u.add(k)
	}
	forbidden := map[[2]string]bool{}
	for _, f := range al.Forbids {
		forbidden[[2]string{orgKey(f.A), orgKey(f.B)}] = true
	}
	reason := map[string]string{}
	for _, p := range al.Pins {
		ka, kb := orgKey(p.A), orgKey(p.B)
		if names[ka] != nil && names[kb] != nil && u.union(ka, kb, forbidden) {
			reason[ka] = fmt.Sprintf("pinned to %s by %s", p.B, p.Where)
		}
	}
	folded := &keyCache{fold: orgKey, keys: map[string]string{}}
	for _, a := range s.Aliases {
		k, ka := folded.key(a.Name), folded.key(a.Alias)
		if ka != k && names[ka] != nil && u.union(k, ka, forbidden) && reason[ka] == "" {
			reason[ka] = fmt.Sprintf("%s is another name of %s in %s", a.Alias, a.Name, a.Article)
		}
	}
	canon := canonicalNames(u, names, nil, betterOrgName)
	out := map[string]OrgDecision{}
	eachNameDecision(names, func(k string) string { return canon[u.find(k)] }, reason, orgKey, schema.OrganizationIRI,
		"case, punctuation and a leading \"The\"", func(n, _ string, iri quad.IRI, rule string) {
			out[n] = OrgDecision{Canonical: iri, Rule: rule}
		})
	return out
}
