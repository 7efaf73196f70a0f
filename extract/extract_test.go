package extract

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

var june2 = time.Date(2018, 6, 2, 0, 0, 0, 0, time.UTC)

func extractText(t *testing.T, text string, date time.Time) *Facts {
	t.Helper()
	return extractWith(t, New(), text, date)
}

// extractWith extracts text with the pipeline p.
func extractWith(t *testing.T, p *Pipeline, text string, date time.Time) *Facts {
	t.Helper()
	doc, err := ReadDoc("t", []byte(text), date)
	if err != nil {
		t.Fatal(err)
	}
	f, err := p.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name, text                 string
		person, title, country, to string
	}{
		{"demonym title name", "Russian President Vladimir Putin spoke on Friday.", "Vladimir Putin", "president", "Russia", ""},
		{"envoy posted to", "U.S. ambassador to Russia Jon Huntsman has been in Washington.", "Jon Huntsman", "ambassador", "United States", "Russia"},
		{"multiword title", "Japanese Prime Minister Shinzo Abe arrived.", "Shinzo Abe", "prime minister", "Japan", ""},
		{"institution", "Kremlin spokesman Dmitry Peskov told reporters.", "Dmitry Peskov", "spokesman", "Russia", ""},
		{"former envoy", "The plan was criticized by former U.S. ambassador to Ukraine Steven Pifer on Monday.", "Steven Pifer", "ambassador", "United States", "Ukraine"},
		{"abbreviated title and party tag", "Sen. John McCain (R-Ariz.) blasted the plan.", "John McCain", "senator", "United States", ""},
		{"party tag set off by commas", "Venezuela was the subject. A bill written by Sen. Ron Wyden, D-Ore., would ease sanctions on Venezuela.", "Ron Wyden", "senator", "United States", ""},
		{"state before an abbreviated title", "Former Arizona Sen. Jeff Flake was confirmed on Tuesday.", "Jeff Flake", "senator", "United States", ""},
		{"state whose name holds a country's", "New Mexico Sen. Tom Udall voted.", "Tom Udall", "senator", "United States", ""},
		{"state before a title in an apposition", "Greg Abbott spoke. Abbott, the Texas Republican governor, said so.", "Greg Abbott", "governor", "United States", ""},
		{"title in lower case before an unknown first name", "Malaysian Prime Minister Anwar Ibrahim named a cabinet on Friday. Its new health minister Zulkarnain Hashim starts on Monday.",
			"Zulkarnain Hashim", "health minister", "Malaysia", ""},
		{"hyphenated past marker before a country", "It was the first such visit since then-U.S. President Bill Clinton came in 1998.", "Bill Clinton", "president", "United States", ""},
		{"passive of appointing after an unknown first name", "Japanese Prime Minister Fumio Kishida named a cabinet on Wednesday. Hiroki Ozawa has been appointed as defense minister.",
			"Hiroki Ozawa", "defense minister", "Japan", ""},
		{"passive of appointing after a description of the name", "Chilean President Gabriel Boric named envoys on Monday. And lawyer and activist Ana Reyes was confirmed to be ambassador to Spain.",
			"Ana Reyes", "ambassador", "Chile", "Spain"},
		{"appointed behind a relative clause", "Dutch Prime Minister Mark Rutte named his team on Friday. Rob Jetten takes finance while Sigrid Kaag, who led the liberal party for a decade, has been appointed as trade minister.",
			"Sigrid Kaag", "trade minister", "Netherlands", ""},
		{"a title with an of phrase before a name", "White House Chief of Staff Ron Klain called the governor.", "Ron Klain", "chief of staff", "United States", ""},
		{"a title without its employer's name", "US House Speaker Mike Johnson met reporters on Tuesday.", "Mike Johnson", "speaker", "United States", ""},
		{"an opening adverb is no part of the name", "Finnish Prime Minister Petteri Orpo changed two posts on Monday. Later Maria Malmer Stenergard, a former migration minister, was named the new foreign minister.",
			"Maria Malmer Stenergard", "foreign minister", "Finland", ""},
		{"counterpart of a person titled earlier", "Indian Prime Minister Narendra Modi flew to Tokyo on Friday. Modi greeted his Japanese counterpart Fumio Kishida at the airport.",
			"Fumio Kishida", "prime minister", "Japan", ""},
		{"successor of a titled name", "South Korean President Moon Jae-in named a cabinet on Thursday. Choi Min-ho was picked to replace Defense Minister Song Young-moo.",
			"Choi Min-ho", "defense minister", "South Korea", ""},
		{"successor after a relative clause", "British Prime Minister David Cameron reshuffled his cabinet. Michael Fallon, a business minister, replaces Defence Secretary Philip Hammond.",
			"Michael Fallon", "defence secretary", "United Kingdom", ""},
		{"entourage of the leader of the sentence before", "Presidents Xi Jinping of China and Lula da Silva of Brazil met in Brasilia. Xi arrived on Thursday, a day after Lula left Peru. " +
			"He is accompanied by Head of the Policy Research Office (PRO) Jiang Jinquan, Commerce Minister Wang Wentao, and Vice Premier Ding Xuexiang.",
			"Wang Wentao", "commerce minister", "China", ""},
		{"entourage in the leader's sentence", "Presidents Xi Jinping of China and Lula da Silva of Brazil met in Brasilia. Xi, accompanied by Vice Premier He Lifeng, arrived on Thursday.",
			"He Lifeng", "vice premier", "China", ""},
		{"apposition", "Jon Huntsman, the U.S. ambassador to Russia, said so.", "Jon Huntsman", "ambassador", "United States", "Russia"},
		{"an appointment noun", "The Senate acted after the confirmation of Jane Hartley on June 9 as U.S. ambassador to France.",
			"Jane Hartley", "ambassador", "United States", "France"},
		{"an appointment noun, a title before the name", "British Prime Minister David Cameron announced the appointment of former Defence Secretary Philip Hammond as foreign secretary.",
			"Philip Hammond", "foreign secretary", "United Kingdom", ""},
		{"a title set off before a name in a list", "The guests were the US Secretary of the Treasury Janet Yellen, US Secretary of State, Marco Rubio, and US Ambassador to Japan Rahm Emanuel.",
			"Marco Rubio", "secretary of state", "United States", ""},
		{"an office confirms a name no first name does", "Malaysian Prime Minister Anwar Ibrahim reshuffled his cabinet. Anwar said that Fadzilah Yusof will be the new Minister of Rural Development.",
			"Fadzilah Yusof", "minister of rural development", "Malaysia", ""},
		{"an envoy of the document's country", "U.S. President Joe Biden met envoys in Washington. Caroline Kennedy was named ambassador to Australia.",
			"Caroline Kennedy", "ambassador", "United States", "Australia"},
		{"possessive country apposition", "Sergei Lavrov, Russia's foreign minister, said so.", "Sergei Lavrov", "foreign minister", "Russia", ""},
		{"other leader", "German Chancellor Angela Merkel hosted the talks.", "Angela Merkel", "chancellor", "Germany", ""},
		{"a city's title set off before a name after a preposition", "The delegation was greeted by Riyadh's governor, Prince Faisal bin Bandar, on Monday.",
			"Faisal bin Bandar", "governor", "Saudi Arabia", ""},
		{"an envoy to the country set off before a name after a preposition", "Mr Starmer was met by Britain's ambassador to the US, Karen Pierce, at the airport.",
			"Karen Pierce", "ambassador", "United Kingdom", "United States"},
		{"a title with an of phrase set off before a name", "Brazilian President Lula da Silva toured a plant. He met the president of the national grid company, Rafael Moura, on Friday.",
			"Rafael Moura", "president", "Brazil", ""},
		{"a title with an of phrase naming a country, set off before a name", "Lula also met the head of the Chinese trade council, Chen Weiming, in Shanghai.",
			"Chen Weiming", "head", "China", ""},
		{"copula with a rank", "Pierre Trudeau became the first Canadian Prime Minister to tour Japan.", "Pierre Trudeau", "prime minister", "Canada", ""},
		{"relative clause before the copula", "Mark Carney, who landed in Mumbai on Tuesday, became the first Canadian Prime Minister to visit India since 2018.",
			"Mark Carney", "prime minister", "Canada", ""},
		{"counterpart of a title without a name", "During his visit, the US president will meet his Cuban counterpart Raul Castro on Monday.",
			"Raul Castro", "president", "Cuba", ""},
		{"its, after a capital", "German officials met in Berlin on Monday. Germany wants a deal. A day later Kyiv said that its Foreign Minister Andrii Sybiha had seen German officials.",
			"Andrii Sybiha", "foreign minister", "Ukraine", ""},
		{"title of the country", "President of the United States Donald Trump spoke on Friday.", "Donald Trump", "president", "United States", ""},
		{"title of a country", "Prime Minister of India Narendra Modi arrived on Friday.", "Narendra Modi", "prime minister", "India", ""},
		{"plural title of countries, first", "Presidents of France and Finland Emmanuel Macron and Alexander Stubb will meet on Friday.", "Emmanuel Macron", "president", "France", ""},
		{"plural title of countries, second", "Presidents of France and Finland Emmanuel Macron and Alexander Stubb will meet on Friday.", "Alexander Stubb", "president", "Finland", ""},
		{"plural title, countries after the names", "A meeting between Presidents Emmanuel Macron of France and Joe Biden of the United States began.", "Joe Biden", "president", "United States", ""},
		{"plural title, first name", "A meeting between Presidents Emmanuel Macron of France and Joe Biden of the United States began.", "Emmanuel Macron", "president", "France", ""},
		{"plural title, countries in order", "British and Irish foreign ministers, David Lammy and Simon Harris, held talks.", "Simon Harris", "foreign minister", "Ireland", ""},
		{"plural title, a last name no first name confirms", "German and Polish foreign ministers, Annalena Baerbock and Radoslaw Sikorski, held talks.", "Radoslaw Sikorski", "foreign minister", "Poland", ""},
		{"plural title with a portfolio, after dashes", "NEW DELHI. Four Ministers of State -- Anil Verma (Power), Suresh Kumar Nair (Railways) and Meena Rao (Textiles) -- have stepped down.", "Suresh Kumar Nair", "minister of state", "India", ""},
		{"plural title over a list", "Those who resigned include Cabinet Ministers Ravi Prasad (Law), Harsh Vardhan (Health) and Prakash Javadekar (Environment) of India.", "Harsh Vardhan", "cabinet minister", "India", ""},
		{"counterpart", "French President Jacques Chirac has briefly met with his Mexican counterpart Vicente Fox.", "Vicente Fox", "president", "Mexico", ""},
		{"appointed as", "British Prime Minister David Cameron has appointed Philip Hammond as foreign minister.", "Philip Hammond", "foreign minister", "United Kingdom", ""},
		{"served as", "The British minister Ben Wallace, who had served as defence secretary since 2019, resigned.", "Ben Wallace", "defence secretary", "United Kingdom", ""},
		{"replaces as: the one replaced", "Philip Hammond replaces William Hague as British foreign secretary.", "William Hague", "foreign secretary", "United Kingdom", ""},
		{"replaces as: the successor", "Philip Hammond replaces William Hague as British foreign secretary.", "Philip Hammond", "foreign secretary", "United Kingdom", ""},
		{"copula", "\"Philip Hammond is the new British Foreign Secretary,\" Cameron said.", "Philip Hammond", "foreign secretary", "United Kingdom", ""},
		{"title, name, of country", "President Donald Trump of the United States arrived.", "Donald Trump", "president", "United States", ""},
		{"another role of the person", "Japanese Foreign Minister Taro Kono met reporters. Later, as defense minister, Kono spoke.", "Taro Kono", "defense minister", "Japan", ""},
		{"document country", "TOKYO. Japanese Prime Minister Shinzo Abe reshuffled the Japanese cabinet. Finance Minister Taro Aso stays, Japan's media said.", "Taro Aso", "finance minister", "Japan", ""},
		{"the one a participle replaces", "TOKYO. Japan's prime minister reshuffled the Japanese cabinet. Former Trade Minister Ken Saito has been shifted to finance minister, replacing Yoji Muto, who had held the post for two years.", "Yoji Muto", "finance minister", "Japan", ""},
		{"the one an infinitive replaces", "Malaysia's Prime Minister Anwar Ibrahim reshuffled the Malaysian cabinet. Trade Minister Tengku Zafrul becomes Minister of Home Affairs to replace Saifuddin Abdullah.", "Saifuddin Abdullah", "minister of home affairs", "Malaysia", ""},
		{"a family name that is an English word, after a title", "BEIJING. China's president travelled with Foreign Minister Wang Yi and Chinese Vice Premier He Lifeng.", "He Lifeng", "vice premier", "China", ""},
		{"an honorific ending the title", "WASHINGTON. First Lady Jill Biden spoke to reporters.", "Jill Biden", "first lady", "United States", ""},
		{"one city for the whole document", "Colombo, March 3 (AFP): President Anura Kumara Dissanayake accepted the resignations of nine ministers.", "Anura Kumara Dissanayake", "president", "Sri Lanka", ""},
		{"capitalized former before the title", "TOKYO. Japan's prime minister reshuffled the Japanese cabinet. Former Justice Minister Aiko Tanaka has been appointed as the new trade minister.", "Aiko Tanaka", "justice minister", "Japan", ""},
		{"appointed as, passive", "TOKYO. Japan's prime minister reshuffled the Japanese cabinet. Former Justice Minister Aiko Tanaka has been appointed as the new trade minister.", "Aiko Tanaka", "trade minister", "Japan", ""},
		{"named, a complement", "SEOUL. South Korea's president changed the South Korean cabinet. Park Min-jun was named the new culture minister.", "Park Min-jun", "culture minister", "South Korea", ""},
		{"tapped for", "SEOUL. South Korea's president changed the South Korean cabinet. Kim Soo-ah was tapped for the new minister of oceans and fisheries.", "Kim Soo-ah", "minister of oceans and fisheries", "South Korea", ""},
		{"the post of", "Malaysia's Prime Minister Anwar Ibrahim reshuffled the Malaysian cabinet. Mohamad Sabu will assume the post of Minister of Rural Development.", "Mohamad Sabu", "minister of rural development", "Malaysia", ""},
		{"take over as", "Malaysia's Prime Minister Anwar Ibrahim reshuffled the Malaysian cabinet. Ahmad Maslan will take over as defence minister.", "Ahmad Maslan", "defence minister", "Malaysia", ""},
		{"relative clause with a copula", "\"It will be grand,\" said Jeremy Bernard, who was the U.S. social secretary in 2014.", "Jeremy Bernard", "social secretary", "United States", ""},
		{"served as two titles", "Britain's cabinet changed. Grant Shapps, who served as the British minister for transport and as minister of state for housing, moves.", "Grant Shapps", "minister of state for housing", "United Kingdom", ""},
		{"copula, the name after it", "Canada's new Finance Minister is Dominic LeBlanc, a trade expert.", "Dominic LeBlanc", "finance minister", "Canada", ""},
		{"passage country in a story of two cabinets", "Japanese Prime Minister Fumio Kishida reshuffled his Cabinet in Tokyo. Finance Minister Shunichi Suzuki stays. " +
			"Meanwhile, South Korean President Moon Jae-in picked a new defense minister. Moon said Defense Minister Song Young-moo would go.", "Shunichi Suzuki", "finance minister", "Japan", ""},
		{"passage country, the second cabinet", "Japanese Prime Minister Fumio Kishida reshuffled his Cabinet in Tokyo. Finance Minister Shunichi Suzuki stays. " +
			"Meanwhile, South Korean President Moon Jae-in picked a new defense minister. Moon said Defense Minister Song Young-moo would go.", "Song Young-moo", "defense minister", "South Korea", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			for _, r := range f.Roles {
				if r.Person == tt.person && r.Title == tt.title {
					if r.Country != tt.country || r.To != tt.to {
						t.Fatalf("role %+v: country %q to %q, want %q %q", r, r.Country, r.To, tt.country, tt.to)
					}
					return
				}
			}
			t.Fatalf("no role %s/%s in %+v (persons %+v)", tt.person, tt.title, f.Roles, f.Persons)
		})
	}
}

