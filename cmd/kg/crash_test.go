package main

import (
	"bufio"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-news/kg/internal/corpus"
)

// childEnv, when set, makes the test binary run kg with the arguments it
// holds (separated by unit separators, \x1f) instead of the tests, so that a test can
// kill a real kg process.
const childEnv = "KG_TEST_CHILD_ARGS"

// planFromEnv, when set, gives a child kg the fewest new files it plans
// resolution for (planFrom), so that a small corpus takes the planned
// path.
const planFromEnv = "KG_TEST_PLAN_FROM"

func TestMain(m *testing.M) {
	if n, err := strconv.Atoi(os.Getenv(planFromEnv)); err == nil {
		planFrom = n
	}
	if args := os.Getenv(childEnv); args != "" {
		os.Exit(runMain(append([]string{"kg"}, strings.Split(args, "\x1f")...)))
	}
	os.Exit(m.Run())
}

// child starts kg in a child process with stderr piped.
func child(t *testing.T, args ...string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(args, "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(stderr)
}

// crashCorpus writes articles recombined from the repository's test
// articles: enough for events that resolution must number.
func crashCorpus(t *testing.T, n int) string {
	t.Helper()
	texts, err := corpus.ReadTexts("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := corpus.Write(dir, corpus.Generate(corpus.Paragraphs(texts), n, 9)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sortedNQuads exports a bolt store as sorted N-Quads lines.
func sortedNQuads(t *testing.T, db string) []string {
	t.Helper()
	return sortedNQuadsOf(t, "bolt", db)
}

// sortedNQuadsOf exports a store of a backend as sorted N-Quads lines.
func sortedNQuadsOf(t *testing.T, backend, db string) []string {
	t.Helper()
	out, stderr, err := run(t, "", "--backend", backend, "--db", db, "export", "-f", "nquads")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	sort.Strings(lines)
	return lines
}

func diffLines(a, b []string) (onlyA, onlyB []string) {
	in := map[string]int{}
	for _, l := range b {
		in[l]++
	}
	for _, l := range a {
		if in[l] > 0 {
			in[l]--
		} else {
			onlyA = append(onlyA, l)
		}
	}
	for l, n := range in {
		for ; n > 0; n-- {
			onlyB = append(onlyB, l)
		}
	}
	sort.Strings(onlyB)
	return onlyA, onlyB
}

// TestKillDuringIngestHeals kills kg -9 at random points of an ingest,
// during extraction and writing and during resolution, runs the ingest
// again, and requires the store to equal a clean run's, quad for quad:
// with the articles written as extracted, and written as a resolution
// plan resolves them.
func TestKillDuringIngestHeals(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; not in -short")
	}
	t.Run("unplanned", func(t *testing.T) { killDuringIngest(t) })
	t.Run("planned", func(t *testing.T) {
		defer func(n int) { planFrom = n }(planFrom)
		planFrom = 30
		t.Setenv(planFromEnv, "30")
		killDuringIngest(t)
	})
}

func killDuringIngest(t *testing.T) {
	dir := crashCorpus(t, 60)
	args := func(db string) []string { return []string{"--db", db, "ingest", "--progress", "plain", dir} }

	// A clean run in a child, timed stage by stage: progress lines while
	// reading and writing articles, then "resolving".
	cleanDB := filepath.Join(t.TempDir(), "clean.db")
	start := time.Now()
	cmd, lines := child(t, args(cleanDB)...)
	var resolveAt time.Duration
	progressLines := 0
	for lines.Scan() {
		switch {
		case strings.Contains(lines.Text(), "resolving"):
			resolveAt = time.Since(start)
		case resolveAt == 0 && strings.Contains(lines.Text(), " articles, at "):
			progressLines++
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("clean ingest: %v", err)
	}
	total := time.Since(start)
	if resolveAt == 0 || progressLines == 0 {
		t.Fatal("the ingest never said how far it was or that it was resolving")
	}
	clean := sortedNQuads(t, cleanDB)
	numbered := requireNumberedEvents(t, clean)
	// Ingesting the same articles again changes nothing.
	if out, stderr, err := run(t, "", args(cleanDB)...); err != nil || !strings.Contains(out, "60 unchanged") {
		t.Fatalf("second ingest: %v\n%s%s", err, out, stderr)
	}
	if again := sortedNQuads(t, cleanDB); strings.Join(again, "\n") != strings.Join(clean, "\n") {
		a, b := diffLines(clean, again)
		t.Fatalf("a second ingest of unchanged articles changed the store: %d quads gone, %d new, e.g. %q %q", len(a), len(b), first(a), first(b))
	}
	t.Logf("clean run: %d quads, %d numbered events, %v in all, resolution from %v", len(clean), numbered, total, resolveAt)

	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	kills, duringResolve := 0, 0
	// The resolution may take a few tens of milliseconds only (a plan
	// resolves while the articles are written): each kill that the end
	// of the run outpaces halves the window the next one falls in.
	window := max(total-resolveAt, time.Millisecond)
	for trial := 0; trial < 40 && (kills < 6 || duringResolve < 3); trial++ {
		db := filepath.Join(t.TempDir(), "crash.db")
		// Odd trials kill during resolution, at a random time after it
		// starts within the window; even ones
		// while articles are read and written, a moment after a random
		// progress line. Kills follow what the child says, not the
		// clock alone, so that a loaded machine does not make them miss.
		inResolve := trial%2 == 1
		afterLine := rng.IntN(progressLines)
		var delay time.Duration
		if inResolve {
			delay = time.Duration(rng.Int64N(int64(window)))
		} else {
			delay = time.Duration(rng.Int64N(int64(10 * time.Millisecond)))
		}
		cmd, lines := child(t, args(db)...)
		mark := make(chan struct{})
		exited := make(chan struct{})
		go func() {
			defer close(exited)
			marked, seen := false, 0
			for lines.Scan() {
				l := lines.Text()
				hit := inResolve && strings.Contains(l, "resolving") ||
					!inResolve && strings.Contains(l, " articles, at ") && seen == afterLine
				if strings.Contains(l, " articles, at ") {
					seen++
				}
				if hit && !marked {
					marked = true
					close(mark)
				}
			}
			if !marked {
				close(mark)
			}
		}()
		<-mark
		select {
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
		case <-exited:
		}
		err := cmd.Wait()
		<-exited
		killed := err != nil && strings.Contains(err.Error(), "killed")
		if killed {
			kills++
			if inResolve {
				duringResolve++
			}
		} else if inResolve {
			window = max(window/2, time.Millisecond)
		}
		if out, stderr, err := run(t, "", args(db)...); err != nil {
			t.Fatalf("trial %d: re-run after kill at %v: %v\n%s%s", trial, delay, err, out, stderr)
		}
		got := sortedNQuads(t, db)
		if strings.Join(got, "\n") != strings.Join(clean, "\n") {
			a, b := diffLines(clean, got)
			t.Errorf("trial %d (killed %v, during resolution %v, after %v): store differs from a clean run: %d quads missing, %d extra, e.g. %q %q",
				trial, killed, inResolve, delay, len(a), len(b), first(a), first(b))
		}
	}
	if kills < 6 || duringResolve < 3 {
		t.Errorf("only %d kills landed (%d during resolution); want 6 and 3", kills, duringResolve)
	}
	t.Logf("%d kills, %d of them during resolution", kills, duringResolve)
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// requireNumberedEvents fails the test when no line of an export is about
// a numbered event, which the test would then not cover; it returns how
// many lines are.
func requireNumberedEvents(t *testing.T, lines []string) int {
	t.Helper()
	n := 0
	for _, l := range lines {
		if isNumberedEvent(l) {
			n++
		}
	}
	if n == 0 {
		t.Fatal("the corpus has no numbered events; the test would not cover their numbering")
	}
	return n
}

// isNumberedEvent reports whether an N-Quads line is about an event that
// resolution told apart from one that reads alike, by a number or by the
// hash of its first record ("kg:event/a+b/undated/2",
// "kg:event/a+b/undated/3fa9c1d2").
func isNumberedEvent(line string) bool {
	s, _, _ := strings.Cut(line, " ")
	if !strings.HasPrefix(s, "<kg:event/") {
		return false
	}
	i := strings.LastIndexByte(s, '/')
	n := strings.TrimSuffix(s[i+1:], ">")
	return n != "" && strings.Trim(n, "0123456789") == "" || len(n) == 8 && strings.Trim(n, "0123456789abcdef") == ""
}
