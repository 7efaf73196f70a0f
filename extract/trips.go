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
	trips := map[int]*trip{} // person → their trips
	var others []string      // cities of trips that name no one
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
			if trips[m.person] == nil {
				trips[m.person] = &trip{}
			}
			trips[m.person].add(city, day)
		}
		if !named {
			// "He later flew to Cairo": someone's trip, whose
			// city no event of the article takes unless it is the
			// one city of all its trips.
			others = append(others, city.placeName)
		}
	}
	if len(trips) == 0 {
		return
	}
	for _, ev := range x.events {
		if ev.place != nil || ev.typ == Call || ev.status == Proposed || x.historical(ev) {
			continue
		}
		var t *trip
		for _, pi := range ev.participants {
			tp := trips[pi]
			switch {
			case tp == nil:
				continue
			case tp.city == nil || t != nil && t.city.placeName != tp.city.placeName:
				t = &trip{trips: 1}
			case t == nil:
				c := *tp
				t = &c
			default:
				t.add(tp.city, tp.day)
				t.days = max(t.days, tp.days)
			}
			if t.city == nil {
				break
			}
		}
		if t == nil || t.city == nil || slices.ContainsFunc(others, func(o string) bool { return o != t.city.placeName }) {
			continue
		}
		ev.place = t.city
		if ev.date == "" && t.days == 1 && (ev.status == Happened || ev.status == Planned && !x.beforeReport(t.day)) {
			ev.date = t.day
		}
	}
}

// trip is where the trips of one or more persons go: one city, nil when
// they go to more than one; and the day they give, when they give one.
type trip struct {
	city  *mention
	day   string
	days  int // distinct days the trips give
	trips int
}

// add counts one more trip, to city on day ("" when it gives none).
func (t *trip) add(city *mention, day string) {
	switch {
	case t.trips == 0:
		t.city = city
	case t.city != nil && t.city.placeName != city.placeName:
		t.city = nil
	}
	t.trips++
	if day != "" && day != t.day {
		t.day = day
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
