package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Where a document's reference date came from (Facts.DateSource).
const (
	DateFromHeader    = "header"    // a "date" first line or front matter
	DateFromTimestamp = "timestamp" // a time stamp line the page shows ("Updated: 17-03-2022 09:41 IST")
	DateFromDateline  = "dateline"  // a dateline with its year ("RIYADH, (WAM - 02nd Apr, 2020)")
	DateFromCaption   = "caption"   // a dated photo caption or a dated headline
	DateFromNone      = "none"
)

// Full dates as pages print them, with the year: ISO, numeric, day
// month year, month day year, with ordinals, abbreviations and weekdays.
const monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

var (
	isoDateRE     = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	numericDateRE = regexp.MustCompile(`\b(\d{1,2})([-./])(\d{1,2})[-./](\d{4})\b`)
	dmyRE         = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRE + `,?\s+(\d{4})\b`)
	mdyRE         = regexp.MustCompile(`(?i)\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	clockRE       = regexp.MustCompile(`(?i)\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc|ist|edt|est|bst|cet)?\b`)
	publishRE     = regexp.MustCompile(`(?i)\b(published|publisted|updated|posted|created|modified|last update|date)\b`)
	weekdayRE     = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b\.?`)
	captionRE     = regexp.MustCompile(`(?i)\b(photo|pictured|picture|caption|image)\b`)
	// An archive photo: marked as a file photo, or credited to a photo
	// agency (its caption dates the photo, not the story).
	archivePhotoRE = regexp.MustCompile(`(?i)(\bFILE\b|file photo|\bin this\b.*\bphoto\b|getty images|ap photo|/reuters|/afp|afp/|/epa|/ap\b|sputnik/|/pool)`)
)

// fullDate is a full date found in a line, and its byte span.
type fullDate struct {
	t          time.Time
	start, end int
}

// fullDates finds the full dates of a line, in order. Where two forms
// overlap, the one that starts first wins, then the earlier form (ISO,
// day month year, month day year, numeric). Every form holds a year of
// four digits, so the forms are only looked for around one: linear in
// the line's length, and most lines cost one scan of their bytes.
func fullDates(line string) []fullDate {
	var out []fullDate
	for a, b := 0, 0; ; {
		a, b = yearWindow(line, b)
		if a < 0 {
			return out
		}
		for _, d := range datesIn(line[a:b]) {
			d.start += a
			d.end += a
			out = append(out, d)
		}
	}
}

// yearWindow returns the bytes [a, b) of line around the next years of
// four digits (1800 to 2199) at or after byte from: from the start of
// the line or a space up to dateReach bytes before the first, to the end
// of an ISO date after the last, windows that overlap merged. a is -1
// when no year is left.
func yearWindow(line string, from int) (a, b int) {
	a = -1
	for i := from; i+4 <= len(line); i++ {
		if !isYearAt(line, i) {
			continue
		}
		if a < 0 {
			a = max(from, i-dateReach)
			for k := a; a > 0 && k < i; k++ {
				if line[k] == ' ' || line[k] == '\n' {
					a = k
					break
				}
			}
		} else if i-dateReach > b {
			return a, b // the next year starts a window of its own
		}
		b = min(len(line), i+4+len("-01-01")+1)
		i += 3
	}
	return a, b
}

// dateReach is how far before its year a full date may start: "Wednesday
// the 15th of September, 2023" fits.
const dateReach = 64

// isYearAt reports whether line holds exactly four digits at i, from 1800
// to 2199.
func isYearAt(line string, i int) bool {
	digit := func(k int) bool { return k >= 0 && k < len(line) && line[k] >= '0' && line[k] <= '9' }
	if !digit(i) || !digit(i+1) || !digit(i+2) || !digit(i+3) || digit(i-1) || digit(i+4) {
		return false
	}
	c := line[i : i+2]
	return c == "18" || c == "19" || c == "20" || c == "21"
}

// datesIn finds the full dates of a window of a line, as fullDates.
func datesIn(line string) []fullDate {
	type cand struct {
		fullDate
		form int
	}
	var cands []cand
	add := func(form, y, m, d, start, end int) {
		if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return // 31 April
		}
		cands = append(cands, cand{fullDate{t, start, end}, form})
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	for _, m := range isoDateRE.FindAllStringSubmatchIndex(line, -1) {
		add(0, atoi(line[m[2]:m[3]]), atoi(line[m[4]:m[5]]), atoi(line[m[6]:m[7]]), m[0], m[1])
	}
	for _, m := range dmyRE.FindAllStringSubmatchIndex(line, -1) {
		add(1, atoi(line[m[6]:m[7]]), monthNumber(line[m[4]:m[5]]), atoi(line[m[2]:m[3]]), m[0], m[1])
	}
	for _, m := range mdyRE.FindAllStringSubmatchIndex(line, -1) {
		add(2, atoi(line[m[6]:m[7]]), monthNumber(line[m[2]:m[3]]), atoi(line[m[4]:m[5]]), m[0], m[1])
	}
	for _, m := range numericDateRE.FindAllStringSubmatchIndex(line, -1) {
		a, b, y := atoi(line[m[2]:m[3]]), atoi(line[m[6]:m[7]]), atoi(line[m[8]:m[9]])
		// "11/15/2023" is American, month first; "15.11.2023" and
		// "07-07-2021" are day first. A number over 12 settles it.
		day, month := a, b
		if line[m[4]:m[5]] == "/" && a <= 12 || b > 12 {
			day, month = b, a
		}
		add(3, y, month, day, m[0], m[1])
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].start != cands[j].start {
			return cands[i].start < cands[j].start
		}
		return cands[i].form < cands[j].form
	})
	var out []fullDate
	end := -1
	for _, c := range cands {
		if c.start < end {
			continue
		}
		out = append(out, c.fullDate)
		end = c.end
	}
	return out
}

