package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// timeFormAt reads the forms of time expressions that wrap or join the
// simple ones of timeAt, following the TIMEX3 guidelines (Saurí et al.,
// "TimeML Annotation Guidelines", 2006) for their values:
//
//   - a modifier before a month, year or weekday: "early 2017", "late
//     November", "mid-2017", "mid-November" (the value of what it modifies);
//   - a part of the day after a weekday, or deictic: "Friday night",
//     "this morning", "last night" (the day);
//   - "earlier this year", "later this month" (this year, this month);
//   - a month of a deictic year: "June last year" (its June);
//   - ranges: "February 27-28, 2019", "from June 9 to 12" (an interval);
//   - seasons and halves of a year: "the summer of 1953", "spring 2019",
//     "the first half of 2017" (2017-H1), "the second half of the year";
//   - decades and centuries: "the 1970s" (197), "the early 1980s" (198),
//     "the nineties" (199), "the 1800s" and "the 19th century" (18);
//   - a part of this year or this month: "the end of the year" (its year),
//     "the start of the month" (its month);
//   - holidays after a preposition: "at Christmas", "on New Year's Day",
//     "after Easter" (data/holidays.tsv);
//   - a year before 1900 after a preposition: "in 1648", "from 1648".
//
// ok is false when none starts at toks[i].
func (x *extraction) timeFormAt(si int, toks []token, i int, tense int) (timex, bool) {
	at := func(k int) token { return tokAt(toks, k) }
	mk := func(b int, value string, resolve func(time.Time) string) (timex, bool) {
		t := x.timexAt(si, toks, i, b, value, resolve)
		t.future = tense > 0
		return t, true
	}
	if toks[i].kind != word {
		return timex{}, false // every form begins with a word
	}
	lw := lower(toks[i])
	if _, isWeekday := weekdays[lw]; !isWeekday && !formStarts[lw] && months[lw] == 0 && seasons[lw] == "" &&
		!yearPrepositions[lw] && !strings.HasPrefix(lw, "mid-") && !toks[i].cap {
		return timex{}, false // most words start no form: decided at once
	}
	// A holiday: "at Christmas", "on New Year's Day".
	if n, rule := holidayAt(toks, i); n > 0 {
		return mk(i+n, "", func(ref time.Time) string { return holidayValue(rule, ref, tense) })
	}
	// A modifier: "early 2017", "late November", "mid-2017".
	if lw == "early" || lw == "late" || lw == "mid" || lw == "earlier" || lw == "later" {
		inner := i + 1
		if lw == "earlier" || lw == "later" {
			// "earlier this year", "later this month"
			if lower(at(i+1)) != "this" {
				return timex{}, false
			}
		}
		if t, ok := x.timeAt(si, toks, inner, tense); ok {
			t.a, t.text = i, x.doc.Text[toks[i].start:toks[t.b-1].end]
			return t, true
		}
		return timex{}, false
	}
	if strings.HasPrefix(lw, "mid-") {
		if y, err := strconv.Atoi(lw[4:]); err == nil && y >= 1000 && y <= 2100 {
			return mk(i+1, strconv.Itoa(y), nil)
		}
		if mo, ok := months[lw[4:]]; ok {
			// "mid-November"
			return mk(i+1, "", func(ref time.Time) string {
				return fmt.Sprintf("%04d-%02d", nearestMonthYear(ref, mo, tense), mo)
			})
		}
	}
	// "June last year", "March this year", "January next year".
	if mo, ok := months[lw]; ok && toks[i].cap && lower(at(i+2)) == "year" {
		dir, ok := map[string]int{"last": -1, "this": 0, "next": 1}[lower(at(i+1))]
		if ok {
			return mk(i+3, "", func(ref time.Time) string { return fmt.Sprintf("%04d-%02d", ref.Year()+dir, mo) })
		}
	}
	// A range of days: "February 27-28, 2019", "Sept. 6-7, 2017".
	if mo, ok := months[lw]; ok && toks[i].cap {
		if d1, d2, ok := dayRange(at(i + 1)); ok {
			k := i + 2
			if at(k).text == "," {
				k++
			}
			if y, ok := isYear(at(k)); ok {
				return mk(k+1, fmt.Sprintf("%04d-%02d-%02d/%04d-%02d-%02d", y, mo, d1, y, mo, d2), nil)
			}
			return mk(i+2, "", func(ref time.Time) string {
				y := nearestYear(ref, mo, d1, tense)
				return fmt.Sprintf("%04d-%02d-%02d/%04d-%02d-%02d", y, mo, d1, y, mo, d2)
			})
		}
	}
	// "from June 9 to 12"
	if lw == "from" {
		if mo, ok := months[lower(at(i+1))]; ok && at(i+1).cap {
			if d1, ok := isDay(at(i + 2)); ok && (lower(at(i+3)) == "to" || lower(at(i+3)) == "until") {
				if d2, ok := isDay(at(i + 4)); ok && d2 > d1 {
					return mk(i+5, "", func(ref time.Time) string {
						y := nearestYear(ref, mo, d1, tense)
						return fmt.Sprintf("%04d-%02d-%02d/%04d-%02d-%02d", y, mo, d1, y, mo, d2)
					})
				}
			}
		}
	}
	// A weekday with a part of the day: its day.
	if _, ok := weekdays[lw]; ok && toks[i].cap && partsOfDay[lower(at(i+1))] {
		if t, ok := x.simpleTimeAt(si, toks, i, tense); ok && t.b == i+1 {
			t.b, t.text = i+2, x.doc.Text[toks[i].start:toks[i+1].end]
			return t, true
		}
	}
	switch {
	case lw == "this" && partsOfDay[lower(at(i+1))]:
		return mk(i+2, "", func(ref time.Time) string { return ref.Format("2006-01-02") })
	case lw == "last" && lower(at(i+1)) == "night":
		return mk(i+2, "", func(ref time.Time) string { return ref.AddDate(0, 0, -1).Format("2006-01-02") })
	}
	if yearPrepositions[lw] {
		// "in 1648": a year before 1900 needs a preposition.
		if y, ok := oldYear(at(i + 1)); ok {
			i++
			return mk(i+1, strconv.Itoa(y), nil)
		}
	}
	if lw == "the" {
		k := i + 1
		w := lower(at(k))
		if w == "early" || w == "late" || w == "mid" {
			// "the early 1980s": the decade
			k++
			w = lower(at(k))
		}
		if d, ok := decadeWords[w]; ok {
			return mk(k+1, d, nil) // "the nineties"
		}
		if d, ok := decadeOf(strings.TrimPrefix(w, "mid-")); ok && strings.HasPrefix(w, "mid-") {
			return mk(k+1, d, nil) // "the mid-1990s"
		}
		// "the end of the year", "the start of the month": that year,
		// that month
		if periodParts[w] && lower(at(k+1)) == "of" && lower(at(k+2)) == "the" {
			switch lower(at(k + 3)) {
			case "year":
				return mk(k+4, "", func(ref time.Time) string { return strconv.Itoa(ref.Year()) })
			case "month":
				return mk(k+4, "", func(ref time.Time) string { return ref.Format("2006-01") })
			}
		}
		// "the 1970s", "the 1800s"
		if at(k).kind == number && len(w) == 5 && strings.HasSuffix(w, "s") {
			if y, err := strconv.Atoi(w[:4]); err == nil && y >= 1000 && y <= 2090 && y%10 == 0 {
				if y%100 == 0 && y < 2000 { // "the 1800s": a century; "the 2000s": a decade
					return mk(k+1, strconv.Itoa(y/100), nil)
				}
				return mk(k+1, strconv.Itoa(y/10), nil)
			}
		}
		// "the 19th century"
		if lower(at(k+1)) == "century" {
			if n, err := strconv.Atoi(strings.TrimRight(w, "stndrh")); err == nil && n >= 1 && n <= 21 {
				return mk(k+2, fmt.Sprintf("%02d", n-1), nil)
			}
		}
		// "the summer of 1953"
		if s, ok := seasons[w]; ok && lower(at(k+1)) == "of" {
			if y, ok := isYear(at(k + 2)); ok {
				return mk(k+3, fmt.Sprintf("%04d-%s", y, s), nil)
			}
		}
		// "the first half of 2017", "the second half of the year"
		if (w == "first" || w == "second") && lower(at(k+1)) == "half" && lower(at(k+2)) == "of" {
			h := "H1"
			if w == "second" {
				h = "H2"
			}
			if y, ok := isYear(at(k + 3)); ok {
				return mk(k+4, fmt.Sprintf("%04d-%s", y, h), nil)
			}
			if lower(at(k+3)) == "the" && lower(at(k+4)) == "year" {
				return mk(k+5, "", func(ref time.Time) string { return fmt.Sprintf("%04d-%s", ref.Year(), h) })
			}
		}
	}
	// "spring 2019"
	if s, ok := seasons[lw]; ok {
		if y, ok := isYear(at(i + 1)); ok {
			return mk(i+2, fmt.Sprintf("%04d-%s", y, s), nil)
		}
	}
	return timex{}, false
}

