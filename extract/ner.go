package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-news/kg/extract/gazetteer"
)

// mentionKind is what a capitalized mention names.
type mentionKind uint8

const (
	kindUnknown mentionKind = iota
	kindPerson
	kindOrg
	kindPlace
	kindVenue // a building that stands for its city (Oval Office)
)

// mention is a name in a sentence: tokens toks[a:b] of sentence sent.
type mention struct {
	sent       int
	a, b       int
	text       string
	kind       mentionKind
	titled     bool // a title or honorific precedes it in its run
	possessive bool // followed by 's
	// places
	placeName, placeKind, code string
	// orgs: canonical name
	orgName string
	// persons: index of the cluster
	person int
	// surface is the whole run, with its titles and modifiers.
	surface string
}

// ner finds the capitalized runs of each sentence and classifies them
// against the gazetteer and the lexicon. Runs are split where a title,
// demonym or country ends before a name ("Russian President Vladimir
// Putin" yields a person "Vladimir Putin"), following the convention of
// formal titles before names (AP Stylebook, "titles").
func (x *extraction) ner() {
	for si := range x.sents {
		s := &x.sents[si]
		if s.credit {
			continue
		}
		toks := s.toks
		for i := 0; i < len(toks); {
			if !runStart(toks, i) {
				i++
				continue
			}
			j := i + 1
			for j < len(toks) && (runContinues(toks, i, j) || x.listInBodyName(toks, i, j) || x.pairedBodyName(toks, i, j)) {
				j++
			}
			if !trailingByline(toks, i, j) {
				x.classifyRun(si, i, j)
				x.demonymMinistry(si, j)
			}
			i = j
		}
	}
}

// demonymMinistry records a ministry written in lower case after the
// demonym that ends a run at toks[j-1]: "the Japanese foreign ministry
// announced", "the Russian defence ministry". One or two portfolio words
// stand between.
func (x *extraction) demonymMinistry(si, j int) {
	toks := x.sents[si].toks
	if j < 1 || demonym(x.gaz, toks[j-1].text) == nil {
		return
	}
	k := j
	for k < len(toks) && k < j+2 && toks[k].kind == word && !toks[k].cap && portfolios[toks[k].lower] {
		k++
	}
	if k > j && k < len(toks) && toks[k].lower == "ministry" && !toks[k].cap {
		x.addOrg(si, j-1, k+1)
	}
}

// trailingByline reports whether the run toks[a:b] is an author named at
// the end of a headline after a colon or a dash ("... disagree on
// important issues: Elizabeth Sullivan"): a credit, not a person of the
// story.
func trailingByline(toks []token, a, b int) bool {
	if a == 0 || b-a < 2 || b-a > 3 {
		return false
	}
	switch toks[a-1].text {
	case ":", "—", "–", "|":
	default:
		return false
	}
	for k := b; k < len(toks); k++ {
		if toks[k].kind != punct || toks[k].nlBefore {
			return toks[k].nlBefore
		}
	}
	return true
}

func runStart(toks []token, i int) bool {
	t := toks[i]
	if t.kind == handle {
		return true
	}
	return t.kind == word && (t.cap || t.upper)
}

// headlinePrepositions are prepositions that no name holds capitalized
// (data/headlineprepositions.txt).
var headlinePrepositions = readList("headlineprepositions.txt")

