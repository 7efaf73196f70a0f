package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract/minhash"
	"github.com/kg-news/kg/schema"
)

// Article is what a store needs to record one article: its identity, its
// content hash and the quads of its facts, all labelled with its IRI.
type Article struct {
	IRI   quad.IRI
	Hash  string
	Quads []quad.Quad
}

// Quads turns the facts of doc into quads labelled with the article's
// IRI. Each fact node points to evidence nodes that give the article, the
// sentence, the byte span and the sentence's text. key identifies the
// article in the store (see schema.ArticleIRI; f.ID when empty); source
// names where it was read from. The content hash is the SHA-256 of the
// text.
func Quads(doc Doc, f *Facts, key, source string) Article {
	sum := sha256.Sum256([]byte(doc.Text))
	hash := hex.EncodeToString(sum[:])
	if key == "" {
		key = f.ID
	}
	b := quadBuilder{doc: doc, key: key, label: schema.ArticleIRI(key)}
	a := b.label
	b.add(a, schema.Type, schema.TypeArticle)
	b.add(a, schema.Name, quad.String(f.ID))
	if f.Date != "" {
		b.add(a, schema.Published, quad.String(f.Date))
	}
	if f.Headline != "" {
		b.add(a, schema.Headline, quad.String(f.Headline))
	}
	if source != "" {
		b.add(a, schema.Source, quad.String(source))
	}
	b.add(a, schema.ContentHash, quad.String(hash))
	text := doc.body
	if text == "" {
		text = doc.Text
	}
	if sig, ok := minhash.Of(text); ok {
		b.add(a, schema.MinHash, quad.String(sig.String()))
		for _, k := range sig.BandKeys() {
			b.add(a, schema.Band, quad.String(k))
		}
	}
	persons := map[string]quad.IRI{}
	for _, p := range f.Persons {
		iri := schema.PersonIRI(p.Name)
		persons[p.Name] = iri
		b.add(iri, schema.Type, schema.TypePerson)
		b.add(iri, schema.Name, quad.String(p.Name))
		for _, al := range p.Aliases {
			b.add(iri, schema.Alias, quad.String(al))
		}
		for _, t := range p.Titles {
			b.add(iri, schema.JobTitle, quad.String(t))
		}
		b.add(a, schema.Mentions, iri)
		b.evidence(iri, p.Evidence, p.Confidence)
	}
	orgs := map[string]quad.IRI{}
	for _, o := range f.Organizations {
		iri := schema.OrganizationIRI(o.Name)
		orgs[o.Name] = iri
		b.add(iri, schema.Type, schema.TypeOrganization)
		b.add(iri, schema.Name, quad.String(o.Name))
		for _, al := range o.Aliases {
			b.add(iri, schema.Alias, quad.String(al))
		}
		if o.CountryCode != "" {
			b.add(iri, schema.Serves, b.place(o.Country, "country", o.CountryCode, o.Country))
		}
		b.add(a, schema.Mentions, iri)
		b.evidence(iri, o.Evidence, o.Confidence)
	}
	for _, p := range f.Places {
		iri := b.place(p.Name, p.Kind, p.Code, p.Country)
		for _, al := range p.Aliases {
			b.add(iri, schema.Alias, quad.String(al))
		}
		b.add(a, schema.Mentions, iri)
		b.evidence(iri, p.Evidence, p.Confidence)
	}
	for _, r := range f.Roles {
		p, ok := persons[r.Person]
		if !ok {
			continue
		}
		iri := schema.RoleIRI(r.Person, r.Title, r.CountryCode, r.ToCode)
		b.add(p, schema.HoldsRole, iri)
		b.add(iri, schema.Type, schema.TypeRole)
		b.add(iri, schema.Title, quad.String(r.Title))
		if r.CountryCode != "" {
			b.add(iri, schema.ForCountry, b.place(r.Country, "country", r.CountryCode, r.Country))
		}
		if r.ToCode != "" {
			b.add(iri, schema.PostedTo, b.place(r.To, "country", r.ToCode, r.To))
		}
		if r.Former {
			b.add(iri, schema.Former, quad.Bool(true))
		}
		b.evidence(iri, r.Evidence, r.Confidence)
	}
	for _, af := range f.Affiliations {
		p, okp := persons[af.Person]
		o, oko := orgs[af.Organization]
		if !okp || !oko {
			continue
		}
		iri := schema.AffiliationIRI(af.Person, af.Organization)
		b.add(p, schema.Affiliated, iri)
		b.add(iri, schema.Type, schema.TypeAffiliation)
		b.add(iri, schema.MemberOf, o)
		b.evidence(iri, af.Evidence, af.Confidence)
	}
	for _, src := range f.Sources {
		o, ok := orgs[src.Organization]
		if !ok {
			continue
		}
		iri := schema.CitationIRI(key, src.Organization)
		b.add(a, schema.Cites, iri)
		b.add(iri, schema.Type, schema.TypeCitation)
		b.add(iri, schema.Publisher, o)
		b.evidence(iri, src.Evidence, src.Confidence)
	}
	for _, e := range f.Events {
		var place quad.IRI
		if e.Location != "" {
			kind := "city"
			if e.Location == e.Country {
				kind = "country"
			}
			place = b.place(e.Location, kind, e.CountryCode, e.Country)
		}
		iri := schema.EventIRI(e.Participants, e.Date, place, e.Type == Call)
		b.add(iri, schema.Type, schema.TypeEvent)
		b.add(iri, schema.Type, eventType(e.Type))
		b.add(iri, schema.Kind, quad.String(e.Type))
		b.add(iri, schema.Name, quad.String(eventName(e)))
		for _, p := range e.Participants {
			if piri, ok := persons[p]; ok {
				b.add(iri, schema.Participant, piri)
			}
		}
		if place != "" {
			b.add(iri, schema.Location, place)
		}
		if e.Date != "" {
			b.add(iri, schema.Date, quad.String(e.Date))
		}
		b.add(iri, schema.Status, quad.String(e.Status))
		b.add(a, schema.Mentions, iri)
		for _, sp := range e.Evidence {
			b.evidence(iri, sp, e.Confidence)
		}
	}
	return Article{IRI: a, Hash: hash, Quads: b.quads}
}

