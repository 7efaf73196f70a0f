package syntax

import (
	"bytes"
	_ "embed"
	"sync"
)

// defaultModelFile is the model trained by ./train on UD English EWT
// (CC BY-SA 4.0; see ../../README.md).
//
//go:embed model/en_ewt.model
var defaultModelFile []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(defaultModelFile))
})

// Default returns the embedded English model, loading it on first use.
func Default() (*Model, error) { return loadDefault() }
