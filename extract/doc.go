// Package extract turns the text of a news article into facts: the persons
// it names (with every way it refers to each), their roles and the
// countries they serve, organizations, places with their countries,
// temporal expressions resolved against the article's date, and the
// meetings, summits, calls and visits between named persons.
//
// The pipeline is deterministic and rule based, with no network access and
// no model: it segments the text into sentences (segment.go), tokenizes
// them (tokenize.go), finds and classifies capitalized mentions against
// the gazetteer and a lexicon of titles and organization words (ner.go),
// clusters the mentions of one person (coref.go), reads roles from
// pre-modifiers and appositions (roles.go), normalizes temporal
// expressions (times.go) and finds events and their status (events.go).
// Each fact carries the sentence and byte span of its evidence and a
// confidence.
//
// The output shape is the facts format of kg's evaluation: see Facts.
package extract
