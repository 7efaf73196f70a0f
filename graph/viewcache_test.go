package graph_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/resolve"
	"github.com/kg-news/kg/internal/seedtest"
)

// TestViewIsKept: a bolt store keeps its projected view, reads it back
// while nothing changed, and projects again after a write.
func TestViewIsKept(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg.db")
	st, err := graph.Open(ctx, "bolt", dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	files := seedtest.Files(t)
	p := extract.New()
	for _, f := range files[:4] {
		if _, err := st.Ingest(ctx, seedtest.Article(t, p, f)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.Resolve(ctx, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	v1, err := st.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(dir, graph.ViewFile)
	info, err := os.Stat(kept)
	if err != nil {
		t.Fatalf("no kept view: %v", err)
	}
	v2, err := st.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v1.Len() != v2.Len() || v1.EdgeCount() != v2.EdgeCount() {
		t.Fatalf("kept view %d nodes %d edges, projected %d and %d", v2.Len(), v2.EdgeCount(), v1.Len(), v1.EdgeCount())
	}
	for i := 0; i < v1.Len(); i++ {
		a, b := v1.At(int64(i)), v2.At(int64(i))
		if a.IRI != b.IRI || a.Name != b.Name || a.Date != b.Date || a.Status != b.Status {
			t.Fatalf("node %d: kept %+v, projected %+v", i, b, a)
		}
	}
	// A new article: the kept view is stale and not read.
	if _, err := st.Ingest(ctx, seedtest.Article(t, p, files[4])); err != nil {
		t.Fatal(err)
	}
	v3, err := st.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v3.Len() <= v1.Len() {
		t.Errorf("after a new article the view has %d nodes, before %d: the stale view was read", v3.Len(), v1.Len())
	}
	if info2, err := os.Stat(kept); err != nil || !info2.ModTime().After(info.ModTime()) && info2.Size() == info.Size() {
		t.Errorf("the kept view was not replaced: %v", err)
	}
	// A kept view that does not decode is projected again.
	os.WriteFile(kept, []byte("not a view"), 0o644)
	if v4, err := st.View(ctx); err != nil || v4.Len() != v3.Len() {
		t.Errorf("with a broken kept view: %v, %d nodes", err, v4.Len())
	}
}

// BenchmarkView1000Articles: the view of a 1,000-article bolt store,
// projected from the quads, folded from the kept articles' parts, and
// read back kept (go test -bench View1000 ./graph).
func BenchmarkView1000Articles(b *testing.B) {
	st := seedtest.CorpusStore(b, 1000)
	ctx := context.Background()
	if _, err := st.View(ctx); err != nil {
		b.Fatal(err)
	}
	kept := filepath.Join(st.Address, graph.ViewFile)
	b.Run("projected", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			os.Remove(kept)
			os.Remove(filepath.Join(st.Address, graph.PartsFile))
			if _, err := st.View(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("folded", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			os.Remove(kept)
			if _, err := st.View(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("kept", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := st.View(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestWalkFindsEveryQuadOfAnArticle: the walk from an article's node
// finds exactly the quads labelled with it, before and after resolution,
// each article walked alone and all of them in one walk.
func TestWalkFindsEveryQuadOfAnArticle(t *testing.T) {
	for _, resolved := range []bool{false, true} {
		st := seedtest.Store(t, resolved)
		byLabel := map[string]map[string]bool{}
		qs := st.QuadStore()
		it := qs.QuadsAllIterator()
		for it.Next(context.Background()) {
			q := qs.Quad(it.Result())
			l := q.Label.String()
			if byLabel[l] == nil {
				byLabel[l] = map[string]bool{}
			}
			byLabel[l][q.String()] = true
		}
		it.Close()
		var labels []string
		for label := range byLabel {
			if label != "<kg:store>" {
				labels = append(labels, label)
			}
		}
		together := graph.ArticlesQuadsForTest(t, st, labels)
		for _, label := range labels {
			want := byLabel[label]
			if got := together[label]; !reflect.DeepEqual(got, want) {
				t.Errorf("resolved %v, %s: walked with the other articles, the walk finds %d quads, the label has %d", resolved, label, len(got), len(want))
			}
			got := graph.ArticleQuadsForTest(t, st, label)
			if len(got) != len(want) {
				t.Errorf("resolved %v, %s: the walk finds %d quads, the label has %d", resolved, label, len(got), len(want))
			}
			for q := range want {
				if !got[q] {
					t.Errorf("resolved %v: the walk misses %s", resolved, q)
					break
				}
			}
		}
	}
}

// BenchmarkIngestOneInto1000: one new article into a 1,000-article bolt
// store, resolution included (go test -bench IngestOneInto1000 ./graph).
func BenchmarkIngestOneInto1000(b *testing.B) {
	st := seedtest.CorpusStore(b, 1000)
	ctx := context.Background()
	p := extract.New()
	arts := seedtest.CorpusArticles(b, b.N, 7)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := seedtest.ArticleOf(b, p, fmt.Sprintf("new-%d.txt", i), []byte(arts[i].Text))
		if _, err := st.Ingest(ctx, a); err != nil {
			b.Fatal(err)
		}
		if _, err := st.Resolve(ctx, resolve.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