// runContinues reports whether toks[j] extends the run that began at i.
func runContinues(toks []token, i, j int) bool {
	t := toks[j]
	if t.nlBefore {
		return false
	}
	if nicknameQuote(toks, i, j) {
		return true
	}
	if j == i+1 && i > 0 && toks[i-1].text == "," && stateAbbreviations[toks[i].text] {
		// "Randolph, Mass. Cara, a food chain": the state closes its
		// city's name, and a sentence that the splitter did not end there.
		return false
	}
	if t.kind == word && t.cap && !t.upper && headlinePrepositions[t.lower] {
		// "Sultan Receives Phone Call From UK Secretary Of
		// State": a preposition capitalized inside a run is a line in
		// title case, and ends the name before it.
		return false
	}
	if t.kind == word && (t.cap || t.upper) {
		return true
	}
	if t.kind == word && j+1 < len(toks) && !toks[j+1].nlBefore {
		next := toks[j+1]
		lw := t.lower
		// Name particles: "Bashar al-Assad", "Ursula von der Leyen".
		if (strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-")) && hasUpperAfterHyphen(t.text) {
			return true
		}
		switch {
		case nameParticles[lw]:
			// "Ursula von der Leyen": a particle may follow another.
			if next.kind == word && !next.cap && j+2 < len(toks) && nameParticles[strings.ToLower(next.text)] {
				return toks[j+2].kind == word && toks[j+2].cap && j > i
			}
			return next.kind == word && next.cap && j > i
		case lw == "of":
			// "Bank of England", "Group of 20", "Secretary of State",
			// "Chief of Staff".
			prev := toks[j-1].lower
			if orgWords[prev] || prev == "group" || prev == "secretary" || prev == "hall" || prev == "republic" ||
				prev == "university" || prev == "bank" || prev == "city" || prev == "house" || prev == "chief" {
				return next.cap || next.kind == number || next.text == "the"
			}
		case lw == "the":
			return toks[j-1].text == "of" && next.cap
		case lw == "and" || lw == "&":
			// "Ministry of Fisheries and Ocean Affairs": within
			// a body's "of" phrase, "and" joins the parts of its name.
			return next.cap && ofBody(toks[i:j])
		}
	}
	if t.kind == number && j > i && strings.EqualFold(toks[j-1].text, "of") {
		return true
	}
	if t.kind == punct && t.text == "-" && j+1 < len(toks) && toks[j+1].cap && toks[j-1].end == t.start {
		return false
	}
	return false
}

// listInBodyName reports whether the comma at toks[j] carries the run
// toks[i:j], a body and its "of" phrase, on through a list of
// capitalized parts that an "and" closes before any other punctuation:
// "Ministry of Housing, Communities and Local Government". A
// part is one to three capitalized words and names no country or city,
// which would be another party of the sentence ("the Ministry of
// Defence, Britain and France").
func (x *extraction) listInBodyName(toks []token, i, j int) bool {
	if toks[j].text != "," || !ofBody(toks[i:j]) {
		return false
	}
	k := j
	for k < len(toks) && toks[k].text == "," {
		k++
		a := k
		for k < len(toks) && toks[k].kind == word && toks[k].cap && toks[k].lower != "and" {
			k++
		}
		if k-a > 3 || k > a && x.isPlaceName(joinTokens(toks[a:k])) {
			return false
		}
		if k < len(toks) && (toks[k].lower == "and" || toks[k].text == "&") {
			// the Oxford comma's "and" (no part before it) too
			return k+1 < len(toks) && toks[k+1].cap && !x.isPlaceName(toks[k+1].text)
		}
		if k == a {
			return false
		}
	}
	return false
}

// pairedBodyName reports whether the "and" at toks[j] joins the
// capitalized words toks[i:j] to the rest of a body's name: "Trade and
// Industry Ministry", "Fish and Wildlife Service". Each side
// is one to three capitalized words, the first names no country or city,
// and the second ends in pairedBodies.
func (x *extraction) pairedBodyName(toks []token, i, j int) bool {
	if toks[j].lower != "and" || j-i > 3 {
		return false
	}
	for k := i; k < j; k++ {
		if toks[k].kind != word || !toks[k].cap {
			return false
		}
	}
	k := j + 1
	for k < len(toks) && k-j <= 3 && toks[k].kind == word && toks[k].cap && !toks[k].nlBefore {
		if pairedBodies[toks[k].lower] {
			// the body's last word, after a portfolio that is no place
			return (k+1 == len(toks) || !toks[k+1].cap) && !x.isPlaceName(joinTokens(toks[i:j]))
		}
		k++
	}
	return false
}

// pairedBodies end the name of a body whose remit may be a
// pair joined by "and" (data/pairedbodies.txt).
var pairedBodies = readList("pairedbodies.txt")

// isPlaceName reports whether name is a country's or a city's.
func (x *extraction) isPlaceName(name string) bool {
	return x.countryName(name) != nil || x.isCity(name)
}

