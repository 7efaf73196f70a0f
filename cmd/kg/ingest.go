package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/extract/gazetteer"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/resolve"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

func ingestCommand() *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "extract articles and write their facts into the store",
		ArgsUsage: "FILE|DIR|- ...",
		Flags: append(readFlags(),
			&cli.BoolFlag{Name: "progress", Usage: "show a progress bar (default: on a terminal, for more than 20 files)"},
			aliasesFlag(),
		),
		Action: runIngest,
	}
}

type ingestSummary struct {
	Articles, Added, Replaced, Unchanged, Failed int
	Persons, Events, Quads                       int
	Seconds                                      float64
}

func runIngest(c *cli.Context) error {
	if c.NArg() == 0 {
		return fmt.Errorf("ingest: no input; give files, directories or - for stdin")
	}
	opts, err := readOptions(c)
	if err != nil {
		return err
	}
	inputs, errs := collectInputs(c.Args().Slice())
	stderr := c.App.ErrWriter
	for _, err := range errs {
		fmt.Fprintln(stderr, "kg:", err)
	}
	if len(inputs) == 0 {
		return errReported
	}
	aliases, err := readAliases(c)
	if err != nil {
		return err
	}
	st, err := openStore(c)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	sum := ingestSummary{Failed: len(errs)}
	bar := newProgress(stderr, len(inputs), c.IsSet("progress") && c.Bool("progress") || !c.IsSet("progress") && len(inputs) > 20)
	p := extract.New()
	for i, in := range inputs {
		bar.update(i, in.path)
		facts, doc, err := extractInput(c.Context, p, in, opts, c.App.Reader)
		if err == nil {
			var res graph.IngestResult
			art := extract.Quads(doc, facts, sourceName(in.path))
			res, err = st.Ingest(c.Context, art)
			if err == nil {
				sum.Articles++
				sum.Persons += len(facts.Persons)
				sum.Events += len(facts.Events)
				sum.Quads += len(art.Quads)
				switch res.Outcome {
				case graph.Added:
					sum.Added++
				case graph.Replaced:
					sum.Replaced++
				case graph.Unchanged:
					sum.Unchanged++
				}
			} else {
				err = &inputError{in.path, err}
			}
		}
		if err != nil {
			bar.clear()
			fmt.Fprintln(stderr, "kg:", err)
			sum.Failed++
			if c.Context.Err() != nil {
				break
			}
		}
	}
	bar.done()
	resolved, err := st.Resolve(c.Context, resolve.Options{Aliases: aliases, GivenName: gazetteer.Default().FirstName})
	if err != nil {
		return fmt.Errorf("ingest: resolving entities across articles: %w", err)
	}
	sum.Seconds = time.Since(start).Seconds()
	fmt.Fprintf(c.App.Writer, "%d articles (%d new, %d changed, %d unchanged), %d persons, %d events, %d quads in %.2fs",
		sum.Articles, sum.Added, sum.Replaced, sum.Unchanged, sum.Persons, sum.Events, sum.Quads, sum.Seconds)
	fmt.Fprintf(c.App.Writer, "; merged across articles: %d person, %d organization and %d event mentions",
		resolved.Merged["persons"], resolved.Merged["organizations"], resolved.Merged["events"])
	if sum.Failed > 0 {
		fmt.Fprintf(c.App.Writer, "; %d failed", sum.Failed)
	}
	fmt.Fprintln(c.App.Writer)
	if sum.Failed > 0 {
		return errReported
	}
	return nil
}

func sourceName(path string) string {
	if path == "-" {
		return "stdin"
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// progress draws a one-line bar on a terminal.
type progress struct {
	w     io.Writer
	total int
	on    bool
}

func newProgress(w io.Writer, total int, want bool) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, total: total, on: want && ok && term.IsTerminal(int(f.Fd()))}
}

func (p *progress) update(i int, name string) {
	if !p.on {
		return
	}
	const width = 30
	filled := width * i / max(p.total, 1)
	name = filepath.Base(name)
	if len(name) > 30 {
		name = name[:30]
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %-30s", strings.Repeat("#", filled), strings.Repeat(".", width-filled), i, p.total, name)
}

func (p *progress) clear() {
	if p.on {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 80))
	}
}

func (p *progress) done() { p.clear() }

// DefaultAliasesFile is read by ingest when it exists and no --aliases
// flag is given.
const DefaultAliasesFile = "kg.aliases"

func aliasesFlag() cli.Flag {
	return &cli.StringFlag{Name: "aliases", EnvVars: []string{"KG_ALIASES"},
		Usage: "file of merges to pin (\"A = B\") or forbid (\"A != B\") (default: ./" + DefaultAliasesFile + " when it exists)"}
}

// readAliases reads the aliases file the flag names, or the default one
// when it exists.
func readAliases(c *cli.Context) (*resolve.Aliases, error) {
	path := c.String("aliases")
	if path == "" {
		if _, err := os.Stat(DefaultAliasesFile); err != nil {
			return nil, nil
		}
		path = DefaultAliasesFile
	}
	a, err := resolve.ReadAliases(path)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	return a, nil
}
