package main

import (
	"errors"
	"io"

	"github.com/urfave/cli/v2"
)

// errReported ends a command whose errors were already printed one by one.
var errReported = errors.New("kg: some inputs failed")

// newApp builds the kg command line. Commands write to the given streams,
// so tests run them in process.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "kg",
		Usage:     "build a knowledge graph of news articles and query it",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Flags:     storeFlags(),
		Version:   version(),
		// "kg stat" suggests "stats"; completion for bash and zsh comes
		// from "kg --generate-bash-completion" (urfave/cli).
		Suggest:              true,
		EnableBashCompletion: true,
		Commands: []*cli.Command{
			ingestCommand(),
			queryCommand(),
			statsCommand(),
			extractCommand(),
			evalCommand(),
			explainCommand(),
			centralCommand(),
			communitiesCommand(),
			eventsCommand(),
			pathCommand(),
			exportCommand(),
			loadCommand(),
			removeCommand(),
			parseCommand(),
			serveCommand(),
			versionCommand(),
		},
		ExitErrHandler: func(*cli.Context, error) {}, // main prints errors once
	}
	return app
}
