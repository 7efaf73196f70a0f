package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The temporal expressions of TimeML's TIMEX3 beyond calendar dates:
// durations, sets, quarters and references to the present, past and
// future (Pustejovsky et al., "TimeML"; ISO-TimeML). Durations and sets
// carry ISO 8601 durations ("P3M", "PT5H", "PXY" for "years").

// durationUnits give a unit word's ISO 8601 duration designator; time
// units go after "T".
var durationUnits = map[string]string{
	"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
	"year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
}

// references are words that point at the present, the past or the
// future without a date.
var references = map[string]string{
	"now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
	"recently": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
	"soon": "FUTURE_REF", "eventually": "FUTURE_REF",
}

// sets are words of a regular recurrence.
var sets = map[string]string{
	"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
	"nightly": "P1D", "quarterly": "P3M",
}

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

// isReference reports whether a value is a TIMEX3 reference to the
// present, past or future.
func isReference(v string) bool {
	return v == "PRESENT_REF" || v == "PAST_REF" || v == "FUTURE_REF"
}

func durationValue(n string, unit string) string {
	d := durationUnits[unit]
	if strings.HasPrefix(d, "T") {
		return "PT" + n + d[1:]
	}
	return "P" + n + d
}

// unitOf returns the singular unit of a word ("months" -> "month"), or "".
func unitOf(w string) string {
	w = strings.ToLower(w)
	if _, ok := durationUnits[w]; ok {
		return w
	}
	if s := strings.TrimSuffix(w, "s"); s != w {
		if _, ok := durationUnits[s]; ok {
			return s
		}
	}
	if w == "centuries" {
		return "century"
	}
	return ""
}

// otherTimeAt recognizes, at toks[i], a duration ("three months", "the
// past two years", "two-year", "years"), a set ("daily", "every day"), a
// quarter ("the third quarter", "third-quarter": a date) or a reference
// ("now", "recently", "the future").
func (x *extraction) otherTimeAt(si int, toks []token, i int) (timex, bool) {
	mk := func(b int, value, typ string, resolve func(time.Time) string) (timex, bool) {
		t := x.timexAt(si, toks, i, b, value, resolve)
		t.typ = typ
		return t, true
	}
	lw := lower(toks[i])
	at := func(k int) string {
		if i+k < len(toks) {
			return lower(toks[i+k])
		}
		return ""
	}
	if v, ok := references[lw]; ok {
		return mk(i+1, v, "", nil)
	}
	if lw == "the" && (at(1) == "future" || at(1) == "past" && unitOf(at(2)) == "" && numberValue(at(2)) == "") {
		if at(1) == "future" {
			return mk(i+2, "FUTURE_REF", "", nil)
		}
		return mk(i+2, "PAST_REF", "", nil)
	}
	if v, ok := sets[lw]; ok {
		return mk(i+1, v, "SET", nil)
	}
	if (lw == "every" || lw == "each") && unitOf(at(1)) != "" && !strings.HasSuffix(at(1), "s") {
		return mk(i+2, durationValue("1", unitOf(at(1))), "SET", nil)
	}
	// Quarters: "the third quarter", "third-quarter", "the fourth
	// quarter of 1989", "the quarter" (the latest one).
	if q, ok := quarterAt(toks, i); ok {
		b := i + q.n
		if q.year != 0 {
			return mk(b, fmt.Sprintf("%04d-Q%d", q.year, q.q), "", nil)
		}
		return mk(b, "", "", func(ref time.Time) string {
			cur := (int(ref.Month())-1)/3 + 1
			y, n := ref.Year(), q.q
			if n == 0 { // "the quarter": the latest complete one
				n = cur - 1
				if n == 0 {
					n, y = 4, y-1
				}
			} else if n > cur { // the current quarter is this year's
				y--
			}
			return fmt.Sprintf("%04d-Q%d", y, n)
		})
	}
	// Durations.
	start := i
	k := i
	if lw == "the" || lw == "a" || lw == "an" {
		k++
		if l := lower(tokAt(toks, k)); l == "past" || l == "last" || l == "next" || l == "first" || l == "previous" || l == "coming" {
			k++
		}
	} else if lw == "past" || lw == "over" {
		k++
	}
	n := ""
	if lw == "a" || lw == "an" || lw == "the" && k == start+2 {
		n = "1" // "a week", "the past decade"
	}
	if v := numberValue(lower(tokAt(toks, k))); v != "" {
		n = v
		k++
	}
	// "two-year", "10-year", "16-hour": an adjective of duration.
	if k < len(toks) && strings.Contains(toks[k].text, "-") {
		parts := strings.SplitN(toks[k].lower, "-", 2)
		if v := numberValue(parts[0]); v != "" && unitOf(parts[1]) != "" && !strings.HasSuffix(parts[1], "s") {
			// The adjective alone, without an article before it.
			return timex{sent: si, a: k, b: k + 1, text: toks[k].text, value: durationValue(v, unitOf(parts[1])), typ: "DURATION"}, true
		}
	}
	u := unitOf(lower(tokAt(toks, k)))
	if u == "" {
		return timex{}, false
	}
	next := lower(tokAt(toks, k+1))
	if next == "ago" || next == "later" || next == "earlier" || next == "before" || next == "after" || next == "old" {
		return timex{}, false // a date, an age, or an anchor
	}
	plural := strings.HasSuffix(lower(toks[k]), "s")
	switch {
	case n != "":
		if n == "1" && plural {
			return timex{}, false
		}
		return mk(k+1, durationValue(n, u), "DURATION", nil)
	case plural && k == start && (u == "year" || u == "month" || u == "week" || u == "day" || u == "decade" || u == "century" || u == "hour"):
		// "years", "weeks": an unspecified number.
		return mk(k+1, durationValue("X", u), "DURATION", nil)
	}
	return timex{}, false
}

