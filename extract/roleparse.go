package extract

import "strings"

// appointingVerbs give a person an office or say that they hold one
// (data/appointing.txt), and of those conferringVerbs give it to their
// object alone (data/conferring.txt); officeNouns stand for the office named after
// them with "of" or "as" (data/offices.txt); replacingVerbs pass an office from their object to their subject
// (data/replacing.txt).
var (
	appointingVerbs = readList("appointing.txt")
	copulaForms     = readList("copulas.txt")
	officeNouns     = readList("offices.txt")
	replacingVerbs  = readList("replacing.txt")
	conferringVerbs = readList("conferring.txt")
)

// parsedRoles reads the roles of sentence si from its dependency parse
// (relations of Universal Dependencies v2,
// https://universaldependencies.org/u/dep/):
//
//   - the subject, passive or not, or the object of an appointing verb,
//     and the title that is the verb's complement (xcomp, a second obj)
//     or its "as", "for" or "to" oblique: "Tanaka has been appointed as
//     the new trade minister", "Park was named the new culture minister",
//     "Kim was tapped for the new minister of oceans", "Ramli will take
//     over as home minister", "Abe appointed Aso finance minister";
//   - an office noun in place of the title: "Sabu will assume the post
//     of Minister of Rural Development";
//   - the same verbs, or a copula, in a relative clause on the name:
//     "Nakatani, who worked as an aide", "Bernard, who was the social
//     secretary";
//   - a copula, either way round: "Zafrul is now Minister of Home
//     Affairs", "Canada's new Finance Minister is Dominic LeBlanc";
//   - both the subject and the object of a replacing verb: "Hammond
//     replaces William Hague as foreign secretary"; and the object of a
//     replacing verb that hangs from a clause giving an office: "Saito
//     has been moved to finance minister, replacing Yoji Muto".
//
// The subject of an active appointing verb with a person for object gives
// the office and holds none: "Cameron appointed Hammond as foreign
// minister".
//
// Only sentences that name a person and hold an appointing verb or a
// copula are parsed for it. The cost is one parse of such a sentence and
// a pass over its words per name.
func (x *extraction) parsedRoles(si int) {
	toks := x.sents[si].toks
	var people []int
	for _, mi := range x.sentMentions(si) {
		if x.acceptedPerson(mi) || x.unconfirmedName(mi) {
			people = append(people, mi)
		}
	}
	if len(people) == 0 || !x.mayAppoint(si, toks) {
		return
	}
	p := x.parse(si)
	if p == nil {
		return
	}
	for _, mi := range people {
		m := &x.mentions[mi]
		w := p.nameHead(m.a, m.b)
		for _, t := range p.titlesOf(w, p.wordOf[m.a], p.wordOf[m.b-1]) {
			if r, from, to, ok := x.titleAt(si, p, t); ok {
				r.Confidence = 0.8
				// "Siti Aminah will be the new Minister of Rural
				// Development": an office given confirms a name that no
				// first name or title did.
				x.persons[m.person].accepted = true
				x.addRole(mi, r, si, from, to)
			}
		}
		if !x.acceptedPerson(mi) {
			continue
		}
		if r, to, ok := x.successorRole(si, p, mi, people); ok {
			r.Confidence = 0.7
			x.addRole(mi, r, si, m.a, to)
		}
	}
}

// unconfirmedName reports whether mention mi is a name of two words or
// more, in the body, that nothing has confirmed as a person's yet: no
// known first name, no title, no cue.
func (x *extraction) unconfirmedName(mi int) bool {
	m := &x.mentions[mi]
	if m.kind != kindPerson || m.person < 0 || m.person >= len(x.persons) || m.b-m.a < 2 {
		return false
	}
	c := x.persons[m.person]
	return !c.accepted && c.body
}