// ofBody reports whether a run so far is an organization word and an
// "of" phrase ("Ministry of Law", "Department of Health").
func ofBody(run []token) bool {
	for k := 1; k < len(run); k++ {
		if run[k].lower == "of" && orgWords[run[k-1].lower] {
			return true
		}
	}
	return false
}

func hasUpperAfterHyphen(w string) bool {
	k := strings.IndexByte(w, '-')
	if k < 0 || k+1 >= len(w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[k+1:])
	return unicode.IsUpper(r)
}

// classifyRun splits the run toks[a:b] of sentence si into modifiers and a
// core, and records the core as a mention.
func (x *extraction) classifyRun(si, a, b int) {
	s := &x.sents[si]
	toks := s.toks
	if toks[a].kind == handle {
		x.mentions = append(x.mentions, mention{sent: si, a: a, b: a + 1, text: toks[a].text, kind: kindUnknown, surface: toks[a].text})
		return
	}
	runA := a
	// A sentence-initial function word is not part of a name, nor a
	// participle or a number word ("Addressing Albanese", "Five
	// Ministers").
	for a < b && (a == 0 || isOpenQuote(toks[a-1])) {
		lw := toks[a].lower
		if functionWords[lw] || numberWords[lw] > 0 || b-a > 1 && len(lw) > 5 && strings.HasSuffix(lw, "ing") && !x.gaz.FirstName(toks[a].text) {
			a++
			continue
		}
		break
	}
	for a < b && headlinePrepositions[toks[a].lower] {
		a++ // "... Phone Call From UK Secretary Of State"
	}
	titled := false
	// Peel modifiers off the front while a name remains after them.
	for a < b {
		if honorifics[toks[a].lower] {
			titled = true
			a++
			continue
		}
		if n, _ := matchTitle(toks, a, b); n > 0 && a+n < b {
			titled = true
			a += n
			continue
		}
		// "Capt. Rod Beer", "Sgt. Ana Ruiz": an abbreviated rank that
		// is no title of office precedes the name as an honorific does.
		if lw := toks[a].lower; strings.HasSuffix(lw, ".") && titleAbbrevs[strings.TrimSuffix(lw, ".")] != "" && a+1 < b {
			titled = true
			a++
			continue
		}
		// "On Monday Prime Minister Fumio Kishida": a day or a month
		// before a title is a time, no part of the name.
		if _, day := weekdays[toks[a].lower]; (day || isMonthName(toks[a].text)) && a+1 < b {
			if n, _ := matchTitle(toks, a+1, b); n > 0 && a+1+n < b || honorifics[toks[a+1].lower] {
				a++
				continue
			}
		}
		// "Former Justice Minister Yoko Kamikawa": a time marker opens
		// the title.
		if pastMarkers[toks[a].lower] && a+1 < b {
			if n, _ := matchTitle(toks, a+1, b); n > 0 && a+1+n < b {
				a++
				continue
			}
			// "Former Arizona Sen. Jeff Flake"
			if n, _ := matchRegion(toks, a+1, b); n > 0 && a+1+n < b {
				if t, _ := matchTitle(toks, a+1+n, b); t > 0 && a+1+n+t < b {
					a++
					continue
				}
			}
		}
		if n, _ := matchPluralTitle(toks, a, b); n > 0 && a+n < b {
			titled = true // "Presidents Xi Jinping of China and ..."
			a += n
			continue
		}
		if n, c := x.matchCountryWord(toks, a, b); n > 0 && a+n < b && !x.isCity(joinTokens(toks[a:b])) {
			// "South Korean President Moon": the modifier names a country
			// too; "Panama City", "Mexico City" are cities whole.
			// "in Slovenia Mr Bush described ...": no title opens with
			// an honorific, so the country before one is a place named,
			// not a modifier.
			kind := "demonym"
			if honorifics[toks[a+n].lower] && x.countryName(joinTokens(toks[a:a+n])) != nil {
				kind = "country"
			}
			word := joinTokens(toks[a : a+n])
			x.mentions = append(x.mentions, mention{sent: si, a: a, b: a + n, text: word,
				kind: kindPlace, placeName: c.Name, placeKind: kind, code: c.Code})
			if t, _ := matchTitle(toks, a+n, b); word != c.Name && isOrgName(toks[a+n:b]) && t < b-a-n {
				// ("US Secretary of State": a title, however its last
				// word reads)
				break // "the Chinese Communist Party": a demonym is part of a body's name
			}
			a += n
			continue
		}
		if n := orgBeforeTitleOrName(x, toks, a, b); n > 0 {
			// "Mahindra Group Chairman Anand Mahindra", "of Reliance
			// Industries Mukesh Ambani": a body whose name ends in an
			// organization word, then a title or a person's name.
			x.addOrg(si, a, a+n)
			a += n
			continue
		}
		if n, code := matchRegion(toks, a, b); n > 0 && a+n < b {
			// "Arizona Sen. Jeff Flake", "Texas Gov. Greg Abbott": a
			// region of one country opens the title.
			if t, _ := matchTitle(toks, a+n, b); t > 0 && a+n+t < b {
				name := joinTokens(toks[a : a+n])
				x.mentions = append(x.mentions, mention{sent: si, a: a, b: a + n, text: name,
					kind: kindPlace, placeName: name, placeKind: "region", code: code})
				a += n
				continue
			}
		}
		if n := matchKnownOrg(toks, a, b); n > 0 && a+n < b && !strings.EqualFold(toks[a+n].text, "of") {
			// "Kremlin spokesman Peskov", and an international body's
			// officer: "NATO Secretary General Jens Stoltenberg".
			_, isCountryOrg := orgCountry[joinTokens(toks[a:a+n])]
			if t, _ := matchTitle(toks, a+n, b); isCountryOrg || t > 0 && a+n+t < b {
				x.addOrg(si, a, a+n)
				a += n
				continue
			}
		}
		break
	}
	if a >= b {
		return
	}
	if n, _ := matchTitle(toks, a, b); n == b-a {
		return // a title alone ("Secretary of State") names no one
	}
	// "Tokyo-based Kyodo News", "New York-based LIN": a "-based" word,
	// and the place it ends, tell where a body is, and are no part of
	// its name.
	for k := a; k+1 < b && k < a+4; k++ {
		if strings.HasSuffix(toks[k].lower, "-based") {
			a = k + 1
			break
		}
	}
	if b-a == 1 && relationNounBefore(toks, a) {
		titled = true // "Crown Prince Frederik and his wife Mary", "his Irish counterpart Martin"
	}
	// "Donald Trump Jr." keeps its suffix; a trailing title does not belong.
	core := toks[a:b]
	text := x.doc.Text[core[0].start:core[len(core)-1].end]
	m := mention{sent: si, a: a, b: b, text: text, titled: titled, surface: x.doc.Text[toks[runA].start:core[len(core)-1].end]}
	m.possessive = b < len(toks) && (toks[b].text == "'s" || toks[b].text == "’s")
	g := x.gaz
	name := joinTokens(core)
	switch {
	case venues[strings.TrimPrefix(name, "The ")] != [2]string{}:
		m.kind = kindVenue
		m.orgName = strings.TrimPrefix(name, "The ")
		// A venue is no place of its own: an event held only at a venue
		// is placed in the venue's country (the city, when the text names
		// it, is more specific and wins).
		m.code, m.placeKind = venues[m.orgName][1], "country"
		m.placeName = m.code
		if c, ok := g.Country(m.code); ok {
			m.placeName = c.Name
		}
		if !venueOnly[m.orgName] {
			x.addOrg(si, a, b)
		}
	case x.countryName(name) != nil:
		c := x.countryName(name)
		m.kind, m.placeName, m.placeKind, m.code = kindPlace, c.Name, "country", c.Code
	case len(core) <= 2 && demonym(g, name) != nil && !titled:
		c := demonym(g, name)
		m.kind, m.placeName, m.placeKind, m.code = kindPlace, c.Name, "demonym", c.Code
	case regionCode(name) != "-":
		m.kind, m.placeName, m.placeKind, m.code = kindPlace, name, "region", regionCode(name)
	case knownOrgs[strings.TrimPrefix(name, "The ")] != "":
		m.kind, m.orgName = kindOrg, knownOrgs[strings.TrimPrefix(name, "The ")]
	case len(core) == 1 && strings.HasSuffix(name, "s") && demonym(g, strings.TrimSuffix(name, "s")) != nil:
		return // "the Saudis", "the Americans": a people, no one person
	case len(core) == 1 && len(name) >= 4 && knownOrgs[strings.ToUpper(name)] != "":
		// "Nato", "Opec": an acronym written as a word.
		m.kind, m.orgName = kindOrg, knownOrgs[strings.ToUpper(name)]
	case isOrgName(core):
		m.kind, m.orgName = kindOrg, name
	case len(core) >= 2 && len(core) <= 4 && !titled && x.isCity(name):
		// "San Francisco", "Tel Aviv", "New Delhi": looked up before the
		// shape of a person's name.
		c, _ := g.City(name)
		m.kind, m.placeName, m.placeKind, m.code = kindPlace, name, "city", c.Country
	case len(core) == 2 && !titled && (core[0].lower == "little" || core[0].lower == "old") && (x.isCity(core[1].text) || x.countryName(core[1].text) != nil):
		return // "Little Havana", "Old Delhi": a quarter named for a place, no person
	case personShaped(core), titled && len(core) >= 2 && functionWords[core[0].lower] && personShaped(core[1:]):
		// The second: a family name that is also an English word, right
		// after a title ("Vice Premier He Lifeng").
		m.kind = kindPerson
		if len(core) == 1 && !titled {
			m.kind = kindUnknown // resolved against full names later
		}
	case len(core) == 1 && core[0].upper && utf8.RuneCountInString(name) >= 4 && !strings.ContainsAny(name, ".-") && x.bigCity(name):
		// "TOKYO", "SEOUL": a dateline in capitals.
		c, _ := g.City(name)
		m.kind, m.placeName, m.placeKind, m.code = kindPlace, c.Name, "city", c.Country
	case len(core) == 1 && core[0].upper && strings.Contains(name, ".") && a > 0 && toks[a-1].text == ",":
		// A state after its city ("Washington, D.C.", "Summit, N.J."):
		// part of that place's name, no place or body of its own.
		return
	case len(core) == 1 && core[0].upper && !s.headline && utf8.RuneCountInString(name) >= 2 && utf8.RuneCountInString(name) <= 5 && !notOrgs[name]:
		m.kind, m.orgName = kindOrg, name
	default:
		c, ok := g.City(name)
		if !ok || len(core) > 3 || isMonthName(name) {
			return
		}
		// A small town whose name is one word ("Union", "Summit",
		// "Independence") is a place only where the words around it say
		// so: "in Summit", "Summit, N.J.".
		if len(core) == 1 && !townHere(c, toks, a, b) {
			return
		}
		m.kind, m.placeName, m.placeKind, m.code = kindPlace, name, "city", c.Country
	}
	if m.kind == kindOrg && strings.HasPrefix(m.orgName, "The ") {
		m.orgName = name
	}
	x.mentions = append(x.mentions, m)
}

