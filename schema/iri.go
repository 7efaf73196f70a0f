package schema

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Errors of Validate.
var (
	ErrNotIRI     = errors.New("schema: not an IRI")
	ErrEmptyValue = errors.New("schema: empty value")
	ErrNoLabel    = errors.New("schema: fact without an article label")
)

// Slug is the identifier form of a name: lower case ASCII letters and
// digits separated by single hyphens ("Kim Jong-un" and "Kim Jong Un" are
// both "kim-jong-un").
func Slug(name string) string {
	if !isASCII(name) {
		// Accents go: "Erdoğan" is "erdogan".
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if s, _, err := transform.String(t, name); err == nil {
			name = s
		}
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '.' || r == '\'' || r == '’':
			// "U.S." is "us", "O'Brien" is "obrien".
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			fmt.Fprintf(&b, "u%x", r)
		default:
			dash = true
		}
	}
	return b.String()
}

// PersonIRI identifies a person by their fullest name.
func PersonIRI(name string) quad.IRI { return quad.IRI(KG + "person/" + Slug(name)) }

// OrganizationIRI identifies an organization by its name.
func OrganizationIRI(name string) quad.IRI {
	return quad.IRI(KG + "org/" + Slug(strings.TrimPrefix(name, "The ")))
}

// CountryIRI identifies a country by its ISO 3166-1 alpha-2 code.
func CountryIRI(code string) quad.IRI { return quad.IRI(KG + "country/" + strings.ToUpper(code)) }

// PlaceIRI identifies a city or region by its name and country code
// (empty for regions across countries).
func PlaceIRI(name, code string) quad.IRI {
	if code == "" {
		return quad.IRI(KG + "place/" + Slug(name))
	}
	return quad.IRI(KG + "place/" + strings.ToLower(code) + "/" + Slug(name))
}

// CitationIRI identifies an article's citing of an organization as its
// source.
func CitationIRI(articleKey, org string) quad.IRI {
	return quad.IRI(KG + "citation/" + Slug(org) + "/" + ArticlePath(articleKey))
}

// AffiliationIRI identifies a person's tie to an organization.
func AffiliationIRI(person, org string) quad.IRI {
	return quad.IRI(KG + "affiliation/" + Slug(person) + "+" + Slug(org))
}

// RoleIRI identifies a person's title for a country and, for envoys, the
// country they are posted to.
func RoleIRI(person, title, code, to string) quad.IRI {
	s := KG + "role/" + Slug(person) + "/" + Slug(title)
	if code != "" {
		s += "/" + strings.ToUpper(code)
	}
	if to != "" {
		s += "/to-" + strings.ToUpper(to)
	}
	return quad.IRI(s)
}

// EventIRI identifies an event by its participants, its date, its place
// and whether it was a call: the same meeting reported by two articles
// gets the same IRI when they agree on these.
func EventIRI(participants []string, date string, place quad.IRI, call bool) quad.IRI {
	s := KG + "event/" + EventParticipants(participants)
	if call {
		s += "/call"
	}
	if date == "" {
		date = "undated"
	}
	s += "/" + date
	if place != "" {
		s += "/" + strings.ReplaceAll(strings.TrimPrefix(strings.TrimPrefix(string(place), KG+"place/"), KG+"country/"), "/", "-")
	}
	return quad.IRI(s)
}

// ArticleIRI identifies an article by its key: the path of its file
// relative to the folder it was ingested from ("dupA/news.txt"), or
// "stdin/" and its content hash. Keys that differ give IRIs that differ:
// case, extension and folders are kept, and bytes other than ASCII
// letters, digits and "._~-" are percent-encoded.
func ArticleIRI(key string) quad.IRI { return quad.IRI(KG + "article/" + ArticlePath(key)) }

// EvidenceIRI identifies the n-th piece of evidence of the article with
// a key.
func EvidenceIRI(key string, n int) quad.IRI {
	return quad.IRI(fmt.Sprintf("%sevidence/%s/%d", KG, ArticlePath(key), n))
}

