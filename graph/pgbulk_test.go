package graph_test

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/internal/synth"
	"github.com/kg-news/kg/internal/pgtest"
)

// tableRows reads every node (hash, references, values) and every quad
// of a PostgreSQL store as sorted text rows.
func tableRows(t *testing.T, conn string) []string {
	t.Helper()
	db, err := sql.Open("postgres", conn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for _, q := range []string{
		`SELECT 'node', encode(hash, 'hex'), refs, coalesce(encode(value, 'hex'), '-'), coalesce(value_string, '-'),
			coalesce(datatype, '-'), coalesce(language, '-'), coalesce(iri::text, '-'), coalesce(bnode::text, '-'),
			coalesce(value_int::text, '-'), coalesce(value_bool::text, '-'), coalesce(value_float::text, '-'), coalesce(value_time::text, '-')
			FROM nodes ORDER BY hash`,
		`SELECT 'quad', encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'), encode(object_hash, 'hex'), coalesce(encode(label_hash, 'hex'), '-')
			FROM quads ORDER BY 2, 3, 4, 5`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(vals...))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return out
}

// TestPostgresBulkMatchesCayley writes the same quads through Cayley's
// ApplyDeltas into one database and through kg's COPY path into another,
// in two batches with every kind of value, then deletes some
// with Cayley in both: the node and quad tables, reference counts
// included, must be identical after each step, and Cayley must read the
// bulk-written store.
func TestPostgresBulkMatchesCayley(t *testing.T) {
	pg := pgtest.Start(t)
	ctx := context.Background()
	stores := map[bool]*graph.Store{}
	conns := map[bool]string{}
	for _, bulk := range []bool{false, true} {
		name := map[bool]string{false: "cayley", true: "bulk"}[bulk]
		conns[bulk] = pg.CreateDB(name)
		st, err := graph.Open(ctx, "postgres", conns[bulk])
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		stores[bulk] = st
	}
	var quads []quad.Quad
	for _, a := range seedArticles(t) {
		quads = append(quads, a.Quads...)
	}
	label := quad.IRI("kg:article/values")
	s := quad.IRI("kg:values")
	quads = append(quads,
		quad.Quad{Subject: s, Predicate: quad.IRI("kg:int"), Object: quad.Int(42), Label: label},
		quad.Quad{Subject: s, Predicate: quad.IRI("kg:float"), Object: quad.Float(2.5), Label: label},
		quad.Quad{Subject: s, Predicate: quad.IRI("kg:bool"), Object: quad.Bool(true), Label: label},
		quad.Quad{Subject: s, Predicate: quad.IRI("kg:typed"), Object: quad.TypedString{Value: "2018-07-16", Type: "xsd:date"}, Label: label},
		quad.Quad{Subject: s, Predicate: quad.IRI("kg:lang"), Object: quad.LangString{Value: "Хельсинки", Lang: "ru"}, Label: label},
		quad.Quad{Subject: quad.BNode("b1"), Predicate: quad.IRI("kg:text"), Object: quad.String("nul\x00byte, 'quote' \\ tab\t"), Label: label},
		quad.Quad{Subject: s, Predicate: quad.IRI("kg:self"), Object: s}, // no label, an end used twice
	)
	first, second := quads[:len(quads)*2/3], quads[len(quads)*2/3:]
	step := func(what string) {
		t.Helper()
		want, got := tableRows(t, conns[false]), tableRows(t, conns[true])
		if len(want) == 0 || !reflect.DeepEqual(want, got) {
			for i := range min(len(want), len(got)) {
				if want[i] != got[i] {
					t.Fatalf("%s: tables differ at row %d:\ncayley %s\nbulk   %s", what, i, want[i], got[i])
				}
			}
			t.Fatalf("%s: cayley wrote %d rows, bulk %d", what, len(want), len(got))
		}
	}
	for _, bulk := range []bool{false, true} {
		graph.AddQuadsForTest(t, stores[bulk], first, bulk)
	}
	step("first batch")
	for _, bulk := range []bool{false, true} {
		graph.AddQuadsForTest(t, stores[bulk], second, bulk)
	}
	step("second batch")
	// Quads already stored, some twice in the batch, change nothing: no
	// row and no reference count. (Cayley's own path counts a skipped
	// duplicate's references, so its nodes would outlive their quads.)
	before := tableRows(t, conns[true])
	graph.AddQuadsForTest(t, stores[true], append(quads[:20:20], quads[10:30]...), true)
	if after := tableRows(t, conns[true]); !reflect.DeepEqual(before, after) {
		t.Fatalf("adding stored quads changed the tables: %d rows -> %d", len(before), len(after))
	}
	var dels []cgraph.Delta
	for _, q := range quads[len(quads)/4 : len(quads)/2] {
		dels = append(dels, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	for _, bulk := range []bool{false, true} {
		if err := stores[bulk].QuadStore().ApplyDeltas(dels, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
			t.Fatal(err)
		}
	}
	step("Cayley's deletes")
	// Cayley reads what kg wrote.
	read := 0
	it := stores[true].QuadStore().QuadsAllIterator()
	for it.Next(ctx) {
		q := stores[true].QuadStore().Quad(it.Result())
		if q.Subject == nil || !strings.HasPrefix(q.Predicate.String(), "<") {
			t.Fatalf("Cayley read a broken quad %v", q)
		}
		read++
	}
	it.Close()
	if want := len(tableRows(t, conns[true])); read == 0 || read >= want {
		t.Errorf("Cayley read %d quads of a store of %d rows", read, want)
	}
}

// BenchmarkPostgresWrite writes the quads of 50 synthetic articles
// (about 80k quads, one transaction per article as ingest writes them)
// into a new PostgreSQL database, through Cayley's ApplyDeltas and
// through kg's COPY path, side by side.
func BenchmarkPostgresWrite(b *testing.B) {
	pg := pgtest.Start(b)
	arts := synthArticles(synth.New(5000, 1))
	total := 0
	for _, a := range arts {
		total += len(a.Quads)
	}
	n := 0
	for _, bulk := range []bool{false, true} {
		b.Run(map[bool]string{false: "cayley", true: "kg-copy"}[bulk], func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				n++
				name := fmt.Sprintf("bench%d", n)
				st, err := graph.Open(context.Background(), "postgres", pg.CreateDB(name))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for _, a := range arts {
					graph.AddQuadsForTest(b, st, a.Quads, bulk)
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
