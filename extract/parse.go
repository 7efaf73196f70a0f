package extract

import (
	"os"
	"strings"

	"github.com/kg-news/kg/extract/syntax"
)

// parsed is the dependency parse of one sentence. Its words are the
// sentence's tokens with contractions split ("do" + "n't"); wordOf maps a
// token to its first word.
type parsed struct {
	words  []syntax.Token
	wordOf []int
	tokOf  []int
}

// maxParsedTokens bounds the sentences read through the parse: a longer
// run of tokens is a list or a page's furniture rather than a sentence,
// and the rules over the parse look at pairs of its words.
const maxParsedTokens = 120

// parse returns the parse of sentence si, parsing it on first use; nil
// when kg has no parser or the sentence is longer than maxParsedTokens.
func (x *extraction) parse(si int) *parsed {
	if x.noParser || len(x.sents[si].toks) > maxParsedTokens {
		return nil
	}
	if p, ok := x.parses[si]; ok {
		return p
	}
	if x.annotator == nil {
		if a, ok := x.annotators.Get().(*syntax.Annotator); ok {
			x.annotator = a
		} else {
			m, err := syntax.Default() // loaded on the first sentence that needs it
			if err != nil {
				x.noParser = true // events then come from word patterns alone
				return nil
			}
			x.annotator = m.NewAnnotator()
		}
		x.parses = make(map[int]*parsed)
	}
	toks := x.sents[si].toks
	p := &parsed{wordOf: make([]int, len(toks))}
	s := syntax.Sentence{Tokens: make([]syntax.Token, 0, len(toks)+2)}
	for i, t := range toks {
		p.wordOf[i] = len(s.Tokens)
		cut := syntax.SplitClitic(t.text)
		if cut < len(t.text) && cut > 0 {
			s.Tokens = append(s.Tokens, syntax.Token{Form: t.text[:cut]})
			p.tokOf = append(p.tokOf, i)
			s.Tokens = append(s.Tokens, syntax.Token{Form: t.text[cut:]})
		} else {
			s.Tokens = append(s.Tokens, syntax.Token{Form: t.text})
		}
		p.tokOf = append(p.tokOf, i)
	}
	x.annotator.AnnotateKnown(&s, x.knownWords(si, p, len(s.Tokens)))
	p.words = s.Tokens
	p.repairPrepositionHeads()
	p.repairSubjects()
	p.repairParentheticalSubjects()
	p.repairAppositions()
	p.repairTitledNames()
	x.parses[si] = p
	if os.Getenv("KG_DEBUG_PARSE") != "" {
		syntax.WriteCoNLLU(os.Stderr, []syntax.Sentence{s})
	}
	return p
}

// knownWords marks what kg knows of the words of sentence si before the
// tagger sees them: the words of the persons' names recognized in it are
// proper nouns, and a demonym written as an adjective ("Kenyan" in
// "Kenyan President William Ruto") is an adjective; nil when it knows
// nothing.
func (x *extraction) knownWords(si int, p *parsed, n int) []syntax.Known {
	var known []syntax.Known
	mark := func(w int, k syntax.Known) {
		if known == nil {
			known = make([]syntax.Known, n)
		}
		known[w] = k
	}
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		switch {
		case m.kind == kindPerson || m.kind == kindUnknown:
			for t := m.a; t < m.b; t++ {
				mark(p.wordOf[t], syntax.KnownName)
			}
		case m.kind == kindPlace && m.placeKind == "demonym" && x.countryName(m.text) == nil:
			mark(p.wordOf[m.b-1], syntax.KnownAdjective)
		}
	}
	return known
}

