package extract

// Word is a token of a text with its byte offsets.
type Word struct {
	Text       string
	Start, End int
}

// Sentences splits text into sentences of words, with the segmenter and
// tokenizer of the extraction pipeline.
func Sentences(text string) [][]Word {
	var out [][]Word
	for _, s := range segment(text) {
		ws := make([]Word, len(s.toks))
		for i, t := range s.toks {
			ws[i] = Word{t.text, t.start, t.end}
		}
		out = append(out, ws)
	}
	return out
}
