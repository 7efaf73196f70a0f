package extract

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// timex is a temporal expression found in a sentence.
type timex struct {
	sent, a, b int // tokens [a, b) of sentence sent
	text       string
	value      string
	// relative expressions need the document date; absolute ones do not.
	relative bool
	// future is set when the expression points forward from the document date.
	future bool
	// resolve computes the value against a reference date (nil when absolute).
	resolve func(ref time.Time) string
	// typ is the TIMEX3 type when it is not DATE: DURATION, SET, TIME.
	typ string
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "few": 0,
}

var seasons = map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

// findTimes recognizes temporal expressions following the TimeML TIMEX3
// conventions for values (Pustejovsky et al., "TimeML", 2003; ISO-TimeML):
// dates at the precision written ("2017-07", "2017-07-07"), seasons as
// "2017-SU", weeks as "2018-W21". Relative expressions ("last July",
// "Monday", "three months ago") are resolved later against the document
// date; without one they keep no value.
func (x *extraction) findTimes() []timex {
	var out []timex
	for si := range x.sents {
		s := &x.sents[si]
		if s.credit {
			continue
		}
		toks := s.toks
		clauses := clauseSpans(toks)
		sentenceTense := clauseTense(toks)
		tenseOf := map[int]int{} // clause start -> tense
		for i := 0; i < len(toks); {
			// The tense of the expression's own clause, or of its
			// sentence when the clause shows none.
			c := clauses[i]
			tense, ok := tenseOf[c[0]]
			if !ok {
				tense = clauseTense(toks[c[0]:c[1]])
				if tense == 0 {
					tense = sentenceTense
				}
				tenseOf[c[0]] = tense
			}
			cued := true // the words before the expression say its tense
			switch {
			case sinceBefore(toks, i):
				tense = -1 // "on patrol since March"
			case earliestAhead(toks, i):
				tense = 1 // "as early as Tuesday", "postponed until Tuesday"
			default:
				cued = false
			}
			if t, ok := x.timeAt(si, toks, i, tense); ok {
				// The parse gives the tense of the predicate the
				// expression modifies, where the words give the clause's
				// ("said" makes a clause past, not the "is due Jan. 14"
				// it reports). A present predicate keeps a future that
				// the words show ("are planned for November").
				if cued {
					// the words before it settle the tense
				} else if t.relative && !x.noParser && tense <= 0 && bareWeekday(toks, t.a, t.b) && presentProgressiveWords(toks) {
					// A weekday of a predicate in the present progressive
					// looks ahead, when that changes its value.
					if t2, ok := x.timeAt(si, toks, i, 1); ok && t2.b == t.b && x.valueDiffers(t, t2) && x.progressivePredicate(si, t.a, t.b) {
						t = t2
					}
				} else if t.relative && !x.noParser && reportedTime(toks, c, t.a, t.b) && x.tenseMatters(si, toks, i, t, tense) {
					if pt, ok := x.predicateTense(si, t.a, t.b); ok && pt != tense && !(pt == 0 && tense > 0) {
						if t2, ok := x.timeAt(si, toks, i, pt); ok && t2.b == t.b {
							t = t2
						}
					}
				}
				out = append(out, t)
				i = t.b
				continue
			}
			i++
		}
		out = x.printedDates(si, out)
		out = x.weekdayWithDate(si, out)
	}
	return out
}

