package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word, number or punctuation mark with its byte offsets.
type token struct {
	text       string
	start, end int
	kind       tokenKind
	lower      string // text in lower case
	cap        bool   // first letter upper case
	upper      bool   // every letter upper case, at least two letters
	nlBefore   bool   // a line break separates it from the previous token
}

type tokenKind uint8

const (
	word tokenKind = iota
	number
	punct
	handle // @name
)

// abbreviations keep their final period: "Sen.", "Jan.", "Mr.".
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "adm": true, "cmdr": true,
	"maj": true, "pres": true, "amb": true, "prof": true, "rev": true, "st": true, "mt": true, "ft": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "co": true, "ltd": true, "no": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "ariz": true, "calif": true,
	"fla": true, "mass": true, "conn": true, "ill": true, "mich": true, "minn": true, "tenn": true,
	"wash": true, "wis": true, "ore": true, "okla": true, "ky": true, "la": true, "md": true, "va": true,
	"nev": true, "colo": true, "ala": true, "ark": true, "del": true, "ga": true, "ind": true, "kan": true,
	"miss": true, "mo": true, "mont": true, "neb": true, "pa": true, "tex": true, "vt": true, "wyo": true,
}

// tokenize splits text[from:to] into tokens. Initialisms keep their periods
// ("U.S.", "D.C."), known abbreviations keep their final period, a
// possessive "'s" is a token of its own, and words keep inner hyphens and
// apostrophes ("al-Assad", "O'Brien", "G-20").
func tokenize(text string, from, to int, out []token) []token {
	i := from
	nl := false
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			nl = true
			i += n
			continue
		case unicode.IsSpace(r) || r == utf8.RuneError:
			i += n
			continue
		}
		start := i
		var kind tokenKind
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i = scanWord(text, i, to)
			kind = word
			if unicode.IsDigit(r) {
				kind = number
			} else if i < to && text[i] == '.' && keepsPeriod(text[start:i]) {
				i++
			}
		case (r == '@' || r == '#') && i+1 < to && isWordByte(text[i+1]):
			i = scanWord(text, i+1, to)
			kind = handle
		default:
			i += n
			kind = punct
		}
		t := token{text: text[start:i], start: start, end: i, kind: kind, nlBefore: nl}
		nl = false
		if kind == word {
			// Split a possessive 's off its word.
			if k := possessive(t.text); k > 0 {
				t.text, t.end = t.text[:k], start+k
				out = append(out, withCase(t))
				out = append(out, withCase(token{text: text[start+k : i], start: start + k, end: i, kind: punct}))
				continue
			}
		}
		out = append(out, withCase(t))
	}
	return out
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i, to int) int {
	start := i
	segLen := 0 // letters since the last period, for initialisms
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			i += n
			segLen++
		case (r == '-' || r == '\'' || r == '’' || r == '.' || r == ',') && i+n < to:
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if r == '.' {
				// U.S. / D.C.: single letters separated by periods.
				if segLen == 1 && unicode.IsLetter(next) {
					i += n
					segLen = 0
					continue
				}
				return i
			}
			if r == ',' {
				// 1,000
				prev, _ := utf8.DecodeLastRuneInString(text[start:i])
				if unicode.IsDigit(prev) && unicode.IsDigit(next) {
					i += n
					continue
				}
				return i
			}
			if !(unicode.IsLetter(next) || unicode.IsDigit(next)) {
				return i
			}
			if r == '-' && unicode.IsUpper(next) && pastPrefixes[strings.ToLower(text[start:i])] {
				// "then-U.S. President", "ex-Prime Minister": the marker
				// is a word of its own, and the title or country after it
				// is read as written alone.
				return i + n
			}
			i += n
			segLen = 0
		default:
			return i
		}
	}
	return i
}

// pastPrefixes mark a title as held before when hyphenated to it.
var pastPrefixes = map[string]bool{"then": true, "ex": true}

// keepsPeriod reports whether a capitalized word takes the period after
// it: an initialism ("U.S"), a single initial ("F"), or a known
// abbreviation ("Sen", "Jan", "R-Ariz").
func keepsPeriod(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return false
	}
	if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 {
		return true
	}
	if k := strings.LastIndexByte(w, '-'); k >= 0 {
		w = w[k+1:]
	}
	return abbreviations[strings.ToLower(w)]
}

// withCase sets the case flags of t and gives abbreviations their period.
func withCase(t token) token {
	t.lower = strings.ToLower(t.text)
	if t.kind != word {
		return t
	}
	first, _ := utf8.DecodeRuneInString(t.text)
	t.cap = unicode.IsUpper(first)
	letters, uppers := 0, 0
	for _, r := range t.text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
		}
	}
	t.upper = letters >= 2 && letters == uppers
	return t
}

// possessive returns the length of a word without its trailing 's or ’s,
// or 0 when it has none.
func possessive(w string) int {
	for _, suf := range []string{"'s", "’s", "'S"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}
