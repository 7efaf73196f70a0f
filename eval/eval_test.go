package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kg-news/kg/extract"
)

func readGold(t *testing.T, path string) []*extract.Facts {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*extract.Facts
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g extract.Facts
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		out = append(out, &g)
	}
	return out
}

func extractDir(t *testing.T, glob string) []*extract.Facts {
	t.Helper()
	files, _ := filepath.Glob(glob)
	if len(files) == 0 {
		t.Fatalf("no files match %s", glob)
	}
	p := extract.New()
	var out []*extract.Facts
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		doc, err := extract.ReadDoc(id, data, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		facts, err := p.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, facts)
	}
	return out
}

// TestSeedTargets holds extraction to the quality targets on the seed
// articles.
// roleRule6 leaves unscored the roles that the seed gold gives no
// country. The seed gold predates the annotation rules of ../shared/dev
// (rule 6: no role when the text ties no country to the person, the
// country coming from the text or its immediate context), which the
// held-out sets follow and kg now follows too; a countryless seed role
// says nothing on whether its context gives a country. So such gold roles
// are dropped, and so are kg's roles for the same person and title, which
// then count neither for nor against it. Against the unfiltered seed gold,
// whose 13 countryless roles accept any country, and which kg therefore
// misses where it finds no country, kg's roles F1 is lower.
func roleRule6(gold, pred []*extract.Facts) ([]*extract.Facts, []*extract.Facts) {
	type key struct{ doc, person, title string }
	unscored := map[key]bool{}
	for _, g := range gold {
		kept := g.Roles[:0]
		for _, r := range g.Roles {
			if r.Country != "" {
				kept = append(kept, r)
			} else {
				unscored[key{g.ID, r.Person, r.Title}] = true
			}
		}
		g.Roles = kept
	}
	for _, p := range pred {
		kept := p.Roles[:0]
		for _, r := range p.Roles {
			if !unscored[key{p.ID, r.Person, r.Title}] {
				kept = append(kept, r)
			}
		}
		p.Roles = kept
	}
	return gold, pred
}

// floor is a score and the least it may be.
type floor struct {
	name     string
	got, min float64
}

// holdFloors fails for each score below its floor and logs them all.
func holdFloors(t *testing.T, floors []floor) {
	t.Helper()
	for _, f := range floors {
		if f.got < f.min {
			t.Errorf("%s = %.3f, want >= %.2f", f.name, f.got, f.min)
		}
		t.Logf("%s = %.3f (floor %.2f)", f.name, f.got, f.min)
	}
}

func TestSeedTargets(t *testing.T) {
	rep := Compare(roleRule6(readGold(t, "../testdata/gold/seeds.gold.jsonl"), extractDir(t, "../testdata/*.txt")))
	if len(rep.Documents) != 5 {
		t.Fatalf("scored %d documents, want 5", len(rep.Documents))
	}
	holdFloors(t, []floor{
		{"persons F1", rep.Total.Counts["persons"].F1(), 0.95},
		{"roles F1", rep.Total.Counts["roles"].F1(), 0.87},
		{"places F1", rep.Total.Counts["places"].F1(), 0.89},
		{"events F1", rep.Total.Counts["events"].F1(), 0.85},
		{"events (full) F1", rep.Total.Counts["events (full)"].F1(), 0.66},
		{"time value accuracy", rep.Total.Accuracy["time value"].Value(), 0.85},
	})
}

func TestScoringRules(t *testing.T) {
	gold := &extract.Facts{ID: "d",
		Persons: []extract.Person{{Name: "Donald Trump", Aliases: []string{"Trump"}}, {Name: "Vladimir Putin"}},
		Places:  []extract.Place{{Name: "United States", Country: "United States"}},
		Roles:   []extract.Role{{Person: "Vladimir Putin", Title: "president", Country: "Russia"}},
		Events: []extract.Event{{Type: "meeting", Participants: []string{"Donald Trump", "Vladimir Putin"},
			Location: "Hamburg", Country: "Germany", Date: "2017-07", Status: "happened"}},
		Times: []extract.Time{{Text: "last July", Value: "2017-07"}},
	}
	pred := &extract.Facts{ID: "d",
		Persons: []extract.Person{{Name: "Trump"}, {Name: "Putin", Aliases: []string{"Vladimir Putin"}}, {Name: "Jon Doe"}},
		Places:  []extract.Place{{Name: "U.S."}},
		Roles:   []extract.Role{{Person: "Putin", Title: "President", Country: "Russian Federation"}},
		Events: []extract.Event{{Type: "summit", Participants: []string{"Putin", "Trump"},
			Location: "Germany", Country: "Germany", Date: "2017-07-07", Status: "planned"}},
		Times: []extract.Time{{Text: "July", Value: "2017-07"}},
	}
	s := Document(gold, pred)
	want := map[string]Count{
		"persons": {TP: 2, FP: 1}, "places": {TP: 1}, "roles": {TP: 1}, "events": {TP: 1}, "events (full)": {TP: 1}, "times": {TP: 1},
	}
	for cat, w := range want {
		if got := s.Counts[cat]; got != w {
			t.Errorf("%s: %+v, want %+v", cat, got, w)
		}
	}
	if a := s.Accuracy["event status"]; a.Correct != 0 || a.Total != 1 {
		t.Errorf("event status accuracy %+v, want 0/1", a)
	}
	if a := s.Accuracy["time value"]; a.Correct != 1 || a.Total != 1 {
		t.Errorf("time value accuracy %+v, want 1/1", a)
	}
}