// ArticleKey is the key an article IRI was made from, the inverse of
// ArticleIRI for the IRIs it makes; "" for another IRI.
func ArticleKey(iri quad.IRI) string {
	p, ok := strings.CutPrefix(string(iri), KG+"article/")
	if !ok {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) {
			var c byte
			if _, err := fmt.Sscanf(p[i+1:i+3], "%02X", &c); err == nil {
				b.WriteByte(c)
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// ArticlePath is the IRI form of an article key: its "/"-separated
// segments, each percent-encoded as in ArticleIRI; empty, "." and ".."
// segments are dropped.
func ArticlePath(key string) string {
	var b strings.Builder
	for _, seg := range strings.Split(strings.ReplaceAll(key, "\\", "/"), "/") {
		if seg == "" || seg == "." || seg == ".." {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('/')
		}
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			switch {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
				c == '.', c == '_', c == '~', c == '-':
				b.WriteByte(c)
			default:
				fmt.Fprintf(&b, "%%%02X", c)
			}
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// Validate checks that a quad is a well-formed kg fact: IRI subject,
// predicate and label, a non-empty object.
func Validate(q quad.Quad) error {
	for _, v := range []struct {
		name string
		val  quad.Value
	}{{"subject", q.Subject}, {"predicate", q.Predicate}, {"label", q.Label}} {
		iri, ok := v.val.(quad.IRI)
		if !ok {
			if v.name == "label" && v.val == nil {
				return fmt.Errorf("%w: %v", ErrNoLabel, q)
			}
			return fmt.Errorf("%w: %s %v", ErrNotIRI, v.name, v.val)
		}
		if iri == "" || strings.ContainsAny(string(iri), " <>\"{}|\\^`\n") {
			return fmt.Errorf("%w: %s %q", ErrNotIRI, v.name, string(iri))
		}
	}
	if q.Object == nil {
		return fmt.Errorf("%w: object of %v", ErrEmptyValue, q)
	}
	if s, ok := q.Object.(quad.String); ok && s == "" {
		return fmt.Errorf("%w: object of %v", ErrEmptyValue, q)
	}
	return nil
}

// PlaceCountry returns the ISO 3166-1 alpha-2 code (upper case) of the
// country a place IRI lies in, and whether the IRI is the country itself.
// It returns "" for regions across countries and for IRIs that are not
// places.
func PlaceCountry(place quad.IRI) (code string, isCountry bool) {
	code, isCountry = PlaceCountryAsWritten(place)
	return strings.ToUpper(code), isCountry
}

// PlaceCountryAsWritten is PlaceCountry with the code in the case the
// IRI writes it, without copying: compare codes with strings.EqualFold.
func PlaceCountryAsWritten(place quad.IRI) (code string, isCountry bool) {
	s := string(place)
	if rest, ok := strings.CutPrefix(s, KG+"country/"); ok {
		return rest, true
	}
	if rest, ok := strings.CutPrefix(s, KG+"place/"); ok {
		if c, _, ok := strings.Cut(rest, "/"); ok {
			return c, false
		}
	}
	return "", false
}

// NumberedIRI is the n-th of several nodes that would otherwise share
// iri: "kg:event/a+b/undated" numbered 2 is "kg:event/a+b/undated/2".
func NumberedIRI(iri quad.IRI, n int) quad.IRI {
	return quad.IRI(fmt.Sprintf("%s/%d", string(iri), n))
}

// FoundedIRI is, of several nodes that would otherwise share iri, the
// one that the record founder founded, told apart by eight hex digits of
// its hash: "kg:event/a+b/undated/3fa9c1d2". Unlike a number, it does not
// change when another such node comes before it.
func FoundedIRI(iri quad.IRI, founder string) quad.IRI {
	h := sha256.Sum256([]byte(founder))
	return quad.IRI(fmt.Sprintf("%s/%x", string(iri), h[:4]))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// EventParticipants is the part of an event IRI that names its
// participants: their slugs, sorted, joined by "+".
func EventParticipants(names []string) string {
	slugs := make([]string, len(names))
	for i, p := range names {
		slugs[i] = Slug(p)
	}
	sort.Strings(slugs)
	return strings.Join(slugs, "+")
}

// EventParticipantsOf returns the participants part of an event IRI
// (EventParticipants); ok is false when iri is no event IRI.
func EventParticipantsOf(iri quad.IRI) (string, bool) {
	rest, ok := strings.CutPrefix(string(iri), KG+"event/")
	if !ok {
		return "", false
	}
	part, _, ok := strings.Cut(rest, "/")
	return part, ok
}