// successorRole gives the subject of a replacing verb, or of a verb
// whose complement it is, the title written before the name of the one
// replaced: "Choi Min-ho was chosen to succeed Defense Minister Song
// Young-moo". A replacing verb with an "as" phrase names the office
// itself (titlesOf). It returns the role and the token after the
// replaced name.
func (x *extraction) successorRole(si int, p *parsed, mi int, people []int) (Role, int, bool) {
	m := &x.mentions[mi]
	w := p.nameHead(m.a, m.b)
	if rel := p.rel(w); rel != "nsubj" && rel != "nsubj:pass" {
		return Role{}, 0, false
	}
	v := p.head(w)
	verbs := []int{v}
	for i := range p.words {
		if p.head(i) == v && p.rel(i) == "xcomp" {
			verbs = append(verbs, i) // "was picked to replace"
		}
	}
	toks := x.sents[si].toks
	for _, rv := range verbs {
		if !replacingVerbs[strings.ToLower(p.words[rv].Form)] || p.hasOblique(rv, "as") || p.hasOblique(rv, "with") {
			continue // "replaced X with Y": the subject gives the office
		}
		for _, mj := range people {
			o := &x.mentions[mj]
			if mj == mi || o.person == m.person {
				continue
			}
			h := p.nameHead(o.a, o.b)
			if p.head(h) != rv || p.rel(h) != "obj" || o.b < len(toks) && toks[o.b].lower == "with" {
				continue
			}
			if r, ok := x.preModifierRole(toks, o.a); ok {
				r.Former, r.Evidence = false, Span{}
				return r, o.b, true
			}
		}
	}
	return Role{}, 0, false
}

// hasOblique reports whether verb v has an oblique marked with the
// preposition prep.
func (p *parsed) hasOblique(v int, prep string) bool {
	for i := range p.words {
		if p.head(i) == v && p.rel(i) == "obl" && p.hasChildForm(i, "case", prep) {
			return true
		}
	}
	return false
}

// mayAppoint reports whether toks, sentence si, hold an appointing or
// replacing verb or a copula with a title close after it or just before
// it, a title that does not
// stand before a name: the sentences worth a parse for parsedRoles. A
// title before a name is read without one (findRoles).
func (x *extraction) mayAppoint(si int, toks []token) bool {
	last, reach := -100, 0 // the last appointing verb or copula, and how far its title may be
	replacing := -100      // the last replacing verb
	for k, t := range toks {
		lw := t.lower
		switch {
		case appointingVerbs[lw] || replacingVerbs[lw]:
			last, reach = k, 8
			if replacingVerbs[lw] {
				replacing = k
			}
			continue
		case copulaForms[lw]:
			last, reach = k, 5
			continue
		}
		if !titleEnds[lw] {
			continue
		}
		if k+1 < len(toks) && x.personAt(si, k+1) >= 0 {
			// "replace Defense Minister Lee": the successor's office
			// (successorRole).
			if k-replacing <= 5 {
				return true
			}
			continue
		}
		// The title follows the verb closely ("was named the new
		// culture minister", "took over as minister of state for
		// energy", "is the new Foreign Secretary"), or comes just before
		// a copula and a name ("the new Foreign Minister is Motegi").
		if k-last <= reach || k+2 < len(toks) && copulaForms[toks[k+1].lower] && x.personAt(si, k+2) >= 0 {
			return true
		}
	}
	return false
}

// titleEnds are the last words of the titles.
var titleEnds = func() map[string]bool {
	m := map[string]bool{}
	for t := range titles {
		m[t[strings.LastIndexByte(t, ' ')+1:]] = true
	}
	return m
}()

// nameHead returns the word that stands for the name at tokens [a, b):
// the name's own head, or the title before it that the parse made the
// head ("Justice Minister Yoko Kamikawa" with "Kamikawa" flat under
// "Justice"), or the common noun before it that the name is in apposition
// to, or the first of a coordination of persons.
func (p *parsed) nameHead(a, b int) int {
	w := p.spanHead(a, b)
	from := p.wordOf[a]
	for range len(p.words) {
		h := p.head(w)
		if h < 0 {
			break
		}
		switch p.rel(w) {
		case "flat", "compound":
			if h < from {
				w = h
				continue
			}
		case "conj":
			if p.personLike(h) {
				w = h
				continue
			}
		case "appos":
			// "lawyer and activist Ana Reyes was confirmed": a name set right after the common noun that
			// describes its bearer, with no comma between, stands in the
			// noun's place.
			if h < from && p.words[h].UPOS == "NOUN" && !p.formBetween(h, from, ",") {
				w = h
				continue
			}
		}
		break
	}
	return w
}

