package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/kg-news/kg/extract"
	"github.com/urfave/cli/v2"
)

func extractCommand() *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the facts of articles, without a store",
		ArgsUsage: "FILE|DIR|- ...",
		Flags: append(readFlags(),
			&cli.StringFlag{Name: "format", Value: "json", Usage: "output format: json (JSON Lines, one object per article)"},
		),
		Action: func(c *cli.Context) error {
			if c.String("format") != "json" {
				return fmt.Errorf("extract: unknown --format %q (want json)", c.String("format"))
			}
			if c.NArg() == 0 {
				return errors.New("extract: no input; give files, directories or - for stdin")
			}
			opts, err := readOptions(c)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(c.App.Writer)
			failed := extractAll(c.Context, c.Args().Slice(), opts, c.App.Reader, c.App.ErrWriter, func(f *extract.Facts) error {
				return enc.Encode(f)
			})
			if failed {
				return errReported
			}
			return nil
		},
	}
}

// readOptionsT are the flags shared by commands that read articles.
type readOptionsT struct {
	maxSize int64
	date    time.Time
}

func readFlags() []cli.Flag {
	return []cli.Flag{
		&cli.Int64Flag{Name: "max-size", Value: DefaultMaxSize, Usage: "largest article accepted, in bytes"},
		&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for articles that state none"},
	}
}

func readOptions(c *cli.Context) (readOptionsT, error) {
	o := readOptionsT{maxSize: c.Int64("max-size")}
	if o.maxSize <= 0 {
		return o, fmt.Errorf("--max-size must be positive, got %d", o.maxSize)
	}
	if d := c.String("date"); d != "" {
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return o, fmt.Errorf("--date %q: want YYYY-MM-DD", d)
		}
		o.date = t
	}
	return o, nil
}

// extractAll extracts every input in order and hands the facts to emit.
// Each failing input is reported on stderr in one line naming it; the
// others go on. It reports whether any input failed.
func extractAll(ctx context.Context, paths []string, o readOptionsT, stdin io.Reader, stderr io.Writer, emit func(*extract.Facts) error) bool {
	inputs, errs := collectInputs(paths)
	failed := len(errs) > 0
	for _, err := range errs {
		fmt.Fprintln(stderr, "kg:", err)
	}
	p := extract.New()
	for _, in := range inputs {
		facts, _, err := extractInput(ctx, p, in, o, stdin)
		if err == nil {
			err = emit(facts)
		}
		if err != nil {
			fmt.Fprintln(stderr, "kg:", err)
			failed = true
			if ctx.Err() != nil {
				return true
			}
		}
	}
	return failed
}

// extractInput reads, checks and extracts one input.
func extractInput(ctx context.Context, p *extract.Pipeline, in input, o readOptionsT, stdin io.Reader) (*extract.Facts, extract.Doc, error) {
	data, err := readInput(in, stdin, o.maxSize)
	if err != nil {
		return nil, extract.Doc{}, err
	}
	doc, err := extract.ReadDoc(in.id, data, o.date)
	if err != nil {
		return nil, doc, docError(in.path, err)
	}
	facts, err := p.Extract(ctx, doc)
	if err != nil {
		return nil, doc, docError(in.path, err)
	}
	return facts, doc, nil
}

// docError names the file of an extraction error.
func docError(path string, err error) error {
	var xe *extract.Error
	if errors.As(err, &xe) {
		reason := xe.Err.Error()
		if xe.Offset >= 0 {
			reason = fmt.Sprintf("%s at byte %d", reason, xe.Offset)
		}
		return &inputError{path, errors.New(trimPrefix(reason))}
	}
	return &inputError{path, err}
}

func trimPrefix(s string) string {
	const p = "extract: "
	if len(s) > len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}
