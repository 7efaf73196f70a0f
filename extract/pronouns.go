package extract

// pronounReach is how many sentences back the person a subject pronoun
// refers to may be named.
const pronounReach = 3

// pronounSubject returns the person that "he" or "she", the subject of
// the event word at token trigger of sentence si, refers to, and the
// pronoun's token: "He then met with Chen Jining in Shanghai" after a
// sentence whose subject is Lula makes Lula meet Chen. The subject is
// read from the parse, through the verb whose object or oblique the
// event word is ("he held talks with X") and up a coordination ("he
// visited a factory and met with X"). The person is the one named as
// the subject of a verb in the nearest sentence before that has one,
// within pronounReach; none when that is other, the person the sentence
// names. Only a sentence with such a pronoun before its event word is
// parsed for it.
func (x *extraction) pronounSubject(si, trigger, other int) (int, int) {
	toks := x.sents[si].toks
	pron := -1
	for k := 0; k < trigger && k < len(toks); k++ {
		if toks[k].lower == "he" || toks[k].lower == "she" {
			pron = k
			break
		}
	}
	if pron < 0 || x.sents[si].headline {
		return -1, 0
	}
	p := x.parse(si)
	if p == nil {
		return -1, 0
	}
	v := p.wordOf[trigger]
	if p.words[v].UPOS != "VERB" {
		switch p.rel(v) {
		case "obj", "obl":
			v = p.head(v)
		default:
			return -1, 0
		}
		if v < 0 || p.words[v].UPOS != "VERB" {
			return -1, 0
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
	if subj != p.wordOf[pron] {
		return -1, 0
	}
	pi := x.subjectBefore(si)
	if pi < 0 || pi == other {
		return -1, 0
	}
	return pi, pron
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
			if x.acceptedPerson(mi) {
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