// printedDates adds the full dates of sentence si in the forms pages
// print them that the token rules miss or cut short: ISO and numeric
// dates, ordinals ("Oct 11th, 2024", "16 June, 2001", "07-07-2021"); a
// weekday in front joins them in weekdayWithDate. A printed date
// replaces the shorter expressions it covers. out holds the expressions found so far, the
// sentence's last; the cost is linear in the sentence's length.
func (x *extraction) printedDates(si int, out []timex) []timex {
	s := &x.sents[si]
	toks := s.toks
	if len(toks) == 0 {
		return out
	}
	from, to := toks[0].start, toks[len(toks)-1].end
	text := x.doc.body[from:to]
	if !strings.ContainsAny(text, "0123456789") {
		return out
	}
	dates := fullDates(text)
	if len(dates) == 0 {
		return out
	}
	// The printed dates as token ranges.
	var printed []timex
	for _, d := range dates {
		a := sort.Search(len(toks), func(k int) bool { return toks[k].start >= from+d.start })
		b := sort.Search(len(toks), func(k int) bool { return toks[k].end > from+d.end })
		if a >= len(toks) || b <= a {
			continue
		}
		printed = append(printed, timex{sent: si, a: a, b: b, text: x.doc.Text[toks[a].start:toks[b-1].end],
			value: d.t.Format("2006-01-02")})
	}
	// Merge with the sentence's own expressions, both in token order: an
	// expression inside a printed date goes; a printed date inside an
	// expression does not come.
	first := len(out)
	for first > 0 && out[first-1].sent == si {
		first--
	}
	own := out[first:]
	merged := make([]timex, 0, len(own)+len(printed))
	i := 0
	for _, p := range printed {
		covered := false
		for i < len(own) && own[i].b <= p.a {
			merged = append(merged, own[i])
			i++
		}
		for j := i; j < len(own) && own[j].a < p.b; j++ {
			if own[j].a <= p.a && own[j].b >= p.b {
				covered = true
			}
		}
		if covered {
			continue
		}
		for i < len(own) && own[i].a < p.b {
			i++ // inside the printed date
		}
		merged = append(merged, p)
	}
	merged = append(merged, own[i:]...)
	return append(out[:first], merged...)
}

// weekdayWithDate joins a weekday to the day's date written right after
// it ("Thursday, October 30", "Fri Oct 11th, 2024"): one expression, the
// date's, as TimeML marks it, where alone the weekday would resolve to a
// day of its own. out holds the expressions found so far, sentence si's
// last.
func (x *extraction) weekdayWithDate(si int, out []timex) []timex {
	toks := x.sents[si].toks
	first := len(out)
	for first > 0 && out[first-1].sent == si {
		first--
	}
	w := first
	for _, t := range out[first:] {
		if k := weekdayBefore(toks, t.a); k < t.a && dayPrecise(t) && !bareWeekday(toks, t.a, t.b) {
			if w > first && out[w-1].a >= k {
				w-- // the weekday's own expression
			}
			t.a, t.text = k, x.doc.Text[toks[k].start:toks[t.b-1].end]
		}
		out[w] = t
		w++
	}
	return out[:w]
}

// weekdayBefore returns the token of a weekday, written out or short,
// right before token a, with or without a comma between; a if there is
// none.
func weekdayBefore(toks []token, a int) int {
	k := a - 1
	if k >= 0 && toks[k].text == "," {
		k--
	}
	if k < 0 {
		return a
	}
	if _, ok := weekdays[lower(toks[k])]; ok || weekdayAbbrev[lower(toks[k])] {
		return k
	}
	return a
}

// dayPrecise reports whether t's value, or its value against any date
// when it takes one, names a day.
func dayPrecise(t timex) bool {
	v := t.value
	if t.resolve != nil {
		v = t.resolve(time.Date(2001, 6, 15, 0, 0, 0, 0, time.UTC))
	}
	_, err := time.Parse("2006-01-02", v)
	return err == nil && t.typ == ""
}