// TestEnvoyServesNotItsPost: the country an envoy is posted to is never
// the one it serves, however alone it stands in the text.
func TestEnvoyServesNotItsPost(t *testing.T) {
	for _, text := range []string{
		"Caroline Kennedy was named ambassador to Australia.",
		"Obama announced the nomination of Caroline Kennedy as ambassador to Australia.",
	} {
		f := extractText(t, text, june2)
		for _, r := range f.Roles {
			if r.Person == "Caroline Kennedy" && r.Country == "Australia" {
				t.Errorf("%q: role %+v serves the country of its post", text, r)
			}
		}
	}
}

// TestNotTheirRole: a title near a name that the sentence gives to
// someone else.
func TestNotTheirRole(t *testing.T) {
	for _, tt := range []struct{ name, text, person, title string }{
		{"the name before a title set off before another", "The guests were the US Secretary of the Treasury Janet Yellen, US Secretary of State, Marco Rubio, and others.", "Janet Yellen", "secretary of state"},
		{"the one who appoints", "British Prime Minister David Cameron has appointed Philip Hammond as foreign minister.", "David Cameron", "foreign minister"},
		{"a name in the relative clause before", "Gen Nakatani, who worked as an aide to former Prime Minister Shinzo Abe, has been appointed as defense minister of Japan.", "Shinzo Abe", "defense minister"},
		{"the next title of a list", "Xi is accompanied by Chinese Commerce Minister Wang Wentao, and Vice Premier Ding Xuexiang.", "Wang Wentao", "vice premier"},
		{"the one who appoints, in a relative clause", "U.N. Secretary-General Ban Ki-moon, who appointed a retired Ghanaian diplomat as his special envoy to Syria, spoke on Monday.", "Ban Ki-moon", "diplomat"},
		{"the one who replaces someone with another", "U.S. President Joe Biden replaced Defense Secretary Lloyd Austin with Michael Brown on Monday.", "Joe Biden", "defense secretary"},
		{"a name in the apposition", "Ahmad Maslan, an aide to Prime Minister Anwar Ibrahim, was named Malaysia's new defence minister.", "Anwar Ibrahim", "defence minister"},
		{"the one who nominates someone described", "Meanwhile, South Korean President Lee Jae-myung nominated a veteran lawmaker for defense minister on Monday.", "Lee Jae-myung", "lawmaker"},
		{"a prince's rank is no office", "Saudi Arabia's Prince Turki bin Faisal met US Secretary of State Marco Rubio on Monday.", "Turki bin Faisal", "prince"},
		{"the one who picks an office's holder", "Japanese Prime Minister Shigeru Ishiba picked a new foreign minister on Monday.", "Shigeru Ishiba", "foreign minister"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			for _, r := range f.Roles {
				if r.Person == tt.person && r.Title == tt.title {
					t.Errorf("role %+v, want none", r)
				}
			}
			for _, p := range f.Persons {
				if p.Name == tt.person && slices.Contains(p.Titles, tt.title) {
					t.Errorf("%s has titles %q, want no %q", p.Name, p.Titles, tt.title)
				}
			}
		})
	}
}

// TestNoApposition: a title after a name and a comma is no apposition
// when it heads a phrase of its own, the object of a verb or a
// preposition.
func TestNoApposition(t *testing.T) {
	for _, tt := range []struct{ name, text, person, title string }{
		{"object of a participle", "Foreign Minister Lena Marsh arrived in Oslo on Monday. Marsh, praising the president, said talks would go on.",
			"Lena Marsh", "president"},
		{"object of a preposition", "Foreign Minister Lena Marsh arrived in Oslo on Monday. Marsh, like the ambassador, said talks would go on.",
			"Lena Marsh", "ambassador"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			for _, r := range f.Roles {
				if r.Person == tt.person && r.Title == tt.title {
					t.Errorf("role %+v, want none", r)
				}
			}
		})
	}
}

// TestJobTitles: a title the text ties to no country is no role; it stays
// on the person.
func TestJobTitles(t *testing.T) {
	for _, tt := range []struct{ name, text, person, title string }{
		{"apposition with modifiers", "Richard Roe, a former deputy assistant secretary of state who is an expert, said so.", "Richard Roe", "deputy assistant secretary of state"},
		{"two countries, no one's", "Presidents George Bush and Vladimir Putin met. Russia and America agreed.", "Vladimir Putin", "president"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			for _, r := range f.Roles {
				if r.Person == tt.person {
					t.Errorf("role %+v, want none", r)
				}
			}
			for _, p := range f.Persons {
				if p.Name == tt.person {
					if !slices.Contains(p.Titles, tt.title) {
						t.Errorf("%s has titles %q, want %q", p.Name, p.Titles, tt.title)
					}
					return
				}
			}
			t.Errorf("no person %s in %+v", tt.person, f.Persons)
		})
	}
}

func TestTimes(t *testing.T) {
	tests := []struct {
		text, expr, value string
		date              time.Time
	}{
		{"The Journal reported late Friday.", "late Friday", "2018-06-01", june2},
		{"They met last July in Hamburg.", "last July", "2017-07", june2},
		{"A summit is planned for next month.", "next month", "2018-07", june2},
		{"He called Monday.", "Monday", "2018-05-28", june2},
		{"They spoke three months ago.", "three months ago", "2018-03", june2},
		{"They met on Nov. 15, 2015, in Antalya.", "Nov. 15, 2015", "2015-11-15", june2},
		{"It happened last summer.", "last summer", "2017-SU", june2},
		{"Talks are on hold since October.", "October", "2017-10", june2},
		{"Police have been busy with the October killing.", "October", "2017-10", june2},
		{"In October, the company brought in a new chief.", "October", "2017-10", june2},
		{"The ship left port, and the envoy could come as early as Tuesday.", "Tuesday", "2018-06-05", june2},
		{"Officials postponed until Tuesday any vote on the bill.", "Tuesday", "2018-06-05", june2},
		{"Putin will visit Washington in the fall.", "the fall", "2018-FA", june2},
		{"They met in November at the summit.", "November", "2017-11", june2},
		{"Trump is focusing on a planned June 12 summit.", "June 12", "2018-06-12", june2},
		{"In July 2016 he spoke.", "July 2016", "2016-07", june2},
		// Undated: absolute expressions only.
		{"They met on Sept. 28, 2015.", "Sept. 28, 2015", "2015-09-28", time.Time{}},
		{"They met Monday.", "Monday", "", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			f := extractText(t, tt.text, tt.date)
			for _, tm := range f.Times {
				if tm.Text == tt.expr {
					if tm.Value != tt.value {
						t.Fatalf("%q = %q, want %q", tt.expr, tm.Value, tt.value)
					}
					return
				}
			}
			t.Fatalf("no time %q in %+v", tt.expr, f.Times)
		})
	}
}