// yearPrepositions introduce a year before 1900: "in 1648", "since 1789".
var yearPrepositions = wordSet("in", "from", "since", "until", "till", "by", "before", "after", "around", "circa", "of")

// decadeOf reads "1990s" as its decade, "199".
func decadeOf(w string) (string, bool) {
	if len(w) != 5 || !strings.HasSuffix(w, "s") {
		return "", false
	}
	y, err := strconv.Atoi(w[:4])
	if err != nil || y < 1000 || y > 2090 || y%10 != 0 {
		return "", false
	}
	return strconv.Itoa(y / 10), true
}

// decadeWords name the decades of the twentieth century: "the nineties".
var decadeWords = map[string]string{"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195",
	"sixties": "196", "seventies": "197", "eighties": "198", "nineties": "199"}

// periodParts name a part of a year or a month: "the end of the year".
var periodParts = wordSet("end", "beginning", "start", "middle", "rest")

// formStarts are the other words a form of timeFormAt can begin with.
var formStarts = wordSet("early", "late", "mid", "earlier", "later", "from", "this", "last", "the")

// partsOfDay follow a weekday or "this": "Friday night", "this morning".
var partsOfDay = wordSet("morning", "afternoon", "evening", "night")

// dayRange reads a token "27-28" as two days in order.
func dayRange(t token) (int, int, bool) {
	if t.kind != number {
		return 0, 0, false
	}
	a, b, ok := strings.Cut(t.text, "-")
	if !ok {
		return 0, 0, false
	}
	d1, err1 := strconv.Atoi(a)
	d2, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || d1 < 1 || d2 > 31 || d1 >= d2 {
		return 0, 0, false
	}
	return d1, d2, true
}

// oldYear reads a year from 1000 to 1899.
func oldYear(t token) (int, bool) {
	if t.kind != number || len(t.text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.text)
	return y, err == nil && y >= 1000 && y < 1900
}