// weekdayAbbrev are the short forms of weekdays that pages print.
var weekdayAbbrev = wordSet("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

func lower(t token) string { return strings.TrimSuffix(t.lower, ".") }

func isYear(t token) (int, bool) {
	if t.kind != number || len(t.text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.text)
	return y, err == nil && y >= 1900 && y <= 2100
}

func isDay(t token) (int, bool) {
	txt := strings.TrimRight(t.text, "stndrh")
	if t.kind != number || len(txt) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(txt)
	return d, err == nil && d >= 1 && d <= 31
}

// timeAt recognizes a temporal expression starting at toks[i]; i may
// be len(toks), where none starts.
func (x *extraction) timeAt(si int, toks []token, i int, tense int) (timex, bool) {
	if i >= len(toks) {
		return timex{}, false
	}
	if t, ok := x.timeFormAt(si, toks, i, tense); ok {
		return t, true
	}
	return x.simpleTimeAt(si, toks, i, tense)
}

// timexAt makes the expression of tokens [a, b) of sentence si; resolve,
// when not nil, computes its value against the reference date.
func (x *extraction) timexAt(si int, toks []token, a, b int, value string, resolve func(time.Time) string) timex {
	return timex{sent: si, a: a, b: b, text: x.doc.Text[toks[a].start:toks[b-1].end], value: value,
		resolve: resolve, relative: resolve != nil}
}

// simpleTimeAt recognizes the expressions that stand alone: dates,
// months, years, weekdays, deictic and counted offsets.
func (x *extraction) simpleTimeAt(si int, toks []token, i int, tense int) (timex, bool) {
	future := tense > 0
	mk := func(b int, value string, resolve func(time.Time) string) (timex, bool) {
		t := x.timexAt(si, toks, i, b, value, resolve)
		t.future = future
		return t, true
	}
	lw := lower(toks[i])
	next := func(k int) (token, bool) {
		if i+k < len(toks) {
			return toks[i+k], true
		}
		return token{}, false
	}
	// Month [day][,] [year] | Month year
	if mo, ok := months[lw]; ok && toks[i].cap && (lw != "may" || monthContext(toks, i)) &&
		(len(lw) > 3 || strings.HasSuffix(toks[i].text, ".") || lw == "may" || lw == "june" || lw == "july" || monthContext(toks, i)) {
		if t1, ok := next(1); ok {
			if d, ok := isDay(t1); ok {
				k := 2
				if t2, ok := next(k); ok && t2.text == "," {
					k++
				}
				if t3, ok := next(k); ok {
					if y, ok := isYear(t3); ok {
						return mk(i+k+1, fmt.Sprintf("%04d-%02d-%02d", y, mo, d), nil)
					}
				}
				return mk(i+2, "", func(ref time.Time) string {
					y := nearestYear(ref, mo, d, tense)
					return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
				})
			}
			if y, ok := isYear(t1); ok {
				return mk(i+2, fmt.Sprintf("%04d-%02d", y, mo), nil)
			}
		}
		if i > 0 && (lower(toks[i-1]) == "last" || lower(toks[i-1]) == "next" || lower(toks[i-1]) == "this") {
			return timex{}, false // handled from the modifier
		}
		return mk(i+1, "", func(ref time.Time) string {
			return fmt.Sprintf("%04d-%02d", nearestMonthYear(ref, mo, tense), mo)
		})
	}
	// day Month year: "11 November 2017"
	if d, ok := isDay(toks[i]); ok {
		if t1, ok := next(1); ok {
			if mo, ok := months[lower(t1)]; ok && t1.cap {
				if t2, ok := next(2); ok {
					if y, ok := isYear(t2); ok {
						return mk(i+3, fmt.Sprintf("%04d-%02d-%02d", y, mo, d), nil)
					}
				}
			}
		}
	}
	// A year alone, not a count ("2016 election", "in 2015").
	if y, ok := isYear(toks[i]); ok {
		if t1, ok := next(1); ok && (t1.text == "%" || strings.HasPrefix(t1.text, "-")) {
			return timex{}, false
		}
		if i > 0 && (toks[i-1].text == "$" || toks[i-1].text == "#") {
			return timex{}, false
		}
		return mk(i+1, strconv.Itoa(y), nil)
	}
	// last|next|this|past|coming + unit | month | season | weekday
	if lw == "last" || lw == "next" || lw == "this" || lw == "past" || lw == "coming" {
		t1, ok := next(1)
		if !ok {
			return timex{}, false
		}
		dir := -1
		switch lw {
		case "next", "coming":
			dir = 1
		case "this":
			dir = 0
		}
		u := lower(t1)
		switch u {
		case "year":
			return mk(i+2, "", func(ref time.Time) string { return strconv.Itoa(ref.Year() + dir) })
		case "month":
			return mk(i+2, "", func(ref time.Time) string { return ref.AddDate(0, dir, 0).Format("2006-01") })
		case "week":
			return mk(i+2, "", func(ref time.Time) string {
				y, w := ref.AddDate(0, 0, 7*dir).ISOWeek()
				return fmt.Sprintf("%04d-W%02d", y, w)
			})
		}
		if s, ok := seasons[u]; ok {
			return mk(i+2, "", func(ref time.Time) string {
				y := ref.Year()
				if dir < 0 {
					y--
				} else if dir > 0 {
					y++
				}
				if dir < 0 && seasonStarted(ref, s) && s != "WI" {
					y = ref.Year()
					if seasonOngoing(ref, s) {
						y--
					}
				}
				if dir > 0 && !seasonStarted(ref, s) && s != "WI" {
					// "next fall" in June is this year's: the first fall
					// to come, as "last fall" in April is the year before's.
					y = ref.Year()
				}
				return fmt.Sprintf("%04d-%s", y, s)
			})
		}
		if mo, ok := months[u]; ok && t1.cap {
			return mk(i+2, "", func(ref time.Time) string {
				y := ref.Year()
				switch {
				case dir < 0 && mo >= int(ref.Month()):
					y--
				case dir > 0 && mo <= int(ref.Month()):
					y++
				}
				return fmt.Sprintf("%04d-%02d", y, mo)
			})
		}
		if wd, ok := weekdays[u]; ok && t1.cap {
			return mk(i+2, "", func(ref time.Time) string { return weekdayDate(ref, wd, dir > 0, dir < 0) })
		}
		return timex{}, false
	}
	// N units ago
	if n, ok := numberWords[lw]; ok || toks[i].kind == number {
		if !ok {
			n, _ = strconv.Atoi(toks[i].text)
		}
		if t1, ok := next(1); ok && n > 0 {
			if t2, ok := next(2); ok && lower(t2) == "ago" {
				unit := strings.TrimSuffix(lower(t1), "s")
				switch unit {
				case "day":
					return mk(i+3, "", func(ref time.Time) string { return ref.AddDate(0, 0, -n).Format("2006-01-02") })
				case "week":
					return mk(i+3, "", func(ref time.Time) string {
						y, w := ref.AddDate(0, 0, -7*n).ISOWeek()
						return fmt.Sprintf("%04d-W%02d", y, w)
					})
				case "month":
					return mk(i+3, "", func(ref time.Time) string { return ref.AddDate(0, -n, 0).Format("2006-01") })
				case "year":
					return mk(i+3, "", func(ref time.Time) string { return strconv.Itoa(ref.Year() - n) })
				case "decade":
					return mk(i+3, "", func(ref time.Time) string { return strconv.Itoa(ref.Year() - 10*n) })
				}
			}
		}
	}
	// [late|early|earlier|later] Weekday
	if lw == "late" || lw == "early" || lw == "earlier" || lw == "later" {
		if t1, ok := next(1); ok && t1.cap {
			if wd, ok := weekdays[lower(t1)]; ok {
				return mk(i+2, "", func(ref time.Time) string { return weekdayDate(ref, wd, future, false) })
			}
		}
	}
	if wd, ok := weekdays[lw]; ok && toks[i].cap {
		// "ended Friday", "met on Monday": the verb just before rules the
		// clause's other tense words out. A weekday owning something
		// ("Wednesday's ruling") names a day gone by.
		forward := (future || presentPlanBefore(toks, i)) && !pastVerbBefore(toks, i) && !ownsNext(toks, i)
		return mk(i+1, "", func(ref time.Time) string { return weekdayDate(ref, wd, forward, false) })
	}
	if t, ok := x.otherTimeAt(si, toks, i); ok {
		return t, true
	}
	switch lw {
	case "today", "tonight":
		return mk(i+1, "", func(ref time.Time) string { return ref.Format("2006-01-02") })
	case "yesterday":
		return mk(i+1, "", func(ref time.Time) string { return ref.AddDate(0, 0, -1).Format("2006-01-02") })
	case "tomorrow":
		return mk(i+1, "", func(ref time.Time) string { return ref.AddDate(0, 0, 1).Format("2006-01-02") })
	case "the":
		// "the fall", "the summer": the season of the document's year.
		if t1, ok := next(1); ok {
			if s, ok := seasons[lower(t1)]; ok && i > 0 && (lower(toks[i-1]) == "in" || lower(toks[i-1]) == "during" || lower(toks[i-1]) == "by") {
				return mk(i+2, "", func(ref time.Time) string {
					y := ref.Year()
					if future && seasonOver(ref, s) {
						y++
					}
					return fmt.Sprintf("%04d-%s", y, s)
				})
			}
		}
	}
	return timex{}, false
}

// monthContext tells "May" the month from "may" the verb at a sentence start.
func monthContext(toks []token, i int) bool {
	if i+1 < len(toks) {
		if _, ok := isDay(toks[i+1]); ok {
			return true
		}
		if _, ok := isYear(toks[i+1]); ok {
			return true
		}
	}
	if i > 0 {
		switch lower(toks[i-1]) {
		case "in", "since", "until", "by", "early", "late", "mid", "last", "next", "this", "of", "during":
			return true
		}
	}
	return false
}

// nearestYear chooses the year of a month and day written without one.
// In a past clause it is the latest such date at or before the
// reference date, in a future clause the first at or after it; in a
// clause of no clear tense, the one nearest the reference date (news
// writes "Dec. 15" for a date within months of its own). News leaves the
// year out for dates near its own, so a tense that would send the date
// more than half a year away, when the other side has it within
// nearbyDays, is taken for a tense read from another clause: "declared a
// dividend, payable Dec. 7" in an article of Oct. 30 is this Dec. 7.
func nearestYear(ref time.Time, mo, d, tense int) int {
	y := ref.Year()
	at := func(year int) time.Time { return time.Date(year, time.Month(mo), d, 0, 0, 0, 0, time.UTC) }
	days := func(t time.Time) float64 { return math.Abs(t.Sub(ref).Hours() / 24) }
	past, future := y, y
	if at(y).After(ref) {
		past = y - 1
	}
	if at(y).Before(ref) {
		future = y + 1
	}
	switch {
	case tense < 0 && !(days(at(past)) > halfYearDays && days(at(future)) <= nearbyDays):
		return past
	case tense > 0 && !(days(at(future)) > halfYearDays && days(at(past)) <= nearbyDays):
		return future
	}
	if days(at(future)) < days(at(past)) {
		return future
	}
	return past
}

// nearbyDays and halfYearDays bound nearestYear's doubt of a tense.
const (
	nearbyDays   = 62
	halfYearDays = 183
)

// nearestMonthYear chooses the year of a month written alone, the same
// way at the precision of months, with the same doubt of a tense that
// sends the month more than half a year away when the other side has it
// within nearbyMonths ("cut its supply in September", said in August, is
// this September).
func nearestMonthYear(ref time.Time, mo, tense int) int {
	y, m := ref.Year(), int(ref.Month())
	past, future := y, y
	if mo > m {
		past = y - 1
	}
	if mo < m {
		future = y + 1
	}
	months := func(year int) int { return abs((year-y)*12 + mo - m) }
	switch {
	case tense < 0 && !(months(past) > 6 && months(future) <= nearbyMonths):
		return past
	case tense > 0 && !(months(future) > 6 && months(past) <= nearbyMonths):
		return future
	case tense != 0:
		if tense < 0 {
			return future
		}
		return past
	}
	switch {
	case mo-m > 6:
		return y - 1
	case m-mo > 6:
		return y + 1
	}
	return y
}

// nearbyMonths is nearbyDays in months.
const nearbyMonths = 2

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// clauseTense reads the tense of a clause: 1 when it speaks of the
// future (futureContext), -1 when a verb is in the past ("met", "was",
// "signed"), 0 when neither shows.
func clauseTense(toks []token) int {
	if futureContext(toks) {
		return 1
	}
	for _, t := range toks {
		if pastVerb(t) {
			return -1
		}
	}
	if presentPerfect(toks) {
		return -1
	}
	return 0
}

// pastVerb reports whether a token is a verb in the past tense: a
// listed one ("met", "said", "took") or a lower-case "-ed" form that does
// not look ahead ("expected").
func pastVerb(t token) bool {
	lw := strings.ToLower(t.text)
	if pastWords[lw] && lw != "meet" && lw != "attend" && lw != "following" && lw != "after" && lw != "last" ||
		lw == "said" || lw == "told" || lw == "wrote" || lw == "began" || lw == "came" || lw == "went" || lw == "saw" || lw == "took" {
		return true
	}
	if irregularPast[lw] {
		return true
	}
	return t.kind == word && !t.cap && len(lw) > 4 && strings.HasSuffix(lw, "ed") && !strings.HasSuffix(lw, "eed") && !futureParticiples[lw]
}

// irregularPast are the past forms of irregular verbs (data/irregularpast.txt).
var irregularPast = readList("irregularpast.txt")

// presentPerfect reports whether a clause holds "has", "have" or "'ve"
// followed within two words by "been" or a past form ("have gathered",
// "has long been"): it tells of what already happened.
func presentPerfect(toks []token) bool {
	for i, t := range toks {
		switch t.lower {
		case "has", "have", "'ve", "’ve":
			for k := i + 1; k < len(toks) && k <= i+2; k++ {
				if toks[k].lower == "been" || pastVerb(toks[k]) {
					return true
				}
			}
		}
	}
	return false
}

// earliestAhead reports whether the expression at toks[i] follows "as
// soon as" or "as early as", or "until" after a verb of putting off
// ("postponed until Tuesday"): a time still to come.
func earliestAhead(toks []token, i int) bool {
	if i >= 3 && toks[i-3].lower == "as" && toks[i-1].lower == "as" && (toks[i-2].lower == "soon" || toks[i-2].lower == "early") {
		return true
	}
	if i >= 2 && (toks[i-1].lower == "until" || toks[i-1].lower == "till") {
		for k := i - 2; k >= 0 && k >= i-4; k-- {
			if postponingVerbs[toks[k].lower] {
				return true
			}
		}
	}
	return false
}

// postponingVerbs put a happening off to a later time (data/postponing.txt).
var postponingVerbs = readList("postponing.txt")

// sinceBefore reports whether "since" opens the expression at toks[i],
// alone or before "early", "late", "mid" or "the": what it dates lies
// in the past.
func sinceBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch toks[k].lower {
		case "since":
			return true
		case "early", "late", "mid", "the", "mid-":
			continue
		}
		return false
	}
	return false
}