// TestHolidayNeedsPreposition: a holiday's name dates something only
// after a preposition; "Christmas shopping" is no time.
func TestHolidayNeedsPreposition(t *testing.T) {
	f := extractText(t, "Christmas shopping fell. Officials met before Christmas.", june2)
	var got []string
	for _, tm := range f.Times {
		got = append(got, tm.Text+"="+tm.Value)
	}
	if !slices.Equal(got, []string{"Christmas=2017-12-25"}) {
		t.Errorf("times %v, want only the Christmas met before", got)
	}
}

func TestEvents(t *testing.T) {
	tests := []struct {
		name, text                      string
		participants                    []string
		location, country, date, status string
	}{
		{"happened with place and date",
			"German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.",
			[]string{"Angela Merkel", "Emmanuel Macron"}, "Paris", "France", "2018-05-28", Happened},
		{"a city after its country's possessive",
			"German Chancellor Angela Merkel met French President Emmanuel Macron in France's Marseille on Monday.",
			[]string{"Angela Merkel", "Emmanuel Macron"}, "Marseille", "France", "2018-05-28", Happened},
		{"a venue's own city named in the dateline",
			"PALM BEACH, United States: U.S. President Donald Trump met Chinese President Xi Jinping at Mar-a-Lago on Thursday.",
			[]string{"Donald Trump", "Xi Jinping"}, "PALM BEACH", "United States", "2018-05-31", Happened},
		{"planned summit",
			"Officials are making plans for a summit between Chinese President Xi Jinping and Indian Prime Minister Narendra Modi.",
			[]string{"Narendra Modi", "Xi Jinping"}, "", "", "", Planned},
		{"proposed visit",
			"Brazilian President Jair Bolsonaro invited Argentine President Mauricio Macri to Brasilia.",
			[]string{"Jair Bolsonaro", "Mauricio Macri"}, "Brasilia", "Brazil", "", Proposed},
		{"proposed visit in a participle",
			"After an hour of talks the leaders came out smiling, with Brazilian President Jair Bolsonaro inviting Argentine President Mauricio Macri to visit Rio de Janeiro.",
			[]string{"Jair Bolsonaro", "Mauricio Macri"}, "Rio de Janeiro", "Brazil", "", Proposed},
		{"phone call",
			"Turkish President Recep Tayyip Erdogan spoke on the phone with Iranian President Hassan Rouhani on Monday.",
			[]string{"Hassan Rouhani", "Recep Tayyip Erdogan"}, "", "", "2018-05-28", Happened},
		{"telephonic conversation",
			"Turkish Foreign Minister Mevlut Cavusoglu held a telephonic conversation with US Secretary of State Rex Tillerson on Friday.",
			[]string{"Mevlut Cavusoglu", "Rex Tillerson"}, "", "", "2018-06-01", Happened},
		{"status of the clause, not the sentence: a meeting that sets the scene",
			"At their meeting in Tokyo, South Korean President Moon Jae-in and Japanese Prime Minister Shinzo Abe agreed to deepen their cooperation.",
			[]string{"Moon Jae-in", "Shinzo Abe"}, "Tokyo", "Japan", "", Happened},
		{"a summit a visit is for, with the visit's place",
			"South Korean President Moon Jae-in will visit Tokyo for a summit with Japanese Prime Minister Shinzo Abe.",
			[]string{"Moon Jae-in", "Shinzo Abe"}, "Tokyo", "Japan", "", Planned},
		{"agreed to meet",
			"US President Donald Trump and Russian President Vladimir Putin agreed to meet in Helsinki.",
			[]string{"Donald Trump", "Vladimir Putin"}, "Helsinki", "Finland", "", Planned},
		{"a headline's infinitive",
			"South Korea's Moon to visit Japan for summit with Abe\n\nSouth Korean President Moon Jae-in leads South Korea. Japanese Prime Minister Shinzo Abe leads Japan.",
			[]string{"Moon Jae-in", "Shinzo Abe"}, "Japan", "Japan", "", Planned},
		{"a journalist credited",
			"Russian President Vladimir Putin met US President George W. Bush in Slovenia on Friday, in a story bylined by Elizabeth Sullivan.",
			[]string{"George W. Bush", "Vladimir Putin"}, "Slovenia", "Slovenia", "2018-06-01", Happened},
		{"a country before an honorific, no comma between: a place, not a modifier",
			"During their talks in Portugal Mr Sanchez thanked Mr Costa for his help.",
			[]string{"Costa", "Sanchez"}, "Portugal", "Portugal", "", Happened},
		{"a possessive before an adjective and the event word",
			"US President Richard Nixon's historic visit to China to meet Chairman Mao Zedong in 1972 changed the world.",
			[]string{"Mao Zedong", "Richard Nixon"}, "China", "China", "1972", Happened},
		{"a venue after an article and an adjective",
			"German Chancellor Friedrich Merz and US President Donald Trump held talks at a glitzy White House dinner.",
			[]string{"Donald Trump", "Friedrich Merz"}, "United States", "United States", "", Happened},
		{"a country before a region across countries",
			"German Chancellor Friedrich Merz's visit to Europe begins on Friday: first he will visit Portugal, where he will meet with Prime Minister Luis Montenegro.",
			[]string{"Friedrich Merz", "Luis Montenegro"}, "Portugal", "Portugal", "2018-06-08", Planned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			if len(f.Events) != 1 {
				t.Fatalf("events %+v, want one", f.Events)
			}
			e := f.Events[0]
			got := append([]string(nil), e.Participants...)
			if strings.Join(sorted(got), "|") != strings.Join(sorted(tt.participants), "|") {
				t.Fatalf("participants %v, want %v", e.Participants, tt.participants)
			}
			if e.Location != tt.location || e.Country != tt.country || e.Date != tt.date || e.Status != tt.status {
				t.Fatalf("event %+v, want %s/%s/%s/%s", e, tt.location, tt.country, tt.date, tt.status)
			}
		})
	}
}

func sorted(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

func TestPersonsClusterAndSkipCredits(t *testing.T) {
	text := "By Jane Writer\nPhoto: Alexei Photog/AP\n\nPresident Donald Trump met Kim Jong Un. Trump said Mr. Kim was ready. Kim Jong-un agreed. But Trump left.\n"
	f := extractText(t, text, june2)
	names := map[string][]string{}
	for _, p := range f.Persons {
		names[p.Name] = p.Aliases
	}
	if len(names) != 2 {
		t.Fatalf("persons %+v, want Donald Trump and Kim Jong Un only", f.Persons)
	}
	trump, ok := names["Donald Trump"]
	if !ok {
		t.Fatalf("no Donald Trump in %+v", f.Persons)
	}
	if contains(trump, "But Trump") || !contains(trump, "Trump") {
		t.Errorf("Donald Trump aliases %v: want Trump, not But Trump", trump)
	}
	kim := names["Kim Jong Un"]
	if !contains(kim, "Kim Jong-un") || !contains(kim, "Kim") {
		t.Fatalf("Kim Jong Un aliases %v, want Kim Jong-un and Kim", kim)
	}
}

func TestDocumentDate(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"date line", " date 2018-06-02 Putin met Trump.", "2018-06-02"},
		{"front matter", "---\ntitle: x\ndate: 2019-03-04\n---\nPutin met Trump.", "2019-03-04"},
		{"none", "Putin met Trump.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractText(t, tt.text, time.Time{}).Date; got != tt.want {
				t.Fatalf("Date=%q, want %q", got, tt.want)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error // nil: extracts without error
	}{
		{"no text", []byte("  \n\t"), ErrEmpty},
		{"only punctuation", []byte("?!... --- ,,,"), nil},
		{"binary", []byte{1, 2, 3, 0, 0, 5}, ErrBinary},
		{"invalid UTF-8", []byte("ok \xff\xfe bad"), ErrInvalidUTF8},
		{"mixed scripts", []byte("Президент Владимир Путин met 習近平 and President Xi Jinping in Москва. 東京"), nil},
		{"HTML markup", []byte("<html><body><p>Russian President <b>Vladimir Putin</b> met Chinese President Xi Jinping in Beijing.</p><script>var x='Donald Trump';</script></body></html>"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDoc("bad", tt.data, june2)
			if tt.want != nil {
				var xe *Error
				if !errors.Is(err, tt.want) || !errors.As(err, &xe) || xe.Doc != "bad" {
					t.Fatalf("ReadDoc err=%v, want %v naming the document", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			f, err := New().Extract(context.Background(), doc)
			if err != nil || f == nil {
				t.Fatalf("Extract: %v", err)
			}
			if tt.name == "HTML markup" {
				if len(f.Persons) != 2 {
					t.Fatalf("persons %+v, want Putin and Xi, nothing from the script", f.Persons)
				}
			}
		})
	}
}

func TestLongSingleLine(t *testing.T) {
	// Ten megabytes on one line, as sentences and as one run-on sentence.
	sentences := strings.Repeat("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday. ", 10<<20/90)
	f := extractText(t, sentences, june2)
	if len(f.Persons) != 2 || len(f.Events) != 1 {
		t.Fatalf("10 MB of sentences: %d persons, %d events; want 2 and 1", len(f.Persons), len(f.Events))
	}
	runOn := strings.Repeat("and then Vladimir Putin met President Xi Jinping in Beijing ", 10<<20/60)
	if f := extractText(t, runOn, june2); len(f.Persons) != 2 {
		t.Fatalf("10 MB run-on sentence: %d persons, want 2", len(f.Persons))
	}
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte(" date 2018-06-02 Russian President Vladimir Putin met U.S. President Donald Trump in Helsinki last July."))
	f.Add([]byte("Jon Huntsman, the U.S. ambassador to Russia, said (R-Ariz.) \"Trump\" met Putin, and in November at the APEC summit in Vietnam."))
	f.Add([]byte("<p>Sen. John McCain</p> Nov. 15, 2015 @POTUS three months ago"))
	f.Add([]byte("close\nSaturday December 21, 2024\nBy AFP\nApril 07, 2017\nUpdated: 17-03-2022 09:41 IST | Thu Mar 9th, 2023 11/15/2023 15.11.2023 2023-04-14 20:52:47"))
	f.Add([]byte("Now, in the third quarter of 1989 and the quarter, third-quarter profit, a two-year deal, 16-hour talks, years, daily, every week, recently, the future, the past two months."))
	f.Add([]byte("RIYADH, (WAM - 02nd Apr, 2020) Presidents Emmanuel Macron of France and Joe Biden of the United States met; his Mexican counterpart Vicente Fox, who had served as trade secretary, replaces Liam Fox as Minister of Economy, Trade and Industry."))
	p := New()
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadDoc("fuzz", data, june2)
		if err != nil {
			return
		}
		facts, err := p.Extract(context.Background(), doc)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		art := Quads(doc, facts, "", "fuzz")
		for _, q := range art.Quads {
			if err := validate(q); err != nil {
				t.Fatalf("invalid quad: %v", err)
			}
		}
	})
}

