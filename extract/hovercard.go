package extract

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// hoverCardWindow bounds how far a hover card runs: from the glued name
// to its "MORE" link.
const hoverCardWindow = 800

// blankHoverCards blanks the hover cards that some news sites print
// into a page's text after a name: the name, glued to the person's full
// name, glued to the surname again, glued to headlines about them, and
// a closing "MORE" ("Sen. Jane DoeJane Margaret DoeDoe signs budget
// bill ... MORE (D) said"). A card is read as one where a word is a
// capitalized word glued to another capital letter, that word comes back
// glued to a capital after a full name (fullName), and an upper-case "MORE"
// closes the line within hoverCardWindow bytes; the glued rest up to and
// with "MORE" is blanked, so that "Sen. Jane Doe (D) said" is what the
// extractor reads. Offsets are kept: blanks replace bytes one for one.
func blankHoverCards(b []byte) {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if !unicode.IsUpper(r) || i > 0 && isLetterBefore(b, i) {
			i += n
			continue
		}
		end := wordEnd(b, i)
		if cut := hoverCardAt(b, i, end); cut > 0 {
			i = cut
			continue
		}
		i = end
	}
}

// hoverCardAt tries the glue points of the word b[start:end], the
// longest name first ("McCain|John", not "Mc|CainJohn"); it blanks the
// card and returns where it ends, or returns 0.
func hoverCardAt(b []byte, start, end int) int {
	for k := prevRuneStart(b, end); k > start; k = prevRuneStart(b, k) {
		glue, _ := utf8.DecodeRune(b[k:])
		prev, _ := utf8.DecodeLastRune(b[:k])
		if !unicode.IsUpper(glue) || !unicode.IsLower(prev) {
			continue
		}
		name := b[start:k]
		limit := min(len(b), k+hoverCardWindow)
		if nl := bytes.IndexByte(b[k:limit], '\n'); nl >= 0 {
			limit = k + nl
		}
		again := gluedAgain(b[k:limit], name)
		if again < 0 || !fullName(b[k:k+again-len(name)]) {
			continue
		}
		more := moreLink(b[k+again : limit])
		if more < 0 {
			continue
		}
		stop := k + again + more + len("MORE")
		blank(b, k, stop)
		return stop
	}
	return 0
}

// gluedAgain is where name comes back in s glued to a capital letter,
// within the next 120 bytes, or -1.
func gluedAgain(s, name []byte) int {
	s = s[:min(len(s), 120+len(name))]
	for off := 0; ; {
		j := bytes.Index(s[off:], name)
		if j < 0 {
			return -1
		}
		at := off + j + len(name)
		if r, _ := utf8.DecodeRune(s[at:]); at < len(s) && unicode.IsUpper(r) {
			return at
		}
		off = at
	}
}

// fullName reports whether s is the words of a name, each capitalized
// or in brackets ("Jeffrey (Jeff) Lane "), as a card prints the full
// name between the glued name and its surname.
func fullName(s []byte) bool {
	words := bytes.Fields(s)
	if len(words) == 0 || len(s) > 80 {
		return false
	}
	for _, w := range words {
		w = bytes.TrimLeft(w, "(")
		if r, _ := utf8.DecodeRune(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// moreLink is where a word "MORE" stands in s, or -1.
func moreLink(s []byte) int {
	for off := 0; ; {
		j := bytes.Index(s[off:], []byte("MORE"))
		if j < 0 {
			return -1
		}
		at := off + j
		after := at + len("MORE")
		if !isLetterBefore(s, at) && (after == len(s) || !isLetterAt(s, after)) {
			return at
		}
		off = after
	}
}

func wordEnd(b []byte, i int) int {
	for i < len(b) && isLetterAt(b, i) {
		_, n := utf8.DecodeRune(b[i:])
		i += n
	}
	return i
}

func prevRuneStart(b []byte, k int) int {
	_, n := utf8.DecodeLastRune(b[:k])
	return k - n
}

func isLetterAt(b []byte, i int) bool {
	r, _ := utf8.DecodeRune(b[i:])
	return unicode.IsLetter(r)
}

func isLetterBefore(b []byte, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	return unicode.IsLetter(r)
}