// employerWords open a title by naming the body its holder serves in
// (data/employerwords.txt).
var employerWords = readList("employerwords.txt")

// relationNounBefore reports whether the name at token a follows a
// noun that stands for a person by their relation to another, after a
// possessive ("his wife Mary", "her husband, Joachim", "his Irish
// counterpart Martin"): such a name is a person's, even a single word.
func relationNounBefore(toks []token, a int) bool {
	k := a - 1
	if k >= 0 && toks[k].text == "," {
		k--
	}
	if k < 1 || !personNouns[toks[k].lower] {
		return false
	}
	for j := k - 1; j >= max(0, k-3); j-- {
		switch toks[j].lower {
		case "his", "her", "their":
			return true
		}
		if !toks[j].cap && toks[j].lower != "new" {
			return false // a word of the phrase other than a demonym or "new"
		}
	}
	return false
}

// smallTown is the population under which a one-word town name needs a
// place context to be read as the town.
const smallTown = 100000

// bigCity reports whether name is a capital or a city of at least
// smallTown inhabitants.
func (x *extraction) bigCity(name string) bool {
	c, ok := x.gaz.City(name)
	return ok && !smallTownOf(c)
}

func smallTownOf(c gazetteer.City) bool { return !c.Capital && c.Population < smallTown }

