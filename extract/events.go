package extract

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// event is an event being assembled; participants are cluster indexes.
type event struct {
	typ          string
	participants []int
	place        *mention
	date         string
	status       string
	explicit     bool // status read from the text rather than defaulted
	spans        []Span
	caption      bool
	weak         bool // no place, no date, no past-tense verb: likely a reference
	// newsDate is the report's date for an event told as the news of
	// the day ("talks have begun"): its date unless a report of it in the
	// article gives one.
	newsDate string
	// followUp marks an event that only a definite event word ties to
	// the last pair ("the talks will be held in Minsk"): it adds
	// to that pair's event and makes none of its own.
	followUp bool
}

var (
	// plannedWords make an event a plan (data/planned.txt).
	plannedWords = readList("planned.txt")
	// proposedWords make an event a proposal only (data/proposed.txt).
	proposedWords = readList("proposed.txt")
	// pastWords tell of an event that took place (data/past.txt).
	pastWords = readList("past.txt")
	// speechWords report speech (data/speech.txt).
	speechWords = readList("speech.txt")
	pairWords   = [][]string{{"the", "two", "leaders"}, {"the", "two", "men"}, {"the", "two", "presidents"},
		{"both", "leaders"}, {"the", "leaders"}, {"the", "two"}, {"they"}}
)

// findEvents finds meetings, summits, calls and visits sentence by
// sentence. A sentence with an event word yields an event per coordinated
// clause that names its own place or date ("in Germany last summer and at
// a November summit in Vietnam"). Participants are the persons named
// around the event word, or, for "the two leaders" and "they", the pair of
// the last event in the story. Within the article, an event that names no
// place and no date of its own refers back to the latest event of the same
// participants and kind.
func (x *extraction) findEvents() {
	var lastPair []int
	for si := range x.sents {
		s := &x.sents[si]
		if s.credit {
			continue
		}
		caption := isCaption(s)
		for _, ev := range x.sentenceEvents(si, lastPair) {
			ev.caption = caption
			x.addEvent(ev)
			if !caption && len(ev.participants) >= 2 && !x.historical(ev) {
				lastPair = ev.participants
			}
		}
	}
	for _, ev := range x.events {
		if ev.date == "" {
			ev.date = ev.newsDate
		}
	}
	x.tripPlaces()
}

// historyYears is how many years before the story's year an event must
// be dated to be an aside of history.
const historyYears = 5

// historical reports whether an event is dated historyYears or more
// before the story's year ("the two countries' leaders last met in
// 1961, when Kennedy saw Khrushchev in Vienna"): an aside of history, whose pair is
// not the one that "the two leaders" or "each other" go on to mean.
func (x *extraction) historical(ev *event) bool {
	if len(ev.date) < 4 {
		return false
	}
	y, err := strconv.Atoi(ev.date[:4])
	now := x.storyYear()
	return err == nil && now > 0 && y <= now-historyYears
}

// storyYear is the year of the article's date, or on an undated page the
// latest year its dates name; 0 when it names none.
func (x *extraction) storyYear() int {
	if !x.ref.IsZero() {
		return x.ref.Year()
	}
	latest := 0
	for _, t := range x.times {
		if t.typ != "" || len(t.value) < 4 {
			continue
		}
		if y, err := strconv.Atoi(t.value[:4]); err == nil {
			latest = max(latest, y)
		}
	}
	return latest
}

// namingCall reports whether the "call" at toks[i] gives something a
// name rather than a telephone call: a quotation follows it, past an
// article or a pronoun at most ("likes to call his "Southern White
// House"", "called it "historic""), or a "what" comes shortly before it
// and no determiner just before it ("what the president would call
// ..."; "what they said in the call" keeps its call).
func namingCall(toks []token, i int) bool {
	switch toks[i].lower {
	case "call", "calls", "called", "calling":
	default:
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if quoteMarks[toks[k].text] {
			return true
		}
		if !determiners[toks[k].lower] && !objectPronouns[toks[k].lower] {
			break
		}
	}
	if i > 0 && determiners[toks[i-1].lower] {
		return false
	}
	for k := max(0, i-5); k < i; k++ {
		if toks[k].lower == "what" {
			return true
		}
	}
	return false
}

func isCaption(s *sentence) bool {
	return len(s.toks) > 1 && (s.toks[0].text == "FILE" || strings.EqualFold(s.toks[0].text, "photo"))
}

