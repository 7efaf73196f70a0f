package extract

// Anaphora: pronouns and definite event words that point back to
// persons and events named before.

import "strings"

// pronounReach is how many sentences back the person a subject pronoun
// refers to may be named; pronounGap how many tokens may stand between
// a pronoun and its event word, when the pronoun does not open the
// sentence ("she will also hold talks with", "met with him"); subjectLead
// how many tokens may stand before a name that is a sentence's subject
// ("On Monday, Colombian President Gustavo Petro ..."). The last two keep the
// sentences parsed for pronouns to those that can hold one.
const (
	pronounReach = 3
	pronounGap   = 4
	subjectLead  = 8
)

// pronounSubject returns the person that "he" or "she", the subject of
// the event word at token trigger of sentence si, or "him" or "her", its
// object or "with" phrase, refers to, and the pronoun's token: "He then
// met with Wang Ming in Chengdu", "Xi welcomed him", after a sentence
// whose subject is Petro makes Petro meet Wang. The subject is
// read from the parse, through the verb whose object or oblique the
// event word is ("he held talks with X") and up a coordination ("he
// visited a factory and met with X"). The person is the one named as
// the subject of a verb in the nearest sentence before that has one,
// within pronounReach; none when that is other, the person the sentence
// names. Only a sentence with such a pronoun is parsed for it.
func (x *extraction) pronounSubject(si, trigger, other int) (int, int) {
	if x.sents[si].headline {
		return -1, 0
	}
	toks := x.sents[si].toks
	var p *parsed
	for k := range toks {
		var holds func(p *parsed, pw, t int) bool
		switch toks[k].lower {
		case "he", "she":
			// opening the sentence ("He then toured a plant and met
			// with ..."), or just before the event word
			if k < trigger && (k == 0 || trigger-k <= pronounGap) {
				holds = (*parsed).pronounIsSubject
			}
		case "him", "her":
			if k > trigger && k-trigger <= pronounGap {
				holds = (*parsed).pronounObject
			}
		}
		if holds == nil {
			continue
		}
		if p == nil {
			if p = x.parse(si); p == nil {
				return -1, 0
			}
		}
		if !holds(p, p.wordOf[k], p.wordOf[trigger]) {
			continue
		}
		if pi := x.subjectBefore(si); pi >= 0 && pi != other {
			return pi, k
		}
		return -1, 0
	}
	return -1, 0
}

// pronounObject reports whether pronoun pw is the object of event word t
// or the "with" phrase of it ("Petro welcomed him", "held talks with
// him").
func (p *parsed) pronounObject(pw, t int) bool {
	if p.words[pw].UPOS != "PRON" || p.head(pw) != t {
		return false
	}
	switch p.rel(pw) {
	case "obj":
		return true
	case "obl", "nmod":
		return strings.EqualFold(p.caseOf(pw), "with")
	}
	return false
}

// pronounIsSubject reports whether pronoun pw is the subject of event
// word t: of its verb, or of the verb whose object or oblique it is, up
// a coordination.
func (p *parsed) pronounIsSubject(pw, t int) bool {
	v := t
	if p.words[v].UPOS != "VERB" {
		switch p.rel(v) {
		case "obj", "obl":
			v = p.head(v)
		default:
			return false
		}
		if v < 0 || p.words[v].UPOS != "VERB" {
			return false
		}
	}
	subj := p.child(v, "nsubj")
	for range 2 {
		if subj >= 0 || p.rel(v) != "conj" || p.head(v) < 0 {
			break
		}
		v = p.head(v)
		subj = p.child(v, "nsubj")
	}
	return subj == pw
}

// subjectBefore returns the person named as the subject of a verb in the
// nearest sentence before si that names one, within pronounReach; -1
// when none does.
func (x *extraction) subjectBefore(si int) int {
	for sj := si - 1; sj >= 0 && sj >= si-pronounReach; sj-- {
		if x.sents[sj].headline {
			continue
		}
		var named []int
		for _, mi := range x.sentMentions(sj) {
			if x.acceptedPerson(mi) && x.mentions[mi].a <= subjectLead {
				named = append(named, mi)
			}
		}
		if len(named) == 0 {
			continue
		}
		p := x.parse(sj)
		if p == nil {
			return -1
		}
		for _, mi := range named {
			m := &x.mentions[mi]
			w := p.nameHead(m.a, m.b)
			if h := p.head(w); p.rel(w) == "nsubj" && h >= 0 && p.words[h].UPOS == "VERB" {
				return m.person
			}
		}
	}
	return -1
}

// placedInOrAt reports whether the place named at toks[a] is the object
// of "in" or "at", "the" aside: where something is held.
func placedInOrAt(toks []token, a int) bool {
	k := a - 1
	if k > 0 && toks[k].lower == "the" {
		k--
	}
	return k >= 0 && (toks[k].lower == "in" || toks[k].lower == "at")
}

// placedInSentence reports whether sentence si names a place after "in"
// or "at": what a follow-up sentence can add to the event told before
// (its date comes with the place, or not at all).
func (x *extraction) placedInSentence(si int) bool {
	toks := x.sents[si].toks
	for _, mi := range x.sentMentions(si) {
		if m := &x.mentions[mi]; (m.kind == kindPlace || m.kind == kindVenue) && placedInOrAt(toks, m.a) {
			return true
		}
	}
	return false
}

// definiteEvent reports whether the event word at toks[trigger] is a
// noun that "the" makes the one told before ("the talks will be held
// in Minsk", "the upcoming summit"): a sentence that names no one
// around it tells more of the last pair's event.
func definiteEvent(toks []token, trigger int) bool {
	if trigger < 1 {
		return false
	}
	k := trigger - 1
	if k > 0 && toks[k].kind == word && !toks[k].cap && modality[toks[k].lower] != "" {
		k-- // "the upcoming summit", "the planned visit"
	}
	if !strings.EqualFold(toks[k].text, "the") {
		return false
	}
	switch toks[trigger].lower {
	case "meeting", "talks", "summit", "visit", "call":
		return true
	}
	return false
}

// ownedBySpeaker reports whether the event noun at toks[trigger] is
// owned by "his" or "her", an adjective or two between ("his past
// engagements with X"): the encounter of the one who speaks.
func ownedBySpeaker(toks []token, trigger int) bool {
	if trigger < 0 {
		return false
	}
	for k := trigger - 1; k >= 0 && k >= trigger-3; k-- {
		switch toks[k].lower {
		case "his", "her":
			return true
		}
		if toks[k].kind != word || toks[k].cap {
			return false
		}
	}
	return false
}
