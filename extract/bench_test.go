package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkExtract extracts every article of the repository's testdata on
// one goroutine; the reported MB/s is extraction throughput on one core.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../testdata/*.txt")
	more, _ := filepath.Glob("../testdata/heldout/*.txt")
	files = append(files, more...)
	var docs []Doc
	var size int64
	tokens := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, err := ReadDoc(filepath.Base(f), data, time.Time{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += int64(len(data))
		tokens += len(tokenize(d.body, 0, len(d.body), nil))
	}
	p := New()
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := p.Extract(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
