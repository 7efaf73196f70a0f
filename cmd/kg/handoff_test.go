package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startServer runs kg serve on a store in a child process, with extra
// flags, and returns its base URL; the server is stopped when the test
// ends.
func startServer(t *testing.T, db string, flags ...string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	args := append([]string{"--db", db, "serve", "--addr", "127.0.0.1:0"}, flags...)
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(args, "\x1f"))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("no start line: %v", err)
	}
	u := strings.TrimSpace(line[strings.Index(line, "http://"):])
	return strings.TrimSuffix(u, "/")
}

func getJSON(t *testing.T, u string, v any) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if v != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("%s: %v: %s", u, err, data)
		}
	}
	return resp.StatusCode
}

// TestIngestWhileServing: with kg serve holding the store, kg ingest
// hands its articles to the server, which answers with them at once;
// a read command says where the answers are instead of waiting on the
// lock; after the server stops, the store is the command line's again.
func TestIngestWhileServing(t *testing.T) {
	db := seededDB(t)
	base := startServer(t, db)
	if _, err := os.Stat(filepath.Join(db, serveFile)); err != nil {
		t.Fatalf("the server did not announce itself: %v", err)
	}
	entity := base + "/api/kg/entity?name=" + url.QueryEscape("Angela Merkel")
	if code := getJSON(t, entity, nil); code != http.StatusNotFound {
		t.Fatalf("Merkel before the ingest: HTTP %d, want 404", code)
	}
	dir := t.TempDir()
	article := filepath.Join(dir, "merkel.txt")
	os.WriteFile(article, []byte("date 2017-07-07\n\nGerman Chancellor Angela Merkel met French President Emmanuel Macron in Hamburg on Friday.\n"), 0o644)
	// A relative path, as a user types it: the server reads it from this
	// folder.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(dir)
	start := time.Now()
	out, stderr, err := run(t, "", "--db", db, "ingest", "merkel.txt")
	if err != nil || !strings.Contains(out, "1 articles (1 new") || !strings.Contains(stderr, "ingesting there") {
		t.Fatalf("ingest beside the server: %v\n%s%s", err, out, stderr)
	}
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("the handed-off ingest took %v", took)
	}
	var ent struct {
		Name string `json:"name"`
	}
	if code := getJSON(t, entity, &ent); code != http.StatusOK || ent.Name != "Angela Merkel" {
		t.Fatalf("Merkel after the ingest: HTTP %d %+v, want her entity", code, ent)
	}
	// The same file again is unchanged: the handoff keeps kg ingest's
	// rules.
	if out, _, err := run(t, "", "--db", db, "ingest", article); err != nil || !strings.Contains(out, "1 unchanged") {
		t.Errorf("second ingest: %v %s", err, out)
	}
	// A bad input is named, as by kg ingest itself.
	if _, stderr, err := run(t, "", "--db", db, "ingest", filepath.Join(dir, "missing.txt")); err == nil || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("missing file: %v %q", err, stderr)
	}
	start = time.Now()
	_, _, err = run(t, "", "--db", db, "stats")
	if err == nil || !strings.Contains(err.Error(), "kg serve at "+base) || !strings.Contains(err.Error(), "api/kg/") {
		t.Errorf("stats beside the server: %v, want where the answers are", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("stats took %v to say the server holds the store", took)
	}
}
