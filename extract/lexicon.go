package extract

// The lexicon: closed word lists of English news that the rules consult.
// Titles follow the AP Stylebook's treatment of formal titles before names
// (capitalized before a name, lower case after it or alone).

// titleAbbrevs expands abbreviated titles before names.
var titleAbbrevs = map[string]string{
	"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
	"lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain",
	"adm": "admiral", "pres": "president", "amb": "ambassador", "prof": "professor",
	"maj": "major", "cmdr": "commander", "lt. gen": "lieutenant general",
}

// honorifics precede names but are no titles.
var honorifics = map[string]bool{
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "miss": true,
	"dr": true, "dr.": true, "sir": true, "dame": true, "lord": true, "lady": true, "madam": true,
	"prince": true, "princess": true,
	// clergy
	"rev": true, "rev.": true, "reverend": true, "sister": true, "father": true, "rabbi": true, "pastor": true,
	"msgr": true, "msgr.": true, "monsignor": true,
	// police ranks
	"superintendent": true, "inspector": true, "detective": true, "constable": true,
}

// titleModifiers may precede a title and are kept in it ("deputy
// assistant secretary of state").
var titleModifiers = map[string]bool{"deputy": true, "assistant": true, "acting": true, "interim": true, "vice": true}

// pastMarkers mark a role as held in the past.
var pastMarkers = map[string]bool{"former": true, "then": true, "then-": true, "ex": true, "ex-": true, "late": true, "onetime": true}

// venueOnly are venues that are not reported as organizations.
var venueOnly = map[string]bool{"Oval Office": true, "Camp David": true, "Mar-a-Lago": true,
	"Great Hall of the People": true, "Zhongnanhai": true, "Elysee Palace": true, "Downing Street": true}

// months and weekdays, lower case, with their numbers (Sunday = 0).
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// functionWords are capitalized only at the start of a sentence or in
// titles; they never begin a name.
var functionWords = wordSet(
	"a", "an", "the", "and", "or", "but", "nor", "so", "yet", "for", "of", "in", "on", "at", "to",
	"by", "with", "from", "into", "about", "after", "before", "during", "since", "until", "while",
	"as", "if", "when", "where", "why", "how", "what", "who", "whom", "which", "that", "this",
	"these", "those", "there", "here", "it", "its", "he", "she", "they", "we", "i", "you", "his",
	"her", "their", "our", "my", "your", "him", "them", "us", "me", "all", "any", "some", "many",
	"most", "much", "more", "few", "both", "each", "every", "no", "not", "none", "one", "two",
	"three", "other", "another", "such", "only", "also", "even", "just", "still", "then", "now",
	"than", "too", "very", "can", "could", "will", "would", "shall", "should", "may", "might",
	"must", "do", "does", "did", "is", "are", "was", "were", "be", "been", "being", "has", "have",
	"had", "asked", "among", "amid", "despite", "although", "though", "because", "however",
	"meanwhile", "instead", "regarding", "according", "unlike", "like", "through", "over", "under",
	"against", "between", "without", "within", "across", "toward", "towards", "upon", "via", "per",
	"share", "file", "image", "photo", "read", "watch", "click", "advertisement", "related",
	"breaking", "updated", "published", "comments", "close", "button", "links", "accessibility",
	"people", "officials", "potential", "bilateral",
	"later", "earlier", "previously", "recently", "separately", "afterwards", "additionally",
	"finally", "initially", "eventually", "subsequently", "currently", "elsewhere", "ultimately",
	"today", "yesterday", "tomorrow",
)

// articles open a noun phrase.
var articles = wordSet("a", "an", "the")

// prepositions open a phrase whose noun is no apposition of a name
// before them.
var prepositions = wordSet("of", "in", "on", "at", "to", "by", "with", "from", "for", "into",
	"about", "over", "against", "as", "after", "before", "among", "between", "under", "without")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// quoteMarks open or close a quotation; determiners stand before a
// noun; objectPronouns stand for one.
var (
	quoteMarks     = wordSet(`"`, "“", "”", "'", "‘", "’")
	determiners    = wordSet("the", "a", "an", "this", "that", "his", "her", "their", "its", "our")
	objectPronouns = wordSet("it", "him", "her", "them", "this", "that")
)

// eventNouns name the kinds of event kg extracts.
var eventNouns = map[string]string{
	"meeting": Meeting, "meetings": Meeting, "meet": Meeting, "met": Meeting, "meets": Meeting,
	"talks": Meeting, "sit-down": Meeting, "sitdown": Meeting, "encounter": Meeting, "session": Meeting,
	"summit": Summit, "summits": Summit, "call": Call, "phone": Call, "telephone": Call, "spoke": Call,
	"telephonic": Call, "phoned": Call,
	"visit": Visit, "visits": Visit, "visited": Visit, "trip": Visit, "bilateral": Meeting,
	"pull-aside": Meeting, "face-to-face": Meeting, "speaks": Meeting, "chats": Meeting, "discussions": Meeting, "engagements": Meeting,
}
