// Command kg builds a knowledge graph of news articles in a Cayley quad
// store and queries it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
)

func main() { os.Exit(runMain(os.Args)) }

// startProfile writes a CPU profile of the whole run to the file
// KG_CPUPROFILE names, for finding where a slow command spends its time;
// the returned function ends it.
func startProfile() func() {
	path := os.Getenv("KG_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "kg: KG_CPUPROFILE:", err)
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

// defaultMemoryLimit is the soft limit of the Go heap when GOMEMLIMIT
// does not set one. Without a limit the collector lets the heap grow to
// twice what is live; near the limit it collects sooner, and past it kg
// still takes what it needs. At 100,000 articles an ingest from empty
// peaked at 4.52 GB of anonymous memory without it and 3.21 GB with it,
// in the same time (957 s against 946 s, one run each).
const defaultMemoryLimit = 3 << 30

// limitMemory sets the heap's soft limit to defaultMemoryLimit unless
// the GOMEMLIMIT environment variable, which the Go runtime reads, sets
// one.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}

// runMain runs kg with its command line and returns the exit status.
func runMain(args []string) int {
	limitMemory()
	// Ctrl-C and SIGTERM (service managers, kill) both end kg gracefully:
	// a server finishes its requests, an ingest stops between articles.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	defer startProfile()()
	app := newApp(os.Stdin, os.Stdout, os.Stderr)
	if err := app.RunContext(ctx, hoistGlobalFlags(args)); err != nil {
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

// globalFlags are the flags of kg itself that a user may also give after
// the command ("kg stats --db x.db").
var globalFlags = map[string]bool{"--db": true, "-db": true, "--backend": true, "-backend": true}

// hoistGlobalFlags moves the global flags given after the command in
// front of it, where the command line parser reads them. Arguments after
// "--" stay where they are.
func hoistGlobalFlags(args []string) []string {
	if len(args) < 2 {
		return args
	}
	var global, rest []string
	cmd := -1
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, _, hasValue := strings.Cut(a, "=")
		switch {
		case cmd < 0 && !strings.HasPrefix(a, "-"):
			cmd = i
			rest = append(rest, a)
		case cmd >= 0 && globalFlags[name]:
			global = append(global, a)
			if !hasValue && i+1 < len(args) {
				global = append(global, args[i+1])
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	if len(global) == 0 {
		return args
	}
	out := append([]string{args[0]}, global...)
	return append(out, rest...)
}
