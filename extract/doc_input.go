package extract

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Errors a document can be refused with. They are wrapped in *Error.
var (
	ErrEmpty       = errors.New("extract: no text")
	ErrBinary      = errors.New("extract: binary data, not text")
	ErrInvalidUTF8 = errors.New("extract: invalid UTF-8")
)

// Error is an error about one document; Offset is the byte offset of the
// problem, or -1 when it concerns the whole document.
type Error struct {
	Doc    string
	Offset int
	Stage  string
	Err    error
}

func (e *Error) Error() string {
	if e.Offset >= 0 {
		return fmt.Sprintf("%s: %s at byte %d: %v", e.Doc, e.Stage, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.Doc, e.Stage, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Doc is one article to extract from.
type Doc struct {
	// ID names the document; for a file it is the file name without its
	// extension.
	ID string
	// Text is the article as read; every offset in the facts points into it.
	Text string
	// Date is the publication date, or the zero time when unknown.
	Date time.Time
	// body is Text with headers and markup blanked out, byte for byte.
	body string
}

var (
	dateLine    = regexp.MustCompile(`\A\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b`)
	frontMatter = regexp.MustCompile(`\A---\r?\n((?:.*\r?\n)*?)---\r?\n`)
	frontDate   = regexp.MustCompile(`(?m)^(?:date|published|datePublished|pubdate)\s*:\s*["']?(\d{4}-\d{2}-\d{2})`)
	markup      = regexp.MustCompile(`(?is)<(script|style)\b.*?</(?:script|style)\s*>|<!--.*?-->|<[a-z/!][^>]*>`)
	entity      = regexp.MustCompile(`&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);`)
	// creditAside is a bracketed photo or source credit inside a line
	// ("(Photo: AFP/VNA)", "[Image Credit: IANS]"): no part of the story.
	creditAside = regexp.MustCompile(`[(\[](?i:photo|image|picture|file photo|credit|image credit|photo credit|source)s?\s*:[^)\]\n]{0,80}[)\]]`)
)

// ReadDoc checks data and makes a Doc of it. The publication date comes
// from a first line "date YYYY-MM-DD", from YAML front matter (date:,
// published:), or else from fallback, which may be zero. HTML markup is
// blanked out (offsets still point into data).
func ReadDoc(id string, data []byte, fallback time.Time) (Doc, error) {
	if err := checkText(data); err != nil {
		return Doc{}, &Error{Doc: id, Offset: -1, Stage: "read", Err: err}
	}
	if i := invalidUTF8(data); i >= 0 {
		return Doc{}, &Error{Doc: id, Offset: i, Stage: "read", Err: ErrInvalidUTF8}
	}
	text := string(data)
	d := Doc{ID: id, Text: text, Date: fallback}
	body := []byte(text)
	if m := dateLine.FindStringSubmatchIndex(text); m != nil {
		if t, err := time.Parse("2006-01-02", text[m[2]:m[3]]); err == nil {
			d.Date = t
			blank(body, m[0], m[1])
		}
	} else if m := frontMatter.FindStringSubmatchIndex(text); m != nil {
		if dm := frontDate.FindStringSubmatch(text[m[2]:m[3]]); dm != nil {
			if t, err := time.Parse("2006-01-02", dm[1]); err == nil {
				d.Date = t
			}
		}
		blank(body, m[0], m[1])
	}
	if looksLikeHTML(text) {
		for _, m := range markup.FindAllIndex(body, -1) {
			blankKeepLines(body, m[0], m[1])
		}
		for _, m := range entity.FindAllIndex(body, -1) {
			ent := string(body[m[0]:m[1]])
			r := entityChar(ent)
			blank(body, m[0], m[1])
			body[m[0]] = r
		}
	}
	blankHoverCards(body)
	for _, m := range creditAside.FindAllIndex(body, -1) {
		blank(body, m[0], m[1])
	}
	d.body = string(body)
	return d, nil
}

// checkText refuses empty and binary input.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return ErrBinary
	}
	ctrl := 0
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	if ctrl*10 > len(sample) {
		return ErrBinary
	}
	return nil
}

// invalidUTF8 returns the offset of the first invalid UTF-8 byte, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func looksLikeHTML(s string) bool {
	head := s
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = strings.ToLower(head)
	return strings.Contains(head, "<html") || strings.Contains(head, "<p>") ||
		strings.Contains(head, "<div") || strings.Contains(head, "<body") ||
		strings.Contains(head, "</p>") || strings.Contains(head, "<br")
}

func blank(b []byte, from, to int) {
	for i := from; i < to; i++ {
		b[i] = ' '
	}
}

// blankKeepLines blanks markup; block-level tags become line breaks so
// paragraphs stay apart.
func blankKeepLines(b []byte, from, to int) {
	tag := strings.ToLower(string(b[from:min(to, from+5)]))
	blank(b, from, to)
	for _, p := range []string{"<p", "</p", "<br", "<div", "</div", "<h", "</h", "<li", "</li", "<tr"} {
		if strings.HasPrefix(tag, p) {
			b[from] = '\n'
			return
		}
	}
}

func entityChar(ent string) byte {
	switch ent {
	case "&amp;":
		return '&'
	case "&quot;", "&ldquo;", "&rdquo;", "&#34;":
		return '"'
	case "&apos;", "&rsquo;", "&lsquo;", "&#39;":
		return '\''
	case "&lt;":
		return '<'
	case "&gt;":
		return '>'
	case "&mdash;", "&ndash;":
		return '-'
	}
	return ' '
}