// futureParticiples end in -ed but look ahead (data/futureparticiples.txt).
var futureParticiples = readList("futureparticiples.txt")

// clauseSpans gives each token of a sentence the span of its clause, for
// the tense of a time expression: clauses end at semicolons and colons,
// and at a comma before a conjunction, a relative pronoun or a speech
// verb ("..., but", "..., officials said").
func clauseSpans(toks []token) [][2]int {
	out := make([][2]int, len(toks))
	start := 0
	cut := func(end int) {
		for k := start; k < end; k++ {
			out[k] = [2]int{start, end}
		}
		start = end
	}
	for i, t := range toks {
		switch t.text {
		case ";", ":":
			cut(i + 1)
		case ",":
			if i+1 < len(toks) {
				switch toks[i+1].lower {
				case "but", "and", "while", "although", "though", "which", "who", "after", "before", "when", "as", "where":
					cut(i + 1)
				default:
					if speechWords[toks[i+1].lower] || i+2 < len(toks) && speechWords[toks[i+2].lower] {
						cut(i + 1)
					}
				}
			}
		}
	}
	cut(len(toks))
	return out
}

// presentPlanBefore reports whether a verb of a scheduled happening in
// the present tense comes just before toks[i]: news writes the plans of
// the days ahead so ("the leaders meet Monday", "talks resume on
// Tuesday").
func presentPlanBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if scheduledVerbs[toks[k].lower] {
			return true
		}
	}
	return false
}

