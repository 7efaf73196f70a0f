package extract

import "strings"

// modality gives the status that a word sets for the event in its clause
// (data/modality.tsv): lemma -> Planned or Proposed.
var modality = func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("modality.tsv", 2) {
		switch r[1] {
		case "planned":
			m[r[0]] = Planned
		case "proposed":
			m[r[0]] = Proposed
		default:
			panic("extract: modality.tsv: status " + r[1])
		}
	}
	return m
}()

// givenCases introduce an event as a setting of what the clause tells,
// an event that took place: "at their meeting", "after a trilateral
// meeting", "during the summit" (data/givencases.txt).
var givenCases = readList("givencases.txt")

// clauseStatus reads the status of the event whose word is toks[trigger]
// of sentence si from its own clause in the parse (relations of Universal
// Dependencies v2):
//
//   - a verb ("met", "will visit") has the status of its tense and
//     auxiliaries: "will", "would" plan it, "could", "may" propose it, a
//     past tense or a perfect says it happened; a verb that is the
//     complement of another takes that verb's status ("agreed to meet"
//     plans it, "invited him to visit" proposes it), and so on upwards;
//     a headline's bare "to" infinitive plans it ("Kishida to visit
//     South Korea");
//   - a noun that is the object or the subject of a verb ("will hold a
//     summit", "the meeting took place"), or its "for" phrase ("will
//     visit Seoul for a summit"), has that verb's status;
//   - a noun that sets the scene ("at their meeting", "after a trilateral
//     meeting", "during the summit") is taken as given: it happened,
//     unless an adjective of its own plans or proposes it ("the upcoming
//     summit"); in other phrases ("before the summit", "the extent of
//     the meeting") the parse says nothing.
//
// ok is false when the parse shows no such clause (a headline without a
// verb, no parse), and the caller reads the status from the words of the
// sentence instead. A present tense is left to the caller's dates.
func (x *extraction) clauseStatus(si, trigger int) (status string, ok bool) {
	p := x.parse(si)
	if p == nil || trigger < 0 {
		return "", false
	}
	w := p.wordOf[trigger]
	if p.words[w].UPOS != "VERB" {
		for c := range p.words {
			if p.head(c) == w && p.rel(c) == "amod" {
				if st := modality[strings.ToLower(p.words[c].Lemma)]; st != "" {
					return st, true
				}
			}
		}
		h := p.head(w)
		if h < 0 {
			return "", false
		}
		switch p.rel(w) {
		case "obj", "nsubj":
		case "obl", "nmod":
			switch c := strings.ToLower(p.caseOf(w)); {
			case c == "for":
			case givenCases[c]:
				return Happened, true
			default:
				return "", false
			}
		default:
			return "", false
		}
		w = h
		if p.words[w].UPOS != "VERB" && p.words[w].UPOS != "AUX" {
			return "", false
		}
	}
	for range 4 {
		for c := range p.words {
			if p.head(c) == w && p.rel(c) == "aux" {
				if st := modality[strings.ToLower(p.words[c].Lemma)]; st != "" {
					return st, true
				}
			}
		}
		if p.rel(w) == "xcomp" && p.head(w) >= 0 {
			h := p.head(w)
			if st := modality[strings.ToLower(p.words[h].Lemma)]; st != "" {
				return st, true
			}
			w = h
			continue
		}
		break
	}
	if x.titleLine(si) && p.words[w].XPOS == "VB" {
		for c := range p.words {
			if p.head(c) == w && p.rel(c) == "mark" && strings.EqualFold(p.words[c].Form, "to") {
				return Planned, true // a headline's "Kishida to visit South Korea"
			}
		}
	}
	switch p.words[w].XPOS {
	case "VBD":
		return Happened, true
	case "VBN":
		for c := range p.words {
			if p.head(c) == w && (p.rel(c) == "aux") {
				return Happened, true // "have met", "was held"
			}
		}
	}
	return "", false
}

// titleLine reports whether sentence si is a headline: a line that ends
// without a full stop, question or exclamation mark, whatever its case.
func (x *extraction) titleLine(si int) bool {
	s := &x.sents[si]
	if s.headline {
		return true
	}
	last := s.toks[len(s.toks)-1]
	return !(last.kind == punct && strings.ContainsAny(last.text, ".!?\"”’"))
}

// needsClause reports whether the status of the event whose word is
// toks[trigger] of sentence si needs its clause read from the parse: the
// sentence has a word that plans or proposes (one the word-level rules
// take so) that does not stand just before the event word, where it
// plainly governs it ("will meet", "plans to visit", "the upcoming
// summit"); or it is a headline with a "to". Only then is the sentence
// parsed for the status.
func (x *extraction) needsClause(si, trigger int) bool {
	toks := x.sents[si].toks
	for k, t := range toks {
		if (plannedWords[t.lower] || proposes(toks, k)) && (k >= trigger || k < trigger-3) {
			return true
		}
	}
	return x.titleLine(si) && hasWord(toks, "to")
}

// unboundedAdverbs make a present perfect tell of some time before the
// report rather than of the news itself: "have met several times",
// "has already visited", "has never met" (data/unbounded.txt).
var unboundedAdverbs = readList("unbounded.txt")

// reportedAsNews reports whether the event whose word is toks[trigger]
// of sentence si is told as the news of the day: its verb, or the verb
// it is the subject or object of, in the present perfect ("Talks
// between Xi and Trump have begun", "Xi has met Trump") or the
// present progressive ("the leaders are meeting"), with no adverb that
// stretches it back in time ("have met twice", "has already visited").
// Such an event took place on the day of the report.
func (x *extraction) reportedAsNews(si, trigger, a, b int) bool {
	toks := x.sents[si].toks
	aux := false
	for k := max(a, 0); k < min(b, len(toks)); k++ {
		switch toks[k].lower {
		case "has", "have", "is", "are":
			aux = true
		}
	}
	if !aux || trigger < 0 {
		return false // no present auxiliary in the clause: no parse needed
	}
	p := x.parse(si)
	if p == nil {
		return false
	}
	w := p.wordOf[trigger]
	if p.words[w].UPOS != "VERB" {
		switch p.rel(w) {
		case "obj", "nsubj", "nsubj:pass":
		default:
			return false
		}
		if w = p.head(w); w < 0 || p.words[w].UPOS != "VERB" {
			return false
		}
	}
	want := ""
	switch p.words[w].XPOS {
	case "VBN":
		want = "have"
	case "VBG":
		want = "be"
	default:
		return false
	}
	present := false
	for c := range p.words {
		if p.head(c) != w {
			continue
		}
		switch rel := p.rel(c); {
		case rel == "aux" && strings.EqualFold(p.words[c].Lemma, want):
			switch p.words[c].XPOS {
			case "VBZ", "VBP":
				present = true
			default:
				return false // "had met", "was meeting"
			}
		case rel == "aux" || rel == "aux:pass":
			return false // "will have met", "has been held"
		case unboundedAdverbs[strings.ToLower(p.words[c].Form)]:
			return false
		case strings.HasPrefix(rel, "obl") || rel == "advmod":
			for g := range p.words {
				if p.head(g) == c && unboundedAdverbs[strings.ToLower(p.words[g].Form)] {
					return false // "several times", "in the past"
				}
			}
		}
	}
	return present
}
