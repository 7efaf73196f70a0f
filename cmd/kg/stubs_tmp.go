package main

import "github.com/urfave/cli/v2"

func storeFlags() []cli.Flag      { return nil }
func ingestCommand() *cli.Command { return &cli.Command{Name: "ingest"} }
func queryCommand() *cli.Command  { return &cli.Command{Name: "query"} }
func statsCommand() *cli.Command  { return &cli.Command{Name: "stats"} }