// townHere reports whether the one-word city name at toks[a:b] is the
// city: any big city is; a small town only in a place context.
func townHere(c gazetteer.City, toks []token, a, b int) bool {
	return !smallTownOf(c) || placeContext(toks, a, b)
}

// isCity reports whether name is a city of the gazetteer.
func (x *extraction) isCity(name string) bool {
	_, ok := x.gaz.City(name)
	return ok && !isMonthName(name)
}

// placeContext reports whether the words around toks[a:b] make it a
// place: a locative preposition before it (but "at Summit of the
// Americas" names an event), a comma and a capitalized
// word after it ("Summit, N.J."), or a dateline at the start of a line.
func placeContext(toks []token, a, b int) bool {
	if b < len(toks) && strings.EqualFold(toks[b].text, "of") {
		return false // "Summit of the Americas"
	}
	if a > 0 {
		switch toks[a-1].lower {
		case "in", "at", "from", "near", "to", "outside", "into", "toward", "towards", "via":
			return true
		}
	}
	if b+1 < len(toks) && toks[b].text == "," && toks[b+1].cap {
		// "Summit, N.J.", "Union, Kentucky"; not "Obama, Castro".
		next := toks[b+1].text
		if strings.HasSuffix(next, ".") && len(next) <= 6 || regionCode(next) != "-" || toks[b+1].upper && len(next) == 2 {
			return true
		}
	}
	return (a == 0 || toks[a].nlBefore) && toks[a].upper
}