// repairSubjects mends one frequent error of a greedy parser: after a
// fronted phrase, the subject of a finite verb taken for an apposition
// of the phrase's last noun ("In addition to his talks with Lula, Modi
// also held ...", with "Modi" an appos of "Lula"). A finite
// verb with no subject, whose nearest word before it (adverbs aside)
// ends a name or noun that an apposition after a comma attached to the
// left, takes that word as its subject. So does a verb whose subject is
// introduced by a preposition ("with Biden"), which no subject is; that
// phrase then modifies the noun before it.
func (p *parsed) repairSubjects() {
	for v := range p.words {
		switch p.words[v].XPOS {
		case "VBD", "VBZ", "VBP":
		case "VBN":
			// a root participle without an auxiliary is a past tense
			// the tagger misread ("Erdogan also held")
			if p.head(v) >= 0 || p.hasChild(v, "aux") {
				continue
			}
		default:
			continue
		}
		if p.hasChild(v, "expl") {
			continue
		}
		subj := p.child(v, "nsubj")
		if subj >= 0 && !p.prepositional(subj) {
			continue
		}
		k := v - 1
		for k >= 0 && p.head(k) == v && p.rel(k) == "advmod" {
			k--
		}
		if k <= 0 {
			continue
		}
		for p.rel(k) == "flat" && p.head(k) < k && p.head(k) >= 0 {
			k = p.head(k) // the name's first word heads it
		}
		h := p.head(k)
		if p.rel(k) != "appos" || h < 0 || h >= k || k == 0 || p.words[k-1].Form != "," {
			continue
		}
		p.words[k].Head, p.words[k].Rel = v+1, "nsubj"
		if subj >= 0 {
			p.attachLow(subj)
		}
	}
}

// repairParentheticalSubjects mends a subject lost behind a parenthesis:
// "while Jane Roe, who had advised the premier, has been appointed as
// trade minister", "Lee, a former general, was named defence minister",
// where a greedy parser hangs the name on the word before it and leaves
// the verb with no subject, or with a subject that is no noun. A finite
// verb, or a participle with an auxiliary, that has no nominal subject
// and is preceded (its auxiliaries and adverbs aside) by a comma that
// closes a parenthesis of no other comma, opened right after a proper
// noun, takes that noun as its subject.
func (p *parsed) repairParentheticalSubjects() {
	for v := range p.words {
		switch p.words[v].XPOS {
		case "VBD", "VBZ", "VBP":
		case "VBN":
			if !p.hasChild(v, "aux") { // "aux" and "aux:pass"
				continue
			}
		default:
			continue
		}
		if p.words[v].UPOS != "VERB" || p.hasChild(v, "expl") || p.hasChild(v, "csubj") {
			continue
		}
		old := p.child(v, "nsubj")
		if old >= 0 {
			switch p.words[old].UPOS {
			case "NOUN", "PROPN", "PRON", "NUM":
				continue
			}
		}
		k := v - 1
		for k >= 0 && p.head(k) == v && (p.rel(k) == "aux" || p.rel(k) == "advmod") {
			k--
		}
		if k < 0 || p.words[k].Form != "," {
			continue
		}
		open := k - 1
		for open >= 0 && p.words[open].Form != "," {
			open--
		}
		if open < 1 || open == k-1 {
			continue
		}
		s := open - 1
		for p.rel(s) == "flat" && p.head(s) >= 0 && p.head(s) < s {
			s = p.head(s) // the name's first word heads it
		}
		if p.words[s].UPOS != "PROPN" || p.dominates(s, v) {
			continue
		}
		if old >= 0 {
			p.words[old].Rel = "dep" // a word read as the subject that no noun is
		}
		rel := "nsubj"
		for c := range p.words {
			if p.head(c) == v && p.words[c].Rel == "aux:pass" {
				rel = "nsubj:pass"
			}
		}
		p.words[s].Head, p.words[s].Rel = v+1, rel
	}
}

// child returns the first dependent of word h with relation rel, or -1.
func (p *parsed) child(h int, rel string) int {
	for c := range p.words {
		if p.head(c) == h && p.rel(c) == rel {
			return c
		}
	}
	return -1
}

// prepositional reports whether word w is introduced by a preposition
// ("with Biden"): such a phrase is never a subject.
func (p *parsed) prepositional(w int) bool {
	for c := 0; c < w; c++ {
		if p.head(c) == w && p.rel(c) == "case" && p.words[c].UPOS == "ADP" {
			return true
		}
	}
	return false
}

// attachLow attaches the prepositional phrase headed by w, taken for a
// subject, to the nearest noun before its preposition ("his meeting with
// Biden"), as a nominal modifier; with none, it stays on its verb as an
// oblique.
func (p *parsed) attachLow(w int) {
	first := w
	for c := 0; c < w; c++ {
		if p.head(c) == w {
			first = c
			break
		}
	}
	for n := first - 1; n >= 0; n-- {
		switch p.words[n].UPOS {
		case "NOUN", "PROPN", "PRON":
			if p.head(n) != w {
				p.words[w].Head, p.words[w].Rel = n+1, "nmod"
				return
			}
		}
	}
	p.words[w].Rel = "obl"
}

