package syntax

import (
	"strings"
	"testing"
)

func TestPlainForm(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Japan’s", "Japan's"},
		{"’s", "'s"},
		{"n’t", "n't"},
		{"“", `"`},
		{"”", `"`},
		{"—", "--"},
		{"1990–1995", "1990-1995"},
		{"…", "..."},
		{"Müller", "Müller"}, // other non-ASCII letters stay
		{"plain", "plain"},
	}
	for _, c := range cases {
		if got := plainForm(c.in); got != c.want {
			t.Errorf("plainForm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTypographicPunctuation checks that a sentence written with the
// curly quotes and dashes of edited news is tagged and parsed as the
// same sentence written with the treebank's plain punctuation.
func TestTypographicPunctuation(t *testing.T) {
	sentences := []string{
		"Canada ’s new Finance Minister is Dominic LeBlanc , a former trade minister .",
		"They embraced at the memorial of India ’s icon Mahatma Gandhi .",
		"“ We will meet again in Paris , ” the minister said — and left .",
	}
	plain := strings.NewReplacer("’", "'", "“", `"`, "”", `"`, "—", "--")
	a := defaultModel(t).NewAnnotator()
	for _, text := range sentences {
		typo := sentenceOf(strings.Fields(text)...)
		a.Annotate(&typo)
		ascii := sentenceOf(strings.Fields(plain.Replace(text))...)
		a.Annotate(&ascii)
		for i := range typo.Tokens {
			got, want := typo.Tokens[i], ascii.Tokens[i]
			if got.UPOS != want.UPOS || got.Head != want.Head || got.Rel != want.Rel {
				t.Errorf("%q: word %q is %s ← %d (%s), %s ← %d (%s) with plain punctuation",
					text, got.Form, got.UPOS, got.Head, got.Rel, want.UPOS, want.Head, want.Rel)
			}
		}
		if typo.Tokens[0].Form != strings.Fields(text)[0] {
			t.Errorf("%q: the word's form changed to %q", text, typo.Tokens[0].Form)
		}
	}
}