// formBetween reports whether a word strictly between words a and b is
// written form.
func (p *parsed) formBetween(a, b int, form string) bool {
	for i := a + 1; i < b; i++ {
		if p.words[i].Form == form {
			return true
		}
	}
	return false
}

// titlesOf returns the words that may head a title that the name whose
// words are [first, last] and whose head is w holds: see parsedRoles.
func (p *parsed) titlesOf(w, first, last int) []int {
	var out []int
	h := p.head(w)
	switch p.rel(w) {
	case "nsubj":
		switch {
		case h < 0:
		case p.hasChild(h, "cop"):
			out = append(out, h) // "Zafrul is now Minister of Home Affairs"
		case p.words[w].Rel == "nsubj" && p.appointsSomeone(h):
			// "Cameron appointed Hammond as foreign minister": the
			// subject gives the office.
		case p.appointing(h):
			out = append(out, p.complements(h, w)...)
		}
	case "obj":
		if p.appointing(h) {
			out = append(out, p.complements(h, w)...)
		}
		// "Saito has been moved to finance minister, replacing Muto",
		// "Zafrul becomes Minister of Home Affairs to replace Abdullah":
		// the one replaced held the office of the clause that the
		// replacing verb, a participle or an infinitive, hangs from.
		if h >= 0 && replacingVerbs[strings.ToLower(p.words[h].Form)] && (p.rel(h) == "advcl" || p.rel(h) == "xcomp" || p.rel(h) == "acl") {
			switch P := p.head(h); {
			case P < 0:
			case p.hasChild(P, "cop"):
				out = append(out, P)
			case p.appointing(P):
				out = append(out, p.complements(P, -1)...)
			}
		}
	}
	for c := range p.words {
		switch {
		case p.relativeOn(c, last):
			// "Nakatani, who worked as an aide", "Bernard, who was the
			// social secretary": the clause's "who" follows
			// the name, wherever and with whatever relation the parse
			// attached the clause.
			if p.hasChild(c, "cop") {
				out = append(out, c)
			} else if p.appointing(c) && !p.appointsSomeone(c) {
				// not "Annan, who appointed a diplomat as his envoy":
				// the office is the object's
				out = append(out, p.complements(c, -1)...)
			}
		case p.head(c) == w && p.rel(c) == "nsubj" && (c < first || c > last):
			// "Japan's new Foreign Minister is Motegi"
			if p.hasChild(w, "cop") {
				out = append(out, c)
			}
		}
	}
	return out
}

// relativeOn reports whether the relative clause headed by v opens with
// "who" or "that" as its subject right after word last, a comma between.
func (p *parsed) relativeOn(v, last int) bool {
	for c := range p.words {
		if p.head(c) != v || p.rel(c) != "nsubj" {
			continue
		}
		switch strings.ToLower(p.words[c].Form) {
		case "who", "that":
		default:
			return false
		}
		k := last + 1
		if k < c && p.words[k].Form == "," {
			k++
		}
		return k == c
	}
	return false
}

// appointing reports whether word v is an appointing or a replacing
// verb.
func (p *parsed) appointing(v int) bool {
	if v < 0 || p.words[v].UPOS != "VERB" {
		return false
	}
	f := strings.ToLower(p.words[v].Form)
	return appointingVerbs[f] || replacingVerbs[f]
}

