// Package corpus makes reproducible news corpora for tests and
// benchmarks: articles put together from the paragraphs of real ones,
// each with a date of its own.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Article is one generated article.
type Article struct {
	Name string // file name, "000042.txt"
	Text string
}

// Paragraphs splits articles into their paragraphs (blocks separated by
// blank lines), leaving out a first "date ..." line and paragraphs of
// fewer than 40 bytes (headlines, bylines, site furniture).
func Paragraphs(texts []string) []string {
	var out []string
	for _, t := range texts {
		t = strings.ReplaceAll(t, "\r\n", "\n")
		if strings.HasPrefix(strings.TrimSpace(t), "date ") {
			if i := strings.IndexByte(t, '\n'); i >= 0 {
				t = t[i+1:]
			}
		}
		for _, p := range strings.Split(t, "\n\n") {
			p = strings.TrimSpace(p)
			if len(p) >= 40 {
				out = append(out, p)
			}
		}
	}
	return out
}

// Generate makes n distinct articles of three to eight paragraphs drawn
// from paras, each dated between 2015-01-01 and 2020-12-28 by a first
// "date YYYY-MM-DD" line. The same paras, n and seed give the same
// articles.
func Generate(paras []string, n int, seed uint64) []Article {
	if len(paras) == 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x6b67))
	out := make([]Article, 0, n)
	seen := map[string]bool{}
	for len(out) < n {
		var b strings.Builder
		fmt.Fprintf(&b, "date %04d-%02d-%02d\n\n", 2015+rng.IntN(6), 1+rng.IntN(12), 1+rng.IntN(28))
		k := 3 + rng.IntN(6)
		for i := 0; i < k; i++ {
			b.WriteString(paras[rng.IntN(len(paras))])
			b.WriteString("\n\n")
		}
		text := b.String()
		if seen[text] {
			continue
		}
		seen[text] = true
		out = append(out, Article{Name: fmt.Sprintf("%06d.txt", len(out)), Text: text})
	}
	return out
}

// ReadTexts reads the articles (.txt) under some directories, in path
// order; a directory that does not exist is skipped.
func ReadTexts(dirs ...string) ([]string, error) {
	var paths []string
	for _, d := range dirs {
		if _, err := os.Stat(d); os.IsNotExist(err) {
			continue
		}
		err := filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".txt") {
				paths = append(paths, p)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(paths)
	texts := make([]string, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(data))
	}
	return texts, nil
}

// Write writes articles into dir, creating it.
func Write(dir string, arts []Article) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, a := range arts {
		if err := os.WriteFile(filepath.Join(dir, a.Name), []byte(a.Text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