func (x *extraction) sentenceEvents(si int, lastPair []int) []*event {
	s := &x.sents[si]
	toks := s.toks
	trigger, typ := -1, ""
	var triggers []eventWord
	for i, t := range toks {
		lw := t.lower
		k, ok := eventNouns[lw]
		if !ok {
			switch {
			case sitDownWith(toks, i):
				k = Meeting // "is due to sit down with the emir"
			case x.receivesPerson(si, i):
				k = Meeting // "Biden welcomed Modi at the White House"
			default:
				continue
			}
		}
		if (lw == "spoke" || lw == "speaks") && !hasWord(toks, "phone", "telephone", "with") {
			continue
		}
		if (lw == "discussions" || lw == "engagements") && !(i+1 < len(toks) && toks[i+1].lower == "with") {
			continue // "discussions with X", "engagements with X" are meetings; "discussions were underway" is not
		}
		if lw == "bilateral" && bilateralModifies(toks, i) {
			continue // "bilateral relations", "bilateral trade"
		}
		if lw == "speaks" && hasWord(toks, "phone") {
			k = Call
		}
		if k == Call && namingCall(toks, i) {
			continue // "the estate the president likes to call his "Southern White House""
		}
		if k == Summit && multilateral(toks, i) {
			k = Meeting
		}
		triggers = append(triggers, eventWord{i, k})
		if trigger < 0 || rank(k) > rank(typ) {
			trigger, typ = i, k
		}
	}
	if t := x.argumentTrigger(si, triggers, eventWord{trigger, typ}); t.at != trigger {
		trigger, typ = t.at, t.kind
	}
	invite := inviteAt(toks)
	if trigger < 0 && invite < 0 {
		return nil
	}
	// Persons of the sentence that can be principals; those who come
	// along ("accompanied by", "joined by") are not, unless no pair is
	// left without them.
	var persons, companions, speakers []int
	var personToks []int
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind != kindPerson || !x.persons[m.person].accepted {
			continue
		}
		if m.possessive && !possessesEvent(toks, m.b+1) && !ownTrigger(toks, trigger, m) {
			continue
		}
		if x.isSpeaker(toks, m) {
			speakers = appendPerson(speakers, m.person)
			continue
		}
		if credited(toks, m.a) {
			continue
		}
		if companion(toks, m.a) {
			companions = appendPerson(companions, m.person)
			continue
		}
		persons = appendPerson(persons, m.person)
		personToks = append(personToks, m.a)
	}
	if len(persons) < 2 {
		for _, c := range companions {
			persons = appendPerson(persons, c)
		}
	}
	if len(persons) == 1 && len(speakers) == 1 && ownedBySpeaker(toks, trigger) {
		// "Albanese said his talks with Xi were useful": the
		// speaker's own encounter
		persons = appendPerson(persons, speakers[0])
	}
	persons, described := x.addDescribed(si, persons)
	if len(persons) == 1 && trigger >= 0 {
		if pi, tok := x.pronounSubject(si, trigger, persons[0]); pi >= 0 {
			persons = appendPerson(persons, pi)
			described = append(described, describedPerson{pi, tok})
		}
	}
	if explicit := principalsPattern(x, si); len(explicit) >= 2 {
		persons = explicit
	}
	// "the two leaders" means the last pair; so does a definite event
	// word in a sentence that names no one ("the talks will be held in
	// Minsk"), whose event only adds to that pair's (followUp).
	followUp := false
	if len(persons) < 2 && lastPair != nil {
		pair := hasPairWord(toks)
		followUp = !pair && len(persons) == 0 && definiteEvent(toks, trigger) && x.placedInSentence(si)
		if (pair || followUp) && !x.placesHold(si, trigger) {
			persons = mergePersons(persons, lastPair)
		} else {
			followUp = false
		}
	}
	persons = x.eventArguments(si, persons)
	if trigger >= 0 {
		persons = x.withoutAttendees(si, trigger, persons)
		if typ == Visit && len(described) == 0 && x.coTravellers(si, trigger, persons) {
			persons = nil // "X and Y returned from a visit to troops": no host
		}
	}
	var out []*event
	if invite >= 0 {
		// "X invited Y to [visit] Washington"
		ev := &event{typ: Visit, status: Proposed, explicit: true}
		ev.participants = persons
		if len(ev.participants) < 2 && lastPair != nil {
			ev.participants = mergePersons(ev.participants, lastPair)
		}
		ev.place = x.placeAfter(si, invite, len(toks))
		if hasAny(toks, plannedWords, 0, len(toks)) && (hasWord(toks, "underway") || hasWord(toks, "plans") || hasWord(toks, "planned")) {
			ev.status = Planned
		}
		ev.spans = []Span{{Sentence: si, Start: s.start, End: s.end}}
		out = append(out, ev)
		if trigger < 0 || typ == Visit {
			return out
		}
	}
	if typ == Visit && len(persons) == 1 && lastPair != nil {
		// "During the trip, the president attended the inauguration of
		// X": a person the parse puts inside a phrase about something
		// else joins no one's trip.
		if x.aboutThing(si, persons[0]) {
			persons = nil
		}
		persons = mergePersons(persons, lastPair)
	}
	for _, n := range x.nestedEvents(si, triggers, persons, described, eventWord{trigger, typ}) {
		groups := [][]int{n.persons}
		if split := x.bilateralSplit(si, n.at, n.kind, n.persons); split != nil {
			groups = split
		}
		for _, cl := range x.clauses(si) {
			for _, group := range groups {
				ev := x.clauseEvent(si, cl, n.kind, group, invite, n.at)
				ev.followUp = followUp
				if followUp && ev.place != nil && !placedInOrAt(toks, ev.place.a) {
					ev.place = nil // "the meeting ... to bring Belarus closer to Russia"
				}
				out = append(out, ev)
			}
		}
	}
	return out
}

// maxCoordinationGap bounds the tokens between two names joined by
// "and" and the titles of the second ("X and Gen. Y").
const maxCoordinationGap = 4

// coTravellers reports whether the persons of sentence si are all named
// before its visit word at trigger, as one coordination ("X and Y
// flew to Z"), and their own words tie them to no two different states:
// travellers together, with no host named. Leaders of two states who
// tour a place together meet there.
func (x *extraction) coTravellers(si, trigger int, persons []int) bool {
	if len(persons) < 2 {
		return false
	}
	toks := x.sents[si].toks
	first, last, coordinated := -1, -1, false
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind != kindPerson || !slices.Contains(persons, m.person) {
			continue
		}
		if m.a > trigger || m.possessive {
			return false
		}
		if first < 0 {
			first = m.b
		} else if last >= 0 && hasWord(toks[last:m.a], "and") && m.a-last <= maxCoordinationGap {
			coordinated = true // "X and Gen. Y"
		}
		last = m.b
	}
	if !coordinated {
		return false
	}
	// Leaders of two states who travel somewhere together meet there.
	stated := x.statedCountries()
	code := ""
	for _, pi := range persons {
		c := stated[x.persons[pi].name]
		if c != "" && code != "" && c != code {
			return false
		}
		if c != "" {
			code = c
		}
	}
	return true
}

// receivesPerson reports whether token i of sentence si is a verb of
// receiving a guest (hostingVerbs: "welcomed", "hosted", "received")
// whose object, or passive subject, the parse makes a person: "Biden
// welcomed Prime Minister Modi", not "Biden welcomed the decision". Who
// greets a guest, or receives one at an airport or a hotel
// (arrivalPlaces), is protocol, not a principal. Only a word with the
// stem of such a verb, in a sentence that names two persons, costs a
// parse.
func (x *extraction) receivesPerson(si, i int) bool {
	toks := x.sents[si].toks
	if !hasStem(toks[i:i+1], hostStems) {
		return false // no such verb: no parse
	}
	if n := x.acceptedPersons(si); n < 2 && !(n == 1 && hasWord(toks, "him", "her")) {
		return false // no pair to meet, not even with a guest named before: no parse
	}
	p := x.parse(si)
	if p == nil {
		return false
	}
	v := p.wordOf[i]
	lemma := strings.ToLower(p.words[v].Lemma)
	if p.words[v].UPOS != "VERB" || !hostingVerbs[lemma] || lemma == "greet" || hasAny(toks, arrivalPlaces, 0, len(toks)) {
		return false // greeters at an airport or a hotel hold no event
	}
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if !x.acceptedPerson(mi) {
			continue
		}
		w := p.argumentHead(p.spanHead(m.a, m.b), v)
		if p.head(w) == v && (p.words[w].Rel == "obj" || p.words[w].Rel == "nsubj:pass") {
			return true
		}
	}
	for w := range p.words {
		if p.head(w) == v && p.words[w].Rel == "obj" && p.words[w].UPOS == "PRON" {
			switch strings.ToLower(p.words[w].Form) {
			case "him", "her":
				return true // "Xi welcomed him": a guest named before (pronounSubject)
			}
		}
	}
	return false
}

