package syntax

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const sample = `# sent_id = 1
# text = Talks didn't end.
1	Talks	talk	NOUN	NNS	Number=Plur	4	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
3.1	x	x	X	X	_	_	_	_	_
4	end	end	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 {
		t.Fatalf("%d sentences, want 1", len(sents))
	}
	s := sents[0]
	var forms []string
	for _, tok := range s.Tokens {
		forms = append(forms, tok.Form)
	}
	if got, want := strings.Join(forms, " "), "Talks did n't end ."; got != want {
		t.Errorf("words %q, want %q", got, want)
	}
	if got := s.Text(); got != "Talks didn't end." {
		t.Errorf("Text() = %q", got)
	}
	if s.Tokens[0].Head != 4 || s.Tokens[3].Rel != "root" || s.Tokens[3].Misc != "SpaceAfter=No" {
		t.Errorf("fields read wrong: %+v", s.Tokens)
	}
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, sents); err != nil {
		t.Fatal(err)
	}
	again, err := ReadCoNLLU(&buf)
	if err != nil {
		t.Fatalf("reading what WriteCoNLLU wrote: %v", err)
	}
	if len(again) != 1 || len(again[0].Tokens) != 5 || again[0].Tokens[2] != s.Tokens[2] {
		t.Errorf("round trip changed the sentence: %+v", again)
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
	}{
		{"too few fields", "1\tHi\thi\tINTJ\n", 1},
		{"word ID out of order", "# c\n2\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", 2},
		{"bad head", "1\tHi\thi\tINTJ\tUH\t_\tx\troot\t_\t_\n", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(c.text))
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != c.line {
				t.Fatalf("err = %v, want a ParseError on line %d", err, c.line)
			}
		})
	}
	if _, err := ReadCoNLLU(strings.NewReader("1\tHi\thi\tINTJ\tUH\t_\t5\troot\t_\t_\n")); err == nil {
		t.Error("a head beyond the sentence was accepted")
	}
}

func TestSplitClitic(t *testing.T) {
	cases := []struct {
		word string
		want string // the word with "|" at the split
	}{
		{"don't", "do|n't"},
		{"can't", "ca|n't"},
		{"Won’t", "Wo|n’t"},
		{"I'm", "I|'m"},
		{"we're", "we|'re"},
		{"they'll", "they|'ll"},
		{"it's", "it|'s"},
		{"O'Brien", "O'Brien|"},
		{"n't", "n't|"},
		{"minister", "minister|"},
	}
	for _, c := range cases {
		cut := SplitClitic(c.word)
		if got := c.word[:cut] + "|" + c.word[cut:]; got != c.want {
			t.Errorf("SplitClitic(%q) splits %q, want %q", c.word, got, c.want)
		}
	}
}