func tokAt(toks []token, k int) token {
	if k >= 0 && k < len(toks) {
		return toks[k]
	}
	return token{}
}

// numberValue reads a number written in figures or words, or "".
func numberValue(w string) string {
	if n, ok := numberWords[w]; ok && n > 0 {
		return strconv.Itoa(n)
	}
	switch w {
	case "twenty":
		return "20"
	case "thirty":
		return "30"
	case "forty":
		return "40"
	case "fifty":
		return "50"
	case "hundred":
		return "100"
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return "" // no number, and no failed parse's error to allocate
	}
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 10000 {
		return strconv.Itoa(n)
	}
	return ""
}

type quarterMatch struct{ n, q, year int }

// quarterAt reads "the third quarter [of 1989]", "third-quarter", "the
// quarter", "the latest quarter" at toks[i].
func quarterAt(toks []token, i int) (quarterMatch, bool) {
	lw := lower(toks[i])
	k := i
	if lw == "the" || lw == "this" || lw == "its" {
		k++
	}
	w := lower(tokAt(toks, k))
	q := 0
	switch {
	case strings.HasSuffix(w, "-quarter"):
		q = ordinals[strings.TrimSuffix(w, "-quarter")]
		if q == 0 {
			return quarterMatch{}, false
		}
		k++
	case ordinals[w] > 0 && lower(tokAt(toks, k+1)) == "quarter":
		q = ordinals[w]
		k += 2
	case (w == "latest" || w == "last" || w == "recent") && lower(tokAt(toks, k+1)) == "quarter" && k > i:
		k += 2
	case w == "quarter" && k > i:
		k++
	default:
		return quarterMatch{}, false
	}
	m := quarterMatch{n: k - i, q: q}
	if lower(tokAt(toks, k)) == "of" {
		if y, ok := isYear(tokAt(toks, k+1)); ok {
			m.year = y
			m.n += 2
		}
	}
	return m, true
}