// repairAppositions mends a name read as a nominal modifier of the
// common noun right before it: "the anti-apartheid icon Nelson Mandela"
// with "Nelson" an nmod of "icon", or "his counterpart Raul Castro" with
// "Castro" an nmod:desc of "counterpart" (in the treebank a title before
// a name describes the name, never the other way round). A nominal
// modifier is introduced by a case marker ("the funeral of X") or is a
// genitive; a name that follows its noun with neither, only its own
// words between, is the noun's apposition.
func (p *parsed) repairAppositions() {
	for w := 1; w < len(p.words); w++ {
		h := p.head(w)
		if h < 0 || h >= w || p.words[w].Rel != "nmod" && p.words[w].Rel != "nmod:desc" ||
			p.words[w].UPOS != "PROPN" || p.words[h].UPOS != "NOUN" || p.hasChild(w, "case") {
			continue
		}
		between := true
		for k := h + 1; k < w; k++ {
			between = between && p.head(k) == w && p.words[k].UPOS == "PROPN"
		}
		if between {
			p.words[w].Rel = "appos"
		}
	}
}

// repairPrepositionHeads mends a preposition read as the head of its
// phrase: "meet with his counterpart" with "with" an obl of "meet" and
// "counterpart" its obj. In the treebank a preposition heads nothing but
// fixed words: its noun takes its place in the sentence, and it becomes
// the noun's case marker.
func (p *parsed) repairPrepositionHeads() {
	for a := range p.words {
		if p.words[a].UPOS != "ADP" || p.head(a) < 0 {
			continue
		}
		switch p.rel(a) {
		case "obl", "nmod", "obj", "advmod":
		default:
			continue
		}
		n := -1
		for c := a + 1; c < len(p.words); c++ {
			if p.head(c) != a {
				continue
			}
			switch p.rel(c) {
			case "obj", "obl", "nmod":
				if u := p.words[c].UPOS; n < 0 && (u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM") {
					n = c
				}
			}
		}
		if n < 0 {
			continue
		}
		rel := "obl"
		if u := p.words[p.head(a)].UPOS; u == "NOUN" || u == "PROPN" || u == "PRON" {
			rel = "nmod"
		}
		p.words[n].Head, p.words[n].Rel = p.words[a].Head, rel
		for c := range p.words {
			if c != n && p.head(c) == a {
				p.words[c].Head = n + 1
			}
		}
		p.words[a].Head, p.words[a].Rel = n+1, "case"
	}
}

// repairTitledNames mends a title and the name right after it read as
// two dependents of the same word: "the inauguration of former president
// Dilma Rousseff" with "president" an nmod of "inauguration" and "Dilma"
// its apposition. The name takes the title's place in the sentence, with
// the title's preposition and conjunction, and the title describes the
// name, as the treebank writes it ("president" nmod:desc of "Dilma").
func (p *parsed) repairTitledNames() {
	for w := 1; w < len(p.words); w++ {
		t := w - 1
		h := p.head(w)
		if h < 0 || h != p.head(t) || p.rel(w) != "appos" || p.words[w].UPOS != "PROPN" ||
			p.words[t].UPOS != "NOUN" || !titles[strings.ToLower(p.words[t].Lemma)] {
			continue
		}
		p.words[w].Rel = p.words[t].Rel
		p.words[t].Head, p.words[t].Rel = w+1, "nmod:desc"
		for c := range p.words {
			if p.head(c) == t && (p.rel(c) == "case" || p.rel(c) == "cc") {
				p.words[c].Head = w + 1
			}
		}
	}
}

// head returns the 0-based word index of word w's head, -1 for the root.
func (p *parsed) head(w int) int { return p.words[w].Head - 1 }

// rel returns the universal part of word w's relation.
func (p *parsed) rel(w int) string {
	r, _, _ := strings.Cut(p.words[w].Rel, ":")
	return r
}

// spanHead returns the word that heads tokens [a, b): the first whose
// head lies outside the span.
func (p *parsed) spanHead(a, b int) int {
	from, to := p.wordOf[a], len(p.words)
	if b < len(p.wordOf) {
		to = p.wordOf[b]
	}
	for w := from; w < to; w++ {
		if h := p.head(w); h < from || h >= to {
			return w
		}
	}
	return from
}

