package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// holidays maps the lower-case name of a holiday to its rule
// (data/holidays.tsv): "MM-DD", "easter±N" or "thanksgiving".
var holidays = func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("holidays.tsv", 2) {
		m[strings.ToLower(r[0])] = r[1]
	}
	return m
}()

// maxHolidayWords bounds the tokens of a holiday's name ("New Year 's
// Day").
const maxHolidayWords = 4

// holidayAt returns the number of tokens of the longest holiday name at
// toks[i] that a preposition introduces, and its rule; 0 when there is
// none.
func holidayAt(toks []token, i int) (int, string) {
	if i == 0 || !toks[i].cap || !yearPrepositions[toks[i-1].lower] && !dayPrepositions[toks[i-1].lower] {
		return 0, ""
	}
	for n := min(maxHolidayWords, len(toks)-i); n >= 1; n-- {
		if rule := holidays[strings.ToLower(joinTokens(toks[i:i+n]))]; rule != "" {
			return n, rule
		}
	}
	return 0, ""
}

// dayPrepositions introduce a day: "on Christmas Eve", "at Easter".
var dayPrepositions = wordSet("on", "at", "over", "for", "during", "around", "through", "ahead")

// holidayDay returns the month and day of a holiday's rule in a year.
func holidayDay(rule string, year int) (time.Month, int) {
	switch {
	case rule == "thanksgiving":
		d := time.Date(year, time.November, 1, 0, 0, 0, 0, time.UTC)
		first := (int(time.Thursday) - int(d.Weekday()) + 7) % 7
		return time.November, 1 + first + 21
	case strings.HasPrefix(rule, "easter"):
		off, _ := strconv.Atoi(strings.TrimPrefix(rule[len("easter"):], "+"))
		e := easter(year).AddDate(0, 0, off)
		return e.Month(), e.Day()
	}
	var mo, d int
	fmt.Sscanf(rule, "%d-%d", &mo, &d)
	return time.Month(mo), d
}

// easter returns Easter Sunday of a year of the Gregorian calendar (the
// anonymous Gregorian algorithm, Meeus/Jones/Butcher).
func easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// holidayValue resolves a holiday's rule against the reference date: the
// nearest such day, or the one the clause's tense points to.
func holidayValue(rule string, ref time.Time, tense int) string {
	mo, d := holidayDay(rule, ref.Year())
	y := nearestYear(ref, int(mo), d, tense)
	mo, d = holidayDay(rule, y)
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}