// TestInvitationDuringCall: the invitation makes a proposed visit; the
// call it was made in happened, and takes no time from before the
// invitation.
func TestInvitationDuringCall(t *testing.T) {
	f := extractText(t, "Chinese President Xi Jinping and Indian Prime Minister Narendra Modi met twice in 2017, and Xi invited Modi to visit Beijing during a March phone call.", june2)
	byType := map[string]Event{}
	for _, e := range f.Events {
		byType[e.Type] = e
	}
	visit, call := byType[Visit], byType[Call]
	if visit.Status != Proposed || visit.Location != "Beijing" {
		t.Errorf("visit %+v, want a proposed visit to Beijing", visit)
	}
	if call.Status != Happened || call.Date == "2017" {
		t.Errorf("call %+v, want a call that happened, not dated 2017", call)
	}
}

func TestAttributiveYearDatesNoEvent(t *testing.T) {
	f := extractText(t, "Any meeting between Donald Trump and Vladimir Putin would come while the inquiry into the 2016 presidential election continues.", time.Time{})
	for _, e := range f.Events {
		if e.Date == "2016" {
			t.Errorf("event %+v dated by the election's year", e)
		}
	}
}

// TestDatelineDatesTheEventLast: a dateline's date dates the report; the
// event takes its own date when its words give one, the dateline's when
// they do not.
func TestDatelineDatesTheEventLast(t *testing.T) {
	fri := time.Date(2021, 3, 12, 0, 0, 0, 0, time.UTC) // a Friday
	checkEventDates(t, fri, []eventDateCase{
		{"its own weekday", "Lima, March 12 (Andina) - Peruvian President Francisco Sagasti met Chilean President Sebastian Pinera in Lima on Thursday.", "2021-03-11"},
		{"its own date", "OTTAWA, March 12 — Canadian Prime Minister Justin Trudeau spoke with U.S. President Joe Biden on March 9.", "2021-03-09"},
		{"the dateline alone", "Lima, March 12 (Andina) - Peruvian President Francisco Sagasti met Chilean President Sebastian Pinera in Lima.", "2021-03-12"},
	})
}

// eventDateCase is a text that tells of one event, and the date the
// event should get.
type eventDateCase struct{ name, text, want string }

// checkEventDates extracts each case against the reference date ref and
// checks the date of its one event.
func checkEventDates(t *testing.T, ref time.Time, cases []eventDateCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, ref)
			if len(f.Events) != 1 {
				t.Fatalf("events %+v, want one", f.Events)
			}
			if got := f.Events[0].Date; got != tt.want {
				t.Errorf("event dated %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNewsOfTheDay: an event told in the present perfect or progressive,
// with no date of its own, took place on the day of the report, unless
// an adverb stretches it back or another report of it in the article
// dates it.
func TestNewsOfTheDay(t *testing.T) {
	fri := time.Date(2025, 10, 31, 0, 0, 0, 0, time.UTC)
	checkEventDates(t, fri, []eventDateCase{
		{"a perfect", "Chinese President Xi Jinping has met U.S. President Donald Trump in Gyeongju.", "2025-10-31"},
		{"a noun's perfect", "Talks between Chinese President Xi Jinping and U.S. President Donald Trump have begun in Gyeongju.", "2025-10-31"},
		{"a progressive", "Chinese President Xi Jinping is meeting U.S. President Donald Trump in Gyeongju.", "2025-10-31"},
		{"a past tense", "Chinese President Xi Jinping met U.S. President Donald Trump in Gyeongju.", ""},
		{"several times", "Chinese President Xi Jinping has met U.S. President Donald Trump several times.", ""},
		{"already", "Chinese President Xi Jinping has already met U.S. President Donald Trump in Gyeongju.", ""},
		{"a past perfect", "Chinese President Xi Jinping had met U.S. President Donald Trump in Gyeongju.", ""},
		{"an earlier undated report", "Chinese President Xi Jinping held talks with U.S. President Donald Trump in Gyeongju. Xi has met Trump to discuss trade.", "2025-10-31"},
		{"dated by a later report", "Chinese President Xi Jinping has met U.S. President Donald Trump. Xi and Trump met in Gyeongju on Thursday.", "2025-10-30"},
	})
}

// TestMonthMayIsNoModal: the month May proposes nothing; the modal
// "may" does.
func TestMonthMayIsNoModal(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"the month", "Armenian Prime Minister Nikol Pashinyan and Russian President Vladimir Putin talked on May 12, on the sidelines of the CIS summit in Minsk.", Happened},
		{"the modal", "Armenian Prime Minister Nikol Pashinyan may meet Russian President Vladimir Putin in Minsk.", Proposed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			if len(f.Events) != 1 || f.Events[0].Status != tt.want {
				t.Errorf("events %+v, want one %s", f.Events, tt.want)
			}
		})
	}
}

// TestAdjectiveIsNoPlace: a demonym ("Cuban") names no place; a
// country's name or abbreviation before a title ("US President") does,
// as the text writes it.
func TestAdjectiveIsNoPlace(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		is, not    []string
	}{
		{"an adjective and an abbreviation", "Cuban President Raul Castro met US President Barack Obama.", []string{"US"}, []string{"Cuba", "Cuban"}},
		{"the country named too", "Cuban President Raul Castro met US President Barack Obama. Obama later flew to Cuba.", []string{"US", "Cuba"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			have := namesOf(f.Places, func(p Place) (string, []string) { return p.Name, p.Aliases })
			checkNamed(t, "place", have, tt.is, tt.not)
		})
	}
}

// TestAPeopleIsNoPerson: a demonym in the plural names a people, not a
// person who could meet anyone.
func TestAPeopleIsNoPerson(t *testing.T) {
	f := extractText(t, "Prime Minister Narendra Modi and Crown Prince Mohammed bin Salman posed for photos on Monday, pictures the Saudis shared at once online. "+
		"Modi raised trade at the talks with the Saudis, an aide said. The Americans agreed.", june2)
	for _, p := range f.Persons {
		if p.Name == "Saudis" || p.Name == "Americans" {
			t.Errorf("%q is a person: %+v", p.Name, f.Persons)
		}
	}
}

// TestNamingCallIsNoCall: "call" that gives something a name is no
// telephone call.
func TestNamingCallIsNoCall(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		call       bool
	}{
		{"a name in quotes", `President Donald Trump welcomed Chinese President Xi Jinping to what aides like to call the "Southern White House" on Friday.`, false},
		{"a phone call", "Russian President Vladimir Putin held a call with French President Emmanuel Macron on Friday.", true},
		{"what was said in the call", "Russian President Vladimir Putin held a call with French President Emmanuel Macron, and what they said in the call was not disclosed.", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, time.Date(2021, 3, 12, 0, 0, 0, 0, time.UTC))
			call := false
			for _, e := range f.Events {
				call = call || e.Type == Call
			}
			if call != tt.call {
				t.Errorf("a call among %+v: %v, want %v", f.Events, call, tt.call)
			}
		})
	}
}