// ownsNext reports whether toks[i] is followed by "'s".
func ownsNext(toks []token, i int) bool {
	n := tokAt(toks, i+1).text
	return n == "'s" || n == "’s"
}

// weekdayDate resolves a weekday to the nearest such day at or before ref,
// or after ref in a future context.
func weekdayDate(ref time.Time, wd int, forward, strictlyPast bool) string {
	diff := int(ref.Weekday()) - wd
	if forward {
		// The reference date's own weekday is that day.
		d := (wd - int(ref.Weekday()) + 7) % 7
		return ref.AddDate(0, 0, d).Format("2006-01-02")
	}
	back := (diff + 7) % 7
	if back == 0 && strictlyPast {
		back = 7
	}
	return ref.AddDate(0, 0, -back).Format("2006-01-02")
}

// Seasons by the meteorological calendar of the northern hemisphere.
var seasonMonths = map[string][2]int{"SP": {3, 5}, "SU": {6, 8}, "FA": {9, 11}, "WI": {12, 2}}

func seasonStarted(ref time.Time, s string) bool {
	return int(ref.Month()) >= seasonMonths[s][0]
}

func seasonOngoing(ref time.Time, s string) bool {
	m := int(ref.Month())
	r := seasonMonths[s]
	return m >= r[0] && m <= r[1]
}

