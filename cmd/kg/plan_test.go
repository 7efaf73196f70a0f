package main

import (
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"testing"
)

// TestIngestPlansResolution: an ingest of many new files works out
// their resolution first and writes them resolved, so that resolution
// rewrites few of them; the store is the one an unplanned ingest leaves.
func TestIngestPlansResolution(t *testing.T) {
	defer func(n int) { planFrom = n }(planFrom)
	planFrom = 100
	dir := crashCorpus(t, planFrom+20)
	rewritten := regexp.MustCompile(`resolved: (\d+) articles rewritten`)
	ingest := func(plan bool) (string, int) {
		db := filepath.Join(t.TempDir(), "kg.db")
		_, stderr, err := run(t, "", "--db", db, "ingest", "--progress", "plain", "--plan="+strconv.FormatBool(plan), dir)
		if err != nil {
			t.Fatalf("ingest --plan=%v: %v\n%s", plan, err, stderr)
		}
		m := rewritten.FindStringSubmatch(stderr)
		if m == nil {
			t.Fatalf("ingest --plan=%v: no resolution line in\n%s", plan, stderr)
		}
		n, _ := strconv.Atoi(m[1])
		return db, n
	}
	planned, nPlanned := ingest(true)
	plain, nPlain := ingest(false)
	if nPlain != planFrom+20 {
		t.Errorf("unplanned ingest rewrote %d articles, want all %d", nPlain, planFrom+20)
	}
	if nPlanned != 0 {
		t.Errorf("planned ingest rewrote %d of %d articles", nPlanned, planFrom+20)
	}
	if a, b := sortedNQuads(t, planned), sortedNQuads(t, plain); len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("planned store (%d quads) differs from unplanned (%d)", len(a), len(b))
	}
}
