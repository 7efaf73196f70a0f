package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestReferenceDate(t *testing.T) {
	const body = "\n\nPresident Alpha Beta met Prime Minister Gamma Delta on Monday, officials said.\n"
	tests := []struct {
		name, text      string
		header          time.Time
		date, source    string // Facts.Date or, for datelines and captions, InferredDate
		relative, value string // a relative expression of the text and its value
	}{
		{"header wins", "Updated: 2019-02-28 10:17" + body, time.Date(2018, 6, 2, 0, 0, 0, 0, time.UTC), "2018-06-02", DateFromHeader, "Monday", "2018-05-28"},
		{"updated line, numeric day first", "Agency | Capital | Updated: 17-03-2022 09:41 IST | Created: 17-03-2022 08:55 IST" + body, time.Time{}, "2022-03-17", DateFromTimestamp, "Monday", "2022-03-14"},
		{"posted at, ordinal and weekday", "Posted at 09:15 PM, Thu Mar 9th, 2023" + body, time.Time{}, "2023-03-09", DateFromTimestamp, "Monday", "2023-03-06"},
		{"page clock above the headline loses to the byline date", "close\nSaturday December 21, 2024\n\nLeaders meet for talks\n\nBy AFP\nApril 07, 2017" + body, time.Time{}, "2017-04-07", DateFromTimestamp, "", ""},
		{"clock time", "HomeWorld Tue Sep 8, 2020 5:12PM" + body, time.Time{}, "2020-09-08", DateFromTimestamp, "", ""},
		{"ISO with seconds", "Edited by Someone\n2023-04-14 20:52:47" + body, time.Time{}, "2023-04-14", DateFromTimestamp, "", ""},
		{"a line that is only a date", "15 July 2022\n\nHeadline of the story" + body, time.Time{}, "2022-07-15", DateFromTimestamp, "", ""},
		{"bullets and weekday", "  • World\n  • Tuesday, 03 Sep 2024" + body, time.Time{}, "2024-09-03", DateFromTimestamp, "", ""},
		{"American numeric date", "Published 11/15/2023" + body, time.Time{}, "2023-11-15", DateFromTimestamp, "", ""},
		{"European numeric date", "Published 15.11.2023" + body, time.Time{}, "2023-11-15", DateFromTimestamp, "", ""},
		{"dateline with its year", "RIYADH, (Agency - 02nd Apr, 2020) Prince Alpha Beta received a call." + body, time.Time{}, "2020-04-02", DateFromDateline, "", ""},
		{"dated headline", "June 17, 2001: Leaders bond well at summit\n" + body, time.Time{}, "2001-06-17", DateFromDateline, "", ""},
		{"photo caption", "Visit\n\nThe premier greets the crowd on landing at the airport in Lima, Peru, 15 April 2018\n\nThe premier arrived in Peru on Sunday." + body, time.Time{}, "2018-04-15", DateFromCaption, "Sunday", "2018-04-15"},
		{"dateline without a year anchors nothing", "BEIJING, April 14 (Xinhua) -- Alpha Beta arrived." + body, time.Time{}, "", DateFromNone, "Monday", ""},
		{"an event's date in the body is no reference", "The leaders met for the first time on March 3, 2020, in Geneva, and again later." + body, time.Time{}, "", DateFromNone, "Monday", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, tt.header)
			got := f.Date
			if tt.source == DateFromDateline || tt.source == DateFromCaption {
				got = f.InferredDate
				if f.Date != "" {
					t.Errorf("Date = %q: a %s is not the publication date", f.Date, tt.source)
				}
			}
			if got != tt.date || f.DateSource != tt.source {
				t.Fatalf("date %q from %q, want %q from %q", got, f.DateSource, tt.date, tt.source)
			}
			if tt.relative == "" {
				return
			}
			for _, tm := range f.Times {
				if tm.Text == tt.relative {
					if tm.Value != tt.value {
						t.Errorf("%q = %q, want %q", tm.Text, tm.Value, tt.value)
					}
					return
				}
			}
			t.Errorf("no time %q in %+v", tt.relative, f.Times)
		})
	}
}

func TestArchivePhotoCaptionAnchorsNothing(t *testing.T) {
	for _, text := range []string{
		"Talks\n\nFILE - The president speaks on the phone, Jan. 28, 2017, in the Oval Office.\n\nThey spoke three months ago.",
		"Talks\n\nThe presidents chat at the summit in Danang on November 11, 2017.\nThe presidents chat at the summit in Danang on November 11, 2017. NAME SURNAME/Getty Images\n\nThey spoke three months ago.",
	} {
		f := extractText(t, text, time.Time{})
		if f.DateSource != DateFromNone {
			t.Errorf("%q: date source %q (%s), want none", text[:30], f.DateSource, f.InferredDate)
		}
	}
}

// TestFullDatesAroundYears checks that looking for dates only around
// their years finds what a scan of the whole line finds, on the lines of
// the test articles and on lines made to sit at the windows' edges.
func TestFullDatesAroundYears(t *testing.T) {
	lines := []string{
		"May 3, 2019: Leaders agree",
		"2023-09-13",
		"x 2023-09-13 and 15 March 2016 and 03/04/2019 then 1 Jan 2020",
		strings.Repeat("word ", 20) + "Wednesday the 15th of September, 2023 and " + strings.Repeat("y ", 40) + "July 4, 1776 and 12.11.2024",
		"20234 1999-12-31x 31 April 2020 2020-02-30",
	}
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
		lines = append(lines, string(data))
	}
	for _, line := range lines {
		if got, want := fullDates(line), datesIn(line); !slices.Equal(got, want) {
			t.Errorf("fullDates(%.60q) = %v, want %v", line, got, want)
		}
	}
}
