package syntax

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// udDir is UD English EWT beside the repository, as CI provides it.
var udDir = filepath.Join("..", "..", "..", "shared", "ud")

var (
	udOnce  sync.Once
	udSents map[string][]Sentence
)

// udPart returns EWT's train, dev or test sentences, skipping the test
// when the treebank is absent.
func udPart(tb testing.TB, part string) []Sentence {
	tb.Helper()
	f, err := os.Open(filepath.Join(udDir, "en_ewt-ud-"+part+".conllu"))
	if os.IsNotExist(err) {
		tb.Skipf("UD English EWT not found in %s", udDir)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkAnnotate tags, lemmatizes and parses EWT test sentences on
// gold tokens; it reports words per second and the weight tables' size.
func BenchmarkAnnotate(b *testing.B) {
	test := udPart(b, "test")
	m := defaultModel(b)
	a := m.NewAnnotator()
	sents := make([]Sentence, len(test))
	words := 0
	for i, s := range test {
		sents[i].Tokens = make([]Token, len(s.Tokens))
		for j, t := range s.Tokens {
			sents[i].Tokens[j].Form = t.Form
		}
		words += len(s.Tokens)
	}
	for i := range sents {
		a.Annotate(&sents[i]) // warm the buffers
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		a.Annotate(&sents[n%len(sents)])
		n++
	}
	b.ReportMetric(float64(n)*float64(words)/float64(len(sents))/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(m.weightBytes())/1e6, "MB-weights")
}

// BenchmarkLoad reads the embedded model: built from the compressed
// file, and read back from the cache of its built tables.
func BenchmarkLoad(b *testing.B) {
	b.Run("built", func(b *testing.B) {
		for b.Loop() {
			if _, err := Load(bytes.NewReader(defaultModelFile)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		b.Setenv("KG_CACHE_DIR", b.TempDir())
		if _, err := loadModelCached(defaultModelFile); err != nil {
			b.Fatal(err)
		}
		path := modelCachePath(defaultModelFile)
		for b.Loop() {
			if _, err := readModelCache(path); err != nil {
				b.Fatal(err)
			}
		}
	})
}