// TestDevTargets holds kg's scores on the 40 real articles of
// ../shared/dev (read from there, never copied here) at the targets of
// the extraction work (persons 0.90, organizations 0.65, places 0.88,
// roles 0.60, events 0.65, events full 0.45, time values 0.80, event
// dates 0.70), or at a floor a little below what is measured where that
// is higher. Extraction is deterministic, so a floor at the measured
// value does not flicker.
func TestDevTargets(t *testing.T) {
	const dir = "../../shared/dev"
	if _, err := os.Stat(dir + "/gold.jsonl"); err != nil {
		t.Skipf("no %s (the development set sits beside the repository in CI): %v", dir, err)
	}
	rep := Compare(readGold(t, dir+"/gold.jsonl"), extractDir(t, dir+"/docs/*.txt"))
	if len(rep.Documents) != 40 {
		t.Fatalf("scored %d documents, want 40", len(rep.Documents))
	}
	holdFloors(t, []floor{
		{"persons F1", rep.Total.Counts["persons"].F1(), 0.98},
		{"organizations F1", rep.Total.Counts["organizations"].F1(), 0.88},
		{"places F1", rep.Total.Counts["places"].F1(), 0.94},
		{"roles F1", rep.Total.Counts["roles"].F1(), 0.88},
		{"events F1", rep.Total.Counts["events"].F1(), 0.87},
		{"events (full) F1", rep.Total.Counts["events (full)"].F1(), 0.75},
		{"time value accuracy", rep.Total.Accuracy["time value"].Value(), 0.98},
		{"event date accuracy", rep.Total.Accuracy["event date"].Value(), 0.88},
		{"event status accuracy", rep.Total.Accuracy["event status"].Value(), 0.95},
		{"event location accuracy", rep.Total.Accuracy["event location"].Value(), 0.84},
	})
}

// TestDevTimesTargets holds kg's temporal expressions on the 256
// TempEval-3 training articles of ../shared/dev-times at the goals:
// times F1 0.85 (held at 0.86, reached) and values 0.85.
func TestDevTimesTargets(t *testing.T) {
	const dir = "../../shared/dev-times"
	if _, err := os.Stat(dir + "/gold.jsonl"); err != nil {
		t.Skipf("no %s (the TempEval-3 set sits beside the repository in CI): %v", dir, err)
	}
	rep := Compare(readGold(t, dir+"/gold.jsonl"), extractDir(t, dir+"/docs/*.txt"))
	f1, acc := rep.Total.Counts["times"].F1(), rep.Total.Accuracy["time value"].Value()
	t.Logf("times F1 %.3f, value accuracy %.3f over %d documents", f1, acc, len(rep.Documents))
	if f1 < 0.86 || acc < 0.85 {
		t.Errorf("times F1 %.3f, value accuracy %.3f; want >= 0.86 and 0.85", f1, acc)
	}
}

// TestTimeOccurrences: a gold in the facts convention lists a time once
// per distinct text, a TimeML gold once per occurrence; a predicted time
// with repeats counts once against the first and as often as it occurs
// against the second.
func TestTimeOccurrences(t *testing.T) {
	pred := &extract.Facts{ID: "d", Times: []extract.Time{
		{Text: "Friday", Value: "2018-06-01", Repeats: []extract.Span{{Sentence: 3}, {Sentence: 5}}},
	}}
	for _, tt := range []struct {
		name string
		gold []extract.Time
		want Count
	}{
		{"facts convention", []extract.Time{{Text: "Friday", Value: "2018-06-01"}}, Count{TP: 1}},
		{"TimeML, three occurrences", []extract.Time{
			{Text: "Friday", Value: "2018-06-01", Type: "DATE"}, {Text: "Friday", Value: "2018-06-01", Type: "DATE"},
			{Text: "Friday", Value: "2018-06-01", Type: "DATE"}}, Count{TP: 3}},
		{"TimeML, two occurrences", []extract.Time{
			{Text: "Friday", Value: "2018-06-01", Type: "DATE"}, {Text: "Friday", Value: "2018-06-01", Type: "DATE"}}, Count{TP: 2, FP: 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := Document(&extract.Facts{ID: "d", Times: tt.gold}, pred)
			if got := s.Counts["times"]; got != tt.want {
				t.Errorf("times %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSameTimeValue(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"2000-W7", "2000-W07", true},
		{"2000-W07", "2000-W07", true},
		{"2000-W17", "2000-W07", false},
		{"XXXX-WXX-2", "XXXX-WXX-2", true},
		{"2000-01-05TEV", "2000-01-05", false},
		{"1998-Q4", "1998-Q4", true},
	} {
		if got := sameTimeValue(tt.a, tt.b); got != tt.same {
			t.Errorf("sameTimeValue(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}
