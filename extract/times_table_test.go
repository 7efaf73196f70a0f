package extract

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"
)

// TestTimeTable runs the cases of testdata/times.tsv: each form of time
// expression the normalizer reads, with the value it must get against the
// document's date, and cases that must get no value.
func TestTimeTable(t *testing.T) {
	f, err := os.Open("testdata/times.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	cases := 0
	for line := 1; sc.Scan(); line++ {
		row := sc.Text()
		if row == "" || strings.HasPrefix(row, "#") {
			continue
		}
		cols := strings.Split(row, "\t")
		if len(cols) != 5 {
			t.Fatalf("line %d: %d columns, want 5: %q", line, len(cols), row)
		}
		date, text, expr, want, list := cols[0], cols[1], cols[2], cols[3], cols[4]
		var ref time.Time
		if date != "-" {
			if ref, err = time.Parse("2006-01-02", date); err != nil {
				t.Fatalf("line %d: %v", line, err)
			}
		}
		cases++
		facts := extractText(t, text, ref)
		times := facts.Times
		if list == "other" {
			times = facts.OtherTimes
		}
		found := false
		for _, tm := range times {
			if tm.Text == expr {
				found = true
				if tm.Value != want {
					t.Errorf("line %d: %q in %q (%s) = %q, want %q", line, expr, text, date, tm.Value, want)
				}
			}
		}
		if !found {
			t.Errorf("line %d: no %q among the %s of %q: %+v", line, expr, list, text, times)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cases < 150 {
		t.Errorf("%d cases, want at least 150", cases)
	}
}
