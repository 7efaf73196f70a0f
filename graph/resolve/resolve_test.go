package resolve

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

func person(article, name string) Named {
	return Named{Article: quad.IRI("kg:article/" + article), Node: schema.PersonIRI(name), Name: name}
}

// canonical returns the canonical IRI of each record, in order.
func canonicals(res Result, kind string) []quad.IRI {
	var out []quad.IRI
	for _, d := range res.Decisions {
		if strings.HasPrefix(string(d.Node), schema.KG+kind+"/") {
			out = append(out, d.Canonical)
		}
	}
	return out
}

func TestResolvePersons(t *testing.T) {
	tests := []struct {
		name    string
		persons []Named
		aliases string
		want    []string // canonical slug per record
	}{
		{"full name and surname", []Named{person("a", "Donald Trump"), person("b", "Trump")}, "",
			[]string{"donald-trump", "donald-trump"}},
		{"surname first, in either order", []Named{person("a", "Trump"), person("b", "Donald Trump")}, "",
			[]string{"donald-trump", "donald-trump"}},
		{"hyphen and case", []Named{person("a", "Kim Jong Un"), person("b", "Kim Jong-un"), person("c", "KIM JONG UN")}, "",
			[]string{"kim-jong-un", "kim-jong-un", "kim-jong-un"}},
		{"middle initial", []Named{person("a", "Donald J. Trump"), person("b", "Donald Trump")}, "",
			[]string{"donald-trump", "donald-trump"}},
		{"ambiguous surname stays apart", []Named{person("a", "Donald Trump"), person("b", "Melania Trump"), person("c", "Trump")}, "",
			[]string{"donald-trump", "melania-trump", "trump"}},
		{"first-name surname (Xi)", []Named{person("a", "Xi Jinping"), person("b", "Xi")}, "",
			[]string{"xi-jinping", "xi-jinping"}},
		{"given name does not join by first word", []Named{person("a", "Donald Trump"), person("b", "Donald")}, "",
			[]string{"donald-trump", "donald"}},
		{"pin", []Named{person("a", "The Donald"), person("b", "Donald Trump")}, "The Donald = Donald Trump",
			[]string{"donald-trump", "donald-trump"}},
		{"pin to a name nobody used", []Named{person("a", "Trump")}, "Trump = Donald John Trump",
			[]string{"donald-john-trump"}},
		{"forbid", []Named{person("a", "Donald Trump"), person("b", "Trump")}, "Trump != Donald Trump",
			[]string{"donald-trump", "trump"}},
		{"unrelated", []Named{person("a", "Vladimir Putin"), person("b", "Trump")}, "",
			[]string{"vladimir-putin", "trump"}},
	}
	given := func(s string) bool { return s == "Donald" }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			al, err := ParseAliases(strings.NewReader(tt.aliases), "kg.aliases")
			if err != nil {
				t.Fatal(err)
			}
			res := Resolve(Records{Persons: tt.persons}, Options{Aliases: al, GivenName: given})
			got := canonicals(res, "person")
			if len(got) != len(tt.want) {
				t.Fatalf("got %d decisions, want %d", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				if got[i] != quad.IRI(schema.KG+"person/"+w) {
					t.Errorf("%s: got %v, want %s (rule %q)", tt.persons[i].Name, got[i], w, res.Decisions[i].Rule)
				}
			}
		})
	}
}

func TestResolvePersonRules(t *testing.T) {
	al, _ := ParseAliases(strings.NewReader("\n# comment\nThe Donald = Donald Trump\n"), "my.aliases")
	res := Resolve(Records{Persons: []Named{person("a", "Donald Trump"), person("b", "Trump"), person("c", "The Donald"), person("d", "Kim Jong-un"), person("e", "Kim Jong Un")}},
		Options{Aliases: al})
	want := []string{"named Donald Trump", "Trump is the only person in the store it can name", "pinned to Donald Trump by my.aliases:3",
		"same name as Kim Jong Un once case, accents, hyphens, dots and initials are ignored", "named Kim Jong Un"}
	for i, w := range want {
		if res.Decisions[i].Rule != w {
			t.Errorf("rule %d = %q, want %q", i, res.Decisions[i].Rule, w)
		}
	}
	res = Resolve(Records{Persons: []Named{person("a", "Donald Trump"), person("b", "Trump"), person("c", "Melania Trump")}}, Options{})
	if got, want := res.Decisions[1].Rule, "kept apart: Trump could be Donald Trump or Melania Trump"; got != want {
		t.Errorf("ambiguous rule = %q, want %q", got, want)
	}
}