func seasonOver(ref time.Time, s string) bool {
	return s != "WI" && int(ref.Month()) > seasonMonths[s][1]
}

// futureContext reports whether a sentence speaks of the future.
func futureContext(toks []token) bool {
	for i, t := range toks {
		switch strings.ToLower(t.text) {
		case "will", "'ll", "planned", "plans", "plan", "scheduled", "upcoming", "underway", "expected", "would":
			return true
		case "next":
			// "next week", not "next to the embassy".
			if !strings.EqualFold(tokAt(toks, i+1).text, "to") {
				return true
			}
		case "to":
			// "to visit" looks ahead, unless it completes a past request:
			// "invited Modi to visit Beijing during a March phone call".
			if i+1 < len(toks) && (strings.EqualFold(toks[i+1].text, "visit") || strings.EqualFold(toks[i+1].text, "meet")) &&
				!pastRequestBefore(toks, i) {
				return true
			}
		}
	}
	return false
}

// pastRequestBefore reports whether a past-tense request verb comes
// shortly before index i.
func pastRequestBefore(toks []token, i int) bool {
	for k := max(0, i-5); k < i; k++ {
		switch toks[k].lower {
		case "invited", "asked", "urged", "encouraged":
			return true
		}
	}
	return false
}

// resolveAbsoluteOnly is used for undated documents: relative expressions
// keep no value.
func (x *extraction) resolveAbsoluteOnly() {
	for i := range x.times {
		if x.times[i].relative {
			x.times[i].resolve = nil
		}
	}
}

