package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/kg-news/kg/extract/gazetteer"
	"github.com/urfave/cli/v2"
)

// version is kg's module version (a tag, or the commit it was built
// from), with the Go version and the gazetteer's size.
func version() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 && v == "(devel)" {
				v = "commit " + s.Value[:12]
			}
		}
	}
	g := gazetteer.Default()
	return fmt.Sprintf("%s, %s, gazetteer of %d countries and %d cities, rule-based extractor, tagger and parser trained on UD English EWT (CC BY-SA 4.0)",
		v, runtime.Version(), g.CountryCount(), g.CityCount())
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print kg's version, the Go version and the gazetteer's size",
		Action: func(c *cli.Context) error {
			fmt.Fprintln(c.App.Writer, "kg", version())
			return nil
		},
	}
}