// TestTimeDirection: a relative date's direction comes from the tense of
// its own clause, then of its sentence.
func TestTimeDirection(t *testing.T) {
	thu := time.Date(2000, 2, 10, 0, 0, 0, 0, time.UTC) // a Thursday
	for _, tt := range []struct {
		text, expr, value string
	}{
		{"The company said Thursday that profits rose.", "Thursday", "2000-02-10"},
		{"The leaders will meet on Thursday.", "Thursday", "2000-02-10"},
		{"The leaders will meet on Friday, officials said Tuesday.", "Friday", "2000-02-11"},
		{"The leaders will meet on Friday, officials said Tuesday.", "Tuesday", "2000-02-08"},
		{"The talks ended Friday.", "Friday", "2000-02-04"},
		{"The report is due Jan. 14.", "Jan. 14", "2000-01-14"},
		{"They met at a November summit.", "November", "1999-11"},
		{"Trade talks are planned for November.", "November", "2000-11"},
		// The parse: "said" is past, the predicate "is payable" present.
		{"The company said the dividend is payable March 15.", "March 15", "2000-03-15"},
	} {
		f := extractText(t, tt.text, thu)
		found := false
		for _, tm := range f.Times {
			if tm.Text == tt.expr {
				found = true
				if tm.Value != tt.value {
					t.Errorf("%q: %q = %q, want %q", tt.text, tt.expr, tm.Value, tt.value)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %q in %+v", tt.text, tt.expr, f.Times)
		}
	}
}

func TestPrintedDates(t *testing.T) {
	for _, tt := range []struct{ text, expr, value string }{
		{"Posted Fri Oct 11th, 2024 at noon.", "Fri Oct 11th, 2024", "2024-10-11"},
		{"Sunday, 14 March, 2004, 08:15 GMT", "Sunday, 14 March, 2004", "2004-03-14"},
		{"Updated: 17-03-2022 09:41 IST", "17-03-2022", "2022-03-17"},
		{"The file is dated 2023-04-14 in the archive.", "2023-04-14", "2023-04-14"},
		{"Tue 08th September 2020 | 09:30 AM", "Tue 08th September 2020", "2020-09-08"},
		{"The deadline is 11/15/2023 for all.", "11/15/2023", "2023-11-15"},
	} {
		f := extractText(t, tt.text, time.Time{})
		found := false
		for _, tm := range f.Times {
			if tm.Text == tt.expr {
				found = true
				if tm.Value != tt.value {
					t.Errorf("%q = %q, want %q", tm.Text, tm.Value, tt.value)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %q in %+v", tt.text, tt.expr, f.Times)
		}
	}
}

// TestOrganizationNames checks where an organization's name starts and
// ends: a ministry's "and" is inside it, a "-based" word before it is
// not, and a title alone is no organization.
func TestOrganizationNames(t *testing.T) {
	f := extractText(t, "The ministry was split into the Ministry of Fisheries and Ocean Affairs and the Ministry of Digital, "+
		"Tokyo-based Kyodo News reported. The Secretary of State was not there, nor the Chinese Communist Party's envoy.", june2)
	names := map[string]bool{}
	for _, o := range f.Organizations {
		names[o.Name] = true
	}
	for _, want := range []string{"Ministry of Fisheries and Ocean Affairs", "Ministry of Digital", "Kyodo News", "Chinese Communist Party"} {
		if !names[want] {
			t.Errorf("no organization %q in %+v", want, f.Organizations)
		}
	}
	for _, not := range []string{"Tokyo-based Kyodo News", "Secretary of State", "Ministry of Natural Resources"} {
		if names[not] {
			t.Errorf("%q is an organization: %+v", not, f.Organizations)
		}
	}
}

// TestOrganizationNameForms: a body's "of" phrase may be a list closed by
// "and", and a ministry's portfolio a pair; places in such a list are
// parties of their own; a ministry may be written in lower case after a
// demonym, and a company's name end in its legal form.
func TestOrganizationNameForms(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want, not  []string
	}{
		{"list in the of phrase", "She now heads the Ministry of Housing, Communities and Local Government.",
			[]string{"Ministry of Housing, Communities and Local Government"}, []string{"Ministry of Housing"}},
		{"list with the Oxford comma", "He moves to the Department of Energy, Mines, and Water on Monday.",
			[]string{"Department of Energy, Mines, and Water"}, nil},
		{"list of parties", "The Ministry of Defence, Britain and France agreed on the plan.",
			[]string{"Ministry of Defence"}, []string{"Ministry of Defence, Britain and France"}},
		{"list left open", "The Ministry of Finance, the central bank and Reuters said so.",
			[]string{"Ministry of Finance"}, []string{"Ministry of Finance, the central bank and Reuters"}},
		{"portfolio pair", "The Trade and Industry Ministry said so.", []string{"Trade and Industry Ministry"}, []string{"Industry Ministry"}},
		{"remit pair", "The Fish and Wildlife Service listed the owl on Wednesday.", []string{"Fish and Wildlife Service"}, []string{"Wildlife Service"}},
		{"remit pair of an association", "Home Mutual Savings and Loan Association was sold.", []string{"Home Mutual Savings and Loan Association"}, []string{"Loan Association"}},
		{"place and a ministry", "Japan and Foreign Ministry officials met.", []string{"Foreign Ministry"}, []string{"Japan and Foreign Ministry"}},
		{"a body's initials alone", "Officials blamed the FWS's delay. Nothing was announced by the FWS.", []string{"FWS"}, nil},
		{"initials of a body named before", "The U.S. Fish and Wildlife Service listed the owl. Nothing more was announced by the FWS.",
			[]string{"U.S. Fish and Wildlife Service"}, []string{"FWS"}},
		{"initials given in brackets", "The People Power Party (PPP) won the vote. A former PPP leader spoke.", []string{"People Power Party"}, []string{"PPP"}},
		{"a base of two words", "The New York-based Quotron Inc. said so.", []string{"Quotron Inc."}, []string{"New York-based Quotron Inc.", "York-based Quotron Inc."}},
		{"a company's legal form", "Shares of Montedison S.p.A. and Philips N.V. rose.", []string{"Montedison S.p.A.", "Philips N.V."}, nil},
		{"ministry in lower case after a demonym", "The Russian defence ministry and the Chinese foreign ministry gave no figures; the ministry declined.",
			[]string{"Russian defence ministry", "Chinese foreign ministry"}, []string{"ministry"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			names := map[string]bool{}
			for _, o := range f.Organizations {
				names[o.Name] = true
			}
			checkNamed(t, "organization", names, tt.want, tt.not)
		})
	}
}

// TestOrganizationShortForms: the words that open a company's name,
// before its organization word, name the company later in the story,
// not a person; the company is named by its fuller form.
func TestOrganizationShortForms(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		org, alias string
		persons    []string
	}{
		{"first words of the name", "Harwell Capital Partners bought the shares. Harwell Capital said it would sell them in May.",
			"Harwell Capital Partners", "Harwell Capital", nil},
		{"first word of the name", "Brenton Securities raised its offer. Brenton declined to comment on Friday.",
			"Brenton Securities", "Brenton", nil},
		{"short form first", "Kestrel said its sales rose. Kestrel Industries Inc. makes valves in Ohio.",
			"Kestrel Industries Inc.", "Kestrel", nil},
		{"a titled form stays a person", "Mr. Kestrel left Kestrel Industries Inc. in May. Kestrel said he would stay in Ohio.",
			"Kestrel Industries Inc.", "", []string{"Kestrel"}},
		{"a word of another name stays a person", "Anna Brenton said Brenton Securities would grow. Brenton declined to comment.",
			"Brenton Securities", "", []string{"Anna Brenton"}},
		{"a sibling body", "Corvane S.A. sold Corvane Foods on Monday. Corvane said the price was fair.",
			"Corvane S.A.", "Corvane", nil},
		{"a name without its endings", "Harwell Savings said on Monday that Harwell Savings Bank would close two branches.",
			"Harwell Savings Bank", "Harwell Savings", nil},
		{"an exchange", "Shares of Kestrel fell on the Oslo Stock Exchange on Monday.", "Oslo Stock Exchange", "", nil},
		{"a big city is no short form", "The Denver Post reported the deal. Denver said nothing.", "Denver Post", "", nil},
		{"a legal form", "Shares of Lindqvist AB and Corran Insurance Co. rose.", "Lindqvist AB", "", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			var found *Organization
			for i := range f.Organizations {
				if f.Organizations[i].Name == tt.org {
					found = &f.Organizations[i]
				}
			}
			if found == nil {
				t.Fatalf("no organization %q in %+v", tt.org, f.Organizations)
			}
			if tt.alias != "" && !slices.Contains(found.Aliases, tt.alias) {
				t.Errorf("%q has aliases %v, want %q", tt.org, found.Aliases, tt.alias)
			}
			if tt.alias == "" && len(found.Aliases) > 0 {
				t.Errorf("%q has aliases %v, want none", tt.org, found.Aliases)
			}
			var persons []string
			for _, p := range f.Persons {
				persons = append(persons, p.Name)
			}
			if !slices.Equal(persons, tt.persons) {
				t.Errorf("persons %v, want %v", persons, tt.persons)
			}
		})
	}
}

// TestOrganizationBeforeTitleOrName: a body's name at the front of a
// run, before a title or a person's name, is an organization, and the
// person after it is named without it.
func TestOrganizationBeforeTitleOrName(t *testing.T) {
	for _, c := range []struct{ text, org, person string }{
		{"Birla Group Chairman Kumar Birla arrived at the dinner.", "Birla Group", "Kumar Birla"},
		{"Tata Motors Chief Executive Officer Guenter Butschek spoke.", "Tata Motors", "Guenter Butschek"},
		{"The chairman of Adani Industries Mukesh Adani arrived.", "Adani Industries", "Mukesh Adani"},
		{"Apple CEO Tim Cook joined the dinner.", "Apple", "Tim Cook"},
	} {
		f := extractText(t, c.text, june2)
		orgs, persons := map[string]bool{}, map[string]bool{}
		for _, o := range f.Organizations {
			orgs[o.Name] = true
		}
		for _, p := range f.Persons {
			persons[p.Name] = true
		}
		if !orgs[c.org] || !persons[c.person] || len(f.Persons) != 1 {
			t.Errorf("%q: organizations %v, persons %v; want %q and %q", c.text, orgs, persons, c.org, c.person)
		}
	}
}

func TestOrganizationsAsWritten(t *testing.T) {
	f := extractText(t, "TOKYO, June 2 (Reuters) -- Leaders of the G20 met, and Nato said so.", june2)
	names := map[string]bool{}
	for _, o := range f.Organizations {
		names[o.Name] = true
	}
	for _, want := range []string{"G20", "Nato"} {
		if !names[want] {
			t.Errorf("no organization %q as written in %+v", want, f.Organizations)
		}
	}
	for _, not := range []string{"Reuters", "TOKYO"} {
		if names[not] {
			t.Errorf("%q is an organization: %+v", not, f.Organizations)
		}
	}
	tokyo := false
	for _, p := range f.Places {
		tokyo = tokyo || p.Name == "Tokyo" || p.Name == "TOKYO"
	}
	if !tokyo {
		t.Errorf("the dateline TOKYO is no place: %+v", f.Places)
	}
}

func TestPersonNames(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want, not  []string
	}{
		{"particles", "King Salman bin Abdulaziz Al Saud received Ursula von der Leyen, Luiz Inácio Lula da Silva and Daniel arap Moi.",
			[]string{"Salman bin Abdulaziz Al Saud", "Ursula von der Leyen", "Luiz Inácio Lula da Silva", "Daniel arap Moi"}, nil},
		{"place heads", "Reporters waited at Jose Marti International Airport and at Al Salman Palace for Ali Reza.",
			[]string{"Ali Reza"}, []string{"Jose Marti International Airport", "Al Salman Palace"}},
		{"place leads", "Ali Reza said Mt. Elgon was quiet.", []string{"Ali Reza"}, []string{"Mt. Elgon"}},
		{"clergy and police before a name", "Rev. Anna Lund, Sister Maria Holt and Inspector Tom Baird spoke at the vigil.",
			[]string{"Anna Lund", "Maria Holt", "Tom Baird"}, []string{"Rev. Anna Lund", "Sister Maria Holt", "Inspector Tom Baird"}},
		{"a state after its city ends a sentence", "The chain is based in Salem, Ore. Nora Quist runs it.",
			[]string{"Nora Quist"}, []string{"Ore. Nora Quist"}},
		{"participle at the start", "Addressing Albanese, the premier smiled. Albanese said so.", nil, []string{"Addressing Albanese"}},
		{"family name first", "Lula met Zhao Leji and Li Qiang in Beijing.", []string{"Zhao Leji", "Li Qiang"}, nil},
		{"Korean family name first", "Kwon Tae-ho of the ruling party was picked to replace Hwang Min-jae on Monday.", []string{"Kwon Tae-ho", "Hwang Min-jae"}, nil},
		{"surname only", "Obama, Castro briefly meet. Obama met Castro in Panama, and Castro said the talks went well.",
			[]string{"Obama", "Castro"}, nil},
		{"quoted nickname", `Brazilian President Luiz Inácio "Lula" da Silva met Prime Minister Rodrigo 'Rody' Duterte. Lula said so.`,
			[]string{`Luiz Inácio "Lula" da Silva`, `Rodrigo 'Rody' Duterte`}, []string{"Lula", "Luiz Inácio", "Rody"}},
		{"quoted word after a name", `Prime Minister Rishi Sunak called the plan "Stupid" on Monday.`,
			[]string{"Rishi Sunak"}, []string{`Rishi Sunak called the plan "Stupid"`}},
		{"a name without its middle initial", "John Kennedy spoke in Berlin. President John F. Kennedy said so again in Bonn.",
			[]string{"John F. Kennedy"}, []string{"John Kennedy"}},
		{"a spouse's given name alone", "Prime Minister Mette Frederiksen and her husband, Bo, arrived. King Willem-Alexander and his wife Maxima greeted them.",
			[]string{"Bo", "Maxima"}, nil},
		{"a counterpart's family name alone", "Prime Minister Keir Starmer met his Irish counterpart Martin in Dublin on Monday.", []string{"Martin"}, nil},
		{"a day before a title", "On Monday Prime Minister Fumio Kishida met reporters. In March President Joko Widodo did too.",
			[]string{"Fumio Kishida", "Joko Widodo"}, nil},
		{"a monarch named by a given name that is another's family name",
			"Iraqi President Saddam Hussein spoke on Monday. King Hussein of Jordan flew to Paris, where King Hussein saw Chirac.",
			[]string{"Saddam Hussein", "Hussein"}, nil},
		{"a plural that opens sentences", "Investigators said they found a rifle. Investigators did not say more. Obama said so. Obama left.",
			[]string{"Obama"}, []string{"Investigators"}},
		{"given names alone", "Juan Miguel Gonzalez arrived on Monday. Juan Miguel said he was glad.",
			[]string{"Juan Miguel Gonzalez"}, []string{"Juan Miguel"}},
		{"an abbreviated rank", "Capt. Rod Beer and Sgt. Ana Ruiz of the police spoke.", []string{"Rod Beer", "Ana Ruiz"}, []string{"Capt. Rod Beer", "Sgt. Ana Ruiz"}},
		{"a quarter named for a place", "Crowds filled Little Havana (a Miami quarter) and Old Delhi (the walled city) on Monday.", nil, []string{"Little Havana", "Old Delhi"}},
		{"a faith's or a party's name", "A Roman Catholic nun, a Greek Orthodox priest and the Ulster Unionists met the boy.", nil, []string{"Roman Catholic", "Greek Orthodox", "Ulster Unionists"}},
		{"places that end in a head noun", "She spoke at the Carter Presidential Library and he sailed the Florida Straits.",
			nil, []string{"Carter Presidential Library", "Florida Straits"}},
		{"a relation noun with no possessive", "The president thanked the host Canada and the guest Mexico.", nil, []string{"Canada", "Mexico"}},
		{"two names with initials keep the bare one apart", "George Bush spoke. George H. W. Bush and George W. Bush met in Texas.",
			[]string{"George Bush", "George H. W. Bush", "George W. Bush"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			have := map[string]bool{}
			for _, p := range f.Persons {
				have[p.Name] = true
			}
			checkNamed(t, "person", have, tt.want, tt.not)
		})
	}
}

