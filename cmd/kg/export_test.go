package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestExportNQuadsRoundTrip(t *testing.T) {
	db := seededDB(t)
	out, stderr, err := run(t, "", "--db", db, "export", "--format", "nquads")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "<kg:person/vladimir-putin> <http://schema.org/name> \"Vladimir Putin\" <kg:article/") {
		t.Fatalf("N-Quads lack labelled facts:\n%.500s", out)
	}
	nq := filepath.Join(t.TempDir(), "kg.nq")
	os.WriteFile(nq, []byte(out), 0o644)
	db2 := filepath.Join(t.TempDir(), "copy.db")
	if _, stderr, err := run(t, "", "--db", db2, "load", nq); err != nil {
		t.Fatalf("load: %v\n%s", err, stderr)
	}
	again, _, err := run(t, "", "--db", db2, "export", "--format", "nquads")
	if err != nil || sortedLines(again) != sortedLines(out) {
		t.Errorf("round trip changed the quads (%v): %d then %d lines", err, strings.Count(out, "\n"), strings.Count(again, "\n"))
	}
	// The copy answers like the original.
	a, _, _ := run(t, "", "--db", db, "central", "--top", "3")
	b, _, _ := run(t, "", "--db", db2, "central", "--top", "3")
	if a != b {
		t.Errorf("central differs after the round trip:\n%s\n%s", a, b)
	}
}

func TestLoadBadFileChangesNothing(t *testing.T) {
	db := seededDB(t)
	before, _, _ := run(t, "", "--db", db, "export", "--format", "nquads")
	dir := t.TempDir()
	for name, text := range map[string]string{
		"syntax.nq":    "<kg:a> <kg:b> \"c\" <kg:article/x> .\n<kg:a> <kg:b> \"unterminated <kg:article/x> .\n",
		"unlabeled.nq": "<kg:a> <kg:b> \"c\" .\n",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		_, _, err := run(t, "", "--db", db, "load", p)
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
	after, _, _ := run(t, "", "--db", db, "export", "--format", "nquads")
	if sortedLines(before) != sortedLines(after) {
		t.Error("a refused load changed the store")
	}
}

func TestExportDOTAndGraphML(t *testing.T) {
	db := seededDB(t)
	out, _, err := run(t, "", "--db", db, "export", "--around", "Jon Huntsman", "--depth", "1")
	if err != nil || !strings.HasPrefix(out, "strict graph kg {") || !strings.Contains(out, `label="Jon Huntsman"`) || strings.Contains(out, "Shinzo Abe") {
		t.Errorf("dot around Huntsman (%v):\n%.400s", err, out)
	}
	out, _, err = run(t, "", "--db", db, "export", "-f", "graphml", "--type", "person")
	if err != nil || !strings.Contains(out, "<graphml") || strings.Contains(out, ">event<") {
		t.Errorf("graphml of persons (%v):\n%.400s", err, out)
	}
	for _, args := range [][]string{{"export", "-f", "svg"}, {"export", "--type", "cat"}, {"export", "-f", "nquads", "--around", "Putin"}, {"export", "--around", "Nobody Atall"}} {
		if _, _, err := run(t, "", append([]string{"--db", db}, args...)...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
