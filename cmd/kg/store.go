package main

import (
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

// openStore opens the store the global flags name.
func openStore(c *cli.Context) (*graph.Store, error) {
	return graph.Open(c.Context, c.String("backend"), c.String("db"))
}
