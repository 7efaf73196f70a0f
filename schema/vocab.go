package schema

import "github.com/cayleygraph/quad"

// Namespaces used by kg's vocabulary.
const (
	SchemaOrg = "http://schema.org/"
	RDF       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	XSD       = "http://www.w3.org/2001/XMLSchema#"
	// KG is the namespace of kg's own terms and identifiers.
	KG = "kg:"
)

// StoreIRI names the store itself, for its own bookkeeping quads.
var StoreIRI = quad.IRI(KG + "store")

// Types.
var (
	TypePerson       = quad.IRI(SchemaOrg + "Person")
	TypeOrganization = quad.IRI(SchemaOrg + "Organization")
	TypePlace        = quad.IRI(SchemaOrg + "Place")
	TypeCountry      = quad.IRI(SchemaOrg + "Country")
	TypeCity         = quad.IRI(SchemaOrg + "City")
	TypeRole         = quad.IRI(SchemaOrg + "Role")
	TypeEvent        = quad.IRI(SchemaOrg + "Event")
	TypeArticle      = quad.IRI(SchemaOrg + "NewsArticle")
	TypeEvidence     = quad.IRI(KG + "Evidence")
	TypeAffiliation  = quad.IRI(KG + "Affiliation")
	TypeCitation     = quad.IRI(KG + "Citation")

	// Event kinds; every event is also a TypeEvent.
	TypeMeeting = quad.IRI(KG + "Meeting")
	TypeSummit  = quad.IRI(KG + "Summit")
	TypeCall    = quad.IRI(KG + "Call")
	TypeVisit   = quad.IRI(KG + "Visit")
)

// Predicates.
var (
	Type        = quad.IRI(RDF + "type")
	Name        = quad.IRI(SchemaOrg + "name")             // the fullest name of an entity
	Alias       = quad.IRI(SchemaOrg + "alternateName")    // another way an article names it
	HoldsRole   = quad.IRI(KG + "holdsRole")               // person -> role node
	JobTitle    = quad.IRI(SchemaOrg + "jobTitle")         // person -> a title the text ties to no country
	Title       = quad.IRI(SchemaOrg + "roleName")         // role node -> "president"
	ForCountry  = quad.IRI(KG + "forCountry")              // role node -> country served
	PostedTo    = quad.IRI(KG + "postedTo")                // role node -> country an envoy is posted to
	Former      = quad.IRI(KG + "former")                  // role node -> "true" when stated as past
	Affiliated  = quad.IRI(KG + "affiliatedWith")          // person -> affiliation node
	MemberOf    = quad.IRI(SchemaOrg + "memberOf")         // affiliation node -> organization
	Serves      = quad.IRI(KG + "serves")                  // organization -> the country it is a body of
	Cites       = quad.IRI(KG + "cites")                   // article -> citation node
	Publisher   = quad.IRI(SchemaOrg + "publisher")        // citation node -> the organization cited as source
	Participant = quad.IRI(SchemaOrg + "attendee")         // event -> person
	Location    = quad.IRI(SchemaOrg + "location")         // event -> place
	Date        = quad.IRI(SchemaOrg + "startDate")        // event -> ISO 8601 date at its precision
	Status      = quad.IRI(KG + "status")                  // event -> happened | planned | proposed
	Kind        = quad.IRI(KG + "kind")                    // event -> meeting | summit | call | visit
	InCountry   = quad.IRI(SchemaOrg + "containedInPlace") // place -> its country
	CountryCode = quad.IRI(KG + "countryCode")             // country -> ISO 3166-1 alpha-2
	Published   = quad.IRI(SchemaOrg + "datePublished")    // article -> YYYY-MM-DD
	Mentions    = quad.IRI(SchemaOrg + "mentions")         // article -> entity
	Headline    = quad.IRI(SchemaOrg + "headline")         // article -> first line
	Source      = quad.IRI(KG + "source")                  // article -> file it was read from
	ContentHash = quad.IRI(KG + "contentHash")             // article -> sha256 of its bytes
	MinHash     = quad.IRI(KG + "minhash")                 // article -> MinHash signature of its text (extract/minhash), hex
	Band        = quad.IRI(KG + "shingleBand")             // article -> one band key of that signature, for finding near copies
	CopyOf      = quad.IRI(KG + "copyOf")                  // article -> an earlier article it nearly repeats
	Evidence    = quad.IRI(KG + "evidence")                // fact node -> evidence node
	ResolvedBy  = quad.IRI(KG + "resolvedBy")              // node -> why an article's mention is this node
	Records     = quad.IRI(KG + "records")                 // article -> JSON of its persons, organizations, roles and events as extracted
	Generation  = quad.IRI(KG + "generation")              // kg:store -> a token that every write session replaces
	Rewriting   = quad.IRI(KG + "rewriting")               // article -> "true" while resolution rewrites its quads
	Resolution  = quad.IRI(KG + "resolution")              // article -> JSON of the canonical node of each of them, as last written

	// Evidence nodes.
	EvidenceOf = quad.IRI(KG + "supports")   // evidence -> the fact node it supports
	Article    = quad.IRI(KG + "article")    // evidence -> article
	Sentence   = quad.IRI(KG + "sentence")   // evidence -> sentence index (0-based)
	Start      = quad.IRI(KG + "start")      // evidence -> first byte offset of the span
	End        = quad.IRI(KG + "end")        // evidence -> byte offset just past the span
	Quote      = quad.IRI(KG + "quote")      // evidence -> the sentence text
	Confidence = quad.IRI(KG + "confidence") // evidence -> 0..1
)