func TestParseAliasesErrors(t *testing.T) {
	for _, text := range []string{"Trump", "= Donald Trump", "A = B = C", "A !="} {
		_, err := ParseAliases(strings.NewReader("# ok\n"+text+"\n"), "kg.aliases")
		var ae *AliasError
		if !errors.As(err, &ae) || !errors.Is(err, ErrAliasSyntax) || ae.Line != 2 || !strings.Contains(err.Error(), "kg.aliases:2") {
			t.Errorf("%q: err = %v, want an AliasError at kg.aliases:2", text, err)
		}
	}
}

func TestResolveOrganizations(t *testing.T) {
	orgs := []Named{
		{Article: "kg:article/a", Node: schema.OrganizationIRI("G-20"), Name: "G-20", Aliases: []string{"G20"}},
		{Article: "kg:article/b", Node: schema.OrganizationIRI("G20"), Name: "G20"},
		{Article: "kg:article/c", Node: schema.OrganizationIRI("The Wall Street Journal"), Name: "The Wall Street Journal"},
		{Article: "kg:article/d", Node: schema.OrganizationIRI("Wall Street Journal"), Name: "Wall Street Journal"},
		{Article: "kg:article/d", Node: schema.OrganizationIRI("Kremlin"), Name: "Kremlin"},
	}
	got := canonicals(Resolve(Records{Organizations: orgs}, Options{}), "org")
	if got[0] != got[1] || got[2] != got[3] || got[4] == got[0] || got[4] == got[2] {
		t.Errorf("canonical orgs = %v", got)
	}
}

type ev struct {
	article, published, kind, date string
	place                          quad.IRI
	status                         string
}

func TestResolveEvents(t *testing.T) {
	hamburg, germany, danang, helsinki := quad.IRI("kg:place/de/hamburg"), quad.IRI("kg:country/DE"), quad.IRI("kg:place/vn/danang"), quad.IRI("kg:place/fi/helsinki")
	tests := []struct {
		name   string
		events []ev
		groups []int // group number per record; equal numbers mean one node
	}{
		{"city and its country, month and year", []ev{
			{"a", "2018-06-02", "meeting", "2017", germany, "happened"},
			{"b", "2018-06-02", "meeting", "2017-07", hamburg, "happened"}}, []int{0, 0}},
		{"different places", []ev{
			{"a", "2018-06-02", "meeting", "2017-07", hamburg, "happened"},
			{"b", "2018-06-02", "meeting", "2017-11", danang, "happened"}}, []int{0, 1}},
		{"different dates", []ev{
			{"a", "", "meeting", "2017-07-07", hamburg, "happened"},
			{"b", "", "meeting", "2017-07-08", hamburg, "happened"}}, []int{0, 1}},
		{"summit is a meeting, a call is not", []ev{
			{"a", "", "summit", "2017-07", hamburg, "happened"},
			{"b", "", "meeting", "", hamburg, "happened"},
			{"c", "", "call", "2017-07", "", "happened"}}, []int{0, 0, 1}},
		{"planned then held", []ev{
			{"a", "2018-06-02", "summit", "", "", "planned"},
			{"b", "2018-07-20", "summit", "2018-07-16", helsinki, "happened"}}, []int{0, 0}},
		{"planned for after its announcement only", []ev{
			{"a", "2018-06-02", "summit", "", "", "planned"},
			{"b", "2018-07-20", "summit", "2017-07", hamburg, "happened"}}, []int{1, 0}},
		{"held before the report only", []ev{
			{"a", "2017-06-01", "meeting", "", hamburg, "happened"},
			{"b", "2018-06-02", "meeting", "2017-07", hamburg, "happened"}}, []int{1, 0}},
		{"announced after it was held: another", []ev{
			{"a", "2018-06-02", "meeting", "", "", "happened"},
			{"b", "2018-07-01", "meeting", "", "", "planned"}}, []int{0, 1}},
		{"ambiguous stays apart", []ev{
			{"a", "", "call", "2017-01-28", "", "happened"},
			{"b", "", "call", "2018-03", "", "happened"},
			{"c", "", "call", "", "", "happened"}}, []int{0, 1, 2}},
		{"one article's events stay apart", []ev{
			{"a", "", "meeting", "2018-04-27", "", "happened"},
			{"a", "", "meeting", "2018", "", "planned"}}, []int{0, 1}},
	}
	trump, putin := schema.PersonIRI("Donald Trump"), schema.PersonIRI("Vladimir Putin")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var recs Records
			for i, e := range tt.events {
				a := quad.IRI("kg:article/" + e.article)
				for _, p := range []string{"Donald Trump", "Vladimir Putin"} {
					recs.Persons = append(recs.Persons, Named{Article: a, Node: schema.PersonIRI(p), Name: p})
				}
				recs.Events = append(recs.Events, Event{Article: a, Published: e.published, Node: quad.IRI("kg:event/x/" + string(rune('0'+i))),
					Kind: e.kind, Participants: []quad.IRI{trump, putin}, Date: e.date, Place: e.place, Status: e.status})
			}
			got := canonicals(Resolve(recs, Options{}), "event")
			for i := range tt.groups {
				for j := range tt.groups {
					same := got[i] == got[j]
					if same != (tt.groups[i] == tt.groups[j]) {
						t.Errorf("records %d and %d: same node = %v, want %v (%v, %v)", i, j, same, !same, got[i], got[j])
					}
				}
			}
		})
	}
}