// TestEventParticipantsFromParse checks that a person the parse puts in
// a genitive about something else ("the grave of X") is no participant,
// while a person "with" whom something is done still is; the word-pattern
// pipeline, without the parse, cannot tell the first two apart.
func TestEventParticipantsFromParse(t *testing.T) {
	tests := []struct {
		name, text   string
		participants []string // with the parse
		withoutParse []string // from word patterns alone
	}{
		{"genitive of a thing",
			"Canadian Prime Minister Justin Trudeau and French President Emmanuel Macron visited the grave of John Macdonald on Monday.",
			[]string{"Emmanuel Macron", "Justin Trudeau"},
			[]string{"Emmanuel Macron", "John Macdonald", "Justin Trudeau"}},
		{"possessive of a thing", // the word patterns drop a possessive before a non-event word too
			"Canadian Prime Minister Justin Trudeau and French President Emmanuel Macron visited John Macdonald's house on Monday.",
			[]string{"Emmanuel Macron", "Justin Trudeau"},
			[]string{"Emmanuel Macron", "Justin Trudeau"}},
		{"dinner with a third leader",
			"Canadian Prime Minister Justin Trudeau and French President Emmanuel Macron met for a dinner with German Chancellor Olaf Scholz on Monday.",
			[]string{"Emmanuel Macron", "Justin Trudeau", "Olaf Scholz"},
			[]string{"Emmanuel Macron", "Justin Trudeau", "Olaf Scholz"}},
	}
	t.Run("apposition in a genitive, pair from the sentence before", func(t *testing.T) {
		text := "Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in Kazan on Saturday. " +
			"The two leaders had met once before, when the pair shook hands at the state funeral of the former Japanese premier Shinzo Abe in September 2022."
		for _, c := range []struct {
			p    *Pipeline
			want []string
		}{
			{New(), []string{"Narendra Modi", "Xi Jinping"}},
			{New(WithoutParser()), []string{"Narendra Modi", "Shinzo Abe", "Xi Jinping"}},
		} {
			f := extractWith(t, c.p, text, june2)
			var got []string
			for _, e := range f.Events {
				if e.Date == "2022-09" {
					got = sorted(append([]string(nil), e.Participants...))
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("noParser=%v: the 2022 meeting's participants are %v, want %v", c.p.noParser, got, c.want)
			}
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				p    *Pipeline
				want []string
			}{{New(), tt.participants}, {New(WithoutParser()), tt.withoutParse}} {
				f := extractWith(t, c.p, tt.text, june2)
				if len(f.Events) != 1 {
					t.Fatalf("events %+v, want one", f.Events)
				}
				got := sorted(append([]string(nil), f.Events[0].Participants...))
				if !slices.Equal(got, c.want) {
					t.Errorf("noParser=%v: participants %v, want %v", c.p.noParser, got, c.want)
				}
			}
		})
	}
}

// TestPersonOfAThingIsNoParticipant: a person the parse ties to a noun
// that names no event ("the hunt for X", "a message to X") takes no part
// in the sentence's event, even when the event then has too few
// participants to stand; a possessive of two persons keeps its event.
func TestPersonOfAThingIsNoParticipant(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string // nil: no event
	}{
		{"object of a hunt", "Norwegian Foreign Minister Ida Holm, on a visit to Chile, asked the police to join the hunt for Pedro Alves.", nil},
		{"recipient of a message", "King Harald carried a message to President Ana Lind from Olaf Berg, with whom the king met on Monday.",
			[]string{"Harald", "Olaf Berg"}},
		{"possessive of two", "President Ana Lind's remarks after her summit with Premier Olaf Berg drew criticism.",
			[]string{"Ana Lind", "Olaf Berg"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			var got []string
			for _, e := range f.Events {
				got = sorted(append([]string(nil), e.Participants...))
			}
			if len(f.Events) > 1 || !slices.Equal(got, tt.want) {
				t.Errorf("events %+v, want one of %v", f.Events, tt.want)
			}
		})
	}
}

// TestTravellersTogether: persons named together before a visit word,
// with no one after it, travel together and meet no host; leaders of
// two states who visit a place together meet there.
func TestTravellersTogether(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string // nil: no event
	}{
		{"officials of one state", "Defense Minister Carlos Vega and Gen. Luis Mora returned from a visit with troops in Tangier on Monday.", nil},
		{"leaders of two states", "Chilean President Gabriel Boric and Peruvian President Dina Boluarte visited Arica together on Monday.",
			[]string{"Dina Boluarte", "Gabriel Boric"}},
		{"a host after the visit word", "Defense Minister Carlos Vega and Gen. Luis Mora visited King Felipe in Madrid on Monday.",
			[]string{"Carlos Vega", "Felipe", "Luis Mora"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			var got []string
			for _, e := range f.Events {
				got = sorted(append([]string(nil), e.Participants...))
			}
			if len(f.Events) > 1 || !slices.Equal(got, tt.want) {
				t.Errorf("events %+v, want one of %v", f.Events, tt.want)
			}
		})
	}
}

// TestPairAfterHistory: "the two leaders" and "each other" after an
// aside of history mean the story's pair, not the pair of long ago;
// on an undated page the story's year is the latest its dates name.
func TestPairAfterHistory(t *testing.T) {
	text := "Cuban President Raul Castro greeted U.S. President Barack Obama at the summit in Panama City in April 2015. " +
		"The last leaders of the two countries to meet were Dwight Eisenhower and Fulgencio Batista in 1956. " +
		"The two leaders will hold talks at the summit on Saturday, an aide said."
	for _, date := range []time.Time{june2, {}} {
		f := extractText(t, text, date)
		for _, e := range f.Events {
			for _, ev := range e.Evidence {
				if ev.Sentence == 2 && slices.Contains(e.Participants, "Dwight Eisenhower") {
					t.Errorf("date %v: event %+v: the 1956 pair is no pair of the talks on Saturday", date.Format("2006-01-02"), e)
				}
			}
		}
	}
}

// TestTripNotJoinedByTheSubjectOfAnotherPhrase: a person the parse puts
// inside a phrase about something else joins no trip of the pair before.
func TestTripNotJoinedByTheSubjectOfAnotherPhrase(t *testing.T) {
	text := "Brazilian President Lula da Silva met Chinese President Xi Jinping in Beijing on Friday. " +
		"During the trip, the president attended the inauguration of former Brazilian president Dilma Rousseff."
	f := extractText(t, text, june2)
	for _, e := range f.Events {
		if slices.Contains(e.Participants, "Dilma Rousseff") {
			t.Errorf("event %+v: Rousseff is who the ceremony is for, no participant of the trip", e)
		}
	}
}

// TestNoOrganizationFromCredits: agencies named in credit lines and
// bracketed photo credits are no organizations of the story, while the
// line they stand in keeps its facts.
func TestNoOrganizationFromCredits(t *testing.T) {
	text := "Malaysian Prime Minister Anwar Ibrahim (Photo: XINHUA/VNA) named a cabinet on Friday.\n\n" +
		"- Bernama Agency\n\nKUNA\n\nThe new cabinet met the Senate on Monday. [Image Credit: Reuters]\n"
	f := extractText(t, text, june2)
	for _, o := range f.Organizations {
		switch o.Name {
		case "XINHUA", "VNA", "Bernama Agency", "KUNA", "Reuters":
			t.Errorf("%q, a credit, is an organization", o.Name)
		}
	}
	found := false
	for _, r := range f.Roles {
		found = found || r.Person == "Anwar Ibrahim" && r.Title == "prime minister" && r.Country == "Malaysia"
	}
	if !found {
		t.Errorf("the credit took the line's role with it: %+v", f.Roles)
	}
}

// TestCreditsTitlesAndBarsAreNoOrganizations: a photo credit, a list
// of sources in brackets, a credit label, a bar of share buttons, a
// title after a country and a headline in title case name no
// organization; the same names in the story do.
func TestCreditsTitlesAndBarsAreNoOrganizations(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		not, is    []string
	}{
		{"a photo credit with File",
			"Merkel met Macron in Aachen. (Jane Roe, Associated Press, File, 2019)\n\nAssociated Press reported the talks.",
			[]string{}, []string{"Associated Press"}},
		{"a photo credit with File, alone",
			"Merkel met Macron in Aachen. (Jane Roe, Associated Press, File, 2019)\n",
			[]string{"Associated Press"}, nil},
		{"a list of sources",
			"ABU DHABI, (Gulf Today / Emirates Point News / WAM - 03rd May, 2021) Sheikh Mohamed received a phone call from Emmanuel Macron.",
			[]string{"WAM", "Point News", "Emirates Point News"}, nil},
		{"a bracketed credit",
			"Newly named French Interior Minister Gerald Darmanin [Al Jazeera]\n\nAl Jazeera asked Darmanin about policing.",
			nil, []string{"Al Jazeera"}},
		{"a bracketed credit, alone",
			"Newly named French Interior Minister Gerald Darmanin [Al Jazeera]\n",
			[]string{"Al Jazeera"}, nil},
		{"a credit label",
			"File Image Image Credit: IANS Prime Minister Narendra Modi chaired the cabinet meeting.",
			[]string{"IANS"}, nil},
		{"a bar of share buttons",
			"Pinterest\nTelegram\nLinkedin\nWhatsApp\n\nEmmanuel Macron welcomed Olaf Scholz, who later posted on Telegram.",
			nil, []string{"Telegram"}},
		{"a bar of share buttons, alone",
			"Pinterest\nTelegram\nLinkedin\nWhatsApp\n\nEmmanuel Macron welcomed Olaf Scholz.",
			[]string{"Telegram", "WhatsApp"}, nil},
		{"a title after a country",
			"Guests included US Secretary of State, Marco Rubio, and the US Senate.",
			[]string{"US Secretary of State", "Secretary of State"}, []string{"Senate"}},
		{"a headline in title case",
			"Omani Sultan Receives Phone Call From UK Secretary Of State\n\nSultan Haitham spoke with David Lammy.",
			[]string{"Omani Sultan Receives Phone Call From UK Secretary Of State", "UK Secretary Of State", "From UK Secretary Of State"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			have := namesOf(f.Organizations, func(o Organization) (string, []string) { return o.Name, o.Aliases })
			checkNamed(t, "organization", have, tt.is, tt.not)
		})
	}
}

// namesOf is the set of the names and aliases of items.
func namesOf[T any](items []T, named func(T) (string, []string)) map[string]bool {
	have := map[string]bool{}
	for _, x := range items {
		name, aliases := named(x)
		have[name] = true
		for _, a := range aliases {
			have[a] = true
		}
	}
	return have
}

// checkNamed checks that the names of is are among the names have and
// those of not are not; kind says what they name.
func checkNamed(t *testing.T, kind string, have map[string]bool, is, not []string) {
	t.Helper()
	for _, n := range is {
		if !have[n] {
			t.Errorf("no %s %q in %v", kind, n, have)
		}
	}
	for _, n := range not {
		if have[n] {
			t.Errorf("%q is a %s: %v", n, kind, have)
		}
	}
}

