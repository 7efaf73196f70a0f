package extract

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestBilateralSplit: a principal who meets a list of persons "with" an
// event word meets each of them; a gathering word keeps one event.
func TestBilateralSplit(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // sorted participant lists, "+"-joined
	}{
		{"held discussions with a list",
			"Indian Prime Minister Narendra Modi also held talks with French President Emmanuel Macron, Italian Prime Minister Giorgia Meloni and Canadian Prime Minister Mark Carney on Tuesday.",
			[]string{"Emmanuel Macron+Narendra Modi", "Giorgia Meloni+Narendra Modi", "Mark Carney+Narendra Modi"}},
		{"will meet with two",
			"US President Donald Trump will meet with Japanese Prime Minister Shigeru Ishiba and South Korean President Lee Jae Myung next week.",
			[]string{"Donald Trump+Lee Jae Myung", "Donald Trump+Shigeru Ishiba"}},
		{"a trilateral meeting stays one",
			"NATO Secretary General Jens Stoltenberg held a trilateral meeting with Turkish President Recep Tayyip Erdogan and Swedish Prime Minister Ulf Kristersson on Monday.",
			[]string{"Jens Stoltenberg+Recep Tayyip Erdogan+Ulf Kristersson"}},
		{"nested events stay apart",
			"Indian Prime Minister Narendra Modi arrived in Hiroshima. In addition to his talks with US President Joe Biden, Modi also had discussions with French President Emmanuel Macron and German Chancellor Olaf Scholz.",
			[]string{"Emmanuel Macron+Narendra Modi", "Joe Biden+Narendra Modi", "Narendra Modi+Olaf Scholz"}},
		{"discussions without a partner are no event",
			"Press secretary Sarah Sanders said that discussions were underway for Russian President Vladimir Putin to visit US President Donald Trump in Washington.",
			[]string{"Donald Trump+Vladimir Putin"}},
		{"a pair is a pair",
			"Chinese President Xi Jinping met with Brazilian President Luiz Inacio Lula da Silva in Beijing on Friday.",
			[]string{"Luiz Inacio Lula da Silva+Xi Jinping"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			var got []string
			for _, e := range f.Events {
				ps := append([]string(nil), e.Participants...)
				sort.Strings(ps)
				got = append(got, strings.Join(ps, "+"))
			}
			sort.Strings(got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("events %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFamiliarMiddleName: a long name's capitalized middle word, used
// alone, is that person ("Lula" of Luiz Inácio Lula da Silva); a short
// name's is not taken so.
func TestFamiliarMiddleName(t *testing.T) {
	f := extractText(t, "Brazilian President Luiz Inácio Lula da Silva arrived in Beijing on Thursday. Lula met Chinese President Xi Jinping on Friday.", june2)
	var names []string
	for _, p := range f.Persons {
		names = append(names, p.Name)
	}
	sort.Strings(names)
	if want := []string{"Luiz Inácio Lula da Silva", "Xi Jinping"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("persons %v, want %v", names, want)
	}
	if len(f.Events) != 1 || !reflect.DeepEqual(sortedCopy(f.Events[0].Participants), []string{"Luiz Inácio Lula da Silva", "Xi Jinping"}) {
		t.Errorf("events %+v, want Lula's meeting with Xi", f.Events)
	}
	if familiarMiddle([]string{"Kim", "Jong", "Un"}, "jong") {
		t.Error("a three-word name's middle word taken alone")
	}
}

func sortedCopy(ss []string) []string {
	out := append([]string(nil), ss...)
	sort.Strings(out)
	return out
}