func (x *extraction) addOrg(si, a, b int) {
	toks := x.sents[si].toks
	name := joinTokens(toks[a:b])
	if canon := knownOrgs[name]; canon != "" {
		name = canon
	}
	x.mentions = append(x.mentions, mention{sent: si, a: a, b: b, kind: kindOrg, orgName: name,
		text: x.doc.Text[toks[a].start:toks[b-1].end], surface: name})
}

func isOpenQuote(t token) bool {
	return t.kind == punct && strings.ContainsAny(t.text, "\"“'‘(")
}

// nicknameQuote reports whether toks[j] is a quotation mark around a
// one-word nickname inside a name the run began at i: Luiz Inácio "Lula"
// da Silva, Ramesh Pokhriyal 'Nishank'. Both marks touch the nickname,
// and the name has at least one word before it.
func nicknameQuote(toks []token, i, j int) bool {
	isQuote := func(k int) bool {
		if k < 0 || k >= len(toks) || toks[k].kind != punct {
			return false
		}
		switch toks[k].text {
		case `"`, "'", "“", "”", "‘", "’":
			return true
		}
		return false
	}
	nick := func(k int) bool { // toks[k-1:k+2] is quote, word, quote
		return k > i && k+1 < len(toks) && isQuote(k-1) && isQuote(k+1) && toks[k].kind == word && toks[k].cap &&
			toks[k-1].end == toks[k].start && toks[k].end == toks[k+1].start && !toks[k].nlBefore && !toks[k+1].nlBefore
	}
	return isQuote(j) && (j-1 > i-1 && nick(j+1) && j > i || nick(j-1))
}