type quadBuilder struct {
	doc    Doc
	key    string
	label  quad.IRI
	quads  []quad.Quad
	seen   map[quad.Quad]bool
	nextEv int
}

func (b *quadBuilder) add(s, p quad.IRI, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label}
	if b.seen == nil {
		b.seen = map[quad.Quad]bool{}
	}
	if b.seen[q] {
		return
	}
	b.seen[q] = true
	b.quads = append(b.quads, q)
}

// place adds a country, city or region node and returns its IRI.
func (b *quadBuilder) place(name, kind, code, country string) quad.IRI {
	if kind == "country" && code != "" {
		iri := schema.CountryIRI(code)
		b.add(iri, schema.Type, schema.TypeCountry)
		b.add(iri, schema.Type, schema.TypePlace)
		b.add(iri, schema.Name, quad.String(country))
		b.add(iri, schema.CountryCode, quad.String(code))
		return iri
	}
	iri := schema.PlaceIRI(name, code)
	b.add(iri, schema.Type, schema.TypePlace)
	if kind == "city" {
		b.add(iri, schema.Type, schema.TypeCity)
	}
	b.add(iri, schema.Name, quad.String(name))
	if code != "" && country != "" {
		b.add(iri, schema.InCountry, b.place(country, "country", code, country))
	}
	return iri
}

// evidence adds an evidence node for a fact node.
func (b *quadBuilder) evidence(fact quad.IRI, sp Span, conf float64) {
	if sp.End <= sp.Start || sp.End > len(b.doc.Text) {
		return
	}
	e := schema.EvidenceIRI(b.key, b.nextEv)
	b.nextEv++
	b.add(fact, schema.Evidence, e)
	b.add(e, schema.Type, schema.TypeEvidence)
	b.add(e, schema.EvidenceOf, fact)
	b.add(e, schema.Article, b.label)
	b.add(e, schema.Sentence, quad.Int(sp.Sentence))
	b.add(e, schema.Start, quad.Int(sp.Start))
	b.add(e, schema.End, quad.Int(sp.End))
	b.add(e, schema.Quote, quad.String(quoteAround(b.doc.Text, sp.Start, sp.End)))
	b.add(e, schema.Confidence, quad.Float(conf))
}

// quoteAround returns the sentence around text[start:end], at most about
// 400 bytes.
func quoteAround(text string, start, end int) string {
	from := start
	for from > 0 && start-from < 300 {
		c := text[from-1]
		if c == '\n' || (c == ' ' && from >= 2 && (text[from-2] == '.' || text[from-2] == '?' || text[from-2] == '!')) {
			break
		}
		from--
	}
	to := end
	for to < len(text) && to-end < 300 {
		c := text[to]
		if c == '\n' || ((c == '.' || c == '?' || c == '!') && (to+1 == len(text) || text[to+1] == ' ' || text[to+1] == '\n')) {
			if c != '\n' {
				to++
			}
			break
		}
		to++
	}
	return strings.TrimSpace(strings.ToValidUTF8(text[from:to], ""))
}

func eventType(t string) quad.IRI {
	switch t {
	case Summit:
		return schema.TypeSummit
	case Call:
		return schema.TypeCall
	case Visit:
		return schema.TypeVisit
	}
	return schema.TypeMeeting
}

// eventName is a readable label: "meeting of Donald Trump and Vladimir
// Putin, Hamburg, 2017-07".
func eventName(e Event) string {
	s := e.Type + " of " + strings.Join(e.Participants, " and ")
	if e.Location != "" {
		s += ", " + e.Location
	}
	if e.Date != "" {
		s += ", " + e.Date
	}
	return s
}