// TestDescriptionPointsBack checks that "the American president" is
// someone named before it or beside it, not a president first named
// later in the story.
func TestDescriptionPointsBack(t *testing.T) {
	text := "King Charles welcomed guests at a banquet marking the American president's visit to Britain on Tuesday. " +
		"In 1970 Charles escorted Tricia Nixon, the daughter of U.S. President Richard Nixon, to a dinner."
	f := extractText(t, text, june2)
	for _, e := range f.Events {
		if slices.Contains(e.Participants, "Charles") && slices.Contains(e.Participants, "Richard Nixon") {
			t.Errorf("event %+v: Nixon, named later, is no participant of the visit", e)
		}
	}
}

// TestCounterpartCountry checks that a title that takes the document's
// country does not take the country of the person it meets.
func TestCounterpartCountry(t *testing.T) {
	tests := []struct {
		name, text, person, country string
	}{
		{"the next country", "Russian President Vladimir Putin met President George W. Bush in Moscow on Saturday. " +
			"Russia wants closer ties, officials in Russia said, and Russia hopes the United States agrees. " +
			"Bush said the United States would listen.", "George W. Bush", "United States"},
		{"no clear next country", "Russian President Vladimir Putin met President George W. Bush in Moscow on Saturday. " +
			"Russia wants closer ties, officials in Russia said, and Russia hopes for more.", "George W. Bush", ""},
		{"the document's country when no counterpart has it", "President George W. Bush spoke in Texas on Saturday. " +
			"The United States wants closer ties, officials in the United States said.", "George W. Bush", "United States"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			got := ""
			for _, r := range f.Roles {
				if r.Person == tt.person && r.Title == "president" {
					got = r.Country
				}
			}
			if got != tt.country {
				t.Errorf("%s serves %q, want %q; roles %+v", tt.person, got, tt.country, f.Roles)
			}
		})
	}
}

// TestGuestCountry checks that the one a leader hosts does not take the
// host's country from the document: the document's other country, or
// none.
func TestGuestCountry(t *testing.T) {
	const host = "WASHINGTON — President Joe Biden will host Prime Minister Anthony Albanese for a state visit on Thursday. "
	tests := []struct {
		name, text, country string
	}{
		{"the other country", host + "The visit follows talks in Sydney and Canberra last year. " +
			"U.S. officials in Washington and New York said the United States wants closer ties.", "Australia"},
		{"no other country", host + "U.S. officials in Washington and New York said the United States wants closer ties.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			got, host := "", ""
			for _, r := range f.Roles {
				switch r.Person {
				case "Anthony Albanese":
					got = r.Country
				case "Joe Biden":
					host = r.Country
				}
			}
			if got != tt.country || host != "United States" {
				t.Errorf("Albanese serves %q, Biden %q; want %q and the United States", got, host, tt.country)
			}
		})
	}
}

// TestCounterpartOfAStatedCountry checks that a title with no country of
// its own takes the other country of a two-country story when its holder
// meets someone whose words give the first.
func TestCounterpartOfAStatedCountry(t *testing.T) {
	// No country dominates: China weighs 5 (a role, a demonym, a city, a
	// name), Australia 3.
	text := "Prime Minister Anthony Albanese met Chinese President Xi Jinping in Beijing on Monday. " +
		"Australia and China agreed to talk more, and Australia will send a trade mission. " +
		"Australia hopes for more."
	f := extractText(t, text, june2)
	got := ""
	for _, r := range f.Roles {
		if r.Person == "Anthony Albanese" {
			got = r.Country
		}
	}
	if got != "Australia" {
		t.Errorf("Albanese serves %q, want Australia; roles %+v", got, f.Roles)
	}
	f = extractText(t, strings.Replace(text, "met Chinese President Xi Jinping in Beijing", "met President Xi Jinping and Chinese Premier Li Qiang in Beijing", 1), june2)
	for _, r := range f.Roles {
		if r.Person == "Anthony Albanese" && r.Country != "" {
			t.Errorf("in a meeting of three, Albanese serves %q, want no country read from counterparts", r.Country)
		}
	}
}

// TestEventKindFromArguments checks that of two event words the one the
// parse gives the other person as an argument names the event.
func TestEventKindFromArguments(t *testing.T) {
	where := "French President Emmanuel Macron will visit India, where he will meet with Prime Minister Narendra Modi on Friday."
	// The parser reads "with" as the head of "his ... counterpart"
	// (repairPrepositionHeads) and the name as the counterpart's
	// description (repairAppositions).
	counterpart := "Canadian Prime Minister Justin Trudeau arrived in Mexico on Sunday. During his three-day visit, " +
		"the Canadian leader is scheduled to meet with his Mexican counterpart Claudia Sheinbaum."
	for _, c := range []struct {
		text string
		p    *Pipeline
		want string
	}{
		{where, New(), Meeting},
		{where, New(WithoutParser()), Visit},
		{counterpart, New(), Meeting},
	} {
		f := extractWith(t, c.p, c.text, june2)
		if len(f.Events) != 1 || f.Events[0].Type != c.want {
			t.Errorf("%q, noParser=%v: events %+v, want one %s", c.text, c.p.noParser, f.Events, c.want)
		}
	}
}

// TestAttendeesHoldNoEvent checks that officials who sit in on talks that
// others hold make no event of their own.
func TestAttendeesHoldNoEvent(t *testing.T) {
	f := extractText(t, "US President Joe Biden met Ukrainian President Volodymyr Zelensky at the White House on Monday. "+
		"Vice President Kamala Harris and Secretary of State Antony Blinken sat in on the talks.", june2)
	for _, e := range f.Events {
		if slices.Contains(e.Participants, "Antony Blinken") || slices.Contains(e.Participants, "Kamala Harris") {
			t.Errorf("event %+v has an attendee as a principal", e)
		}
	}
	if len(f.Events) != 1 {
		t.Errorf("events %+v, want the one meeting", f.Events)
	}
}

// TestTimeRepeats checks that a time is listed once per distinct text and
// value, with its later occurrences as repeats.
func TestTimeRepeats(t *testing.T) {
	f := extractText(t, "The talks began on Friday. Officials met again on Friday, and the summit ends in July.", june2)
	var friday *Time
	for i := range f.Times {
		if f.Times[i].Text == "Friday" {
			if friday != nil {
				t.Fatalf("Friday listed twice: %+v", f.Times)
			}
			friday = &f.Times[i]
		}
	}
	if friday == nil || len(friday.Repeats) != 1 || friday.Repeats[0].Sentence != 1 {
		t.Fatalf("Friday = %+v, want one entry with one repeat in sentence 1", friday)
	}
}

// TestNoOrganizationFromFurniture: a page's labels and acronyms of things
// written in capitals are no organizations; an unknown acronym still is.
func TestNoOrganizationFromFurniture(t *testing.T) {
	f := extractText(t, "The talks went well, a NATO official said, and the EAEU agreed. PHOTO: the leaders met. "+
		"COVID rules applied, so READ MORE below.", june2)
	have := map[string]bool{}
	for _, o := range f.Organizations {
		have[o.Name] = true
	}
	for _, w := range []string{"EAEU"} {
		if !have[w] {
			t.Errorf("no organization %q in %v", w, have)
		}
	}
	for _, n := range []string{"PHOTO", "COVID", "READ", "MORE"} {
		if have[n] {
			t.Errorf("%q is an organization", n)
		}
	}
}

// TestReceivingAGuest checks that a verb of receiving a guest with a
// person for object is an event, and that one with a thing for object,
// or a greeting on arrival, is none.
func TestReceivingAGuest(t *testing.T) {
	tests := []struct {
		name, text string
		events     int
	}{
		{"a host welcomes a guest",
			"Kenyan President William Ruto welcomed Ghanaian President John Mahama at State House in Nairobi on Monday.", 1},
		{"a guest received, passive",
			"Ghanaian President John Mahama was received by Kenyan President William Ruto in Nairobi on Monday.", 1},
		{"a thing welcomed",
			"Kenyan President William Ruto welcomed the decision of Ghanaian President John Mahama on Monday.", 0},
		{"greeters at the airport",
			"Ghanaian President John Mahama was welcomed at the airport by Kenyan Foreign Minister Musalia Mudavadi on Monday.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			if len(f.Events) != tt.events {
				t.Fatalf("events %+v, want %d", f.Events, tt.events)
			}
			if tt.events == 1 && (f.Events[0].Location != "Nairobi" || f.Events[0].Status != Happened) {
				t.Errorf("event %+v, want one in Nairobi that happened", f.Events[0])
			}
		})
	}
}

// TestCoordinatedEncounters checks that ", and" joining two clauses
// that each tell of an encounter, with a place, keeps them apart.
func TestCoordinatedEncounters(t *testing.T) {
	f := extractText(t, "Italian Prime Minister Giorgia Meloni will visit Spanish Prime Minister Pedro Sanchez in Madrid next week, "+
		"and both leaders hope to meet again in July at the NATO summit in Vilnius, Lithuania.", june2)
	places := map[string]string{}
	for _, e := range f.Events {
		places[e.Location] = e.Date
	}
	if _, madrid := places["Madrid"]; len(f.Events) != 2 || !madrid || places["Vilnius"] != "2018-07" {
		t.Errorf("events %+v, want one in Madrid and one in Vilnius in July", f.Events)
	}
}

// TestNoEventOfOthers checks sentences that name an encounter word but
// tell of no encounter of the persons: talks between governments, and
// "bilateral" as an adjective of no event.
func TestNoEventOfOthers(t *testing.T) {
	met := "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Seoul on Sunday. "
	for _, tt := range []struct{ name, text string }{
		{"talks between the capitals", met + "The two leaders said that Tokyo and Seoul will begin talks next month."},
		{"bilateral trade", met + "Kishida and Yoon agreed to expand bilateral trade next year."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			if len(f.Events) != 1 || f.Events[0].Status != Happened || f.Events[0].Location != "Seoul" {
				t.Errorf("events %+v, want the one meeting in Seoul", f.Events)
			}
		})
	}
}

// TestPatronymicIsAnotherPerson checks that the father's name after
// "bin" is no short form of the son's name.
func TestPatronymicIsAnotherPerson(t *testing.T) {
	f := extractText(t, "Saudi Crown Prince Mohammed bin Salman met Indian Prime Minister Narendra Modi in Riyadh on Monday. "+
		"King Salman did not attend the talks.", june2)
	var names []string
	for _, p := range f.Persons {
		names = append(names, p.Name)
		if p.Name == "Mohammed bin Salman" && slices.Contains(p.Aliases, "King Salman") {
			t.Errorf("%s has his father's name %q as an alias", p.Name, "King Salman")
		}
	}
	if !slices.Contains(names, "Salman") {
		t.Errorf("persons %v, want King Salman apart", names)
	}
}

// TestSitDownWith checks that "sit down with" is a meeting.
func TestSitDownWith(t *testing.T) {
	f := extractText(t, "Japanese Prime Minister Shigeru Ishiba will sit down with Chinese President Xi Jinping in Lima on Friday.", june2)
	if len(f.Events) != 1 || f.Events[0].Type != Meeting || f.Events[0].Location != "Lima" || f.Events[0].Status != Planned {
		t.Errorf("events %+v, want one meeting planned in Lima", f.Events)
	}
}

