package syntax

import "strings"

// clitics are the contracted endings that UD English treats as words of
// their own: "don't" is "do" + "n't", "we're" is "we" + "'re".
var clitics = []string{"n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'m", "’m", "'d", "’d", "'s", "’s"}

// SplitClitic returns the byte offset at which a contracted ending of
// word begins, or len(word) when it has none: SplitClitic("don't") = 2,
// SplitClitic("can't") = 2 ("ca" + "n't", as in UD), SplitClitic("I'm")
// = 1.
func SplitClitic(word string) int {
	lower := strings.ToLower(word)
	for _, c := range clitics {
		if len(lower) > len(c) && strings.HasSuffix(lower, c) {
			return len(word) - len(c)
		}
	}
	return len(word)
}