// acceptedPersons counts the mentions of accepted persons in sentence si.
func (x *extraction) acceptedPersons(si int) int {
	n := 0
	for _, mi := range x.sentMentions(si) {
		if x.acceptedPerson(mi) {
			n++
		}
	}
	return n
}

// arrivalPlaces are where officials receive a guest on arrival
// (data/arrivalplaces.txt).
var arrivalPlaces = readList("arrivalplaces.txt")

// nestedEvent is one event word of a sentence with its participants.
type nestedEvent struct {
	eventWord
	persons []int
}

// nestedEvents keeps apart the events of a sentence that tells of two
// or more: "Besides his meeting with Lula, Modi also had talks with
// Macron, Meloni and Carney" is a meeting with Lula and talks with the
// others. A person that the parse makes the object
// of one event word ("with X", "X's visit") belongs to that event; the
// one person left (the subject, "Erdogan") takes part in each. Without a
// parse, when fewer than two event words own persons, or when more than
// one person is left to take part in all, the sentence is one event of
// main with all persons.
func (x *extraction) nestedEvents(si int, triggers []eventWord, persons []int, described []describedPerson, main eventWord) []nestedEvent {
	one := []nestedEvent{{main, persons}}
	if len(triggers) < 2 || len(persons) < 3 {
		return one
	}
	p := x.parse(si)
	if p == nil {
		return one
	}
	owner := map[int]int{} // person -> index into triggers
	own := func(pi, w int) {
		for k, t := range triggers {
			if p.objectOf(w, p.wordOf[t.at]) {
				owner[pi] = k
				return
			}
		}
	}
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind == kindPerson && slices.Contains(persons, m.person) {
			own(m.person, p.spanHead(m.a, m.b))
		}
	}
	for _, d := range described {
		if slices.Contains(persons, d.person) {
			own(d.person, p.wordOf[d.tok])
		}
	}
	owned := map[int][]int{}
	var shared []int
	for _, pi := range persons {
		if k, ok := owner[pi]; ok {
			owned[k] = append(owned[k], pi)
		} else {
			shared = append(shared, pi)
		}
	}
	if len(owned) < 2 || len(shared) != 1 {
		return one // one principal meets the persons of each event word
	}
	var out []nestedEvent
	for k, t := range triggers {
		if len(owned[k]) == 0 {
			continue
		}
		group := append(append([]int(nil), shared...), owned[k]...)
		if len(group) >= 2 {
			out = append(out, nestedEvent{t, group})
		}
	}
	return out
}

// clauseEvent is the event of one clause of sentence si: its kind and
// participants, with the place, date and status the clause gives.
func (x *extraction) clauseEvent(si int, cl [2]int, typ string, persons []int, invite, trigger int) *event {
	s := &x.sents[si]
	toks := s.toks
	ev := &event{typ: typ, participants: persons}
	ev.place = x.venueCity(x.placeIn(si, cl[0], cl[1], invite))
	from := cl[0]
	if invite >= 0 && trigger > invite && invite > from {
		// "They met in 2017 and Trump invited Putin ... during a March
		// phone call": the call is told after the invitation, and
		// the times before it belong to other statements.
		from = invite
	}
	ev.date = x.dateIn(si, from, cl[1])
	ev.status, ev.explicit = x.status(toks, cl[0], cl[1], ev.date, invite)
	if len(persons) < 2 || trigger < cl[0] || trigger >= cl[1] || invite >= 0 || !x.needsClause(si, trigger) {
		// no event to keep, the status is the invitation's, or nothing
		// in the sentence plans or proposes: the words suffice
	} else if st, ok := x.clauseStatus(si, trigger); ok {
		ev.status, ev.explicit = x.datedStatus(st, ev.date), true
	}
	if ev.status == Planned && ev.date != "" && len(ev.date) <= 10 && ev.date < x.ref.Format("2006-01-02")[:len(ev.date)] {
		ev.date = ""
	}
	if ev.date == "" && ev.status == Happened && len(persons) >= 2 && invite < 0 && !x.ref.IsZero() &&
		x.reportedAsNews(si, trigger, cl[0], cl[1]) {
		ev.newsDate = x.ref.Format("2006-01-02") // "Talks ... have begun in Gyeongju"
	}
	ev.weak = ev.place == nil && ev.date == "" && !hasAny(toks, pastWords, 0, len(toks))
	ev.spans = []Span{{Sentence: si, Start: s.start, End: s.end}}
	return ev
}

// companionWords introduce persons who come along to a meeting rather
// than hold it: aides, ministers in a delegation, interpreters.
var companionWords = [][]string{{"accompanied", "by"}, {"joined", "by"}, {"flanked", "by"},
	{"attended", "by"}, {"along", "with"}, {"alongside"}, {"aides"}, {"aide"}, {"delegation", "including"},
	{"officials", "including"}}

