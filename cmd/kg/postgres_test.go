package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kg-news/kg/internal/corpus"
	"github.com/kg-news/kg/internal/pgtest"
)

// childOutput runs kg in a child process and returns its stdout, stderr
// and error.
func childOutput(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(args, "\x1f"))
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

// splitCorpus writes n articles into two folders, alternately.
func splitCorpus(t *testing.T, n int) (string, string) {
	t.Helper()
	texts, err := corpus.ReadTexts("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	arts := corpus.Generate(corpus.Paragraphs(texts), n, 9)
	root := t.TempDir()
	var a, b []corpus.Article
	for i, art := range arts {
		if i%2 == 0 {
			a = append(a, art)
		} else {
			b = append(b, art)
		}
	}
	da, db := filepath.Join(root, "a"), filepath.Join(root, "b")
	if err := corpus.Write(da, a); err != nil {
		t.Fatal(err)
	}
	if err := corpus.Write(db, b); err != nil {
		t.Fatal(err)
	}
	return da, db
}

// TestConcurrentPostgresIngests runs two kg ingest processes on two
// halves of a corpus into one PostgreSQL database at once, and requires
// the store to equal one ingest of the whole corpus, quad for quad.
func TestConcurrentPostgresIngests(t *testing.T) {
	pg := pgtest.Start(t)
	half1, half2 := splitCorpus(t, 60)
	together, clean := pg.CreateDB("together"), pg.CreateDB("clean")
	var wg sync.WaitGroup
	errs := make([]string, 2)
	for i, dir := range []string{half1, half2} {
		wg.Add(1)
		go func(i int, dir string) {
			defer wg.Done()
			if out, stderr, err := childOutput(t, "--backend", "postgres", "--db", together, "ingest", dir); err != nil {
				errs[i] = err.Error() + "\n" + out + stderr
			}
		}(i, dir)
	}
	wg.Wait()
	for _, e := range errs {
		if e != "" {
			t.Fatalf("concurrent ingest failed: %s", e)
		}
	}
	if out, stderr, err := run(t, "", "--backend", "postgres", "--db", clean, "ingest", half1, half2); err != nil {
		t.Fatalf("clean ingest: %v\n%s%s", err, out, stderr)
	}
	want := sortedNQuadsOf(t, "postgres", clean)
	got := sortedNQuadsOf(t, "postgres", together)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		a, b := diffLines(want, got)
		t.Fatalf("two concurrent ingests differ from one: %d quads missing, %d extra, e.g. %q %q", len(a), len(b), first(a), first(b))
	}
}

// TestPostgresStoppedMidIngest stops the database during an ingest that
// commits each article: kg must stop at once with one message that
// counts the articles not ingested, keep what it committed, and finish
// on a second run.
func TestPostgresStoppedMidIngest(t *testing.T) {
	pg := pgtest.Start(t)
	half1, _ := splitCorpus(t, 120)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join([]string{"--backend", "postgres", "--db", pg.Conn, "ingest", "--batch", "1", "--progress", "plain", half1}, "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(stderr)
	stopped := false
	for sc.Scan() {
		l := sc.Text()
		lines = append(lines, l)
		// "kg: ingest: 9/60 articles, at ..."
		if f := strings.Fields(l); !stopped && len(f) > 2 && strings.Contains(f[2], "/") {
			if n, _ := strconv.Atoi(strings.Split(f[2], "/")[0]); n >= 9 {
				pg.Stop()
				stopped = true
			}
		}
	}
	err = cmd.Wait()
	if !stopped {
		t.Fatalf("the ingest ended before the database could be stopped:\n%s", strings.Join(lines, "\n"))
	}
	if err == nil {
		t.Fatal("ingest succeeded with its database stopped")
	}
	var errLines []string
	for _, l := range lines {
		if !strings.HasPrefix(l, "kg: ingest: ") || strings.Contains(l, "lost") {
			errLines = append(errLines, l)
		}
	}
	if len(errLines) != 1 || !strings.Contains(errLines[0], "lost the connection") || !strings.Contains(errLines[0], "not (") {
		t.Fatalf("want one line saying the connection was lost and how many articles were not ingested, got %d:\n%s", len(errLines), strings.Join(errLines, "\n"))
	}
	t.Log(errLines[0])
	pg.Start()
	kept := statsOfBackend(t, "postgres", pg.Conn)
	if strings.Contains(kept, `"articles":0`) {
		t.Errorf("committed articles lost: %s", kept)
	}
	if out, stderr, err := run(t, "", "--backend", "postgres", "--db", pg.Conn, "ingest", half1); err != nil {
		t.Fatalf("second run: %v\n%s%s", err, out, stderr)
	}
	if s := statsOfBackend(t, "postgres", pg.Conn); !strings.Contains(s, `"articles":60`) {
		t.Errorf("after the second run: %s, want 60 articles", s)
	}
}

func statsOfBackend(t *testing.T, backend, db string) string {
	t.Helper()
	out, stderr, err := run(t, "", "--backend", backend, "--db", db, "stats", "--json")
	if err != nil {
		t.Fatalf("stats: %v\n%s", err, stderr)
	}
	return out
}

// TestPostgresCommandsAreQuiet: a command on an existing database prints
// nothing on stderr (Cayley logged two errors for the tables it found).
func TestPostgresCommandsAreQuiet(t *testing.T) {
	pg := pgtest.Start(t)
	for i := 0; i < 2; i++ {
		_, stderr, err := childOutput(t, "--backend", "postgres", "--db", pg.Conn, "stats")
		if err != nil || stderr != "" {
			t.Errorf("stats #%d: %v, stderr %q", i+1, err, stderr)
		}
	}
}