func TestResolveEventsUsePersonResolution(t *testing.T) {
	recs := Records{
		Persons: []Named{person("a", "Donald Trump"), person("a", "Vladimir Putin"), person("b", "Trump"), person("b", "Putin")},
		Events: []Event{
			{Article: "kg:article/a", Node: "kg:event/1", Kind: "meeting", Participants: []quad.IRI{schema.PersonIRI("Donald Trump"), schema.PersonIRI("Vladimir Putin")}, Date: "2017-07", Status: "happened"},
			{Article: "kg:article/b", Node: "kg:event/2", Kind: "meeting", Participants: []quad.IRI{schema.PersonIRI("Trump"), schema.PersonIRI("Putin")}, Date: "2017", Status: "happened"},
		},
	}
	got := canonicals(Resolve(recs, Options{}), "event")
	want := schema.EventIRI([]string{"Donald Trump", "Vladimir Putin"}, "2017-07", "", false)
	if got[0] != want || got[1] != want {
		t.Errorf("events = %v, want both %v", got, want)
	}
}

// TestOrganizationCanonicalName: the canonical name of an organization
// is its fullest, however often the shorter ones are used, and among
// names of as many words the most used.
func TestOrganizationCanonicalName(t *testing.T) {
	cases := []struct {
		name  string
		names map[string]int // name -> records
		want  string
	}{
		{"expansion over a more used acronym", map[string]int{"UN": 9, "United Nations": 2}, "United Nations"},
		{"expansion over an acronym used as often", map[string]int{"UN": 5, "United Nations": 5}, "United Nations"},
		{"a leading The is no word", map[string]int{"The Kremlin": 2, "Kremlin": 3}, "Kremlin"},
		{"same words: the most used", map[string]int{"G-20": 2, "G20": 5}, "G20"},
	}
	for _, c := range cases {
		var orgs []Named
		first := ""
		for n, count := range c.names {
			for i := range count {
				var aliases []string
				for other := range c.names {
					if other != n {
						aliases = append(aliases, other)
					}
				}
				orgs = append(orgs, Named{Article: quad.IRI(fmt.Sprintf("kg:article/%s-%d", schema.Slug(n), i)),
					Node: schema.OrganizationIRI(n), Name: n, Aliases: aliases})
			}
			first = n
		}
		res := Resolve(Records{Organizations: orgs}, Options{})
		want := schema.OrganizationIRI(c.want)
		for _, d := range res.Decisions {
			if d.Canonical != want {
				t.Errorf("%s (%s first): %s named %s, want %s", c.name, first, d.Node, d.Canonical, want)
				break
			}
		}
	}
}
