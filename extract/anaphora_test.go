package extract

import (
	"slices"
	"testing"
)

// TestPronounSubject checks that "he" or "she", the subject of an event
// verb, stands for the person named as the subject before, and only
// then.
func TestPronounSubject(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string // the participants of the one event; nil: no event
		location   string
	}{
		{"pronoun subject of a coordinated verb",
			"Colombian President Gustavo Petro reached Beijing on Tuesday. He then toured a factory and met the party chief Wang Ming in Chengdu.",
			[]string{"Gustavo Petro", "Wang Ming"}, "Chengdu"},
		{"pronoun subject of a verb whose object is the event word",
			"Kenyan President William Ruto landed in Tokyo on Sunday. On Monday she held talks with Prime Minister Fumio Kishida.",
			[]string{"Fumio Kishida", "William Ruto"}, "Tokyo"},
		{"object pronoun",
			"Kenyan President William Ruto landed in Tokyo on Sunday. On Monday Prime Minister Fumio Kishida met with him at his office.",
			[]string{"Fumio Kishida", "William Ruto"}, "Tokyo"},
		{"object pronoun of a verb of receiving",
			"Kenyan President William Ruto landed in Tokyo on Sunday. On Monday Prime Minister Fumio Kishida welcomed him at his office.",
			[]string{"Fumio Kishida", "William Ruto"}, "Tokyo"},
		{"possessive her is no object",
			"Kenyan President Mary Ruto landed in Tokyo on Sunday. On Monday Prime Minister Fumio Kishida met with her husband at his office.",
			nil, ""},
		{"pronoun in another clause",
			"Colombian President Gustavo Petro reached Beijing on Tuesday. After he toured a factory, Wang Ming met with reporters in Chengdu.",
			nil, ""},
		{"no person named as a subject before",
			"The visit was praised in Bogota on Wednesday. He then met with Wang Ming in Chengdu.",
			nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			if tt.want == nil {
				if len(f.Events) > 0 {
					t.Errorf("events %+v, want none", f.Events)
				}
				return
			}
			if len(f.Events) != 1 {
				t.Fatalf("events %+v, want one of %v", f.Events, tt.want)
			}
			got := slices.Sorted(slices.Values(f.Events[0].Participants))
			if !slices.Equal(got, tt.want) || f.Events[0].Location != tt.location {
				t.Errorf("event of %v in %q, want %v in %q", got, f.Events[0].Location, tt.want, tt.location)
			}
		})
	}
}

// TestFollowUpEvent checks that a sentence naming no one, whose event
// word "the" ties to the event told before, adds to that event only.
func TestFollowUpEvent(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		location   string // of the one event
	}{
		{"place of the meeting told after it",
			"Presidents Vladimir Putin of Russia and Alexander Lukashenko of Belarus will hold a meeting on Friday. Officials said the talks will be held in Minsk.",
			"Minsk"},
		{"another summit makes no event of the pair",
			"Vladimir Putin met Alexander Lukashenko in Moscow on Friday. The summit will be held in Rome next year.",
			"Moscow"},
		{"a place not where it is held",
			"Vladimir Putin will meet Alexander Lukashenko on Friday. The meeting is meant to bring Belarus closer to Russia.",
			""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			if len(f.Events) != 1 {
				t.Fatalf("events %+v, want one", f.Events)
			}
			if f.Events[0].Location != tt.location {
				t.Errorf("event in %q, want %q", f.Events[0].Location, tt.location)
			}
		})
	}
}

// TestSpeakersOwnEncounter checks that the one who speaks of "his" or
// "her" encounter with someone takes part in it, and only then.
func TestSpeakersOwnEncounter(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string // the participants of the one event; nil: no event with the speaker
	}{
		{"his encounters", "Asked about China, Prime Minister Mark Carney said his earlier engagements with President Xi Jinping had been useful.",
			[]string{"Mark Carney", "Xi Jinping"}},
		{"talks of others", "Asked about China, Prime Minister Mark Carney said the talks between President Xi Jinping and the envoys had been useful.",
			nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			for _, ev := range f.Events {
				got := slices.Sorted(slices.Values(ev.Participants))
				if tt.want == nil && slices.Contains(got, "Mark Carney") {
					t.Errorf("event of %v, want none with the speaker", got)
				}
				if tt.want != nil && slices.Equal(got, tt.want) {
					return
				}
			}
			if tt.want != nil {
				t.Errorf("events %+v, want one of %v", f.Events, tt.want)
			}
		})
	}
}
