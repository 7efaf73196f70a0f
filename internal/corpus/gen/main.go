// Command gen writes a reproducible news corpus for scale benchmarks:
// n dated articles recombined from the paragraphs of the repository's
// test articles and, when present, ../shared/dev.
//
//	go run ./internal/corpus/gen -n 10000 -o /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kg-news/kg/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	out := flag.String("o", "corpus", "directory to write them into")
	seed := flag.Uint64("seed", 1, "seed of the recombination")
	root := flag.String("root", ".", "the repository's root")
	flag.Parse()
	texts, err := corpus.ReadTexts(filepath.Join(*root, "testdata"), filepath.Join(*root, "..", "shared", "dev", "docs"))
	if err == nil && len(texts) == 0 {
		err = fmt.Errorf("no articles under %s/testdata", *root)
	}
	if err == nil {
		err = corpus.Write(*out, corpus.Generate(corpus.Paragraphs(texts), *n, *seed))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("%d articles in %s\n", *n, *out)
}