// companion reports whether the person mention at toks[a] follows a
// companion phrase closely: within four tokens, or through a list of
// names and titles ("accompanied by Commerce Minister Wang Wentao, and
// Vice Premier Ding Xuexiang").
func companion(toks []token, a int) bool {
	for k := a - 1; k >= 0 && k >= a-30; k-- {
		t := toks[k]
		if t.kind == punct && t.text != "," && t.text != "(" && t.text != ")" {
			return false
		}
		lw := t.lower
		if eventNouns[lw] != "" || speechWords[lw] {
			return false
		}
		for _, cw := range companionWords {
			n := len(cw)
			if k-n+1 < 0 {
				continue
			}
			match := true
			for i, w := range cw {
				if toks[k-n+1+i].lower != w {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
		// Beyond four tokens only names, titles, the function words of
		// long titles ("Director of the General Office") and list words.
		if a-k > 4 && !t.cap && lw != "and" && lw != "of" && lw != "the" && t.text != "," && t.text != "(" && t.text != ")" && !titles[lw] {
			return false
		}
	}
	return false
}

// ownTrigger reports whether the event word is introduced by a pronoun
// that refers back to a possessive person before it: "Trump's comments
// following his summit with the Russian leader".
// placesHold reports whether the parse makes places the subject of the
// event word at token trigger, or of the verb it is the object of: "The
// pair said that Paris and Rome will begin talks" tells of talks
// between governments, not of the leaders the sentence names.
func (x *extraction) placesHold(si, trigger int) bool {
	if trigger < 0 || !x.barePlaceBefore(si, trigger) {
		return false // no place that can be a subject: no parse
	}
	p := x.parse(si)
	if p == nil {
		return false
	}
	v := p.wordOf[trigger]
	if p.words[v].UPOS != "VERB" {
		if p.rel(v) != "obj" || p.head(v) < 0 {
			return false
		}
		v = p.head(v)
	}
	subj := p.child(v, "nsubj")
	if subj < 0 {
		return false
	}
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind == kindPlace && m.placeKind != "demonym" && p.spanHead(m.a, m.b) == subj {
			return true
		}
	}
	return false
}

// afterNounBilateral are the words that may follow "bilateral" used as
// a noun, a meeting of two: "a bilateral with Modi", "the bilateral was
// held".
var afterNounBilateral = map[string]bool{"with": true, "on": true, "at": true, "in": true, "between": true,
	"during": true, "of": true, "was": true, "is": true, "will": true, "took": true, "and": true, "or": true, "to": true}

// bilateralModifies reports whether "bilateral" at token i is an
// adjective of a noun that is no event word ("bilateral relations",
// "bilateral trade"): a lower-case word follows that is neither an event
// word (which is the event then) nor one that follows the noun.
func bilateralModifies(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	return n.kind != punct && !n.cap && !n.upper && eventNouns[n.lower] == "" && !afterNounBilateral[n.lower]
}

// barePlaceBefore reports whether a place is named before token i of
// sentence si with no preposition just before it, as a subject is.
func (x *extraction) barePlaceBefore(si, i int) bool {
	toks := x.sents[si].toks
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind != kindPlace || m.placeKind == "demonym" || m.b > i {
			continue
		}
		if m.a == 0 || !placeOpeners[toks[m.a-1].lower] {
			return true
		}
	}
	return false
}

// placeOpeners stand before a place named in a phrase that is no
// subject: a preposition, or "and" after the first of two.
var placeOpeners = map[string]bool{"in": true, "at": true, "to": true, "from": true, "of": true, "for": true,
	"near": true, "into": true, "across": true, "between": true, "with": true, "and": true}

// sitDownWith reports whether token i opens "sit down with", "sat down
// with": a meeting with the one named after it.
func sitDownWith(toks []token, i int) bool {
	switch toks[i].lower {
	case "sit", "sits", "sat", "sitting":
		return i+2 < len(toks) && toks[i+1].lower == "down" && toks[i+2].lower == "with"
	}
	return false
}

// possessesEvent reports whether an event word follows a possessive
// ending before token k, with at most two lower-case words between:
// "Nixon's historic visit", "Xi's state visit".
func possessesEvent(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+3; j++ {
		if eventNouns[toks[j].lower] != "" {
			return true
		}
		if toks[j].kind == punct || toks[j].cap || toks[j].upper {
			return false
		}
	}
	return false
}

func ownTrigger(toks []token, trigger int, m *mention) bool {
	if trigger < 1 || m.b >= trigger {
		return false
	}
	switch toks[trigger-1].lower {
	case "his", "her":
		return true
	}
	return false
}

// proposedOutside reports whether the sentence has a proposal word other
// than the invitation at index invite, which belongs to the visit it
// proposes: in "Trump invited Putin to Washington in a March phone call"
// the call happened.
func proposedOutside(toks []token, invite int) bool {
	for i := range toks {
		if i != invite && proposes(toks, i) {
			return true
		}
	}
	return false
}

// proposes reports whether toks[i] is one of proposedWords, the month
// May aside: "may" capitalized inside the sentence ("talked on May 25")
// or before a number at its start ("May 25 was the day") is no modal.
func proposes(toks []token, i int) bool {
	t := toks[i]
	if !proposedWords[t.lower] {
		return false
	}
	month := (t.text == "May" || t.text == "MAY") && (i > 0 || i+1 < len(toks) && toks[i+1].kind == number)
	return !month
}

func rank(k string) int {
	switch k {
	case Summit:
		return 3
	case Call:
		return 4
	case Visit:
		return 2
	case Meeting:
		return 1
	}
	return 0
}

// multilateral reports whether "summit" at i is a gathering that hosts the
// meeting ("on the sidelines of the G-20 summit") rather than the meeting.
func multilateral(toks []token, i int) bool {
	for k := max(0, i-6); k < i; k++ {
		lw := toks[k].lower
		if lw == "sidelines" || lw == "during" || knownOrgs[toks[k].text] != "" || toks[k].upper ||
			lw == "multinational" || lw == "international" || lw == "leaders" {
			return true
		}
	}
	return false
}

func inviteAt(toks []token) int {
	for i, t := range toks {
		lw := t.lower
		if lw == "invited" || lw == "invite" || lw == "invites" || lw == "inviting" {
			return i
		}
	}
	return -1
}

func hasWord(toks []token, words ...string) bool {
	for _, t := range toks {
		for _, w := range words {
			if strings.EqualFold(t.text, w) {
				return true
			}
		}
	}
	return false
}

func hasAny(toks []token, set map[string]bool, a, b int) bool {
	for _, t := range toks[a:b] {
		if set[t.lower] {
			return true
		}
	}
	return false
}

func hasPairWord(toks []token) bool {
	for i := range toks {
		for _, p := range pairWords {
			if i+len(p) <= len(toks) {
				ok := true
				for k, w := range p {
					if !strings.EqualFold(toks[i+k].text, w) {
						ok = false
						break
					}
				}
				if ok {
					return true
				}
			}
		}
	}
	return false
}

func appendPerson(ps []int, p int) []int {
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}

func mergePersons(a, b []int) []int {
	out := append([]int(nil), a...)
	for _, p := range b {
		out = appendPerson(out, p)
	}
	return out
}

// isSpeaker reports a person who only reports the event: "Peskov told
// reporters", "said Steven Pifer".
func (x *extraction) isSpeaker(toks []token, m *mention) bool {
	end := m.b
	// Skip an apposition: "Dmitry Peskov, a spokesman, said".
	for k := end; k < len(toks) && k < end+3; k++ {
		if speechWords[toks[k].lower] {
			// "Trump said he planned to meet Kim": the speaker acts.
			if k+1 < len(toks) {
				switch toks[k+1].lower {
				case "he", "she", "they", "we", "i":
					return false
				}
			}
			return true
		}
	}
	if m.a > 0 && speechWords[toks[m.a-1].lower] {
		return true
	}
	// "Putin's spokesman Dmitry Peskov" / "Press secretary Sarah Sanders": a
	// title holder is a principal only when the text says so; spokesmen never.
	for k := max(0, m.a-3); k < m.a; k++ {
		lw := toks[k].lower
		if lw == "spokesman" || lw == "spokeswoman" || lw == "spokesperson" || lw == "secretary" && k > 0 && strings.EqualFold(toks[k-1].text, "press") {
			return true
		}
	}
	return false
}

// describedPerson is a person a definite description refers to, and the
// token of the description's head word ("leader" of "the Russian
// leader").
type describedPerson struct{ person, tok int }

// addDescribed adds persons named by a definite description: "the Russian
// leader" is the person who holds a leading role for Russia, "the king"
// the one king of the document. It returns the persons and where each
// described one is described.
func (x *extraction) addDescribed(si int, persons []int) ([]int, []describedPerson) {
	toks := x.sents[si].toks
	var described []describedPerson
	for i := 0; i+2 < len(toks); i++ {
		if !strings.EqualFold(toks[i].text, "the") {
			continue
		}
		n, c := x.matchCountryWord(toks, i+1, len(toks))
		if n == 0 {
			if pi, head := x.soleHolder(toks, i+1); pi >= 0 && x.namedBy(pi, si) && !slices.Contains(persons, pi) {
				// "the king" makes a pair with whoever the sentence
				// names; not with a name in a phrase about something
				// else ("the burial of his father Hussein Talal").
				persons = slices.DeleteFunc(persons, func(o int) bool { return x.aboutThing(si, o) })
				persons = appendPerson(persons, pi)
				described = append(described, describedPerson{pi, head})
			}
			continue
		}
		if i+1+n >= len(toks) {
			continue
		}
		head := toks[i+1+n].lower
		if head != "leader" && head != "president" && head != "prime" && head != "premier" && head != "chancellor" {
			continue
		}
		for _, title := range []string{"president", "leader", "prime minister", "premier", "chancellor"} {
			if pi := x.holder(title, c.Code); pi >= 0 {
				// A description points back: to someone named before
				// or in its sentence, never first named after it.
				if x.namedBy(pi, si) {
					persons = appendPerson(persons, pi)
					described = append(described, describedPerson{pi, i + 1 + n})
				}
				break
			}
		}
	}
	return persons, described
}

// soleHolder returns the person a bare title at token i refers to ("the
// king", "the crown prince") and the title's last token: the one person
// of the document who holds that title, whatever their country, or of
// several the one named more than twice as often as any other; -1 when
// the title is not bare (a name or "of" follows it) or when no one holds
// it, or no one holder stands out.
func (x *extraction) soleHolder(toks []token, i int) (int, int) {
	if !x.titleWords()[toks[i].lower] {
		return -1, 0 // no title of the article starts here
	}
	n, title := matchTitle(toks, i, len(toks))
	if n == 0 {
		return -1, 0
	}
	if k := i + n; k < len(toks) && (toks[k].lower == "of" || toks[k].cap && toks[k].kind == word) {
		return -1, 0
	}
	var holders []int
	for _, r := range x.roles {
		if pi := x.personIndex(r.Person); r.Title == title && pi >= 0 && !slices.Contains(holders, pi) {
			holders = append(holders, pi)
		}
	}
	// Of several, the one the story is about: named more than twice as
	// often as any other ("King Charles" beside a "King George III" of
	// history).
	found := -1
	for _, pi := range holders {
		if found < 0 || len(x.persons[pi].mentions) > len(x.persons[found].mentions) {
			found = pi
		}
	}
	for _, pi := range holders {
		if pi != found && 2*len(x.persons[pi].mentions) >= len(x.persons[found].mentions) {
			return -1, 0
		}
	}
	return found, i + n - 1
}

// titleWords returns the first words of the article's role titles and
// the modifiers that may come before them, made once.
func (x *extraction) titleWords() map[string]bool {
	if x.roleFirstWords == nil {
		x.roleFirstWords = maps.Clone(titleModifiers)
		for _, r := range x.roles {
			first, _, _ := strings.Cut(r.Title, " ")
			x.roleFirstWords[first] = true
		}
	}
	return x.roleFirstWords
}

// namedBy reports whether person pi is named in sentence si or before.
func (x *extraction) namedBy(pi, si int) bool {
	for _, mi := range x.persons[pi].mentions {
		if x.mentions[mi].sent <= si {
			return true
		}
	}
	return false
}

// principalsPattern finds "between X and Y", "of X with Y" and "X's
// meeting with Y".
func principalsPattern(x *extraction, si int) []int {
	toks := x.sents[si].toks
	personAt := map[int]int{}
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind == kindPerson && x.persons[m.person].accepted {
			personAt[m.a] = m.person
			// Titles before the name belong to it.
			for k := m.a - 1; k >= 0 && k >= m.a-4; k-- {
				t := toks[k]
				if t.kind != word || !(t.cap || t.upper) {
					break
				}
				if _, seen := personAt[k]; !seen {
					personAt[k] = m.person
				}
			}
		}
	}
	for i, t := range toks {
		lw := t.lower
		if lw != "between" && lw != "of" {
			continue
		}
		p1, ok := personAt[i+1]
		if !ok {
			continue
		}
		// Find the second person after "and"/"with".
		for k := i + 2; k < len(toks) && k < i+10; k++ {
			lk := toks[k].lower
			if (lw == "between" && lk == "and") || (lw == "of" && lk == "with") {
				if p2, ok := personAt[k+1]; ok && p2 != p1 {
					if lw == "of" && !precededByEvent(toks, i) {
						break
					}
					return []int{p1, p2}
				}
				break
			}
		}
	}
	return nil
}