// modifiesThing reports whether word w, climbing through conjuncts,
// appositions and the parts of a name that lead to other persons, modifies a common noun that names
// neither an event nor an office: "the gravesite of George Washington",
// "Nelson Mandela's funeral", "a statue of Lenin". Such a person is what
// the phrase is about, not someone who takes part in the sentence's event.
// (Relations of Universal Dependencies v2:
// https://universaldependencies.org/u/dep/.)
func (p *parsed) modifiesThing(w int) bool {
	for range len(p.words) {
		h := p.head(w)
		if h < 0 {
			break
		}
		switch p.rel(w) {
		case "conj", "flat", "compound":
			if p.personLike(h) {
				w = h
				continue
			}
		case "appos": // "the icon Nelson Mandela" is the icon
			if p.personLike(h) || p.words[h].UPOS == "NOUN" && !p.namesEvent(h) {
				w = h
				continue
			}
		}
		break
	}
	h := p.head(w)
	if p.rel(w) != "nmod" || h < 0 {
		return false
	}
	if p.words[h].UPOS != "NOUN" || p.namesEvent(h) || titles[strings.ToLower(p.words[h].Lemma)] {
		return false
	}
	// Only a genitive says the phrase is about the person: "of X", "X's".
	// "A dinner with X" still has X at the table.
	for i := range p.words {
		if p.head(i) == w && p.rel(i) == "case" {
			switch strings.ToLower(p.words[i].Form) {
			case "of", "'s", "’s", "'", "’", "for", "to", "against", "about":
				return true
			}
		}
	}
	return false
}

// personLike reports whether word w can stand for a person: a proper
// noun, a pronoun, a title or a person noun ("his counterpart, Xi
// Jinping").
func (p *parsed) personLike(w int) bool {
	switch p.words[w].UPOS {
	case "PROPN", "PRON":
		return true
	}
	lemma := strings.ToLower(p.words[w].Lemma)
	return titles[lemma] || personNouns[lemma]
}

// personNouns stand for a person by their relation to another
// (data/personnouns.txt).
var personNouns = readList("personnouns.txt")

// namesEvent reports whether word w names an event kg extracts.
func (p *parsed) namesEvent(w int) bool {
	return eventNouns[strings.ToLower(p.words[w].Form)] != "" || eventNouns[strings.ToLower(p.words[w].Lemma)] != ""
}

// objectOf reports whether word w, climbing through conjuncts (UD's
// conj, and list for items without a conjunction) and the parts of a
// name, is an object, oblique or nominal modifier of the
// event word trig: "met with X", "visited X", "talks with X", "X's
// visit". (Relations of Universal Dependencies v2.)
func (p *parsed) objectOf(w, trig int) bool {
	w = p.argumentHead(w, trig)
	if p.head(w) != trig {
		return false
	}
	switch p.rel(w) {
	case "obj", "iobj", "obl", "nmod":
		return true
	}
	return false
}

// argumentHead climbs from word w through conjuncts (UD's conj, and
// list for items without a conjunction), appositions and the parts of a
// name, as long as they lead to another person-like word and not to
// word stop, and returns the word that stands for them all in the
// clause.
func (p *parsed) argumentHead(w, stop int) int {
	for range len(p.words) {
		h := p.head(w)
		if h < 0 || h == stop {
			break
		}
		switch p.rel(w) {
		case "conj", "list", "flat", "compound", "appos":
			if p.personLike(h) {
				w = h
				continue
			}
		}
		break
	}
	return w
}

// attendingVerbs take part in an event that others hold: "sat in on the
// talks", "attended the meeting", "joined the call" (data/attendingverbs.txt).
var attendingVerbs = readList("attendingverbs.txt")

// attendingVerb returns the verb above the event word trig that makes its
// subjects attendees rather than holders of the event ("X sat in on the
// talks"), or -1.
func (p *parsed) attendingVerb(trig int) int {
	h := p.head(trig)
	if h < 0 || p.words[h].UPOS != "VERB" || !attendingVerbs[strings.ToLower(p.words[h].Lemma)] {
		return -1
	}
	switch p.rel(trig) {
	case "obj", "obl":
		return h
	}
	return -1
}

// subjectOf reports whether word w, climbing through conjuncts (conj,
// list), appositions and compounds, is the subject of verb v.
func (p *parsed) subjectOf(w, v int) bool {
	for range len(p.words) {
		h := p.head(w)
		if h < 0 {
			return false
		}
		if h == v {
			return p.rel(w) == "nsubj"
		}
		switch p.rel(w) {
		case "conj", "list", "appos", "flat", "compound":
			w = h
			continue
		}
		return false
	}
	return false
}

