package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-news/kg/queries"
)

// seededDB ingests the seed articles into a new bolt store.
func seededDB(t *testing.T, extra ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	files, _ := filepath.Glob("../../testdata/*.txt")
	if _, stderr, err := run(t, "", append([]string{"--db", db, "ingest"}, append(files, extra...)...)...); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	return db
}

func TestCentralJSON(t *testing.T) {
	db := seededDB(t)
	for _, by := range []string{"pagerank", "betweenness", "eigenvector", "degree"} {
		out, stderr, err := run(t, "", "--db", db, "central", "--by", by, "--top", "2", "--json")
		if err != nil {
			t.Fatalf("%s: %v\n%s", by, err, stderr)
		}
		var actors []queries.Actor
		if err := json.Unmarshal([]byte(out), &actors); err != nil {
			t.Fatalf("%s: %v\n%s", by, err, out)
		}
		if len(actors) != 2 || actors[0].Score < actors[1].Score || actors[0].Articles != 5 {
			t.Fatalf("%s: %+v", by, actors)
		}
		names := actors[0].Name + "," + actors[1].Name
		if names != "Vladimir Putin,Donald Trump" && names != "Donald Trump,Vladimir Putin" {
			t.Errorf("%s: top two = %s", by, names)
		}
	}
}

func TestAnalysisCommands(t *testing.T) {
	db := seededDB(t)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"table", []string{"central", "--type", "all", "--top", "3"}, []string{"rank", "Vladimir Putin"}},
		{"communities", []string{"communities"}, []string{"Vladimir Putin & Donald Trump"}},
		{"timeline", []string{"events", "--person", "Trump", "--with", "Putin", "--from", "2017-07", "--to", "2017-12"},
			[]string{"2017-07  ", "Hamburg", "2017-11-11", "Danang"}},
		{"chain", []string{"events", "--connected"}, []string{"Hamburg meeting, 2017-07 → Danang meeting, 2017-11-11", "Helsinki summit → Washington visit (planned)"}},
		{"path", []string{"path", "Jon Huntsman", "Shinzo Abe"}, []string{"Jon Huntsman —ambassador posted to— Russia", "articles:", "attended by— Shinzo Abe"}},
		{"explain", []string{"explain", "Kim Jong-un"}, []string{"kg:person/kim-jong-un", "merged by:"}},
		{"explain event", []string{"explain", "kg:event/donald-trump+vladimir-putin/undated/fi-helsinki"}, []string{"status history:", "planned", "happened"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, err := run(t, "", append([]string{"--db", db}, tt.args...)...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
	// The 2018 timeline excludes 2017 meetings.
	out, _, _ := run(t, "", "--db", db, "events", "--from", "2018", "--person", "Putin")
	if strings.Contains(out, "2017") {
		t.Errorf("--from 2018 lists 2017 events:\n%s", out)
	}
}

func TestAnalysisErrors(t *testing.T) {
	db := seededDB(t)
	tests := []struct {
		name string
		args []string
		want string
		is   error
	}{
		{"unknown person", []string{"events", "--person", "Nobody Atall"}, `"Nobody Atall"`, queries.ErrNotFound},
		{"unknown measure", []string{"central", "--by", "closeness"}, "closeness", nil},
		{"unknown type", []string{"central", "--type", "cat"}, "cat", nil},
		{"bad date", []string{"events", "--from", "last year"}, "last year", nil},
		{"one name", []string{"path", "Putin"}, "two names", nil},
		{"explain nobody", []string{"explain", "Nobody Atall"}, "Nobody Atall", queries.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(t, "", append([]string{"--db", db}, tt.args...)...)
			if err == nil || !strings.Contains(err.Error(), tt.want) || tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want an error naming %q", err, tt.want)
			}
		})
	}
}

func TestIngestAliasesFile(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "surnames.txt")
	os.WriteFile(art, []byte("Trump meets Putin\n\nJuly 20, 2018\n\nPresident Trump met President Putin in Helsinki on Monday.\n"), 0o644)
	db := seededDB(t, art)
	out, _, err := run(t, "", "--db", db, "explain", "President Trump")
	if err != nil || !strings.Contains(out, "kg:person/donald-trump") || !strings.Contains(out, "surnames.txt: Trump is the only person in the store it can name") {
		t.Fatalf("Trump not merged with its rule: %v\n%s", err, out)
	}
	aliases := filepath.Join(dir, "kg.aliases")
	os.WriteFile(aliases, []byte("# Trump in surnames.txt is another Trump\nTrump != Donald Trump\n"), 0o644)
	if _, stderr, err := run(t, "", "--db", db, "ingest", "--aliases", aliases, art); err != nil {
		t.Fatalf("re-ingest: %v\n%s", err, stderr)
	}
	out, _, _ = run(t, "", "--db", db, "explain", "President Trump")
	if !strings.Contains(out, "kg:person/trump") || !strings.Contains(out, "kept apart by the aliases file") {
		t.Errorf("forbid not respected on re-ingest:\n%s", out)
	}
	os.WriteFile(aliases, []byte("Trump = = Donald Trump\n"), 0o644)
	_, _, err = run(t, "", "--db", db, "ingest", "--aliases", aliases, art)
	if err == nil || !strings.Contains(err.Error(), aliases+":1") {
		t.Errorf("bad aliases file: err = %v, want it named with its line", err)
	}
}
