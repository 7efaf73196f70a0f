package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/kg-news/kg/eval"
	"github.com/kg-news/kg/extract"
	"github.com/urfave/cli/v2"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score extraction against gold facts",
		ArgsUsage: "DOCS...",
		Flags: append(readFlags(),
			&cli.StringFlag{Name: "gold", Required: true, Usage: "gold facts, JSON Lines"},
			&cli.BoolFlag{Name: "json", Usage: "print the report as JSON"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return errors.New("eval: no documents given")
			}
			gold, err := readGold(c.String("gold"))
			if err != nil {
				return err
			}
			opts, err := readOptions(c)
			if err != nil {
				return err
			}
			var pred []*extract.Facts
			failed := extractAll(c.Context, c.Args().Slice(), opts, c.App.Reader, c.App.ErrWriter, func(f *extract.Facts) error {
				pred = append(pred, f)
				return nil
			})
			rep := eval.Compare(gold, pred)
			for _, id := range rep.Skipped {
				fmt.Fprintf(c.App.ErrWriter, "kg: %s: no gold line, skipped\n", id)
			}
			if c.Bool("json") {
				enc := json.NewEncoder(c.App.Writer)
				enc.SetIndent("", "  ")
				err = enc.Encode(rep)
			} else {
				err = printReport(c.App.Writer, rep)
			}
			if err != nil {
				return err
			}
			if failed {
				return errReported
			}
			return nil
		},
	}
}

// readGold reads a JSON Lines file of gold facts.
func readGold(path string) ([]*extract.Facts, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &inputError{path, describe(err)}
	}
	defer f.Close()
	var out []*extract.Facts
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var g extract.Facts
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, &inputError{fmt.Sprintf("%s:%d", path, line), err}
		}
		out = append(out, &g)
	}
	if err := sc.Err(); err != nil {
		return nil, &inputError{path, err}
	}
	return out, nil
}

func printReport(w io.Writer, rep eval.Report) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tP\tR\tF1\tTP\tFP\tFN\t\n")
	for _, cat := range eval.Categories {
		c := rep.Total.Counts[cat]
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", cat, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(tw, "\t\t\t\t\t\t\t\n\taccuracy\tcorrect\ttotal\t\t\t\t\n")
	for _, name := range eval.Accuracies {
		a := rep.Total.Accuracy[name]
		fmt.Fprintf(tw, "%s\t%.3f\t%d\t%d\t\t\t\t\n", name, a.Value(), a.Correct, a.Total)
	}
	fmt.Fprintf(tw, "\t\t\t\t\t\t\t\n\tdocument\tpersons F1\troles F1\tevents F1\tevents full F1\t\t\n")
	for _, d := range rep.Documents {
		fmt.Fprintf(tw, "\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t\t\n", d.ID, d.Counts["persons"].F1(), d.Counts["roles"].F1(),
			d.Counts["events"].F1(), d.Counts["events (full)"].F1())
	}
	return tw.Flush()
}
