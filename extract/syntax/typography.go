package syntax

import "strings"

// typographic maps the typographic punctuation of edited text to the
// plain forms of the treebank the model learnt from: news writes
// "Japan’s" and “talks”, UD English EWT mostly "Japan's" and "talks".
// A word the model never saw would otherwise weigh as unknown.
var typographic = strings.NewReplacer(
	"\u2018", "'", // left single quotation mark
	"\u2019", "'", // right single quotation mark, apostrophe
	"\u201a", "'", // single low-9 quotation mark
	"\u201b", "'", // single high-reversed-9 quotation mark
	"\u2032", "'", // prime
	"\u201c", `"`, // left double quotation mark
	"\u201d", `"`, // right double quotation mark
	"\u201e", `"`, // double low-9 quotation mark
	"\u2033", `"`, // double prime
	"\u2013", "-", // en dash
	"\u2014", "--", // em dash
	"\u2015", "--", // horizontal bar
	"\u2026", "...", // horizontal ellipsis
)

// plainForm returns word with its typographic punctuation replaced by
// the treebank's plain forms. Words without any come back as they are,
// without allocating.
func plainForm(word string) string {
	// Every mapped character is encoded in UTF-8 starting with 0xE2.
	if strings.IndexByte(word, 0xe2) < 0 {
		return word
	}
	return typographic.Replace(word)
}
