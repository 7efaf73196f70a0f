package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/extract/syntax"
	"github.com/urfave/cli/v2"
)

func parseCommand() *cli.Command {
	return &cli.Command{
		Name:      "parse",
		Usage:     "tag and parse text or CoNLL-U, printing CoNLL-U",
		ArgsUsage: "[FILE|- ...]",
		Description: "Each FILE is plain text, split into sentences and words as kg's extractor splits\n" +
			"them, or CoNLL-U (a .conllu file, or text whose first line past any \"#\" comments\n" +
			"has 10 tab-separated columns), whose words are re-tagged and re-parsed. With no FILE,\n" +
			"parse reads stdin. --eval scores the model on a gold CoNLL-U file instead and\n" +
			"prints JSON.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "eval", Usage: "score the model against the gold `FILE.conllu` (gold words) and print JSON"},
		},
		Action: func(c *cli.Context) error {
			m, err := syntax.Default()
			if err != nil {
				return fmt.Errorf("parse: %w", err)
			}
			if gold := c.String("eval"); gold != "" {
				return evalParser(c.App.Writer, m, gold)
			}
			paths := c.Args().Slice()
			if len(paths) == 0 {
				paths = []string{"-"}
			}
			a := m.NewAnnotator()
			w := bufio.NewWriter(c.App.Writer)
			defer w.Flush()
			for _, p := range paths {
				data, err := readParseInput(p, c.App.Reader)
				if err != nil {
					return err
				}
				sents, err := parseInput(p, data)
				if err != nil {
					return err
				}
				for i := range sents {
					a.Annotate(&sents[i])
				}
				if err := syntax.WriteCoNLLU(w, sents); err != nil {
					return err
				}
			}
			return w.Flush()
		},
	}
}

func readParseInput(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(stdin)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return data, nil
}

// parseInput reads one input as CoNLL-U or as text.
func parseInput(path string, data []byte) ([]syntax.Sentence, error) {
	if strings.HasSuffix(path, ".conllu") || looksLikeCoNLLU(data) {
		sents, err := syntax.ReadCoNLLU(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("parse: %s: %w", displayName(path), err)
		}
		return sents, nil
	}
	return textSentences(string(data)), nil
}

func displayName(path string) string {
	if path == "-" {
		return "stdin"
	}
	return path
}

// looksLikeCoNLLU reports whether the first line that is neither blank
// nor a "#" comment has ten tab-separated fields. A Markdown article may
// well open with "# Title".
func looksLikeCoNLLU(data []byte) bool {
	for line := range strings.SplitSeq(string(data[:min(len(data), 64<<10)]), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		return strings.Count(line, "\t") == 9
	}
	return false
}

// textSentences splits text into sentences and words, with contractions
// split as UD English splits them ("do" + "n't"). Each word's MISC gives
// its byte range in the text.
func textSentences(text string) []syntax.Sentence {
	var out []syntax.Sentence
	for i, ws := range extract.Sentences(text) {
		s := syntax.Sentence{Comments: []string{
			"# sent_id = " + strconv.Itoa(i+1),
			"# text = " + strings.Join(strings.Fields(text[ws[0].Start:ws[len(ws)-1].End]), " "),
		}}
		for _, w := range ws {
			cut := syntax.SplitClitic(w.Text)
			if cut < len(w.Text) {
				s.Tokens = append(s.Tokens, syntax.Token{Form: w.Text[:cut], Misc: tokenRange(w.Start, w.Start+cut)})
				s.Tokens = append(s.Tokens, syntax.Token{Form: w.Text[cut:], Misc: tokenRange(w.Start+cut, w.End)})
				continue
			}
			s.Tokens = append(s.Tokens, syntax.Token{Form: w.Text, Misc: tokenRange(w.Start, w.End)})
		}
		out = append(out, s)
	}
	return out
}

func tokenRange(start, end int) string {
	return "TokenRange=" + strconv.Itoa(start) + ":" + strconv.Itoa(end)
}

// evalParser prints the model's scores on a gold CoNLL-U file.
func evalParser(w io.Writer, m *syntax.Model, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	defer f.Close()
	gold, err := syntax.ReadCoNLLU(f)
	if err != nil {
		return fmt.Errorf("parse: %s: %w", path, err)
	}
	if len(gold) == 0 {
		return fmt.Errorf("parse: %s: no sentences", path)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(m.Evaluate(gold))
}