// resolveTimes computes the values of relative expressions.
func (x *extraction) resolveTimes() {
	for i := range x.times {
		t := &x.times[i]
		if t.resolve != nil && !x.ref.IsZero() {
			t.value = t.resolve(x.ref)
		}
	}
	x.yearAgoPeriods()
}

// yearAgoPeriods: a report of a quarter's results compares each figure
// with the same quarter a year before, so in an article that names a
// quarter ("third-quarter profit", "the quarter ended Sept. 30"), "a
// year ago" or "a year earlier" after a figure ("$85 million, or 83
// cents a share, a year ago") is that quarter of the year before
// (1988-Q3 in a report on 1989-Q3).
func (x *extraction) yearAgoPeriods() {
	// The quarter reported on is named without a year ("third-quarter
	// profit"); one with a year may be another ("since the third quarter
	// of 1984").
	quarter := ""
	for _, t := range x.times {
		if len(t.value) == 7 && t.value[4:6] == "-Q" && (quarter == "" || t.relative) {
			quarter = t.value
			if t.relative {
				break
			}
		}
	}
	if quarter == "" {
		return
	}
	y, err := strconv.Atoi(quarter[:4])
	if err != nil {
		return
	}
	for i := range x.times {
		t := &x.times[i]
		if !t.relative || t.typ != "" || !yearAgo(strings.ToLower(t.text)) {
			continue
		}
		toks := x.sents[t.sent].toks
		if figureBefore(toks, t.a) {
			t.value = fmt.Sprintf("%04d%s", y-1, quarter[4:])
		}
	}
}

