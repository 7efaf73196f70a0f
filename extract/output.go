package extract

import (
	"strings"
)

// creditTag reports whether a mention stands in a credit or a dateline
// tag: between brackets or slashes ("(Reuters)", "/TASS/"), after "By"
// at the start of a line, or next to a "|" of a byline ("PTI | New
// Delhi").
func (x *extraction) creditTag(m *mention) bool {
	toks := x.sents[m.sent].toks
	a := m.a
	for a > 0 && toks[a-1].kind == word && (toks[a-1].cap || toks[a-1].upper) && !toks[a].nlBefore {
		a-- // "/ Pakistan Point News /": the run the name was peeled from
	}
	before, after := "", ""
	if a > 0 {
		before = toks[a-1].text
	}
	if m.b < len(toks) {
		after = toks[m.b].text
	}
	switch {
	case (before == "(" || before == "/" || before == "[") && (after == ")" || after == "/" || after == "]" || after == "-"):
		return true
	case strings.EqualFold(before, "by") && (a == 1 || toks[a-1].nlBefore):
		return true
	case after == "|" || before == "|":
		return true
	case before == ":" && a >= 2 && creditLabels[toks[a-2].lower]:
		return true // "Image Credit: IANS"
	}
	return inCreditAside(toks, a, m.b)
}

// creditLabels end the label of a credit: "Image Credit: IANS", "Photo:
// AFP" (data/creditlabels.txt).
var creditLabels = readList("creditlabels.txt")

// inCreditAside reports whether toks[a:b] stands between brackets that
// hold a photo credit ("(Jane Roe, Associated Press, File, 2019)") or a
// list of sources ("(Gulf Today / Emirates Point News / WAM - 03rd May,
// 2021)").
func inCreditAside(toks []token, a, b int) bool {
	open := -1
	for k := a - 1; k >= 0 && open < 0; k-- {
		switch toks[k].text {
		case "(", "[":
			open = k
		case ")", "]":
			return false
		}
	}
	if open < 0 {
		return false
	}
	credit := false
	for k := open + 1; k < len(toks); k++ {
		switch t := toks[k]; {
		case t.text == ")" || t.text == "]":
			return credit
		case t.text == "/":
			credit = true // "A / B / C"
		case creditLabels[t.lower] && toks[k-1].text == ",":
			credit = true // ", File," ", Pool,"
		}
	}
	return false
}

