package resolve

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzParseAliases: any aliases file parses into rules with two names,
// or fails with an error that names the file; resolving with its rules
// never panics.
func FuzzParseAliases(f *testing.F) {
	f.Add([]byte("# pin\nDonald J. Trump = Donald Trump\nTrump != Fred Trump\n"))
	f.Add([]byte("a = b = c\n!=\n=\n  \n"))
	f.Add([]byte("The Donald = Donald Trump\r\nKim Jong-un != Kim Jong Un"))
	f.Fuzz(func(t *testing.T, data []byte) {
		al, err := ParseAliases(bytes.NewReader(data), "kg.aliases")
		if err != nil {
			var ae *AliasError
			if !errors.As(err, &ae) && !strings.HasPrefix(err.Error(), "kg.aliases: ") {
				t.Fatalf("error %q names no file", err)
			}
			return
		}
		for _, r := range append(append([]Rule{}, al.Pins...), al.Forbids...) {
			if r.A == "" || r.B == "" || !strings.HasPrefix(r.Where, "kg.aliases:") {
				t.Fatalf("rule %+v", r)
			}
		}
		recs := Records{Persons: []Named{person("a", "Donald Trump"), person("b", "Trump"), person("c", "Fred Trump")}}
		Resolve(recs, Options{Aliases: al})
	})
}