// yearAgo reports whether an expression names the year before as a
// point of comparison: "a year ago", "a year earlier" ("last year" in
// such reports is as often the whole year).
func yearAgo(text string) bool {
	return text == "a year ago" || text == "a year earlier"
}

// figureBefore reports whether an amount of money or a share of
// something comes shortly before toks[i]: "$85 million", "83 cents a
// share", "19%", "8.43 billion".
func figureBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		switch lower(toks[k]) {
		case "$", "cents", "share", "%", "percent", "million", "billion", "c$", "#", "£", "€":
			return true
		}
		if strings.HasPrefix(toks[k].text, "$") {
			return true
		}
	}
	return false
}

// reportedTime reports whether the time expression at tokens [a, b)
// stands in a clause that a speech verb reports ("the company said the
// dividend is payable Dec. 15") without being the speech verb's own time
// ("said Thursday"): there the clause's words mix two tenses, and only
// the parse tells which predicate the expression modifies. The parse is
// read only there, which keeps extraction fast.
func reportedTime(toks []token, clause [2]int, a, b int) bool {
	for i := clause[0]; i < clause[1]; i++ {
		if speechWords[toks[i].lower] {
			if i == a-1 || i == b || i == a-2 && strings.EqualFold(toks[a-1].text, "on") {
				return false
			}
			return true
		}
	}
	return false
}

// tenseMatters reports whether another tense than the words' would give
// the expression t another value against the document's date; only then
// is the sentence parsed. Times are found before a date printed on the
// page is chosen, so without a header date it cannot tell, and leaves the
// words' tense: parsing every reported clause of such pages would halve
// extraction's speed.
func (x *extraction) tenseMatters(si int, toks []token, i int, t timex, tense int) bool {
	if x.doc.Date.IsZero() || t.resolve == nil {
		return false
	}
	v := t.resolve(x.doc.Date)
	for _, other := range []int{-1, 0} {
		if other == tense || other == 0 && tense > 0 {
			continue
		}
		if t2, ok := x.timeAt(si, toks, i, other); ok && t2.resolve != nil && t2.resolve(x.doc.Date) != v {
			return true
		}
	}
	return false
}

// pastVerbBefore reports whether a verb in the past tense comes just
// before toks[i], or before "on" just before it: "ended Friday", "met on
// Monday".
func pastVerbBefore(toks []token, i int) bool {
	k := i - 1
	if k >= 0 && strings.EqualFold(toks[k].text, "on") {
		k--
	}
	return k >= 0 && toks[k].kind == word && !toks[k].cap && pastVerb(toks[k])
}

// bareWeekday reports whether tokens [a, b) are a weekday alone.
func bareWeekday(toks []token, a, b int) bool {
	if b-a != 1 {
		return false
	}
	_, ok := weekdays[toks[a].lower]
	return ok
}

// valueDiffers reports whether two readings of an expression take other
// values against the document's date; without one it cannot tell.
func (x *extraction) valueDiffers(t, t2 timex) bool {
	if x.doc.Date.IsZero() || t.resolve == nil || t2.resolve == nil {
		return false
	}
	return t.resolve(x.doc.Date) != t2.resolve(x.doc.Date)
}

// presentProgressiveWords reports whether a sentence holds "is", "are" or
// "am" with an -ing word at most two words after it: only then can the
// parse find a predicate in the present progressive.
func presentProgressiveWords(toks []token) bool {
	for i, t := range toks {
		switch t.lower {
		case "is", "are", "am":
			for j := i + 1; j < len(toks) && j <= i+2; j++ {
				if len(toks[j].lower) > 4 && strings.HasSuffix(toks[j].lower, "ing") {
					return true
				}
			}
		}
	}
	return false
}
