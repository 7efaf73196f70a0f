package syntax

import (
	_ "embed"
	"sync"
)

// defaultModelFile is the model trained by ./train on UD English EWT
// (CC BY-SA 4.0; see ../../README.md).
//
//go:embed model/en_ewt.model
var defaultModelFile []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return loadModelCached(defaultModelFile)
})

// Default returns the embedded English model, loading it on first use:
// from the user's cache when an earlier process kept its built tables
// there (cache.go).
func Default() (*Model, error) { return loadDefault() }
