package extract

import "strings"

// sentence is a run of tokens that ends with terminal punctuation or a
// line break.
type sentence struct {
	index      int
	start, end int // byte offsets in the document
	toks       []token
	// headline marks a line without terminal punctuation whose words are
	// mostly capitalized: a title, a section label or site furniture.
	headline bool
	// credit marks bylines, photo credits, agency tags and bars of
	// buttons, which name no person or body of the story.
	credit bool
}

// segment splits the document body into sentences. A sentence ends at
// '.', '!' or '?' (with any closing quotes or brackets) followed by a
// capitalized word, a quote or a line break, and at every line break. A
// line repeated verbatim (a photo caption printed twice) is kept once.
func segment(body string) []sentence {
	toks := tokenize(body, 0, len(body), make([]token, 0, len(body)/5))
	var out []sentence
	seenLines := map[string]bool{}
	begin, skipUntil := 0, -1
	flush := func(end int) {
		if end <= begin {
			return
		}
		s := sentence{toks: toks[begin:end:end]}
		s.start, s.end = s.toks[0].start, s.toks[len(s.toks)-1].end
		begin = end
		if s.toks[0].nlBefore || len(out) == 0 {
			// A line seen before, verbatim, is read once: its sentences
			// keep their indexes but yield nothing.
			line := lineAt(body, s.start)
			if len(line) > 40 && seenLines[line] {
				skipUntil = s.start + len(line)
			}
			seenLines[line] = true
		}
		classifyLine(&s)
		if s.start < skipUntil {
			s.credit = true
		}
		s.index = len(out)
		out = append(out, s)
	}
	for i := range toks {
		if i > begin && toks[i].nlBefore {
			flush(i)
		}
		t := toks[i]
		if t.kind != punct || (t.text != "." && t.text != "!" && t.text != "?") {
			// An initialism or abbreviation ends a sentence when a line
			// break or a sentence opener follows.
			if t.kind == word && strings.HasSuffix(t.text, ".") && i+1 < len(toks) &&
				!toks[i+1].nlBefore && opensSentence(toks[i+1].text) && !isTitleAbbrev(t.text) {
				flush(i + 1)
			}
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].kind == punct && strings.ContainsAny(toks[j].text, "\"'”’)]") {
			j++
		}
		if j >= len(toks) || toks[j].nlBefore || toks[j].cap || toks[j].kind == number ||
			toks[j].text == "\"" || toks[j].text == "“" {
			flush(j)
		}
	}
	flush(len(toks))
	markButtonBars(out)
	return out
}

// buttonBar is how many one-word lines in a row make a bar of buttons
// or links ("Pinterest", "Telegram", "Linkedin", "WhatsApp"): site
// furniture, no part of the story.
const buttonBar = 3

// markButtonBars marks as credits the lines of buttonBar or more
// one-word lines in a row.
func markButtonBars(out []sentence) {
	oneWord := func(s *sentence) bool {
		return len(s.toks) == 1 && s.toks[0].kind == word && s.toks[0].nlBefore
	}
	for i := 0; i < len(out); {
		j := i
		for j < len(out) && oneWord(&out[j]) {
			j++
		}
		if j-i >= buttonBar {
			for k := i; k < j; k++ {
				out[k].credit = true
			}
		}
		i = max(j, i+1)
	}
}

func lineAt(body string, at int) string {
	end := strings.IndexByte(body[at:], '\n')
	if end < 0 {
		return body[at:]
	}
	return strings.TrimSpace(body[at : at+end])
}

// opensSentence reports whether w typically starts a sentence.
func opensSentence(w string) bool {
	switch w {
	case "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "A", "An",
		"This", "That", "There", "His", "Her", "Their", "Its", "If", "When", "After", "As":
		return true
	}
	return false
}

func isTitleAbbrev(w string) bool {
	return titleAbbrevs[strings.ToLower(strings.TrimSuffix(w, "."))] != ""
}

// classifyLine marks headlines and credit lines.
func classifyLine(s *sentence) {
	toks := s.toks
	last := toks[len(toks)-1]
	words, caps := 0, 0
	for _, t := range toks {
		if t.kind == word {
			words++
			if t.cap || t.upper {
				caps++
			}
		}
	}
	terminal := last.kind == punct && strings.ContainsAny(last.text, ".!?\"”’")
	if !terminal && (words <= 3 || caps*3 >= words*2) {
		s.headline = true
	}
	// "- Anadolu Agency", "— AFP": a short line behind a dash is a
	// credit; a line of one short word in capitals ("IANS") too.
	if len(toks) >= 2 && len(toks) <= 5 && toks[0].kind == punct && (toks[0].text == "-" || toks[0].text == "—" || toks[0].text == "–") && caps == words {
		s.credit = true
	}
	if len(toks) == 1 && last.upper && len(last.text) <= 5 {
		s.credit = true
	}
	first := toks[0].lower
	switch first {
	case "by", "copyright", "photo", "credit", "image", "images", "source", "reporting", "editing", "writing":
		if !terminal || words <= 12 {
			s.credit = true
		}
	}
	// "NAME/Getty Images", "(AP Photo/NAME)".
	for i, t := range toks {
		if t.text == "/" && i+1 < len(toks) && (toks[i+1].text == "Getty" || toks[i+1].text == "Reuters" ||
			toks[i+1].text == "AFP" || toks[i+1].text == "AP" || toks[i+1].text == "EPA") {
			s.credit = true
		}
	}
}
