package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
)

func statsCommand() *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "count articles, persons, organizations, places, events and quads",
		Flags: []cli.Flag{&cli.BoolFlag{Name: "json", Usage: "print JSON"}},
		Action: func(c *cli.Context) error {
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(c.Context)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				return json.NewEncoder(c.App.Writer).Encode(s)
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintf(tw, "articles\t%d\npersons\t%d\norganizations\t%d\nplaces\t%d\nevents\t%d\nquads\t%d\n",
				s.Articles, s.Persons, s.Organizations, s.Places, s.Events, s.Quads)
			return tw.Flush()
		},
	}
}
