package graph

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph/resolve"
)

// TestKeptEntryRoundTrip writes kept entries and reads them back: the
// records must be those of the kg:records literal as setRecords reads
// it, the decisions those resolution made, the literals the same bytes, and every shorter or damaged entry
// refused without a panic.
func TestKeptEntryRoundTrip(t *testing.T) {
	const a = quad.IRI("kg:article/x")
	cases := []struct {
		name string
		sr   storedRecords
	}{
		{"empty", storedRecords{}},
		{"undated, one person", storedRecords{Records: resolve.Records{
			Persons: []resolve.Named{{Node: "kg:person/a", Name: "Ana"}},
		}}},
		{"every kind", storedRecords{Published: "2024-05-01", Records: resolve.Records{
			Persons: []resolve.Named{
				{Node: "kg:person/recep-tayyip-erdoğan", Name: "Recep Tayyip Erdoğan", Aliases: []string{"Erdogan", ""}},
				{Node: "kg:person/jens-stoltenberg", Name: "Jens Stoltenberg"},
			},
			Organizations: []resolve.Named{{Node: "kg:org/nato", Name: "NATO", Aliases: []string{"North Atlantic Treaty Organization"}}},
			Roles: []resolve.Role{
				{Node: "kg:role/1", Holder: "kg:person/jens-stoltenberg", Title: "secretary general"},
				{Node: "kg:role/2", Holder: "kg:person/recep-tayyip-erdoğan", Title: "president", Country: "TR", To: ""},
				{Node: "kg:role/3", Holder: "kg:person/x", Title: "ambassador", Country: "US", To: "RU"},
			},
			Events: []resolve.Event{
				{Node: "kg:event/1", Kind: "meeting", Participants: []quad.IRI{"kg:person/jens-stoltenberg", "kg:person/recep-tayyip-erdoğan"},
					Date: "2024-05-02", Place: "kg:place/tr-ankara", Status: "happened"},
				{Node: "kg:event/2", Kind: "call", Status: "planned"},
			},
		}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, err := json.Marshal(c.sr)
			if err != nil {
				t.Fatal(err)
			}
			want := &articleState{iri: a}
			if !want.setRecords(string(data)) {
				t.Fatal("setRecords refused its own literal")
			}
			const resolution = `{"renames":{"kg:person/a":"kg:person/b"}}`
			r := want.records
			ds := resolve.Resolve(r, resolve.Options{}).Decisions
			np, no, ne := len(r.Persons), len(r.Organizations), len(r.Events)
			decided := ds[: np+no : np+no]
			for _, x := range r.Roles { // the holderless role has no decision
				d := resolve.Decision{Article: a, Node: x.Node}
				for _, y := range ds[np+no : len(ds)-ne] {
					if y.Node == x.Node {
						d = y
					}
				}
				decided = append(decided, d)
			}
			decided = append(decided, ds[len(ds)-ne:]...)
			entry := string(encodeState(want, decided, resolution))
			got, ok := decodeState(a, entry)
			if !ok {
				t.Fatal("decodeState refused encodeState's entry")
			}
			if !reflect.DeepEqual(got.records, want.records) {
				t.Errorf("records\n got %+v\nwant %+v", got.records, want.records)
			}
			if len(decided) > 0 && !reflect.DeepEqual(got.decided, decided) || len(decided) == 0 && len(got.decided) > 0 {
				t.Errorf("decisions\n got %+v\nwant %+v", got.decided, decided)
			}
			if got.recordsJSON != string(data) || got.published != c.sr.Published || !reflect.DeepEqual(got.resolutions, []string{resolution}) {
				t.Errorf("literals: got %q, %q, %q", got.recordsJSON, got.published, got.resolutions)
			}
			// The resolution literal is the tail, so a cut that ends inside
			// it still reads; any cut inside the records does not.
			tail := len(entry) - len(resolution)
			for n := range tail {
				if _, ok := decodeState(a, entry[:n]); ok {
					t.Errorf("an entry cut to %d of %d bytes was read", n, len(entry))
				}
			}
			for i := range tail {
				damaged := []byte(entry)
				damaged[i] ^= 0xff
				decodeState(a, string(damaged)) // must not panic
			}
		})
	}
}