// appointsSomeone reports whether verb v, active, gives an office to its
// object: a conferring verb with any object ("nominated a ruling party
// lawmaker for defense minister"), or another appointing verb, not a
// replacing one, with a name or a pronoun for object, not a title
// ("became the first Canadian Prime Minister").
func (p *parsed) appointsSomeone(v int) bool {
	form := strings.ToLower(p.words[v].Form)
	if replacingVerbs[form] {
		return false
	}
	for c := range p.words {
		if p.head(c) != v || p.rel(c) != "obj" {
			continue
		}
		if conferringVerbs[form] || (p.words[c].UPOS == "PROPN" || p.words[c].UPOS == "PRON") && !titles[strings.ToLower(p.words[c].Form)] {
			return true
		}
	}
	return false
}

// hasChild reports whether word h has a dependent with relation rel.
func (p *parsed) hasChild(h int, rel string) bool { return p.child(h, rel) >= 0 }

// complements returns the dependents of verb v that may name the office
// it gives, other than the word not: its xcomp and obj, and its obl
// marked "as", "for" or "to". An office noun ("the post of X", "a new
// post as Chief Whip") gives way to the title it names.
func (p *parsed) complements(v, not int) []int {
	var out []int
	for c := range p.words {
		if c == not || p.head(c) != v {
			continue
		}
		switch p.rel(c) {
		case "xcomp", "obj":
		case "obl":
			switch strings.ToLower(p.caseOf(c)) {
			case "as", "for", "to":
			default:
				continue
			}
		default:
			continue
		}
		if officeNouns[strings.ToLower(p.words[c].Lemma)] {
			for n := range p.words {
				if p.head(n) == c && p.rel(n) == "nmod" && (strings.EqualFold(p.caseOf(n), "of") || strings.EqualFold(p.caseOf(n), "as")) {
					c = n
					break
				}
			}
		}
		out = append(out, c)
		// "served as the minister for trade and as minister of state
		// for housing": a conjunct of the office, or one inside its
		// phrase that repeats its case marker, which the parser may
		// hang on the nearest noun ("trade").
		marker := p.caseOf(c)
		for k := range p.words {
			if p.rel(k) != "conj" {
				continue
			}
			if p.head(k) == c || (marker != "" && strings.EqualFold(p.caseOf(k), marker) && p.dominates(c, k)) {
				out = append(out, k)
			}
		}
	}
	return out
}

// caseOf returns the form of word w's case marker, or "".
func (p *parsed) caseOf(w int) string {
	for c := range p.words {
		if p.head(c) == w && p.rel(c) == "case" {
			return p.words[c].Form
		}
	}
	return ""
}

// dominates reports whether word w lies in word a's subtree, below a.
func (p *parsed) dominates(a, w int) bool {
	for steps := 0; steps < len(p.words); steps++ {
		w = p.head(w)
		if w < 0 {
			return false
		}
		if w == a {
			return true
		}
	}
	return false
}

// subtreeStart returns the leftmost word of word w's subtree.
func (p *parsed) subtreeStart(w int) int {
	lo := w
	for c := 0; c < lo; c++ {
		for h := c; h >= 0; h = p.head(h) {
			if h == w {
				lo = c
				break
			}
			if h == p.head(h) {
				break
			}
		}
		if lo == c {
			break
		}
	}
	return lo
}

// titleAt reads the title whose head word is t: the longest role words
// ("the new foreign minister", "a former Minister of Higher Education")
// that start in t's phrase and cover t. It returns the role and its
// token range.
func (x *extraction) titleAt(si int, p *parsed, t int) (r Role, from, to int, ok bool) {
	toks := x.sents[si].toks
	tt := p.tokOf[t]
	for start := p.tokOf[p.subtreeStart(t)]; start <= tt; start++ {
		if mi := x.personAt(si, start); mi >= 0 {
			// The subject inside a copula's predicate: "Hammond is the
			// new Foreign Secretary".
			start = x.mentions[mi].b - 1
			continue
		}
		r, end, ok := x.roleWords(toks, start)
		if ok && end > tt {
			if x.personAt(si, end) >= 0 {
				// "replaced Defense Secretary Lloyd Austin": the title
				// of the name it stands before.
				return Role{}, 0, 0, false
			}
			return r, start, end, true
		}
	}
	return Role{}, 0, 0, false
}
