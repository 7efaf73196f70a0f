package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// run runs kg in process and returns its stdout, stderr and error.
func run(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	app := newApp(strings.NewReader(stdin), &out, &errb)
	err := app.RunContext(context.Background(), hoistGlobalFlags(append([]string{"kg"}, args...)))
	return out.String(), errb.String(), err
}

func TestIngestThenQueryPutinRoles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	out, stderr, err := run(t, "", "--db", db, "ingest", "../../testdata")
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "8 articles (8 new") {
		t.Fatalf("ingest summary %q, want 8 new articles (seeds and held-out)", out)
	}
	out, _, err = run(t, "", "--db", db, "ingest", "../../testdata")
	if err != nil || !strings.Contains(out, "8 unchanged") {
		t.Fatalf("re-ingest: %q, %v; want 8 unchanged", out, err)
	}
	q := `g.V().Has("<http://schema.org/name>","Vladimir Putin").Out("<kg:holdsRole>").Tag("role").Save("<http://schema.org/roleName>","title").Out("<kg:evidence>").Out("<kg:article>").Unique().Tag("article").All()`
	out, stderr, err = run(t, "", "--db", db, "query", q)
	if err != nil {
		t.Fatalf("query: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, `"title": "president"`) || strings.Count(out, "kg:article/") < 3 {
		t.Fatalf("query output lacks Putin's role with its articles:\n%s", out)
	}
	// The same query from stdin.
	out2, _, err := run(t, q, "--db", db, "query", "-")
	if err != nil || out2 != out {
		t.Fatalf("query from stdin differs: %v", err)
	}
}

// TestIngestBadInput covers each bad input: a one-line error naming the
// file, the rest of the batch stored, failure in the exit status, and
// nothing already stored lost.
func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.\n"))
	emptyDir := filepath.Join(dir, "empty")
	os.Mkdir(emptyDir, 0o755)
	big := bytes.Repeat([]byte("Putin met Xi. "), 100)
	tests := []struct {
		name   string
		path   string
		args   []string
		reason string
	}{
		{"missing path", filepath.Join(dir, "nope.txt"), nil, "no such file"},
		{"directory without articles", emptyDir, nil, "no articles"},
		{"binary file", write("blob.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3}), nil, "binary"},
		{"invalid UTF-8", write("latin1.txt", []byte("Caf\xe9 in Paris, said Fran\xe7ois Hollande.")), nil, "invalid UTF-8 at byte 3"},
		{"empty file", write("empty.txt", nil), nil, "no text"},
		{"over the size limit", write("big.txt", big), []string{"--max-size", "1000"}, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "kg.db")
			if _, _, err := run(t, "", "--db", db, "ingest", "../../testdata"); err != nil {
				t.Fatal(err)
			}
			before, _, _ := run(t, "", "--db", db, "stats", "--json")
			args := append([]string{"--db", db, "ingest"}, tt.args...)
			args = append(args, tt.path, good)
			out, stderr, err := run(t, "", args...)
			if err == nil {
				t.Fatalf("ingest of %s succeeded; want a failing exit", tt.name)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], tt.path) || !strings.Contains(lines[0], tt.reason) {
				t.Fatalf("stderr %q: want one line naming %s and %q", stderr, tt.path, tt.reason)
			}
			if !strings.Contains(out, "1 articles (1 new") {
				t.Fatalf("the good file was not stored: %q", out)
			}
			after, _, _ := run(t, "", "--db", db, "stats", "--json")
			if !strings.Contains(after, `"articles":9`) || before == after {
				t.Fatalf("stats before %s after %s: want the 8 articles kept and 1 added", before, after)
			}
		})
	}
}

func TestStoreErrors(t *testing.T) {
	t.Run("unreachable database", func(t *testing.T) {
		_, _, err := run(t, "", "--backend", "postgres", "--db", "host=127.0.0.1 port=1 user=kg dbname=kg sslmode=disable", "stats")
		if err == nil || !strings.Contains(err.Error(), "unreachable") {
			t.Fatalf("err=%v, want unreachable", err)
		}
	})
	t.Run("environment selects the store", func(t *testing.T) {
		t.Setenv("KG_BACKEND", "memstore")
		out, _, err := run(t, "", "stats", "--json")
		if err != nil || !strings.Contains(out, `"articles":0`) {
			t.Fatalf("stats on memstore from KG_BACKEND: %q, %v", out, err)
		}
	})
	t.Run("locked bolt", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "kg.db")
		if _, _, err := run(t, "", "--db", db, "ingest", "../../testdata/000_8bc67e98fcbec149.txt"); err != nil {
			t.Fatal(err)
		}
		// Another running kg holds the store.
		st, err := openForTest(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		_, _, err = run(t, "", "--db", db, "ingest", "../../testdata")
		if err == nil || !strings.Contains(err.Error(), "locked") || !strings.Contains(err.Error(), db) {
			t.Fatalf("err=%v, want a locked-store error naming %s", err, db)
		}
	})
}

func TestExtractJSON(t *testing.T) {
	out, stderr, err := run(t, "", "extract", "--format", "json", "../../testdata/000_8bc67e98fcbec149.txt")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, `"id":"000_8bc67e98fcbec149"`) || !strings.Contains(out, `"date":"2018-06-02"`) {
		t.Fatalf("extract output: %s", out)
	}
}

func TestEvalMeetsSeedTargets(t *testing.T) {
	out, stderr, err := run(t, "", "eval", "--json", "--gold", "../../testdata/gold/seeds.gold.jsonl",
		"../../testdata/000_8bc67e98fcbec149.txt", "../../testdata/001_99ff201763bdb850.txt",
		"../../testdata/002_db275e69b41718d4.txt", "../../testdata/003_fa28a4ae8384f2c2.txt",
		"../../testdata/004_97d33c003b3ba0ae.txt")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(out, `"persons"`) || !strings.Contains(out, `"time value"`) {
		t.Fatalf("eval --json: %s", out)
	}
}

// TestMemoryLimit checks that kg sets the heap's soft limit to
// defaultMemoryLimit, and leaves the limit GOMEMLIMIT gives alone.
func TestMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	for _, tt := range []struct {
		env  string
		want int64
	}{
		{"", defaultMemoryLimit},
		{"5GiB", 5 << 30},
	} {
		debug.SetMemoryLimit(5 << 30) // what the runtime made of GOMEMLIMIT=5GiB
		t.Setenv("GOMEMLIMIT", tt.env)
		limitMemory()
		if got := debug.SetMemoryLimit(-1); got != tt.want {
			t.Errorf("GOMEMLIMIT=%q: limit %d, want %d", tt.env, got, tt.want)
		}
	}
}
