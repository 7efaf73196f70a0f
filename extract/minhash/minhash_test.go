package minhash

import (
	"strings"
	"testing"
)

const story = `Russian President Vladimir Putin and U.S. President Donald Trump met in Helsinki on Monday for their first summit, talking for more than two hours behind closed doors before a joint news conference at the presidential palace. The two leaders discussed Syria, Ukraine and arms control, officials said, and agreed to keep talking.`

func TestSimilarity(t *testing.T) {
	base, _ := Of(story)
	tests := []struct {
		name     string
		text     string
		min, max float64
	}{
		{"the same text", story, 1, 1},
		{"a line appended", story + "\nShare this story on your site.", 0.75, 1},
		{"case and punctuation", strings.ToUpper(strings.ReplaceAll(story, ",", "")), 1, 1},
		{"a different story", "Chinese President Xi Jinping received Brazilian President Luiz Inacio Lula da Silva in Beijing on Friday for a state visit, the foreign ministry said, and the two signed fifteen agreements on trade and climate.", 0, 0.1},
	}
	for _, tt := range tests {
		sig, ok := Of(tt.text)
		if !ok {
			t.Fatalf("%s: no signature", tt.name)
		}
		if s := Similarity(base, sig); s < tt.min || s > tt.max {
			t.Errorf("%s: similarity %.2f, want %.2f-%.2f", tt.name, s, tt.min, tt.max)
		}
	}
}

func TestBandsAndEncoding(t *testing.T) {
	a, _ := Of(story)
	b, _ := Of(story + " Read more.")
	shared := 0
	ka, kb := a.BandKeys(), b.BandKeys()
	for i := range ka {
		if ka[i] == kb[i] {
			shared++
		}
	}
	if shared == 0 {
		t.Error("a near copy shares no band")
	}
	back, ok := Parse(a.String())
	if !ok || back != a {
		t.Error("signature does not survive its encoding")
	}
	if _, ok := Parse("zz"); ok {
		t.Error("garbage parsed as a signature")
	}
	if _, ok := Of("  ...  "); ok {
		t.Error("a text without words has a signature")
	}
}