// TestHostCountry checks that the one a foreign visitor meets in a
// country, with no country of their own words, serves that country.
func TestHostCountry(t *testing.T) {
	f := extractText(t, "French President Emmanuel Macron will visit India, where he will meet with Prime Minister Narendra Modi on Sunday.", june2)
	for _, r := range f.Roles {
		if r.Person == "Narendra Modi" && r.Title == "prime minister" {
			if r.Country != "India" {
				t.Errorf("role %+v, want India's", r)
			}
			return
		}
	}
	t.Errorf("roles %+v, want Narendra Modi prime minister of India", f.Roles)
}

// TestBareTitleRefersToItsHolder checks that "the king" is the one king
// the document names, as a participant of the meeting it takes part in,
// and no one when the document names two kings or when the sentence's
// other person is only part of a phrase about something else.
func TestBareTitleRefersToItsHolder(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // a pair that must meet; nil: no event with the king
	}{
		{"one king", "Jordanian King Abdullah II welcomed visitors to Amman on Monday. " +
			"On Tuesday, President Emmanuel Macron met with the king at the palace.",
			[]string{"Abdullah II", "Emmanuel Macron"}},
		{"two kings", "Jordanian King Abdullah II and Moroccan King Mohammed VI spoke in Amman on Monday. " +
			"On Tuesday, President Emmanuel Macron met with the king at the palace.", nil},
		{"the king of the story beside a king of history", "Jordanian King Abdullah II spoke in Amman on Monday. " +
			"Abdullah II recalled his father, King Hussein. Abdullah II thanked France. " +
			"On Tuesday, President Emmanuel Macron met with the king at the palace.",
			[]string{"Abdullah II", "Emmanuel Macron"}},
		{"a name in a phrase about something else", "Jordanian King Abdullah II spoke in Amman on Monday. " +
			"It was the first summit that the king had hosted after the burial of his father Hussein Talal.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			found := false
			for _, e := range f.Events {
				if tt.want != nil && slices.Contains(e.Participants, tt.want[0]) && slices.Contains(e.Participants, tt.want[1]) {
					found = true
				}
				if tt.want == nil && len(e.Participants) >= 2 {
					t.Errorf("event %+v: the king is no one here", e)
				}
			}
			if tt.want != nil && !found {
				t.Errorf("no event of %v in %+v", tt.want, f.Events)
			}
		})
	}
}

// TestInitialsAlias checks that a word in capitals spelling the initials
// of a name of three words or more is that person, and that a body's
// known acronym or a two-word name's initials are not.
func TestInitialsAlias(t *testing.T) {
	text := "Mexican President Andres Manuel Lopez Obrador met Prime Minister Justin Trudeau in Ottawa on Monday. " +
		"AMLO later told reporters that the talks went well. NATO said nothing, and neither did JT."
	f := extractText(t, text, june2)
	aliases := map[string][]string{}
	for _, p := range f.Persons {
		aliases[p.Name] = p.Aliases
	}
	if !slices.Contains(aliases["Andres Manuel Lopez Obrador"], "AMLO") {
		t.Errorf("AMLO is no alias of Andres Manuel Lopez Obrador: %v", aliases)
	}
	if slices.Contains(aliases["Justin Trudeau"], "JT") {
		t.Errorf("JT is an alias of a two-word name: %v", aliases)
	}
}

// TestDescribedPersonInNestedEvents checks that a person named by a
// description belongs to the event word the parse gives it to, as a
// named person would: "met with the king ..., then began a meeting with
// Hussein" is two meetings of Macron, not one of the king with Hussein.
func TestDescribedPersonInNestedEvents(t *testing.T) {
	text := "Jordanian King Abdullah II and Crown Prince Hussein bin Abdullah welcomed visitors to Amman on Monday. " +
		"On Tuesday, Mr. Macron met with the king at the palace along with Hussein, then Mr. Macron began a meeting with Hussein and other officials."
	f := extractText(t, text, june2)
	var pairs [][]string
	for _, e := range f.Events {
		p := slices.Clone(e.Participants)
		slices.Sort(p)
		pairs = append(pairs, p)
	}
	for _, want := range [][]string{{"Abdullah II", "Macron"}, {"Hussein bin Abdullah", "Macron"}} {
		if !slices.ContainsFunc(pairs, func(p []string) bool { return slices.Equal(p, want) }) {
			t.Errorf("no meeting of %v: %v", want, pairs)
		}
	}
}

// TestTripPlacesItsEvents checks that an event naming no place takes the
// city its participant's trip is to, and none when the trips name two
// cities or when the event is a call; and that an event so placed takes
// the trip's day when it names none, and no day when the trips give two.
func TestTripPlacesItsEvents(t *testing.T) {
	tests := []struct {
		name, text, want string // want: the one event's location and date
	}{
		{"one city", "President Emmanuel Macron arrived in Amman on Monday for a two-day visit. " +
			"On Tuesday, Macron met with Jordanian King Abdullah II.", "Amman 2018-05-29"},
		{"two cities", "President Emmanuel Macron arrived in Amman on Monday for a two-day visit. " +
			"He later flew to Cairo. On Tuesday, Macron met with Jordanian King Abdullah II.", " 2018-05-29"},
		{"a call", "President Emmanuel Macron arrived in Amman on Monday for a two-day visit. " +
			"On Tuesday, Macron spoke by phone with Chinese President Xi Jinping.", " 2018-05-29"},
		{"one day", "President Emmanuel Macron arrived in Amman on May 28, 2018, for a visit. " +
			"Macron met with Jordanian King Abdullah II.", "Amman 2018-05-28"},
		{"two days", "President Emmanuel Macron arrived in Amman on May 28, 2018, for a visit. " +
			"Macron toured Amman on May 30, 2018. Macron met with Jordanian King Abdullah II.", "Amman "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			var got []string
			for _, e := range f.Events {
				if len(e.Participants) >= 2 {
					got = append(got, e.Location+" "+e.Date)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("events at %q, want one at %q; events %+v", got, tt.want, f.Events)
			}
		})
	}
}

// TestDescribedCountry checks that "the American president" gives the
// one president with no country whom its sentence names the United
// States, and no one when the sentence names two.
func TestDescribedCountry(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]string // person → country of their presidency
	}{
		{"one holder", "President Donald Trump and King Harald spoke at a dinner honouring the American president's stay in Norway.",
			map[string]string{"Donald Trump": "United States"}},
		{"two holders", "President Donald Trump and President Sauli Niinisto spoke at a dinner honouring the American president's stay in Norway.",
			map[string]string{"Donald Trump": "", "Sauli Niinisto": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			got := map[string]string{}
			for _, r := range f.Roles {
				if r.Title == "president" {
					got[r.Person] = r.Country
				}
			}
			for p, c := range tt.want {
				if got[p] != c {
					t.Errorf("%s president of %q, want %q; roles %+v", p, got[p], c, f.Roles)
				}
			}
		})
	}
}

// TestRoleCountry checks the countries a role takes from outside its own
// words: a title only one country's officials hold gives that country
// in a story about two countries, while a story about one country still
// gives its own; an adviser, whose title serves no state by itself,
// serves the country of the person advised, named before the title or
// after "to". The passage around a role gives it no country through
// another holder of the same title ("a letter to Brazilian President
// A, President B") or through a place the holder travels to; a place
// that someone else travels to still counts (with Lima, "talks for
// Chilean President Boric to visit Lima" names two countries).
func TestRoleCountry(t *testing.T) {
	tests := []struct {
		name, text, person, title, want string
	}{
		{"two countries", "Congresswoman Jane Holloway visited Kyiv on Monday. Ukraine thanked the United States " +
			"for its aid, and the United States promised Ukraine more.", "Jane Holloway", "congresswoman", "United States"},
		{"one country", "Secretary of State Oliver Pembridge spoke in London on Monday. Britain wants a deal, " +
			"British officials said, and Britain will press for one.", "Oliver Pembridge", "secretary of state", "United Kingdom"},
		{"the one advised before the title", "U.S. President Barack Obama met Raul Castro in Panama City. " +
			"\"We will talk again,\" Obama adviser Susan Rice told reporters.", "Susan Rice", "adviser", "United States"},
		{"the one advised after to", "Japanese Prime Minister Fumio Kishida met Chinese Premier Li Qiang in Beijing. " +
			"Yuki Sato, a special advisor to Prime Minister Fumio Kishida, attended.", "Yuki Sato", "special advisor", "Japan"},
		{"no country from a holder of the same title", "Chilean officials and Peruvian officials met on Monday. " +
			"In a letter to Brazilian President Ana Costa, President Tomas Ruiz praised the deal.", "Tomas Ruiz", "president", "(no role)"},
		{"no country from the holder's trip", "Spanish and Italian ministers spoke on Monday. " +
			"Defense Minister Carlos Vega returned from a visit with troops in Morocco on Tuesday.", "Carlos Vega", "defense minister", "(no role)"},
		{"another's trip says nothing", "Peru and Argentina signed a deal on Monday. Press secretary Ana Souto said on Thursday that talks were under way for " +
			"Chilean President Gabriel Boric to visit Lima.", "Ana Souto", "press secretary", "(no role)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			got := "(no role)"
			for _, r := range f.Roles {
				if r.Person == tt.person && r.Title == tt.title {
					got = r.Country
				}
			}
			if got != tt.want {
				t.Errorf("%s %s of %q, want %q; roles %+v", tt.person, tt.title, got, tt.want, f.Roles)
			}
		})
	}
}

// TestDescriptionMeansAStatedHolder checks that "the German leader" is
// the person whose own words make them German, not one whom the story's
// country alone made German.
func TestDescriptionMeansAStatedHolder(t *testing.T) {
	text := "German Chancellor Olaf Scholz and a group of executives landed in Beijing on Friday. Their bags were searched at the airport. " +
		"The German leader will also meet Premier Li Keqiang before flying home."
	f := extractText(t, text, june2)
	found := false
	for _, e := range f.Events {
		found = found || slices.Equal(e.Participants, []string{"Olaf Scholz", "Li Keqiang"}) && e.Status == "planned"
	}
	if !found {
		t.Errorf("no planned talks of Scholz and Li: %+v", f.Events)
	}
}

// TestDueToPlans checks that "due to" before a verb of the days ahead
// plans an event, and "due to" before a noun does not.
func TestDueToPlans(t *testing.T) {
	tests := []struct{ text, want string }{
		{"President Emmanuel Macron is due to meet Chancellor Olaf Scholz in Berlin.", "planned"},
		{"Due to the storm, President Emmanuel Macron met Chancellor Olaf Scholz in Berlin.", "happened"},
	}
	for _, tt := range tests {
		f := extractText(t, tt.text, june2)
		if len(f.Events) != 1 || f.Events[0].Status != tt.want {
			t.Errorf("%q: events %+v, want one %s", tt.text, f.Events, tt.want)
		}
	}
}

// TestSurnameMeansTheOneNamedMore checks that a surname alone that two
// persons of the story share is the one the story names more, not the
// one named last.
func TestSurnameMeansTheOneNamedMore(t *testing.T) {
	text := "President Donald Trump welcomed President Emmanuel Macron on Monday. Donald Trump praised him. " +
		"First lady Melania Trump planted a tree. Trump later met Macron in the Oval Office."
	f := extractText(t, text, june2)
	for _, e := range f.Events {
		if slices.Contains(e.Participants, "Melania Trump") {
			t.Errorf("event %+v: Trump is Donald Trump here", e)
		}
	}
	if len(f.Events) == 0 {
		t.Errorf("no event: %+v", f)
	}
}
