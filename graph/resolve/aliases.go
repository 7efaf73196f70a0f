package resolve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// ErrAliasSyntax is the error of a line of an aliases file that is
// neither "A = B", "A != B", a comment nor blank.
var ErrAliasSyntax = errors.New("resolve: want \"NAME = NAME\" or \"NAME != NAME\"")

// Aliases are the user's corrections: names pinned together and merges
// forbidden. The zero value corrects nothing.
type Aliases struct {
	Pins    []Rule // "Donald J. Trump = Donald Trump": the left name is the right one
	Forbids []Rule // "Trump != Fred Trump": never the same node
}

// Rule is one line of an aliases file.
type Rule struct {
	A, B  string
	Where string // file:line, for explanations
}

// AliasError reports a bad line of an aliases file.
type AliasError struct {
	File string
	Line int
	Text string
	Err  error
}

func (e *AliasError) Error() string {
	return fmt.Sprintf("%s:%d: %q: %v", e.File, e.Line, e.Text, e.Err)
}

func (e *AliasError) Unwrap() error { return e.Err }

// ReadAliases reads an aliases file.
func ReadAliases(path string) (*Aliases, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseAliases(f, path)
}

// ParseAliases reads aliases from r; name is the file name used in
// errors and explanations. Lines are "A = B" (pin A to B), "A != B"
// (forbid), blank, or comments starting with #.
func ParseAliases(r io.Reader, name string) (*Aliases, error) {
	a := &Aliases{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		op := "="
		i := strings.Index(line, "!=")
		if i >= 0 {
			op = "!="
		} else {
			i = strings.Index(line, "=")
		}
		if i < 0 {
			return nil, &AliasError{File: name, Line: n, Text: line, Err: ErrAliasSyntax}
		}
		left, right := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+len(op):])
		if left == "" || right == "" || strings.ContainsAny(right, "=") {
			return nil, &AliasError{File: name, Line: n, Text: line, Err: ErrAliasSyntax}
		}
		r := Rule{A: left, B: right, Where: where}
		if op == "=" {
			a.Pins = append(a.Pins, r)
		} else {
			a.Forbids = append(a.Forbids, r)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}
