// Command kg builds a knowledge graph of news articles in a Cayley quad
// store and queries it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() { os.Exit(runMain(os.Args)) }

// runMain runs kg with its command line and returns the exit status.
func runMain(args []string) int {
	// Ctrl-C and SIGTERM (service managers, kill) both end kg gracefully:
	// a server finishes its requests, an ingest stops between articles.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app := newApp(os.Stdin, os.Stdout, os.Stderr)
	if err := app.RunContext(ctx, args); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "kg:", plainError(err))
		}
		return 1
	}
	return 0
}

// packagePrefixes are the prefixes kg's packages give their errors, for
// programs that match them; a person at the terminal reads the message
// without them.
var packagePrefixes = strings.NewReplacer("queries: ", "", "graph: ", "", "extract: ", "", "server: ", "", "schema: ", "", "resolve: ", "", "export: ", "")

// plainError is an error's message without package prefixes.
func plainError(err error) string { return packagePrefixes.Replace(err.Error()) }
