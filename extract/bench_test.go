package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkExtract extracts every article of the repository's testdata on
// one goroutine, with the dependency parse and with word patterns alone;
// the reported MB/s is extraction throughput on one core.
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
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		p    *Pipeline
	}{{"parse", New()}, {"word-patterns", New(WithoutParser())}} {
		b.Run(bc.name, func(b *testing.B) {
			for _, d := range docs { // load the parser's model before timing
				if _, err := bc.p.Extract(ctx, d); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for _, d := range docs {
					if _, err := bc.p.Extract(ctx, d); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkExtractLength extracts one document made of the testdata
// articles repeated to 20 KB, 200 KB and 2 MB: extraction is linear in
// length when MB/s stays about the same across the sizes.
func BenchmarkExtractLength(b *testing.B) {
	files, _ := filepath.Glob("../testdata/*.txt")
	var text []byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, data...)
		text = append(text, "\n\n"...)
	}
	for _, size := range []int{20 << 10, 200 << 10, 2 << 20} {
		doc := make([]byte, 0, size+len(text))
		for len(doc) < size {
			doc = append(doc, text...)
		}
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			d, err := ReadDoc("long", doc, time.Time{})
			if err != nil {
				b.Fatal(err)
			}
			p := New()
			b.SetBytes(int64(len(doc)))
			for i := 0; i < b.N; i++ {
				if _, err := p.Extract(context.Background(), d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExtractRepeatedForms extracts 50 KB and 200 KB of one form
// repeated in a single sentence (dates, appointments, counterparts,
// plural titles, companions, copulas): MB/s that holds from the small
// size to the large one shows no form costs more than linear time.
func BenchmarkExtractRepeatedForms(b *testing.B) {
	forms := []struct{ name, unit string }{
		{"dates", "Fri Oct 11th, 2024 07-07-2021 2023-04-14 "},
		{"as", "Alpha Beta was appointed as foreign minister, "},
		{"counterpart", "his Cuban counterpart Raul Castro met President Alpha Beta, "},
		{"plural", "Presidents Alpha Beta of China and Gamma Delta of Cuba, "},
		{"companion", "accompanied by Foreign Minister Wang Yi and Alpha Beta met Gamma Delta "},
		{"copula", "Alpha Beta, who had been the new British Foreign Secretary "},
	}
	p := New()
	for _, f := range forms {
		for _, size := range []int{50 << 10, 200 << 10} {
			text := strings.Repeat(f.unit, size/len(f.unit))
			d, err := ReadDoc("forms", []byte(text), time.Time{})
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%dKB", f.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for i := 0; i < b.N; i++ {
					if _, err := p.Extract(context.Background(), d); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
