package main

import (
	"context"

	"github.com/kg-news/kg/graph"
)

func openForTest(db string) (*graph.Store, error) {
	return graph.Open(context.Background(), "bolt", db)
}