// joinTokens joins tokens with single spaces, except around hyphens.
func joinTokens(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && toks[i-1].end < t.start {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// matchTitle matches the longest title at toks[i:b] (modifiers such as
// "deputy assistant" included) and returns its length and lower-case form.
func matchTitle(toks []token, i, b int) (int, string) {
	n, title := 0, ""
	j := i
	var mods []string
	for j < b && titleModifiers[toks[j].lower] {
		mods = append(mods, toks[j].lower)
		j++
	}
	var words []string
	for k := j; k < b && k < j+6; k++ {
		w := toks[k].lower
		if exp, ok := titleAbbrevs[strings.TrimSuffix(w, ".")]; ok && strings.HasSuffix(w, ".") {
			w = exp
		}
		if toks[k].kind != word {
			break
		}
		words = append(words, w)
		if phrase := strings.Join(words, " "); titles[phrase] {
			n, title = k+1-i, phrase
		}
	}
	if n == 0 {
		// "Culture Minister", "Transport Secretary": one or two words of a
		// portfolio before "minister" or "secretary".
		k := j
		for k < b && k < j+2 && portfolios[toks[k].lower] {
			k++
		}
		if k > j && k < b {
			if w := toks[k].lower; w == "minister" || w == "secretary" {
				n, title = k+1-i, strings.ToLower(joinTokens(toks[j:k+1]))
			}
		}
	}
	if n == 0 {
		// A modifier alone is no title: "Deputy" heads no name.
		return 0, ""
	}
	if employer, rest, ok := strings.Cut(title, " "); ok && employerWords[employer] && titles[rest] {
		title = rest // "House Speaker Mike Johnson" is a speaker
	}
	if strings.HasSuffix(title, "minister") || strings.HasSuffix(title, "secretary") || title == "minister of state" {
		if k, p := portfolioAfter(toks, i+n, b); k > 0 {
			n, title = n+k, title+" "+p
		}
	}
	if len(mods) > 0 {
		title = strings.Join(mods, " ") + " " + title
	}
	return n, title
}

// portfolioAfter reads "of Economy, Trade and Industry" or "for Labour
// and Employment" at toks[i:b]: "of" or "for", then words of a
// portfolio joined by "and", "of", "the", "&" and commas. It returns the
// tokens read and the phrase in lower case, or 0 when no portfolio word
// follows.
func portfolioAfter(toks []token, i, b int) (int, string) {
	if i >= b {
		return 0, ""
	}
	prep := toks[i].lower
	if prep != "of" && prep != "for" {
		return 0, ""
	}
	words := []string{prep}
	end, last := 0, 0
	for k := i + 1; k < b && k < i+12; k++ {
		w := toks[k].lower
		switch {
		case portfolios[w]:
			words = append(words, w)
			end, last = k+1-i, len(words)
			continue
		case w == "and" || w == "of" || w == "the" || w == "&":
			words = append(words, w)
			continue
		case w == ",":
			words = append(words, ",")
			continue
		}
		break
	}
	if end == 0 {
		return 0, ""
	}
	phrase := strings.Join(words[:last], " ")
	return end, strings.ReplaceAll(phrase, " ,", ",")
}

// matchCountryWord matches a demonym or country name at toks[i:b],
// longest first (up to three tokens: "United Arab Emirates").
func (x *extraction) matchCountryWord(toks []token, i, b int) (int, *gazetteer.Country) {
	for n := min(3, b-i); n >= 1; n-- {
		name := joinTokens(toks[i : i+n])
		if c := demonym(x.gaz, name); c != nil {
			return n, c
		}
		if c := x.countryName(name); c != nil {
			return n, c
		}
	}
	return 0, nil
}

// countryName finds a country named by name, refusing two-letter codes
// written in lower or mixed case ("Us").
func (x *extraction) countryName(name string) *gazetteer.Country {
	if len(name) <= 3 && strings.ToUpper(name) != name {
		return nil
	}
	if c, ok := x.gaz.CountryByName(name); ok {
		return c
	}
	return nil
}

func demonym(g *gazetteer.Gazetteer, name string) *gazetteer.Country {
	if len(name) <= 4 && strings.ToUpper(name) != name {
		return nil
	}
	if c, ok := g.CountryByDemonym(name); ok {
		return c
	}
	return nil
}

func matchKnownOrg(toks []token, i, b int) int {
	for n := min(3, b-i); n >= 1; n-- {
		if knownOrgs[joinTokens(toks[i:i+n])] != "" || orgCountry[joinTokens(toks[i:i+n])] != "" {
			return n
		}
	}
	return 0
}

// regionCode returns the country code of a region ("" for regions across
// countries), or "-" when name is no region.
func regionCode(name string) string {
	if c, ok := regions[name]; ok {
		return c
	}
	return "-"
}

// orgBeforeTitleOrName returns the length of a run's front part that
// names an organization (its capitalized words end in an organization
// word, data/orgwords.txt) when a title and a name, or a person's name
// opening with a known given name, follow it in the run; else 0.
func orgBeforeTitleOrName(x *extraction, toks []token, a, b int) int {
	for n := 2; n <= 4 && a+n < b; n++ {
		last := toks[a+n-1]
		if !last.cap || !orgWords[last.lower] {
			continue
		}
		rest := a + n
		if t, _ := matchTitle(toks, rest, b); t > 0 && rest+t < b {
			return n
		}
		if b-rest >= 2 && b-rest <= 3 && x.gaz.FirstName(toks[rest].text) && personShaped(toks[rest:b]) {
			return n
		}
	}
	return 0
}

// matchRegion matches the longest name of a region of one country
// (data/regions.tsv) at toks[i:b], up to three words, and returns its
// length and the country's code.
func matchRegion(toks []token, i, b int) (int, string) {
	if i >= b || !regionFirstWords[toks[i].text] {
		return 0, ""
	}
	for n := min(3, b-i); n >= 1; n-- {
		if code := regions[joinTokens(toks[i:i+n])]; code != "" {
			return n, code
		}
	}
	return 0, ""
}

// regionFirstWords are the first words of the regions' names, so that
// most words are ruled out without joining tokens.
var regionFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for name := range regions {
		first, _, _ := strings.Cut(name, " ")
		m[first] = true
	}
	return m
}()

// regionBefore matches the name of a region of one country ending at
// toks[j], and returns its length and the country's code.
func regionBefore(toks []token, j int) (int, string) {
	for n := min(3, j+1); n >= 1; n-- {
		if k, code := matchRegion(toks, j-n+1, j+1); k == n {
			return n, code
		}
	}
	return 0, ""
}

// isOrgName reports whether a run names an organization: its last word,
// or the word before "of", is an organization word.
func isOrgName(core []token) bool {
	if len(core) == 1 {
		return false
	}
	last := strings.ToLower(core[len(core)-1].text)
	if orgWords[last] {
		return true
	}
	for i, t := range core {
		if i > 0 && strings.EqualFold(t.text, "of") && orgWords[strings.ToLower(core[i-1].text)] {
			return true
		}
	}
	return strings.EqualFold(core[0].text, "Group")
}

// groupWords end no personal name (data/groups.txt).
var groupWords = readList("groups.txt")

// personShaped reports whether a run looks like a personal name: one to
// four capitalized words, none of them a function word, month, weekday,
// title or organization word.
func personShaped(core []token) bool {
	particles := 0
	for k, t := range core {
		if nameParticles[t.lower] {
			particles++
		}
		if nicknameQuote(core, 0, k) {
			particles += 2 // the quotation marks of a nickname, and the nickname once
		}
	}
	if len(core)-particles > 4 || len(core) > 7 {
		return false
	}
	if last := strings.ToLower(core[len(core)-1].text); placeHeads[last] || groupWords[last] {
		return false // "Al Salman Palace", "Jose Marti International Airport", "Roman Catholic", "Ulster Unionists"
	}
	if len(core) > 1 && placeLeads[core[0].lower] {
		return false // "Mt. Kilimanjaro", "Fort Worth"
	}
	for k, t := range core {
		if nicknameQuote(core, 0, k) {
			continue
		}
		if t.kind != word || (t.upper && len(t.text) > 3) {
			return false
		}
		lw := strings.ToLower(strings.TrimSuffix(t.text, "."))
		if functionWords[lw] || weekdays[lw] != 0 || lw == "sunday" || orgWords[lw] || titles[lw] {
			return false
		}
		if _, isMonth := months[lw]; isMonth {
			return false
		}
		for _, r := range t.text {
			if unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// nameParticles join the parts of a name in lower case (data/nameparticles.txt).
var nameParticles = readList("nameparticles.txt")

// placeLeads open the names of places, never of persons (data/placeleads.txt).
var placeLeads = readList("placeleads.txt")

// stateAbbreviations follow a city and a comma (data/stateabbreviations.txt).
var stateAbbreviations = readList("stateabbreviations.txt")

// placeHeads end the names of places and things, never of persons (data/placeheads.txt).
var placeHeads = readList("placeheads.txt")

// isMonthName reports whether a name is a month ("March" is also a town
// in England; in news it is the month).
func isMonthName(name string) bool {
	_, ok := months[strings.ToLower(name)]
	return ok
}
