package extract

import (
	"slices"
	"strings"
)

// bilateralSplit reads "X held talks with A, B and C" and "he will meet
// with A and B" as one encounter of X with each: after the event word, a
// "with" whose clause names two persons or more, and one principal
// before it. It returns the participant sets, or nil when the sentence
// is no such list: fewer than two persons after the "with", none or
// several before it, or a word that makes it one gathering
// ("trilateral", "joint", "together").
func (x *extraction) bilateralSplit(si, trigger int, typ string, persons []int) [][]int {
	if trigger < 0 || typ != Meeting && typ != Call || len(persons) < 3 {
		return nil
	}
	toks := x.sents[si].toks
	for _, t := range toks {
		if gatheringWords[t.lower] {
			return nil
		}
	}
	in := func(p int) bool { return slices.Contains(persons, p) }
	for _, cl := range x.clauses(si) {
		for w := cl[0]; w < cl[1]; w++ {
			if !strings.EqualFold(toks[w].text, "with") || w < trigger || w-trigger > 3 {
				continue
			}
			// The persons named after the "with", to the end of its clause.
			var list []int
			nearest, nearestAt := -1, -1
			for _, mi := range x.sentMentions(si) {
				m := &x.mentions[mi]
				if m.kind != kindPerson || !in(m.person) {
					continue
				}
				switch {
				case m.a > w && m.a < cl[1]:
					list = appendPerson(list, m.person)
				case m.b <= w && m.a > nearestAt:
					nearest, nearestAt = m.person, m.a
				}
			}
			if len(list) < 2 {
				continue
			}
			var others []int
			for _, p := range persons {
				if !slices.Contains(list, p) {
					others = append(others, p)
				}
			}
			subject := nearest
			if subject < 0 || slices.Contains(list, subject) {
				if len(others) != 1 {
					return nil
				}
				subject = others[0]
			}
			out := make([][]int, 0, len(list))
			for _, p := range list {
				out = append(out, []int{subject, p})
			}
			return out
		}
	}
	return nil
}

// gatheringWords make the persons of a sentence one gathering rather than
// several encounters (data/gathering.txt).
var gatheringWords = readList("gathering.txt")
