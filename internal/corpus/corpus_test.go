package corpus

import (
	"reflect"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	paras := Paragraphs([]string{
		"date 2018-06-02\nHeadline\n\nFirst paragraph of the first article, long enough to count.\n\nSecond paragraph of the first article, long enough to count.",
		"Short.\n\nA paragraph of the second article that is long enough to be kept.",
	})
	if len(paras) != 3 {
		t.Fatalf("got %d paragraphs, want 3: %q", len(paras), paras)
	}
	a, b := Generate(paras, 20, 1), Generate(paras, 20, 1)
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed gave different corpora")
	}
	if reflect.DeepEqual(a, Generate(paras, 20, 2)) {
		t.Error("another seed gave the same corpus")
	}
	seen := map[string]bool{}
	for _, art := range a {
		if seen[art.Text] {
			t.Errorf("%s repeats an article", art.Name)
		}
		seen[art.Text] = true
		if !strings.HasPrefix(art.Text, "date 20") {
			t.Errorf("%s has no date line: %q", art.Name, art.Text[:20])
		}
	}
}
