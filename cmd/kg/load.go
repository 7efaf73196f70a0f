package main

import (
	"fmt"
	"os"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"
)

func loadCommand() *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "load quads written by kg export (N-Quads or JSON-LD) into the store",
		ArgsUsage: "FILE",
		Flags:     []cli.Flag{&cli.StringFlag{Name: "format", Usage: "nquads or jsonld (default: by extension, .jsonld is JSON-LD)"}},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("load: want one file, got %d", c.NArg())
			}
			path := c.Args().First()
			format := c.String("format")
			if format == "" {
				format = formatOf(path)
			}
			qf := quad.FormatByName(format)
			if qf == nil || qf.Reader == nil || (format != "nquads" && format != "jsonld") {
				return fmt.Errorf("load: unknown --format %q (want nquads or jsonld)", format)
			}
			f, err := os.Open(path)
			if err != nil {
				return fmt.Errorf("load: %w", err)
			}
			defer f.Close()
			st, err := openStore(c)
			if err != nil {
				return err
			}
			defer st.Close()
			r := qf.Reader(f)
			defer r.Close()
			n, err := st.Load(c.Context, r)
			if err != nil {
				return fmt.Errorf("load: %s: %w", path, err)
			}
			fmt.Fprintf(c.App.Writer, "%d quads loaded from %s\n", n, path)
			return nil
		},
	}
}
