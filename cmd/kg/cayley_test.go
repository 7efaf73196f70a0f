package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cayleyPath finds the cayley v0.7.7 binary: $KG_CAYLEY or cayley on
// PATH (.ci/build-cayley builds it). Without one the test skips, unless
// KG_REQUIRE_TOOLS=1 (set by CI) makes that a failure.
func cayleyPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("KG_CAYLEY"); p != "" {
		return p
	}
	p, err := exec.LookPath("cayley")
	if err != nil {
		if os.Getenv("KG_REQUIRE_TOOLS") != "" {
			t.Fatal("no cayley binary, and KG_REQUIRE_TOOLS is set; build it with .ci/build-cayley")
		}
		t.Skip("no cayley binary (set KG_CAYLEY or build it with .ci/build-cayley)")
	}
	return p
}

// TestRealCayleyOpensStore checks that Cayley's own binary, with its
// BoltDB v1.3.1, reads the bolt store kg writes with bbolt.
func TestRealCayleyOpensStore(t *testing.T) {
	cayley := cayleyPath(t)
	db := seededDB(t)
	cmd := exec.Command(cayley, "query", "-d", "bolt", "-a", db, "--logtostderr", "false",
		`g.V("<kg:person/vladimir-putin>").Out("<kg:holdsRole>").Out("<http://schema.org/roleName>").Unique().All()`)
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cayley query: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), `{"id":"president"}`) {
		t.Fatalf("cayley did not read Putin's role from kg's store:\n%s", out)
	}
	// And kg reads what cayley load wrote into a bolt store.
	nq := filepath.Join(t.TempDir(), "x.nq")
	os.WriteFile(nq, []byte(`<kg:person/ada-lovelace> <http://schema.org/name> "Ada Lovelace" <kg:article/manual> .`+"\n"), 0o644)
	cdb := filepath.Join(t.TempDir(), "cayley.db")
	load := exec.Command(cayley, "load", "--init", "-d", "bolt", "-a", cdb, "-i", nq, "--logtostderr", "false")
	load.Dir = t.TempDir()
	if out, err := load.CombinedOutput(); err != nil {
		t.Fatalf("cayley load: %v\n%s", err, out)
	}
	out2, stderr, err := run(t, "", "--db", cdb, "query", `g.V("<kg:person/ada-lovelace>").Out("<http://schema.org/name>").All()`)
	if err != nil || !strings.Contains(out2, "Ada Lovelace") {
		t.Fatalf("kg on cayley's store: %v\n%s%s", err, out2, stderr)
	}
}
