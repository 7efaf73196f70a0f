package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kg-news/kg/extract/syntax"
)

func TestDependencyPath(t *testing.T) {
	// "Putin met Trump in Helsinki": met is the root.
	toks := []syntax.Token{
		{Form: "Putin", Head: 2, Rel: "nsubj"},
		{Form: "met", Head: 0, Rel: "root"},
		{Form: "Trump", Head: 2, Rel: "obj"},
		{Form: "in", Head: 5, Rel: "case"},
		{Form: "Helsinki", Head: 2, Rel: "obl"},
	}
	tests := []struct {
		a, b int
		want string
	}{
		{0, 2, "Putin <-nsubj- met -obj-> Trump"},
		{2, 4, "Trump <-obj- met -obl-> Helsinki"},
		{1, 3, "met -obl-> Helsinki -case-> in"},
		{3, 4, "in <-case- Helsinki"},
	}
	for _, tt := range tests {
		if got := dependencyPath(toks, tt.a, tt.b); got != tt.want {
			t.Errorf("path %d-%d = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestExplainSyntax: kg explain --syntax shows, for each sentence behind
// an event, the dependency path between its participants.
func TestExplainSyntax(t *testing.T) {
	db := seededDB(t)
	const hamburg = "kg:event/donald-trump+vladimir-putin/2017-07/de-hamburg"
	out, stderr, err := run(t, "", "--db", db, "explain", "--syntax", hamburg)
	if err != nil {
		t.Fatalf("explain --syntax: %v\n%s", err, stderr)
	}
	_, syn, _ := strings.Cut(out, "  syntax:\n")
	if !strings.Contains(syn, "Trump") || !strings.Contains(syn, "->") || !strings.Contains(syn, "sentence ") {
		t.Fatalf("no dependency path in:\n%s", out)
	}
	out, _, err = run(t, "", "--db", db, "explain", "--syntax", "--json", hamburg)
	var ex []struct {
		Syntax []SyntaxPath `json:"syntax"`
	}
	if err != nil || json.Unmarshal([]byte(out), &ex) != nil || len(ex) != 1 || len(ex[0].Syntax) == 0 || ex[0].Syntax[0].Path == "" {
		t.Fatalf("explain --syntax --json: %v\n%s", err, out)
	}
}