func precededByEvent(toks []token, i int) bool {
	return i > 0 && eventNouns[toks[i-1].lower] != ""
}

// clauses splits a sentence at coordinations that open a clause of their
// own place or time: "..., and in November at the APEC summit in Vietnam".
func (x *extraction) clauses(si int) [][2]int {
	toks := x.sents[si].toks
	var cuts []int
	for i := 1; i+2 < len(toks); i++ {
		if !strings.EqualFold(toks[i].text, "and") {
			continue
		}
		n := toks[i+1].lower
		if n != "in" && n != "at" && n != "on" && n != "during" && n != "later" && !(toks[i-1].text == "," && eventWordsAround(toks, i)) {
			continue
		}
		// Both sides must carry a place or a time.
		prev := 0
		if len(cuts) > 0 {
			prev = cuts[len(cuts)-1]
		}
		if x.hasPlaceOrTime(si, prev, i) && x.hasPlaceOrTime(si, i, len(toks)) {
			cuts = append(cuts, i)
		}
	}
	var out [][2]int
	start := 0
	for _, c := range cuts {
		out = append(out, [2]int{start, c})
		start = c
	}
	return append(out, [2]int{start, len(toks)})
}

// eventWordsAround reports whether an event word stands both before and
// after token i: ", and" then joins two clauses that each tell of an
// encounter ("Meloni will visit Sanchez in Madrid next week, and both
// hope to meet again in July in Vilnius").
func eventWordsAround(toks []token, i int) bool {
	before, after := false, false
	for k, t := range toks {
		if eventNouns[t.lower] != "" {
			before = before || k < i
			after = after || k > i
		}
	}
	return before && after
}

