package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Token is one word of a sentence with its annotation, as in a CoNLL-U
// line. Head is the 1-based index of the word's head in its sentence, 0
// for the root.
type Token struct {
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Feats string
	Head  int
	Rel   string
	Misc  string
}

// Sentence is a sequence of words with the comment lines that came
// before it in a CoNLL-U file.
type Sentence struct {
	Comments []string
	Tokens   []Token
}

// ParseError reports a malformed CoNLL-U line.
type ParseError struct {
	Line int    // 1-based line number
	Text string // the offending line
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: %v: %q", e.Line, e.Err, e.Text)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ReadCoNLLU reads the sentences of a CoNLL-U stream. Multiword-token
// lines ("3-4") and empty nodes ("5.1") are skipped: the tagger and parser
// work on syntactic words.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "":
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			if len(cur.Tokens) > 0 {
				flush()
			}
			cur.Comments = append(cur.Comments, line)
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, &ParseError{n, line, fmt.Errorf("%d fields, want 10", len(f))}
		}
		if strings.ContainsAny(f[0], "-.") {
			continue
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(cur.Tokens)+1 {
			return nil, &ParseError{n, line, fmt.Errorf("word ID %q, want %d", f[0], len(cur.Tokens)+1)}
		}
		head := 0
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
				return nil, &ParseError{n, line, fmt.Errorf("head %q is not a word ID", f[6])}
			}
		}
		cur.Tokens = append(cur.Tokens, Token{
			Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
			Head: head, Rel: f[7], Misc: f[9],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	for _, s := range out {
		for _, t := range s.Tokens {
			if t.Head > len(s.Tokens) {
				return nil, fmt.Errorf("sentence %q: head %d beyond its %d words", s.Text(), t.Head, len(s.Tokens))
			}
		}
	}
	return out, nil
}

// Text returns the sentence's "# text" comment, or its words joined by
// spaces.
func (s Sentence) Text() string {
	for _, c := range s.Comments {
		if t, ok := strings.CutPrefix(c, "# text = "); ok {
			return t
		}
	}
	words := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		words[i] = t.Form
	}
	return strings.Join(words, " ")
}

// WriteCoNLLU writes sentences in CoNLL-U, one blank line after each.
func WriteCoNLLU(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	field := func(s string) string {
		if s == "" {
			return "_"
		}
		return strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
	}
	for _, s := range sents {
		for _, c := range s.Comments {
			fmt.Fprintln(bw, c)
		}
		for i, t := range s.Tokens {
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", i+1,
				field(t.Form), field(t.Lemma), field(t.UPOS), field(t.XPOS), field(t.Feats),
				t.Head, field(t.Rel), field(t.Misc))
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}
