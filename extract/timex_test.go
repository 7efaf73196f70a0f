package extract

import (
	"testing"
	"time"
)

// TestOtherTimes: TIMEX3 expressions that name no calendar date go to
// OtherTimes with their ISO 8601 durations; quarters are dates.
func TestOtherTimes(t *testing.T) {
	oct := time.Date(1989, 10, 26, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text, expr, value, typ string
		other                  bool
	}{
		{"Profit rose in the third quarter.", "the third quarter", "1989-Q3", "", false},
		{"Third-quarter profit rose.", "Third-quarter", "1989-Q3", "", false},
		{"Sales fell in the quarter.", "the quarter", "1989-Q3", "", false},
		{"The fourth quarter of 1988 was weak.", "The fourth quarter of 1988", "1988-Q4", "", false},
		{"Fourth-quarter sales should rise.", "Fourth-quarter", "1989-Q4", "", false}, // the current quarter (October 26)
		{"Talks lasted three months.", "three months", "P3M", "DURATION", true},
		{"Over the past two years prices doubled.", "the past two years", "P2Y", "DURATION", true},
		{"He signed a two-year contract.", "two-year", "P2Y", "DURATION", true},
		{"The strike lasted 16 hours.", "16 hours", "PT16H", "DURATION", true},
		{"It took years to build.", "years", "PXY", "DURATION", true},
		{"The paper is published daily.", "daily", "P1D", "SET", true},
		{"They meet every week.", "every week", "P1W", "SET", true},
		{"Prices are now falling.", "now", "PRESENT_REF", "", true},
		{"He recently resigned.", "recently", "PAST_REF", "", true},
		{"A deal is due in the future.", "the future", "FUTURE_REF", "", true},
	} {
		f := extractText(t, tt.text, oct)
		list := f.Times
		if tt.other {
			list = f.OtherTimes
		}
		found := false
		for _, tm := range list {
			if tm.Text == tt.expr {
				found = true
				if tm.Value != tt.value || tm.Type != tt.typ {
					t.Errorf("%q: %q = %q (%s), want %q (%s)", tt.text, tm.Text, tm.Value, tm.Type, tt.value, tt.typ)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %q in times %+v / other %+v", tt.text, tt.expr, f.Times, f.OtherTimes)
		}
	}
	// Not durations: an age, an anchor of a date.
	for _, text := range []string{"The 40 years old leader spoke.", "They met two years ago."} {
		f := extractText(t, text, oct)
		for _, tm := range f.OtherTimes {
			if tm.Type == "DURATION" {
				t.Errorf("%q: duration %+v", text, tm)
			}
		}
	}
	// An event is never dated by a reference or a duration.
	f := extractText(t, "Donald Trump now meets Vladimir Putin for three hours.", oct)
	for _, e := range f.Events {
		if e.Date != "" {
			t.Errorf("event dated %q by a reference or a duration", e.Date)
		}
	}
}
