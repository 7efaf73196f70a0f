package extract

import "slices"

// tripWords put the persons of a sentence in its city (data/trip.txt).
var tripWords = readList("trip.txt")

// tripPlaces places an event that names no place in the city of its
// participants' trip: "President Macron arrived in Amman on Monday for a
// two-day visit ... Macron met with King Abdullah II" is a meeting in
// Amman. A trip is a sentence with a word of travel (tripWords) and one
// city in a locative phrase ("in Amman", "to Seoul"); every person it
// names, speakers aside, is in that city.
// The event takes the city only when its participants' trips, over the
// whole article, name that one city and no other, nor does a trip of
// someone it does not name ("He later flew to Cairo"); calls, proposals
// and events of history take none. An event that took place in the
// trip's city and names no date takes the trip's day, when the trips
// give one and only one ("arrived in Amman on May 28, 2018"); a
// planned event only a day not before the report's.
func (x *extraction) tripPlaces() {
	stops := map[int][]stop{} // person → where their trips go
	var others []string       // cities of trips that name no one
	for si := range x.sents {
		s := &x.sents[si]
		if s.credit || s.headline || !hasAny(s.toks, tripWords, 0, len(s.toks)) {
			continue
		}
		city := x.tripCity(si)
		if city == nil {
			continue
		}
		day := x.dateIn(si, 0, len(s.toks))
		if len(day) != len("2006-01-02") {
			day = ""
		}
		named := false
		for _, mi := range x.sentMentions(si) {
			m := &x.mentions[mi]
			if !x.acceptedPerson(mi) || x.isSpeaker(s.toks, m) {
				continue
			}
			named = true
			stops[m.person] = append(stops[m.person], stop{city, day})
		}
		if !named {
			// "He later flew to Cairo": someone's trip, whose
			// city no event of the article takes unless it is the
			// one city of all its trips.
			others = append(others, city.placeName)
		}
	}
	if len(stops) == 0 {
		return
	}
	for _, ev := range x.events {
		if ev.place != nil || ev.typ == Call || ev.status == Proposed || x.historical(ev) {
			continue
		}
		var t trip
		for _, pi := range ev.participants {
			for _, st := range stops[pi] {
				t.add(st)
			}
		}
		if t.city == nil || slices.ContainsFunc(others, func(o string) bool { return o != t.city.placeName }) {
			continue
		}
		ev.place = t.city
		if ev.date == "" && t.days == 1 && (ev.status == Happened || ev.status == Planned && !x.beforeReport(t.day)) {
			ev.date = t.day
		}
	}
}

// stop is a sentence's trip: its city, and its day ("" when it gives
// none).
type stop struct {
	city *mention
	day  string
}

// trip is where stops go together: one city, nil when none or more than
// one; and their day, which counts only when days is 1 (the days
// changed once: the stops give one day).
type trip struct {
	city  *mention
	day   string
	days  int
	stops int
}

// add counts one more stop.
func (t *trip) add(st stop) {
	switch {
	case t.stops == 0:
		t.city = st.city
	case t.city != nil && t.city.placeName != st.city.placeName:
		t.city = nil
	}
	t.stops++
	if st.day != "" && st.day != t.day {
		t.day = st.day
		t.days++
	}
}

// tripCity returns the one city sentence si places someone in, or nil
// when it names none, or more than one, in a locative phrase.
func (x *extraction) tripCity(si int) *mention {
	toks := x.sents[si].toks
	var city *mention
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.kind != kindPlace || m.placeKind != "city" || !locative(toks, m) {
			continue
		}
		if city != nil && city.placeName != m.placeName {
			return nil
		}
		city = m
	}
	return city
}

// beforeReport reports whether an ISO day lies before the day of the
// report; false when the report's day is not known.
func (x *extraction) beforeReport(day string) bool {
	return !x.ref.IsZero() && day < x.ref.Format("2006-01-02")
}