// facts assembles the output of an extraction.
func (x *extraction) facts() *Facts {
	f := &Facts{ID: x.doc.ID, Persons: []Person{}, Organizations: []Organization{}, Places: []Place{},
		Roles: []Role{}, Events: []Event{}, Times: []Time{}}
	f.DateSource = x.dateSource
	switch x.dateSource {
	case DateFromHeader, DateFromTimestamp:
		f.Date = x.ref.Format("2006-01-02")
	case DateFromDateline, DateFromCaption:
		f.InferredDate = x.ref.Format("2006-01-02")
	}
	if len(x.sents) > 0 && x.sents[0].headline {
		f.Headline = strings.TrimSpace(x.doc.Text[x.sents[0].start:x.sents[0].end])
	}
	x.finalizeNames()
	span := func(m *mention) Span {
		toks := x.sents[m.sent].toks
		return Span{Sentence: m.sent, Start: toks[m.a].start, End: toks[m.b-1].end}
	}
	for _, c := range x.persons {
		if !c.accepted {
			continue
		}
		m := &x.mentions[c.mentions[0]]
		conf := 0.7
		if len(c.mentions) > 1 {
			conf = 0.9
		}
		f.Persons = append(f.Persons, Person{Name: c.name, Aliases: c.aliases, Evidence: span(m), Confidence: conf})
	}
	orgIndex := map[string]int{}
	placeIndex := map[string]int{}
	for mi := range x.mentions {
		m := &x.mentions[mi]
		switch m.kind {
		case kindOrg:
			// Named as the text names it ("G20", "Nato"), with the
			// canonical name as an alias; an agency named only in a
			// credit or a dateline tag ("(Reuters)", "/TASS/", "By AFP")
			// is no organization of the story.
			if x.creditTag(m) {
				continue
			}
			canon := m.orgName
			surface := strings.TrimSpace(m.text)
			if surface == "" {
				surface = canon
			}
			if i, dup := orgIndex[canon]; dup {
				o := &f.Organizations[i]
				if surface != o.Name && !contains(o.Aliases, surface) {
					o.Aliases = append(o.Aliases, surface)
				}
				continue
			}
			orgIndex[canon] = len(f.Organizations)
			o := Organization{Name: surface, Evidence: span(m), Confidence: 0.7}
			if strings.HasPrefix(canon, surface+" ") {
				// "Kestrel" before "Kestrel Industries Inc.": named by the fuller form
				o.Name, o.Aliases = canon, append(o.Aliases, surface)
			} else if canon != surface {
				o.Aliases = append(o.Aliases, canon)
			}
			if short, ok := strings.CutPrefix(surface, "The "); ok {
				o.Aliases = append(o.Aliases, short)
			}
			f.Organizations = append(f.Organizations, o)
		case kindPlace:
			name, kind := m.placeName, m.placeKind
			// An adjective ("Cuban") names no place; a country's name or
			// abbreviation before a title ("US President") does.
			adjective := kind == "demonym" && x.countryName(m.text) == nil
			if kind == "demonym" {
				kind = "country"
			}
			key := name + "|" + m.code
			if i, dup := placeIndex[key]; dup {
				if !adjective && m.text != name && !contains(f.Places[i].Aliases, m.text) {
					f.Places[i].Aliases = append(f.Places[i].Aliases, m.text)
				}
				continue
			}
			if adjective {
				continue
			}
			p := Place{Name: name, Code: m.code, Kind: kind, Evidence: span(m), Confidence: 0.9}
			if m.text != name {
				p.Aliases = []string{m.text}
			}
			if c, ok := x.gaz.Country(m.code); ok {
				p.Country = c.Name
			}
			placeIndex[key] = len(f.Places)
			f.Places = append(f.Places, p)
		}
	}
	mergeShortOrgs(f)
	for i := range f.Organizations {
		o := &f.Organizations[i]
		for _, name := range append([]string{o.Name}, o.Aliases...) {
			if code := orgCountry[strings.TrimPrefix(name, "The ")]; code != "" {
				if c, ok := x.gaz.Country(code); ok {
					o.Country, o.CountryCode = c.Name, code
					break
				}
			}
		}
	}
	f.Affiliations = x.affiliationFacts(f)
	f.Sources = x.sourceFacts(f)
	// A title that the text ties to no country is no person-role-country
	// fact: it stays on the person as a job title.
	personIndex := map[string]int{}
	for i, p := range f.Persons {
		personIndex[p.Name] = i
	}
	for _, r := range x.roles {
		if r.CountryCode != "" {
			f.Roles = append(f.Roles, r)
			continue
		}
		if i, ok := personIndex[r.Person]; ok && !contains(f.Persons[i].Titles, r.Title) {
			f.Persons[i].Titles = append(f.Persons[i].Titles, r.Title)
		}
	}
	for _, ev := range x.events {
		e := Event{Type: ev.typ, Date: ev.date, Status: ev.status, Evidence: ev.spans, Confidence: 0.6}
		for _, p := range ev.participants {
			e.Participants = append(e.Participants, x.persons[p].name)
		}
		if ev.place != nil {
			e.Location, e.CountryCode = ev.place.placeName, ev.place.code
			if c, ok := x.gaz.Country(ev.place.code); ok {
				e.Country = c.Name
			}
			e.Confidence = 0.7
		}
		f.Events = append(f.Events, e)
	}
	type timeAt struct {
		other bool
		i     int
	}
	seenTime := map[string]timeAt{}
	for _, t := range x.times {
		toks := x.sents[t.sent].toks
		span := Span{Sentence: t.sent, Start: toks[t.a].start, End: toks[t.b-1].end}
		key := t.text + "|" + t.value
		if at, seen := seenTime[key]; seen {
			list := f.Times
			if at.other {
				list = f.OtherTimes
			}
			list[at.i].Repeats = append(list[at.i].Repeats, span)
			continue
		}
		tm := Time{Text: t.text, Value: t.value, Evidence: span}
		if t.typ != "" || isReference(t.value) {
			tm.Type = t.typ
			seenTime[key] = timeAt{true, len(f.OtherTimes)}
			f.OtherTimes = append(f.OtherTimes, tm)
			continue
		}
		seenTime[key] = timeAt{false, len(f.Times)}
		f.Times = append(f.Times, tm)
	}
	return f
}

// mergeShortOrgs makes "The Journal" an alias of "The Wall Street Journal"
// when the document names both.
func mergeShortOrgs(f *Facts) {
	var keep []Organization
	for i, o := range f.Organizations {
		short := strings.TrimPrefix(o.Name, "The ")
		merged := false
		if !strings.Contains(short, " ") {
			for j := range f.Organizations {
				long := f.Organizations[j].Name
				if j != i && strings.Contains(long, " ") && strings.HasSuffix(long, " "+short) {
					f.Organizations[j].Aliases = append(f.Organizations[j].Aliases, o.Name)
					merged = true
					break
				}
			}
		}
		if !merged {
			keep = append(keep, o)
		}
	}
	f.Organizations = keep
	if f.Organizations == nil {
		f.Organizations = []Organization{}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
