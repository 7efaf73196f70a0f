package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/kg-news/kg/queries"
	"github.com/urfave/cli/v2"
)

func eventsCommand() *cli.Command {
	return &cli.Command{
		Name:  "events",
		Usage: "list events in time order, or their connected chains",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "person", Usage: "only events this person took part in"},
			&cli.StringFlag{Name: "with", Usage: "only events this person also took part in"},
			&cli.StringFlag{Name: "place", Usage: "only events at this place, or in this country"},
			&cli.StringFlag{Name: "from", Usage: "only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)"},
			&cli.StringFlag{Name: "to", Usage: "only events on or before this date"},
			&cli.BoolFlag{Name: "connected", Usage: "group events into chains linked by shared participants and places"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			for _, f := range []string{"from", "to"} {
				if d := c.String(f); d != "" && !validDate(d) {
					return fmt.Errorf("events: --%s %q is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", f, d)
				}
			}
			st, v, err := openView(c)
			if err != nil {
				return err
			}
			defer st.Close()
			q := queries.EventQuery{Person: c.String("person"), With: c.String("with"), Place: c.String("place"), From: c.String("from"), To: c.String("to")}
			if c.Bool("connected") {
				chains, err := queries.Chains(v, q)
				if err != nil {
					return fmt.Errorf("events: %w", err)
				}
				if c.Bool("json") {
					return printJSON(c, chains)
				}
				for i, ch := range chains {
					var steps []string
					for _, e := range ch {
						steps = append(steps, short(e))
					}
					fmt.Fprintf(c.App.Writer, "%d. %s\n", i+1, strings.Join(steps, " → "))
				}
				return nil
			}
			events, err := queries.Timeline(v, q)
			if err != nil {
				return fmt.Errorf("events: %w", err)
			}
			if c.Bool("json") {
				return printJSON(c, events)
			}
			printTimeline(c.App.Writer, events)
			return nil
		},
	}
}

func printTimeline(w io.Writer, events []queries.EventItem) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "date\tkind\tstatus\tplace\tparticipants\tsources")
	for _, e := range events {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", orDash(e.Date), e.Kind, e.Status, orDash(e.Place),
			strings.Join(e.Participants, ", "), sources(e.Articles))
	}
	tw.Flush()
}

// sources shows a list of articles as its count and the first three;
// --json keeps them all.
func sources(articles []string) string {
	if len(articles) <= 3 {
		return strings.Join(articles, " ")
	}
	return fmt.Sprintf("%d: %s …", len(articles), strings.Join(articles[:3], " "))
}

// short is "Hamburg, 2017-07 (meeting)" or "a planned visit to Washington".
func short(e queries.EventItem) string {
	s := e.Kind
	if e.Place != "" {
		s = e.Place + " " + s
	}
	if e.Date != "" {
		s += ", " + e.Date
	}
	if e.Status != "happened" {
		s += " (" + e.Status + ")"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func validDate(d string) bool {
	if len(d) != 4 && len(d) != 7 && len(d) != 10 {
		return false
	}
	for i, r := range d {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
