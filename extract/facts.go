package extract

// Facts are the facts extracted from one document, in the JSON shape that
// `kg extract --format json` prints and `kg eval` scores.
type Facts struct {
	ID string `json:"id"`
	// Date is the publication date, YYYY-MM-DD, when the document states
	// it (a header, a time stamp line) or the caller supplies it.
	Date string `json:"date,omitempty"`
	// InferredDate is the date relative expressions were resolved against
	// when it is not the publication date: a dateline's or a dated
	// caption's.
	InferredDate string `json:"inferred_date,omitempty"`
	// DateSource says where the reference date came from: header,
	// timestamp, dateline, caption or none.
	DateSource    string         `json:"date_source,omitempty"`
	Headline      string         `json:"headline,omitempty"`
	Persons       []Person       `json:"persons"`
	Organizations []Organization `json:"organizations"`
	Places        []Place        `json:"places"`
	Roles         []Role         `json:"roles"`
	Affiliations  []Affiliation  `json:"affiliations,omitempty"`
	Sources       []Source       `json:"sources,omitempty"`
	Events        []Event        `json:"events"`
	Times         []Time         `json:"times"`
	// OtherTimes are the temporal expressions that name no calendar
	// date: durations ("three months", P3M), sets ("daily"), and
	// references to the present, past or future ("now", PRESENT_REF),
	// in TIMEX3 terms. The facts format's times leave them out.
	OtherTimes []Time `json:"other_times,omitempty"`
}

// Span locates the evidence of a fact in the document text.
type Span struct {
	// Sentence is the 0-based index of the sentence.
	Sentence int `json:"sentence"`
	// Start and End are byte offsets into the document text, End exclusive.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Person is one person of the story with every name the document uses.
type Person struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Titles the text gives the person without tying them to a country
	// ("President Obama" in a text that never says of which country);
	// titles with a country are Roles.
	Titles     []string `json:"titles,omitempty"`
	Evidence   Span     `json:"evidence"`
	Confidence float64  `json:"confidence"`
}

// Organization is a named organization.
type Organization struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Country is the country a state body serves (the Kremlin, the White
	// House), from extract/data/bodies.tsv; CountryCode its ISO code.
	Country     string  `json:"country,omitempty"`
	CountryCode string  `json:"country_code,omitempty"`
	Evidence    Span    `json:"evidence"`
	Confidence  float64 `json:"confidence"`
}

// Source is an organization the article cites for what it reports
// ("according to Reuters", "the Wall Street Journal reported", "told
// CNN").
type Source struct {
	Organization string  `json:"organization"`
	Evidence     Span    `json:"evidence"`
	Confidence   float64 `json:"confidence"`
}

// Affiliation ties a person to an organization they speak or work for
// ("Kremlin spokesman Dmitry Peskov", "Andrew Roth of the New York
// Times").
type Affiliation struct {
	Person       string  `json:"person"`
	Organization string  `json:"organization"`
	Evidence     Span    `json:"evidence"`
	Confidence   float64 `json:"confidence"`
}

// Place is a country, city or region. Country is the short common name of
// the country it lies in (a country's own name for a country) and Code its
// ISO 3166-1 alpha-2 code; both are empty for regions that span countries.
type Place struct {
	Name       string   `json:"name"`
	Country    string   `json:"country,omitempty"`
	Code       string   `json:"code,omitempty"`
	Kind       string   `json:"kind"` // country, city or region
	Aliases    []string `json:"aliases,omitempty"`
	Evidence   Span     `json:"evidence"`
	Confidence float64  `json:"confidence"`
}

// Role is a title a person holds for a country.
type Role struct {
	Person      string  `json:"person"`
	Title       string  `json:"title"`
	Country     string  `json:"country,omitempty"`
	CountryCode string  `json:"country_code,omitempty"`
	To          string  `json:"to,omitempty"`
	ToCode      string  `json:"to_code,omitempty"`
	Former      bool    `json:"former,omitempty"`
	Evidence    Span    `json:"evidence"`
	Confidence  float64 `json:"confidence"`
	// byDocument marks a country that came from the document as a whole,
	// not from words about the person.
	byDocument bool
	// byPassage marks a country that came from the sentences around the
	// role (passageCountry).
	byPassage bool
	// ofBody marks an office of a body the text names with it ("the
	// president of the national grid company"), not of a state.
	ofBody bool
}

// Event is a meeting, summit, call or visit between named persons.
type Event struct {
	Type         string   `json:"type"` // meeting, summit, call or visit
	Participants []string `json:"participants"`
	Location     string   `json:"location,omitempty"`
	Country      string   `json:"country,omitempty"`
	CountryCode  string   `json:"country_code,omitempty"`
	Date         string   `json:"date,omitempty"`
	Status       string   `json:"status"` // happened, planned or proposed
	Evidence     []Span   `json:"evidence"`
	Confidence   float64  `json:"confidence"`
}

// Time is a temporal expression and its ISO 8601 value, when it resolves.
type Time struct {
	Text  string `json:"text"`
	Value string `json:"value,omitempty"`
	// Type is the TIMEX3 type: DATE (the default, left out), DURATION,
	// SET or TIME.
	Type     string `json:"type,omitempty"`
	Evidence Span   `json:"evidence"`
	// Repeats are the later occurrences of the same text with the same
	// value: a time is listed once per distinct text.
	Repeats []Span `json:"repeats,omitempty"`
}

// Event types and statuses.
const (
	Meeting = "meeting"
	Summit  = "summit"
	Call    = "call"
	Visit   = "visit"

	Happened = "happened"
	Planned  = "planned"
	Proposed = "proposed"
)