func (x *extraction) hasPlaceOrTime(si, a, b int) bool {
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.a >= a && m.b <= b && (m.kind == kindPlace && m.placeKind != "demonym" || m.kind == kindVenue) {
			return true
		}
	}
	for _, t := range x.sentTimes(si) {
		if t.a >= a && t.b <= b {
			return true
		}
	}
	return false
}

// reportingFrom returns the index of the first speech verb after the
// event word, from which on places and times belong to the report, not the
// event ("Trump later told reporters in the Oval Office").
func reportingFrom(toks []token, a, b int) int {
	trig := -1
	for i := a; i < b; i++ {
		if eventNouns[toks[i].lower] != "" && trig < 0 {
			trig = i
		}
		if trig >= 0 && speechWords[toks[i].lower] {
			return i
		}
	}
	return b
}

// placeIn chooses the most specific place of a clause that is a location:
// introduced by "in", "at", "to" or "of" (the city of Danang), or naming
// the event ("the Helsinki summit"); a venue stands for its city.
func (x *extraction) placeIn(si, a, b, skip int) *mention {
	toks := x.sents[si].toks
	b = reportingFrom(toks, a, b)
	var best *mention
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.a < a || m.b > b || (m.kind != kindPlace && m.kind != kindVenue) || m.placeKind == "demonym" {
			continue
		}
		if skip >= 0 && m.a > skip && m.a < skip+6 {
			continue // the invitation's destination is the visit's, not this event's
		}
		if !locative(toks, m) {
			continue
		}
		if best == nil || specificity(m) > specificity(best) {
			best = m
		}
	}
	return best
}

// venueCity returns for a venue its own city, as the article writes it,
// when the article names that city anywhere ("PALM BEACH, United States:
// ... his resort of Mar-a-Lago"), else the place it was given.
func (x *extraction) venueCity(m *mention) *mention {
	if m == nil || m.kind != kindVenue {
		return m
	}
	city := venues[m.orgName][0]
	for i := range x.mentions {
		c := &x.mentions[i]
		if c.kind == kindPlace && c.placeKind == "city" && strings.EqualFold(c.placeName, city) {
			// The venue's country: a city's name may be another
			// country's town too.
			named := *c
			named.code = m.code
			return &named
		}
	}
	return m
}

func (x *extraction) placeAfter(si, a, b int) *mention {
	var best *mention
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.a > a && m.b <= b && m.a < a+8 && (m.kind == kindPlace && m.placeKind != "demonym" || m.kind == kindVenue) {
			if best == nil || specificity(m) > specificity(best) {
				best = m
			}
		}
	}
	return best
}

// specificity ranks how closely a place locates an event: a city, a
// venue, a region of one country, a country, and last a region across
// countries ("a tour of Europe, ... will stop in Portugal, where he
// will see ...").
func specificity(m *mention) int {
	switch {
	case m.kind == kindVenue:
		return 2
	case m.placeKind == "city":
		return 3
	case m.placeKind == "region" && m.code == "":
		return -1
	case m.placeKind == "region":
		return 1
	}
	return 0
}

// locative reports whether a place mention is in a locative position.
func locative(toks []token, m *mention) bool {
	for k := m.a - 1; k >= 0 && k >= m.a-5; k-- {
		lw := toks[k].lower
		switch lw {
		case "visit", "visits", "visited", "visiting", "toured", "tour":
			// the place a visit is to: "will visit Seoul"
			return k == m.a-1
		case "in", "at", "to", "inside", "near", "of":
			if lw == "of" && !(k > 0 && strings.EqualFold(toks[k-1].text, "city")) {
				return false
			}
			return true
		case "the", "a", "an", "central", "capital", ",", "'s", "’s": // "the central city of", "Hamburg, Germany", "in South Korea's Busan"
			continue
		}
		// "at a lavish Elysee Palace banquet": an adjective after an
		// article
		if toks[k].cap || toks[k].upper || toks[k].kind == word && k > 0 && (toks[k-1].lower == "a" || toks[k-1].lower == "an") {
			continue
		}
		break
	}
	// "the Helsinki summit"
	if m.b < len(toks) && eventNouns[toks[m.b].lower] != "" {
		return true
	}
	return false
}

