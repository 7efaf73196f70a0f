package extract

import (
	"strings"
)

// affiliationCandidate is a person mention and an organization mention
// the text ties together, with the tokens that say so.
type affiliationCandidate struct {
	person, org int // mention indexes
	si, a, b    int // sentence and token span of the evidence
}

// findAffiliations reads who speaks or works for which organization
// from three forms, each a whole phrase with nothing between its parts:
//   - ORG TITLE PERSON: "Kremlin spokesman Dmitry Peskov", "NATO
//     Secretary General Jens Stoltenberg";
//   - PERSON, [the|a] ORG TITLE: "Dmitry Peskov, the Kremlin spokesman";
//   - PERSON of [the] ORG: "Andrew Roth of the New York Times".
//
// An organization named in a credit tag ("(Reuters)") ties no one.
func (x *extraction) findAffiliations() {
	for si := range x.sents {
		toks := x.sents[si].toks
		ms := x.sentMentions(si)
		for _, oi := range ms {
			o := &x.mentions[oi]
			if o.kind != kindOrg || x.creditTag(o) {
				continue
			}
			// ORG TITLE PERSON
			if n, _ := matchTitle(toks, o.b, len(toks)); n > 0 {
				if pi := x.personAt(si, o.b+n); pi >= 0 {
					x.affiliations = append(x.affiliations, affiliationCandidate{pi, oi, si, o.a, x.mentions[pi].b})
					continue
				}
				// PERSON, [the|a] ORG TITLE
				k := o.a
				if k > 0 && isArticleWord(toks[k-1].text) {
					k--
				}
				if k > 0 && toks[k-1].text == "," {
					if pi := x.personEndingAt(si, k-1); pi >= 0 {
						x.affiliations = append(x.affiliations, affiliationCandidate{pi, oi, si, x.mentions[pi].a, o.b + n})
						continue
					}
				}
			}
			// PERSON of [the] ORG
			k := o.a
			if k > 0 && isArticleWord(toks[k-1].text) && !strings.EqualFold(toks[k-1].text, "a") {
				k--
			}
			if k > 0 && toks[k-1].text == "of" {
				if pi := x.personEndingAt(si, k-1); pi >= 0 {
					x.affiliations = append(x.affiliations, affiliationCandidate{pi, oi, si, x.mentions[pi].a, o.b})
				}
			}
		}
	}
}

func isArticleWord(w string) bool {
	return strings.EqualFold(w, "the") || strings.EqualFold(w, "a")
}

// personEndingAt returns the accepted person mention of sentence si that
// ends just before token b, or -1.
func (x *extraction) personEndingAt(si, b int) int {
	for _, mi := range x.sentMentions(si) {
		if x.mentions[mi].b == b && x.acceptedPerson(mi) {
			return mi
		}
	}
	return -1
}

// affiliationFacts turns the candidates into facts named as f names its
// persons and organizations, one per pair, with the first evidence.
func (x *extraction) affiliationFacts(f *Facts) []Affiliation {
	out := []Affiliation{}
	seen := map[[2]string]bool{}
	for _, c := range x.affiliations {
		person := x.persons[x.mentions[c.person].person].name
		org := orgNamed(f, &x.mentions[c.org])
		if org == "" || seen[[2]string{person, org}] {
			continue
		}
		seen[[2]string{person, org}] = true
		toks := x.sents[c.si].toks
		out = append(out, Affiliation{Person: person, Organization: org, Confidence: 0.7,
			Evidence: Span{Sentence: c.si, Start: toks[c.a].start, End: toks[c.b-1].end}})
	}
	return out
}

// orgNamed returns the name f gives the organization of a mention.
func orgNamed(f *Facts, m *mention) string {
	surface := strings.TrimSpace(m.text)
	for _, o := range f.Organizations {
		if o.Name == surface || o.Name == m.orgName || contains(o.Aliases, surface) || m.orgName != "" && contains(o.Aliases, m.orgName) {
			return o.Name
		}
	}
	return ""
}

// sourceCandidate is an organization the text cites as the source of
// what it reports.
type sourceCandidate struct {
	org      int // mention index
	si, a, b int
}

// findSources reads the organizations an article cites as its source:
// "according to ORG", "ORG reported", "told ORG", "ORG quoted".
func (x *extraction) findSources() {
	for si := range x.sents {
		toks := x.sents[si].toks
		for _, oi := range x.sentMentions(si) {
			o := &x.mentions[oi]
			if o.kind != kindOrg || x.creditTag(o) {
				continue
			}
			a, b := o.a, o.b
			before := func(k int) string { return strings.ToLower(tokAt(toks, a-k).text) }
			after := strings.ToLower(tokAt(toks, b).text)
			switch {
			case before(1) == "to" && before(2) == "according":
				a -= 2
			case before(2) == "to" && before(3) == "according" && isArticleWord(toks[a-1].text):
				a -= 3
			case after == "reported" || after == "reports" || after == "quoted" || after == "cited":
				b++
			case before(1) == "told":
				a--
			case isArticleWord(tokAt(toks, a-1).text) && before(2) == "told":
				a -= 2
			default:
				continue
			}
			x.sources = append(x.sources, sourceCandidate{oi, si, a, b})
		}
	}
}

// sourceFacts turns the candidates into facts named as f names its
// organizations, one per organization, with the first evidence.
func (x *extraction) sourceFacts(f *Facts) []Source {
	out := []Source{}
	seen := map[string]bool{}
	for _, c := range x.sources {
		org := orgNamed(f, &x.mentions[c.org])
		if org == "" || seen[org] {
			continue
		}
		seen[org] = true
		toks := x.sents[c.si].toks
		out = append(out, Source{Organization: org, Confidence: 0.7,
			Evidence: Span{Sentence: c.si, Start: toks[c.a].start, End: toks[c.b-1].end}})
	}
	return out
}
