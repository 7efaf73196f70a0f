package main

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// stats runs kg stats --json and returns its output.
func statsOf(t *testing.T, db string) string {
	t.Helper()
	out, stderr, err := run(t, "", "--db", db, "stats", "--json")
	if err != nil {
		t.Fatalf("stats: %v\n%s", err, stderr)
	}
	return out
}

func TestExportLoadRoundTripWithNumberedEvents(t *testing.T) {
	dir := crashCorpus(t, 60)
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, err := run(t, "", "--db", db, "ingest", dir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	orig := sortedNQuads(t, db)
	requireNumberedEvents(t, orig)
	nq := filepath.Join(t.TempDir(), "kg.nq")
	if err := os.WriteFile(nq, []byte(strings.Join(orig, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if _, stderr, err := run(t, "", "--db", cp, "load", nq); err != nil {
		t.Fatalf("load: %v\n%s", err, stderr)
	}
	if got := sortedNQuads(t, cp); strings.Join(got, "\n") != strings.Join(orig, "\n") {
		a, b := diffLines(orig, got)
		t.Fatalf("the copy differs: %d quads missing, %d extra, e.g. %q %q", len(a), len(b), first(a), first(b))
	}
}

func TestSameFileNameInTwoFolders(t *testing.T) {
	root := t.TempDir()
	texts := map[string]string{
		"dupA/news.txt": "date 2018-07-16\n\nDonald Trump met Vladimir Putin in Helsinki on Monday.\n",
		"dupB/news.txt": "date 2017-07-07\n\nAngela Merkel met Emmanuel Macron in Hamburg on Friday.\n",
		"dupB/news.md":  "date 2018-06-12\n\nDonald Trump met Kim Jong Un in Singapore on Tuesday.\n",
	}
	for name, text := range texts {
		os.MkdirAll(filepath.Join(root, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(root, name), []byte(text), 0o644)
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	out, stderr, err := run(t, "", "--db", db, "ingest", root)
	if err != nil || !strings.Contains(out, "3 articles (3 new") {
		t.Fatalf("ingest: %v\n%s%s", err, out, stderr)
	}
	if !strings.Contains(statsOf(t, db), `"articles":3`) {
		t.Fatalf("stats: %s", statsOf(t, db))
	}
	for _, who := range []string{"Vladimir Putin", "Emmanuel Macron", "Kim Jong Un"} {
		if out, _, err := run(t, "", "--db", db, "explain", who); err != nil {
			t.Errorf("%s lost: %v %s", who, err, out)
		}
	}
	// A file given alone keeps the name it was stored under: nothing is
	// new or changed.
	out, _, err = run(t, "", "--db", db, "ingest", filepath.Join(root, "dupB", "news.md"))
	if err != nil || !strings.Contains(out, "1 unchanged") {
		t.Errorf("file given alone: %v %s", err, out)
	}
}

// TestSameFileNameInTwoRuns: a file whose name another file's article
// holds, given in a later run or beside it as files, is an article of its
// own; neither replaces the other.
func TestSameFileNameInTwoRuns(t *testing.T) {
	root := t.TempDir()
	texts := map[string]string{
		"a/news.txt": "date 2018-07-16\n\nDonald Trump met Vladimir Putin in Helsinki on Monday.\n",
		"b/news.txt": "date 2017-07-07\n\nAngela Merkel met Emmanuel Macron in Hamburg on Friday.\n",
		"c/news.txt": "date 2018-06-12\n\nDonald Trump met Kim Jong Un in Singapore on Tuesday.\n",
		"d/news.txt": "date 2019-02-27\n\nDonald Trump met Kim Jong Un in Hanoi on Wednesday.\n",
	}
	for name, text := range texts {
		os.MkdirAll(filepath.Join(root, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(root, name), []byte(text), 0o644)
	}
	path := func(name string) string { return filepath.Join(root, name) }
	db := filepath.Join(t.TempDir(), "kg.db")
	steps := []struct {
		args []string
		want string
	}{
		{[]string{path("a/news.txt")}, "1 articles (1 new"},
		{[]string{path("b")}, "1 articles (1 new"},
		{[]string{path("c/news.txt"), path("d/news.txt")}, "2 articles (2 new"},
		{[]string{path("b/news.txt"), path("a")}, "2 articles (0 new, 0 changed, 2 unchanged"},
	}
	for _, step := range steps {
		out, stderr, err := run(t, "", append([]string{"--db", db, "ingest"}, step.args...)...)
		if err != nil || !strings.Contains(out, step.want) {
			t.Fatalf("ingest %v: %v\n%s%s, want %q", step.args, err, out, stderr, step.want)
		}
	}
	if !strings.Contains(statsOf(t, db), `"articles":4`) {
		t.Fatalf("stats: %s, want 4 articles", statsOf(t, db))
	}
	for _, who := range []string{"Vladimir Putin", "Emmanuel Macron", "Kim Jong Un"} {
		if out, _, err := run(t, "", "--db", db, "explain", who); err != nil {
			t.Errorf("%s lost: %v %s", who, err, out)
		}
	}
}

func TestRenamedFileMovesItsArticle(t *testing.T) {
	root := t.TempDir()
	old := filepath.Join(root, "old.txt")
	os.WriteFile(old, []byte("date 2018-07-16\n\nDonald Trump met Vladimir Putin in Helsinki on Monday.\n"), 0o644)
	copyOf := filepath.Join(root, "copy.txt")
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, err := run(t, "", "--db", db, "ingest", old); err != nil {
		t.Fatal(stderr)
	}
	data, _ := os.ReadFile(old)
	os.WriteFile(copyOf, data, 0o644)
	// A copy beside the original is an article of its own.
	if out, _, err := run(t, "", "--db", db, "ingest", copyOf); err != nil || !strings.Contains(statsOf(t, db), `"articles":2`) {
		t.Fatalf("copy: %v %s %s", err, out, statsOf(t, db))
	}
	// A renamed file: the article under the old name goes.
	renamed := filepath.Join(root, "renamed.txt")
	if err := os.Rename(old, renamed); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "", "--db", db, "ingest", renamed)
	if err != nil || !strings.Contains(out, "1 moved") {
		t.Fatalf("rename: %v %s", err, out)
	}
	if s := statsOf(t, db); !strings.Contains(s, `"articles":2`) {
		t.Errorf("after the rename: %s, want the copy and the renamed article", s)
	}
}

func TestTwoArticlesFromStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	for _, text := range []string{
		"date 2018-07-16\n\nDonald Trump met Vladimir Putin in Helsinki on Monday.\n",
		"date 2017-07-07\n\nAngela Merkel met Emmanuel Macron in Hamburg on Friday.\n",
	} {
		if out, stderr, err := run(t, text, "--db", db, "ingest", "-"); err != nil || !strings.Contains(out, "1 new") {
			t.Fatalf("stdin: %v %s %s", err, out, stderr)
		}
	}
	if s := statsOf(t, db); !strings.Contains(s, `"articles":2`) {
		t.Errorf("%s: the second stdin article replaced the first", s)
	}
}

func TestNamedPipeIsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("date 2018-07-16\n\nDonald Trump met Vladimir Putin in Helsinki on Monday.\n"), 0o644)
	db := filepath.Join(t.TempDir(), "kg.db")
	for _, arg := range []string{fifo, dir} {
		done := make(chan struct{})
		var out, stderr string
		var err error
		go func() {
			defer close(done)
			out, stderr, err = run(t, "", "--db", db, "ingest", arg)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			// Unblock the reader so that the test can end.
			if f, e := os.OpenFile(fifo, os.O_WRONLY, 0); e == nil {
				f.Close()
			}
			t.Fatalf("ingest %s hangs on a named pipe", arg)
		}
		if err == nil || !strings.Contains(stderr, "pipe.txt: not a regular file") {
			t.Errorf("ingest %s: %v, stderr %q; want the pipe named as not a regular file", arg, err, stderr)
		}
		if arg == dir && !strings.Contains(out, "1 new") {
			t.Errorf("the regular file beside the pipe was not ingested: %s", out)
		}
	}
}

func TestServeStopsGracefullyOnSIGTERM(t *testing.T) {
	db := seededDB(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join([]string{"--db", db, "serve", "--addr", "127.0.0.1:0"}, "\x1f"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("no start line: %v", err)
	}
	url := line[strings.Index(line, "http://"):]
	url = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(url), "/"))
	resp, err := http.Get(url + "/api/kg/central")
	if err != nil || resp.StatusCode != 200 {
		cmd.Process.Kill()
		t.Fatalf("server at %s: %v", url, err)
	}
	resp.Body.Close()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("kg serve after SIGTERM: %v, want a clean exit", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("kg serve did not stop on SIGTERM")
	}
}

func TestRemoveArticle(t *testing.T) {
	db := seededDB(t)
	before := statsOf(t, db)
	out, stderr, err := run(t, "", "--db", db, "remove", "004_97d33c003b3ba0ae.txt")
	if err != nil || !strings.Contains(out, "1 articles removed") {
		t.Fatalf("remove: %v %s %s", err, out, stderr)
	}
	after := statsOf(t, db)
	if before == after || strings.Contains(after, `"articles":5`) {
		t.Errorf("stats before %s after %s", before, after)
	}
	// Helsinki was reported held only by the removed article.
	out, _, _ = run(t, "", "--db", db, "explain", "kg:event/donald-trump+vladimir-putin/undated/fi-helsinki")
	if strings.Contains(out, "004_97d33c003b3ba0ae.txt") {
		t.Errorf("the removed article still explains an event:\n%s", out)
	}
	if _, _, err := run(t, "", "--db", db, "remove", "no-such.txt"); err == nil || !strings.Contains(err.Error(), "no article no-such.txt") {
		t.Errorf("removing a missing article: %v", err)
	}
}

// TestParallelExtractionKeepsOrder: with several extraction jobs, the
// store and the summary are those of one job.
func TestParallelExtractionKeepsOrder(t *testing.T) {
	dir := crashCorpus(t, 30)
	one, four := filepath.Join(t.TempDir(), "one.db"), filepath.Join(t.TempDir(), "four.db")
	out1, _, err1 := run(t, "", "--db", one, "ingest", "-j", "1", dir)
	out4, _, err4 := run(t, "", "--db", four, "ingest", "-j", "4", dir)
	if err1 != nil || err4 != nil {
		t.Fatalf("ingest: %v, %v", err1, err4)
	}
	cut := func(s string) string { return s[:strings.Index(s, " in ")] }
	if cut(out1) != cut(out4) {
		t.Errorf("summaries differ:\n%s\n%s", out1, out4)
	}
	a, b := sortedNQuads(t, one), sortedNQuads(t, four)
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		x, y := diffLines(a, b)
		t.Errorf("stores differ: %d and %d quads of their own, e.g. %q %q", len(x), len(y), first(x), first(y))
	}
}

func TestReadCommandsNeedAStore(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.db")
	for _, args := range [][]string{{"stats"}, {"central"}, {"query", "g.V().All()"}, {"explain", "Putin"}, {"export"}} {
		_, _, err := run(t, "", append([]string{"--db", missing}, args...)...)
		if err == nil || !strings.Contains(err.Error(), "no store at "+missing) || !strings.Contains(err.Error(), "kg ingest") {
			t.Errorf("%v on a missing store: %v", args, err)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v created %s", args, missing)
		}
	}
}

func TestVersionAndSuggestions(t *testing.T) {
	out, _, err := run(t, "", "version")
	if err != nil || !strings.Contains(out, "kg ") || !strings.Contains(out, "go1.") || !strings.Contains(out, "gazetteer of") {
		t.Errorf("version: %q, %v", out, err)
	}
	_, stderr, err := run(t, "", "stat")
	if err == nil || !strings.Contains(stderr+err.Error(), "stats") {
		t.Errorf("a mistyped command: %v %q, want a suggestion of stats", err, stderr)
	}
}

func TestPathNotConnectedSaysSo(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("date 2018-07-16\n\nDonald Trump met Vladimir Putin in Helsinki on Monday.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("date 2019-06-28\n\nAngela Merkel met Emmanuel Macron on Friday.\n"), 0o644)
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, err := run(t, "", "--db", db, "ingest", dir); err != nil {
		t.Fatal(stderr)
	}
	_, _, err := run(t, "", "--db", db, "path", "Donald Trump", "Angela Merkel")
	if err == nil || !strings.Contains(err.Error(), "Donald Trump and Angela Merkel are not connected") {
		t.Fatalf("path between strangers: %v", err)
	}
	if msg := plainError(err); strings.Contains(msg, "queries:") || !strings.HasPrefix(msg, "path: ") {
		t.Errorf("printed as %q, want no package prefix", msg)
	}
}

func TestGlobalFlagsAfterTheCommand(t *testing.T) {
	db := seededDB(t)
	for _, args := range [][]string{
		{"stats", "--json", "--db", db},
		{"stats", "--db=" + db, "--json"},
		{"--db", db, "stats", "--json"},
	} {
		out, _, err := run(t, "", args...)
		if err != nil || !strings.Contains(out, `"articles":5`) {
			t.Errorf("%v: %v %s", args, err, out)
		}
	}
	want := []string{"kg", "--db", "x.db", "query", "--", "--db"}
	if got := hoistGlobalFlags([]string{"kg", "query", "--db", "x.db", "--", "--db"}); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("hoist = %q, want %q", got, want)
	}
}

// TestCopiesOfAStory: the same story with a line appended, ingested in
// two runs, is marked as copies of its first version (found in the store
// and within a run), kg explain names them, and their facts make one
// event rather than one per copy.
func TestCopiesOfAStory(t *testing.T) {
	story, err := os.ReadFile("../../testdata/004_97d33c003b3ba0ae.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir1, dir2 := t.TempDir(), t.TempDir()
	for i, dir := range []string{dir1, dir1, dir2, dir2} {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("copy%d.txt", i)), append(append([]byte{}, story...), fmt.Sprintf("\nShared %d times on social media.\n", i+1)...), 0o644)
	}
	other, _ := os.ReadFile("../../testdata/000_8bc67e98fcbec149.txt")
	os.WriteFile(filepath.Join(dir2, "other.txt"), other, 0o644)
	db := filepath.Join(t.TempDir(), "kg.db")
	for _, dir := range []string{dir1, dir2} {
		if out, stderr, err := run(t, "", "--db", db, "ingest", dir); err != nil {
			t.Fatalf("ingest %s: %v\n%s%s", dir, err, out, stderr)
		}
	}
	out, _, err := run(t, "", "--db", db, "explain", "kg:event/donald-trump+vladimir-putin/undated/fi-helsinki")
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	_, copies, _ := strings.Cut(out, "copies of one story:\n")
	if n := strings.Count(copies, " repeats copy0.txt"); n != 3 || strings.Contains(copies, "other.txt") {
		t.Errorf("copies %q, want copy1-3 repeating copy0 and nothing of other.txt\n%s", copies, out)
	}
	out, _, _ = run(t, "", "--db", db, "events", "--json")
	if n := strings.Count(out, `"place": "Helsinki"`) + strings.Count(out, `"place":"Helsinki"`); n != 1 {
		t.Errorf("%d Helsinki events, want the copies' one:\n%s", n, out)
	}
}
