// Package schema is kg's vocabulary: the IRIs of the types and predicates
// that kg writes into a Cayley quad store, and the rules that mint stable
// identifiers for persons, organizations, places, roles, events and
// articles.
//
// Terms come from schema.org where one fits (Person, Organization, Place,
// Country, City, Event, NewsArticle, Role, name, alternateName, roleName,
// attendee, location, startDate, datePublished, mentions) and from kg's
// own namespace otherwise (holdsRole, forCountry, postedTo, status,
// evidence). Identifiers are IRIs in the "kg:" scheme and are
// derived only from what identifies the thing, never from the article it
// came from, so the same person, country or event gets the same IRI from
// every article. Countries are identified by ISO 3166-1 alpha-2 codes.
//
// Every fact quad is labelled with the IRI of the article that supports it.
// Fact nodes (persons, roles, events, ...) point with kg:evidence to
// evidence nodes that name the article, the sentence index, the byte span
// and the quoted sentence.
//
// Package schema does no I/O.
package schema
