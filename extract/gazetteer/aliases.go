package gazetteer

// displayNames overrides world-countries' common name where English news
// uses another short name.
var displayNames = map[string]string{
	"TR": "Turkey",
	"CZ": "Czech Republic",
	"CD": "Democratic Republic of the Congo",
	"CG": "Republic of the Congo",
	"VA": "Vatican",
}

// countryAliases are the names news writers use for countries that the
// generated data does not list.
var countryAliases = map[string]string{
	"U.S.":               "US",
	"U.S.A.":             "US",
	"America":            "US",
	"United States":      "US",
	"U.K.":               "GB",
	"UK":                 "GB",
	"Britain":            "GB",
	"Great Britain":      "GB",
	"England":            "GB",
	"Scotland":           "GB",
	"Wales":              "GB",
	"Turkey":             "TR",
	"Czech Republic":     "CZ",
	"South Korea":        "KR",
	"North Korea":        "KP",
	"Burma":              "MM",
	"Holland":            "NL",
	"the Netherlands":    "NL",
	"Vatican":            "VA",
	"Ivory Coast":        "CI",
	"East Timor":         "TL",
	"Swaziland":          "SZ",
	"Macedonia":          "MK",
	"Russian Federation": "RU",
	"UAE":                "AE",
	"U.A.E.":             "AE",
	"Emirates":           "AE",
	"DRC":                "CD",
	"PRC":                "CN",
	"DPRK":               "KP",
}

// demonymAliases are adjectives that name a country in news ("U.S.
// ambassador", "British") and are missing from the generated data.
var demonymAliases = map[string]string{
	"U.S.":        "US",
	"US":          "US",
	"American":    "US",
	"British":     "GB",
	"U.K.":        "GB",
	"UK":          "GB",
	"English":     "GB",
	"Scottish":    "GB",
	"Welsh":       "GB",
	"Soviet":      "RU",
	"Korean":      "KR",
	"Emirati":     "AE",
	"Saudi":       "SA",
	"Dutch":       "NL",
	"Filipino":    "PH",
	"Philippine":  "PH",
	"Czech":       "CZ",
	"Israeli":     "IL",
	"Palestinian": "PS",
	"Taiwanese":   "TW",
	"Iraqi":       "IQ",
	"Afghan":      "AF",
	"Turkish":     "TR",
	"Kyrgyz":      "KG",
	"Congolese":   "CD",
}

// cityAliases map spellings common in news to the generated city name.
var cityAliases = map[string]string{
	"Danang":          "Da Nang",
	"Kiev":            "Kyiv",
	"Peking":          "Beijing",
	"Bombay":          "Mumbai",
	"Calcutta":        "Kolkata",
	"Saigon":          "Ho Chi Minh City",
	"D.C.":            "Washington, D.C.",
	"Washington D.C.": "Washington, D.C.",
	"St. Petersburg":  "Saint Petersburg",
}