// dateIn chooses the time of a clause nearest its event word, outside
// the reporting part.
func (x *extraction) dateIn(si, a, b int) string {
	toks := x.sents[si].toks
	b = reportingFrom(toks, a, b)
	best := ""
	bestPrec := -1
	dateline := datelineEnd(toks)
	datelineDate := ""
	for _, t := range x.sentTimes(si) {
		if t.a < a || t.b > b || t.value == "" || t.typ != "" || isReference(t.value) {
			continue // no value, or no calendar date (a duration, "now")
		}
		if t.a > 0 && speechWords[toks[t.a-1].lower] {
			continue // "reported late Friday"
		}
		if attributiveYear(toks, t.a, t.b) {
			continue // "the 2016 presidential election" dates the election
		}
		v := eventDate(t.value)
		if t.b <= dateline {
			// "Havana, April 14 (RHC) - Xi received Lula on Thursday":
			// the dateline dates the report, and the event only when
			// its own words do not.
			if datelineDate == "" {
				datelineDate = v
			}
			continue
		}
		if len(v) > bestPrec {
			best, bestPrec = v, len(v)
		}
	}
	if best == "" {
		return datelineDate
	}
	return best
}

// datelineEnd returns the dash that ends a dateline opening toks
// ("Havana, April 14 (RHC) -", "WASHINGTON, June 3 —"): a capitalized
// first word, a comma, and a dash within the first dozen tokens; -1 when
// toks open with none.
func datelineEnd(toks []token) int {
	if len(toks) == 0 || !toks[0].cap && !toks[0].upper {
		return -1
	}
	comma := false
	for k, t := range toks[:min(len(toks), 12)] {
		switch t.text {
		case ",":
			comma = true
		case "-", "–", "—", "--":
			if comma {
				return k
			}
			return -1
		}
	}
	return -1
}

// attributiveYear reports whether the expression toks[a:b] is a lone
// year that modifies the noun after it ("the 2016 presidential
// election", "its 2018 budget"): it dates that noun, not the sentence's
// event.
func attributiveYear(toks []token, a, b int) bool {
	if b != a+1 || a == 0 || b >= len(toks) {
		return false
	}
	if _, ok := isYear(toks[a]); !ok {
		return false
	}
	switch toks[a-1].lower {
	case "the", "its", "his", "her", "their", "a", "this", "that":
	default:
		return false
	}
	return toks[b].kind == word && !functionWords[toks[b].lower]
}

// eventDate turns a time value into a calendar date at its precision:
// seasons, quarters and weeks become their year.
func eventDate(v string) string {
	if len(v) >= 7 && (v[5] == 'W' || v[5] == 'S' || v[5] == 'F' || v[5] == 'Q') {
		return v[:4]
	}
	return v
}

// status reads whether an event happened, is planned or is proposed, from
// modal and planning words and from its date against the document's date.
// datedStatus corrects a status read from the clause by the event's
// date: a date after the reference date plans the event.
func (x *extraction) datedStatus(st, date string) string {
	if date != "" && len(date) <= 10 && !x.ref.IsZero() && date > x.ref.Format("2006-01-02")[:len(date)] {
		return Planned
	}
	return st
}

func (x *extraction) status(toks []token, a, b int, date string, invite int) (string, bool) {
	switch {
	case hasAny(toks, plannedWords, 0, len(toks)) || dueTo(toks):
		return Planned, true
	case proposedOutside(toks, invite):
		return Proposed, true
	}
	if date != "" && len(date) <= 10 && !x.ref.IsZero() && date > x.ref.Format("2006-01-02")[:len(date)] {
		return Planned, true
	}
	if hasAny(toks, pastWords, 0, len(toks)) || date != "" {
		return Happened, true
	}
	return Happened, false
}

// dueTo reports "due to" before a verb of the days ahead ("is due to
// hold talks", "are due to meet"), which plans; "due to the weather"
// gives a cause.
func dueTo(toks []token) bool {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].lower == "due" && toks[i+1].lower == "to" && scheduledVerbs[toks[i+2].lower] {
			return true
		}
	}
	return false
}

// addEvent adds ev, or merges it into an event it refers to.
func (x *extraction) addEvent(ev *event) {
	if len(ev.participants) < 2 {
		return
	}
	sort.Ints(ev.participants)
	for i := len(x.events) - 1; i >= 0; i-- {
		old := x.events[i]
		if !sameInts(old.participants, ev.participants) || (old.typ == Call) != (ev.typ == Call) {
			continue
		}
		if ev.weak {
			if ev.explicit && old.status != ev.status && x.hasEventWithStatus(ev) {
				continue
			}
			old.spans = append(old.spans, ev.spans...)
			if old.newsDate == "" {
				old.newsDate = ev.newsDate
			}
			return
		}
		if !compatiblePlace(old.place, ev.place) || !compatibleDate(old.date, ev.date) {
			continue
		}
		if old.status != ev.status && !(old.weak || ev.weak) && (old.place == nil || ev.place == nil) && old.date == "" && ev.date == "" {
			continue
		}
		if old.status != ev.status && old.status != Happened && ev.status != Happened && old.typ != ev.typ {
			continue
		}
		if old.status == Happened && ev.status != Happened || old.status != Happened && ev.status == Happened {
			continue
		}
		if old.place == nil || ev.place != nil && specificity(ev.place) > specificity(old.place) {
			old.place = ev.place
		}
		if len(ev.date) > len(old.date) {
			old.date = ev.date
		}
		if old.newsDate == "" {
			old.newsDate = ev.newsDate
		}
		if rank(ev.typ) > rank(old.typ) && ev.typ != Call {
			old.typ = ev.typ
		}
		if old.weak && ev.explicit {
			old.status = ev.status
		}
		old.weak = old.weak && ev.weak
		old.spans = append(old.spans, ev.spans...)
		return
	}
	if ev.followUp {
		return // told of no event of that pair's that it fits
	}
	x.events = append(x.events, ev)
}

func (x *extraction) hasEventWithStatus(ev *event) bool {
	for _, e := range x.events {
		if sameInts(e.participants, ev.participants) && e.status == ev.status && (e.typ == Call) == (ev.typ == Call) {
			return true
		}
	}
	return false
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func compatiblePlace(a, b *mention) bool {
	if a == nil || b == nil {
		return true
	}
	if a.placeName == b.placeName && a.placeName != "" || a.orgName != "" && a.orgName == b.orgName {
		return true
	}
	return a.code == b.code && (a.placeKind == "country" || b.placeKind == "country")
}

func compatibleDate(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// sentMentions returns the indexes of the mentions of sentence si.
// Mentions are appended sentence by sentence, so each sentence's are a
// contiguous range, found by binary search.
func (x *extraction) sentMentions(si int) []int {
	if x.mentionIndex == nil {
		x.mentionIndex = make([]int, len(x.mentions))
		for i := range x.mentions {
			x.mentionIndex[i] = i
		}
	}
	lo := sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].sent >= si })
	hi := sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].sent > si })
	return x.mentionIndex[lo:hi]
}