// predicateTense reads the tense of the predicate that the time
// expression at tokens [a, b) of sentence si modifies: 1 with "will" or
// "shall", -1 in the simple past or the perfect, 0 in the present; ok is
// false when the parse shows no predicate.
func (x *extraction) predicateTense(si, a, b int) (tense int, ok bool) {
	p := x.parse(si)
	if p == nil {
		return 0, false
	}
	h := p.head(p.spanHead(a, b))
	for range 3 {
		if h < 0 {
			return 0, false
		}
		w := p.words[h]
		cop, aux := -1, []int(nil)
		for i := range p.words {
			if p.head(i) != h {
				continue
			}
			switch p.rel(i) {
			case "cop":
				cop = i
			case "aux":
				aux = append(aux, i)
			}
		}
		if w.UPOS != "VERB" && w.UPOS != "AUX" && cop < 0 {
			h = p.head(h) // "the meeting on Friday": the noun's predicate
			continue
		}
		for _, i := range aux {
			switch strings.ToLower(p.words[i].Lemma) {
			case "will", "shall", "'ll":
				return 1, true
			}
		}
		for _, i := range append(aux, cop) {
			if i >= 0 && p.words[i].XPOS == "VBD" {
				return -1, true
			}
		}
		if cop < 0 && w.XPOS == "VBD" {
			return -1, true
		}
		for _, i := range aux {
			if strings.ToLower(p.words[i].Lemma) == "have" && w.XPOS == "VBN" {
				return -1, true
			}
		}
		return 0, true
	}
	return 0, false
}

// progressivePredicate reports whether the predicate that tokens [a, b)
// of sentence si modify is in the present progressive ("is playing host
// to Macron at a state dinner on Tuesday"), which in news speaks of what
// is coming. A participle without auxiliaries of its own takes those of
// the verb it is coordinated with or depends on ("is paying it forward
// and celebrating ... by playing host").
func (x *extraction) progressivePredicate(si, a, b int) bool {
	p := x.parse(si)
	if p == nil {
		return false
	}
	h := p.head(p.spanHead(a, b))
	for range 5 {
		if h < 0 {
			return false
		}
		w := p.words[h]
		if w.UPOS != "VERB" && w.UPOS != "AUX" {
			h = p.head(h)
			continue
		}
		if w.XPOS != "VBG" {
			return false
		}
		for i := range p.words {
			if p.head(i) == h && p.rel(i) == "aux" {
				l := strings.ToLower(p.words[i].Lemma)
				if l == "be" && (p.words[i].XPOS == "VBZ" || p.words[i].XPOS == "VBP") {
					return true
				}
				return false
			}
		}
		switch p.rel(h) {
		case "conj", "advcl", "xcomp":
			h = p.head(h)
		default:
			return false
		}
	}
	return false
}

// hostingVerbs take a guest as their object (data/hosting.txt);
// visitingVerbs a traveller as their subject (data/visiting.txt).
var (
	hostingVerbs  = readList("hosting.txt")
	visitingVerbs = readList("visiting.txt")
)

// guest reports whether word w, climbing through conjuncts and the parts
// of a name, is the one received or travelling: the object of a hosting
// verb ("Biden will host Prime Minister Anthony Albanese"), its passive
// subject ("Albanese was welcomed by Biden"), the "to" oblique of "play
// host" ("playing host to President Macron"), the subject of a visiting
// verb ("Albanese will visit Washington") or the possessor of a visit or
// a trip ("Albanese's visit").
func (p *parsed) guest(w int) bool {
	w = p.argumentHead(w, -1)
	h := p.head(w)
	if h < 0 {
		return false
	}
	lemma := strings.ToLower(p.words[h].Lemma)
	switch p.rel(w) {
	case "obj", "nsubj:pass":
		return hostingVerbs[lemma]
	case "nsubj":
		return visitingVerbs[lemma]
	case "nmod:poss":
		return lemma == "visit" || lemma == "trip"
	case "obl":
		if !p.hasChildForm(w, "case", "to") {
			return false
		}
		for i := range p.words {
			if p.head(i) == h && p.rel(i) == "obj" && strings.EqualFold(p.words[i].Lemma, "host") {
				return true
			}
		}
	}
	return false
}

// hasChildForm reports whether word w has a dependent of relation rel
// whose form is form, in any case.
func (p *parsed) hasChildForm(w int, rel, form string) bool {
	for i := range p.words {
		if p.head(i) == w && p.rel(i) == rel && strings.EqualFold(p.words[i].Form, form) {
			return true
		}
	}
	return false
}