func monthNumber(s string) int {
	return months[strings.ToLower(strings.TrimSuffix(s, "."))]
}

// referenceDate finds the date relative expressions are resolved
// against, and where it came from. The header wins; otherwise, among the
// first lines of the page, by form:
//
//  1. a time stamp line: a full date with "Published", "Updated",
//     "Posted" or "Date", or under a byline ("By AFP");
//  2. a full date with a clock time ("Tue Sep 8, 2020 5:12PM");
//  3. a line that is only a date, with a weekday or bullets at most;
//  4. a dateline or a headline that starts with a date ("RIYADH, (WAM -
//     02nd Apr, 2020)", "May 3, 2019: Leaders agree ...");
//  5. a dated photo caption ("... in Lima, Peru, 14 April 2018"),
//     unless it is an archive photo: "FILE", "file photo", "In this ...
//     photo", or a photo agency's credit on it or on the line after.
//
// The top of the page is its first six lines of prose (or forty lines).
// Within a form, the first line wins: a page clock above the headline
// ("Saturday December 21, 2024") loses to the time stamp under the
// byline. Never the latest date of the text, which is often an event's.
// The first three forms date the publication; the last two only anchor
// the text.
func (x *extraction) referenceDate() (time.Time, string) {
	if !x.doc.Date.IsZero() {
		return x.doc.Date, DateFromHeader
	}
	// The top of the page: up to six lines of prose (menus and widgets of
	// short lines do not count), at most forty lines in all.
	const maxProse, maxLines = 6, 40
	type cand struct {
		t    time.Time
		rank int
		line int
	}
	var best *cand
	consider := func(c cand) {
		if best == nil || c.rank < best.rank || c.rank == best.rank && c.line < best.line {
			best = &c
		}
	}
	body := x.doc.body
	lines := strings.Split(body, "\n")
	seen, prose, afterByline := 0, 0, false
	for li, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		seen++
		if len(line) >= 100 {
			prose++
		}
		if seen > maxLines || prose > maxProse {
			break
		}
		byline := afterByline
		afterByline = strings.HasPrefix(line, "By ") && len(line) < 60
		ds := fullDates(line)
		if len(ds) == 0 {
			continue
		}
		d := ds[0]
		rest := strings.TrimSpace(weekdayRE.ReplaceAllString(line[:d.start]+line[d.end:], ""))
		rest = strings.Trim(rest, " ,|•-–—·:")
		switch {
		case publishRE.MatchString(line) && len(line) < 160 || byline && len(line) < 60:
			consider(cand{d.t, 1, li})
		case clockRE.MatchString(line) && len(line) < 160:
			consider(cand{d.t, 2, li})
		case rest == "":
			consider(cand{d.t, 3, li})
		case d.start == 0 && d.end < len(line) && strings.ContainsAny(line[d.end:d.end+1], ":—–-"):
			consider(cand{d.t, 4, li})
		case d.start < 80 && strings.Contains(line[:d.start], "(") && isUpperWord(line):
			consider(cand{d.t, 4, li}) // "DOHA, (Gulf Today / QNA - 03rd May, 2021)"
		case captionRE.MatchString(line) || strings.TrimRight(line[d.end:], ".) ") == "":
			next := ""
			if li+1 < len(lines) {
				next = lines[li+1]
			}
			if !archivePhotoRE.MatchString(line) && !archivePhotoRE.MatchString(next) {
				consider(cand{d.t, 5, li})
			}
		}
	}
	if best == nil {
		return time.Time{}, DateFromNone
	}
	switch best.rank {
	case 1, 2, 3:
		return best.t, DateFromTimestamp
	case 4:
		return best.t, DateFromDateline
	}
	return best.t, DateFromCaption
}

// isUpperWord reports whether a line starts with an upper-case word of
// at least three letters, as datelines do ("RIYADH,", "BEIJING,").
func isUpperWord(line string) bool {
	n := 0
	for _, r := range line {
		if r < 'A' || r > 'Z' {
			break
		}
		n++
	}
	return n >= 3
}