// sentTimes returns the temporal expressions of sentence si.
func (x *extraction) sentTimes(si int) []timex {
	lo := sort.Search(len(x.times), func(i int) bool { return x.times[i].sent >= si })
	hi := sort.Search(len(x.times), func(i int) bool { return x.times[i].sent > si })
	return x.times[lo:hi]
}

// eventArguments drops the persons that the parse puts inside a noun
// phrase about something else ("a visit to the tomb of John
// Macdonald"), as long as two persons remain.
func (x *extraction) eventArguments(si int, persons []int) []int {
	if len(persons) < 2 || len(persons) == 2 && !x.mayModifyThing(si, persons) {
		return persons
	}
	p := x.parse(si)
	if p == nil {
		return persons
	}
	// A person is dropped when every mention of it in the sentence sits in
	// such a phrase; persons the sentence only refers to ("the two
	// leaders") stay.
	var thing, other []int
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind != kindPerson || !slices.Contains(persons, m.person) {
			continue
		}
		if p.modifiesThing(p.spanHead(m.a, m.b)) && (len(persons) > 2 || afterThingPreposition(x.sents[si].toks, m)) {
			thing = appendPerson(thing, m.person)
		} else {
			other = appendPerson(other, m.person)
		}
	}
	var out []int
	for _, pi := range persons {
		if !slices.Contains(thing, pi) || slices.Contains(other, pi) {
			out = append(out, pi)
		}
	}
	if len(out) < 2 && len(persons) > 2 {
		return persons
	}
	return out
}

// mayModifyThing reports whether a mention of one of the persons in
// sentence si follows a preposition that can tie it to a noun
// (modifiesThing: "the hunt for X", "the relatives of X"): only then
// can the parse drop one of two persons. A possessive does not drop one
// of two ("X's comments after his summit with Y").
func (x *extraction) mayModifyThing(si int, persons []int) bool {
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind == kindPerson && slices.Contains(persons, m.person) && afterThingPreposition(x.sents[si].toks, m) {
			return true
		}
	}
	return false
}

// afterThingPreposition reports whether mention m follows one of
// thingPrepositions.
func afterThingPreposition(toks []token, m *mention) bool {
	return m.a > 0 && thingPrepositions[toks[m.a-1].lower]
}

// thingPrepositions tie a person to the noun of a phrase about them.
var thingPrepositions = wordSet("of", "for", "to", "against", "about")

// aboutThing reports whether every mention of person pi in sentence si
// sits in a noun phrase about something else (modifiesThing).
func (x *extraction) aboutThing(si, pi int) bool {
	p := x.parse(si)
	if p == nil {
		return false
	}
	seen := false
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind != kindPerson || m.person != pi {
			continue
		}
		if !p.modifiesThing(p.spanHead(m.a, m.b)) {
			return false
		}
		seen = true
	}
	return seen
}

// eventWord is a word of a sentence that names an event, and its kind.
type eventWord struct {
	at   int
	kind string
}

// argumentTrigger chooses among the event words of a sentence of
// different kinds the one that the parse gives the most persons as
// objects or obliques ("will travel to India, where he is to meet
// Prime Minister Narendra Modi" is a meeting with Modi, not a visit to
// him); the subject, shared by the verbs of a clause, does not
// count. Without a clear winner it keeps the word chosen by kind.
func (x *extraction) argumentTrigger(si int, triggers []eventWord, chosen eventWord) eventWord {
	// Only a visit or a summit chosen over a word of another kind that
	// takes "with" is read again: "visit ..., where he will meet with X".
	toks := x.sents[si].toks
	mixed := false
	for _, t := range triggers {
		mixed = mixed || t.kind != chosen.kind && t.at+1 < len(toks) && strings.EqualFold(toks[t.at+1].text, "with")
	}
	if !mixed || chosen.kind != Visit && chosen.kind != Summit {
		return chosen
	}
	p := x.parse(si)
	if p == nil {
		return chosen
	}
	count := func(t eventWord) int {
		n := 0
		for _, mi := range x.sentMentions(si) {
			m := &x.mentions[mi]
			if m.kind == kindPerson && x.persons[m.person].accepted && p.objectOf(p.spanHead(m.a, m.b), p.wordOf[t.at]) {
				n++
			}
		}
		return n
	}
	best, bestN := chosen, count(chosen)
	for _, t := range triggers {
		if n := count(t); n > bestN {
			best, bestN = t, n
		}
	}
	return best
}

// creditVerbs name the work of journalists: "bylined by", "written by" (data/credit.txt).
var creditVerbs = readList("credit.txt")

// credited reports whether the person named at toks[a] is credited for
// the article ("... of The Plain Dealer, bylined by NAME"): a journalist,
// never a participant.
func credited(toks []token, a int) bool {
	return a >= 2 && strings.EqualFold(toks[a-1].text, "by") && creditVerbs[toks[a-2].lower]
}

// attendingWords are the forms of attendingVerbs (data/attending.txt).
var attendingWords = readList("attending.txt")

// withoutAttendees drops the persons that the parse makes subjects of a
// verb of attending the event ("the vice-president and the secretary
// of state sat in on the meeting"): they take part in an event
// that others hold, and are no principals of it.
func (x *extraction) withoutAttendees(si, trigger int, persons []int) []int {
	// Parse only when a verb of attending comes just before the event
	// word ("sat in on the talks", "attended the meeting").
	if !hasAny(x.sents[si].toks, attendingWords, max(0, trigger-4), trigger) {
		return persons
	}
	p := x.parse(si)
	if p == nil {
		return persons
	}
	v := p.attendingVerb(p.wordOf[trigger])
	if v < 0 {
		return persons
	}
	var out []int
	for _, pi := range persons {
		attending := false
		for _, mi := range x.sentMentions(si) {
			m := &x.mentions[mi]
			if m.kind == kindPerson && m.person == pi && p.subjectOf(p.spanHead(m.a, m.b), v) {
				attending = true
			}
		}
		if !attending {
			out = append(out, pi)
		}
	}
	return out
}
