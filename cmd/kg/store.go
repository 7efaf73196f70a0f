package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph"
	"github.com/urfave/cli/v2"
)

// storeFlags choose the store; the environment variables KG_BACKEND and
// KG_DB set them too.
func storeFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "backend", Value: graph.DefaultBackend, EnvVars: []string{"KG_BACKEND"},
			Usage: "store backend: bolt, badger, leveldb, memstore or postgres"},
		&cli.StringFlag{Name: "db", EnvVars: []string{"KG_DB"},
			Usage: "store path (bolt, badger, leveldb; default ./kg.db) or PostgreSQL connection string"},
	}
}

// openStore opens the store the global flags name, creating it when it
// does not exist: for the commands that write (ingest, load).
func openStore(c *cli.Context) (*graph.Store, error) {
	if srv, ok := runningServer(c); ok {
		return nil, servedError(srv)
	}
	return graph.Open(c.Context, c.String("backend"), c.String("db"))
}

// errNoStore is a read command's error when the store does not exist.
var errNoStore = errors.New("no store")

// openExisting opens the store for a command that reads: an embedded
// store that does not exist is an error, not an empty store created on
// the way (a mistyped --db would otherwise print zeros).
func openExisting(c *cli.Context) (*graph.Store, error) {
	backend, addr := c.String("backend"), c.String("db")
	switch backend {
	case "", "bolt", "badger", "leveldb":
		if addr == "" {
			addr = graph.DefaultAddress
		}
		if _, err := os.Stat(addr); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s; run kg ingest first, or name the store with --db", errNoStore, addr)
		}
	}
	return openStore(c)
}

// openView opens the store and projects it for gonum.
func openView(c *cli.Context) (*graph.Store, *graph.View, error) {
	st, err := openExisting(c)
	if err != nil {
		return nil, nil, err
	}
	v, err := st.View(c.Context)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, v, nil
}

// printJSON writes v as indented JSON.
func printJSON(c *cli.Context, v any) error {
	enc := json.NewEncoder(c.App.Writer)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

var jsonFlag = &cli.BoolFlag{Name: "json", Usage: "print JSON"}

func quadIRI(s string) quad.IRI { return quad.IRI(s) }
