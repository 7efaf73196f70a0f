// Package seedtest builds the stores that tests across kg share: the
// seed articles of testdata/, extracted, ingested and resolved.
package seedtest

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/resolve"
	"github.com/kg-news/kg/internal/corpus"
)

// Files lists the seed articles, wherever the calling test runs from.
func Files(t testing.TB) []string {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	files, err := filepath.Glob(filepath.Join(filepath.Dir(self), "..", "..", "testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	return files
}

// Article extracts one article file.
func Article(t testing.TB, p *extract.Pipeline, path string) extract.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return ArticleOf(t, p, path, data)
}

// ArticleOf extracts an article's text; its id is path's base name
// without extension, its key in the store the base name.
func ArticleOf(t testing.TB, p *extract.Pipeline, path string, data []byte) extract.Article {
	t.Helper()
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	doc, err := extract.ReadDoc(id, data, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	facts, err := p.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return extract.Quads(doc, facts, filepath.Base(path), path)
}

// Store returns a memstore holding the seed articles. When resolved is
// true, the cross-article resolution has run, as kg ingest runs it.
func Store(t testing.TB, resolved bool) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := extract.New()
	for _, f := range Files(t) {
		if _, err := st.Ingest(context.Background(), Article(t, p, f)); err != nil {
			t.Fatal(err)
		}
	}
	if resolved {
		if _, err := st.Resolve(context.Background(), resolve.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// CorpusArticles returns n articles recombined from the paragraphs of
// testdata/ and, when present, ../shared/dev (see package corpus).
func CorpusArticles(t testing.TB, n int, seed uint64) []corpus.Article {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..", "..")
	texts, err := corpus.ReadTexts(filepath.Join(root, "testdata"), filepath.Join(root, "..", "shared", "dev", "docs"))
	if err != nil {
		t.Fatal(err)
	}
	return corpus.Generate(corpus.Paragraphs(texts), n, seed)
}

// CorpusStore returns a resolved bolt store of n articles made by
// CorpusArticles.
func CorpusStore(t testing.TB, n int) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), "bolt", filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := extract.New()
	for _, a := range CorpusArticles(t, n, 1) {
		if _, err := st.Ingest(context.Background(), ArticleOf(t, p, a.Name, []byte(a.Text))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.Resolve(context.Background(), resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	return st
}
