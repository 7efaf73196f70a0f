package main

import (
	"fmt"
	"strings"

	"github.com/kg-news/kg/queries"
	"github.com/urfave/cli/v2"
)

func communitiesCommand() *cli.Command {
	return &cli.Command{
		Name:  "communities",
		Usage: "group actors with Louvain community detection",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "members", Value: 8, Usage: "members printed per community (0: all)"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			st, v, err := openView(c)
			if err != nil {
				return err
			}
			defer st.Close()
			cs := queries.Communities(v)
			if c.Bool("json") {
				return printJSON(c, cs)
			}
			for i, cm := range cs {
				members := cm.Members
				if n := c.Int("members"); n > 0 && len(members) > n {
					members = append(members[:n:n], fmt.Sprintf("and %d more", len(cm.Members)-n))
				}
				fmt.Fprintf(c.App.Writer, "%d. %s (%d actors, %d events, %d places)\n   %s\n",
					i+1, cm.Name, len(cm.Members), cm.Events, cm.Places, strings.Join(members, ", "))
			}
			return nil
		},
	}
}
