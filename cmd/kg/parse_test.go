package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-news/kg/extract/syntax"
)

func TestParseText(t *testing.T) {
	out, _, err := run(t, "Ministers met in Geneva. They didn't agree.", "parse")
	if err != nil {
		t.Fatal(err)
	}
	sents, err := syntax.ReadCoNLLU(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2:\n%s", len(sents), out)
	}
	var words []string
	for _, tok := range sents[1].Tokens {
		words = append(words, tok.Form+"/"+tok.Misc)
	}
	if got, want := strings.Join(words, " "), "They/TokenRange=25:29 did/TokenRange=30:33 n't/TokenRange=33:36 agree/TokenRange=37:42 ./TokenRange=42:43"; got != want {
		t.Errorf("second sentence words:\n got %s\nwant %s", got, want)
	}
	met := sents[0].Tokens[1]
	if met.Form != "met" || met.Lemma != "meet" || met.UPOS != "VERB" || met.Head != 0 {
		t.Errorf("met: %+v, want the VERB root with lemma meet", met)
	}
	if got := sents[0].Text(); got != "Ministers met in Geneva." {
		t.Errorf("# text = %q", got)
	}
}

func TestParseCoNLLUInput(t *testing.T) {
	out, _, err := run(t, "", "parse", filepath.Join("testdata", "parse-gold.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	sents, err := syntax.ReadCoNLLU(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || len(sents[1].Tokens) != 5 || sents[1].Tokens[2].Form != "n't" {
		t.Fatalf("the gold words were not kept:\n%s", out)
	}
	if !strings.Contains(out, "# text = Talks didn't end.") {
		t.Errorf("comments were not kept:\n%s", out)
	}
}

func TestParseEval(t *testing.T) {
	out, _, err := run(t, "", "parse", "--eval", filepath.Join("testdata", "parse-gold.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	var s syntax.Scores
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{`"upos"`, `"uas"`, `"las"`, `"tokens_per_s"`} {
		if !strings.Contains(out, key) {
			t.Errorf("no %s in %s", key, out)
		}
	}
	if s.Words != 13 || s.UPOS < 0.9 || s.UAS < 0.8 || s.LAS < 0.75 || s.TokensPerSecond <= 0 {
		t.Errorf("scores on two plain sentences: %+v", s)
	}
}

func TestParseErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conllu")
	if err := os.WriteFile(bad, []byte("1\tHi\thi\tINTJ\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"bad CoNLL-U", []string{"parse", bad}, "bad.conllu: line 1: 4 fields, want 10"},
		{"missing file", []string{"parse", filepath.Join(dir, "nope.txt")}, "nope.txt"},
		{"eval of missing file", []string{"parse", "--eval", filepath.Join(dir, "nope.conllu")}, "nope.conllu"},
		{"eval of bad file", []string{"parse", "--eval", bad}, "bad.conllu: line 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := run(t, "", c.args...)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestParseMarkdownIsText(t *testing.T) {
	out, _, err := run(t, "# Leaders meet\n\nThe president met the minister.", "parse")
	if err != nil {
		t.Fatalf("a Markdown heading made the input CoNLL-U: %v", err)
	}
	if !strings.Contains(out, "\tmet\tmeet\t") {
		t.Errorf("the text was not parsed:\n%s", out)
	}
}
