package server_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-news/kg/internal/seedtest"
	"github.com/kg-news/kg/server"
)

var (
	fuzzOnce    sync.Once
	fuzzHandler http.Handler
)

// fuzzServer is one server of the seed store for a fuzzing process, with
// short query limits.
func fuzzServer(t testing.TB) http.Handler {
	fuzzOnce.Do(func() {
		h, err := server.New(seedtest.Store(t, true), server.Options{QueryTimeout: 300 * time.Millisecond,
			QueryMemory: 64 << 20, MaxQueries: 2, QueueWait: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		fuzzHandler = h
	})
	return fuzzHandler
}

// FuzzQueryEndpoint sends any text as a Gizmo, GraphQL or MQL query: the
// server answers every one without a panic or a 500.
func FuzzQueryEndpoint(f *testing.F) {
	f.Add("gizmo", `g.V("<kg:person/vladimir-putin>").Out().All()`)
	f.Add("graphql", `{ nodes(id: <kg:person/vladimir-putin>) { id } }`)
	f.Add("graphql", `{ nodes(id: """ """) { id } }`)
	f.Add("mql", `[{"id": null}]`)
	f.Add("gizmo", "while(true){}")
	f.Add("gizmo", "function f(n){return f(n+1)}; f(0)")
	f.Fuzz(func(t *testing.T, lang, q string) {
		if len(q) > 4096 {
			return
		}
		h := fuzzServer(t)
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/api/v2/query?lang="+url.QueryEscape(lang), strings.NewReader(q))
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 && rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("%s %q: %d %s", lang, q, rec.Code, rec.Body.String())
		}
	})
}

// FuzzEntityEndpoint asks for any name: the server answers 200, 400 or
// 404, never 500.
func FuzzEntityEndpoint(f *testing.F) {
	for _, s := range []string{"Putin", "Vladimir Putin", "Trump", "", "kg:person/vladimir-putin", "<>", "%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		h := fuzzServer(t)
		for _, path := range []string{"/api/kg/entity?name=", "/api/kg/search?q=", "/api/kg/events?person="} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path+url.QueryEscape(name), nil))
			if rec.Code >= 500 {
				t.Fatalf("%s%q: %d %s", path, name, rec.Code, rec.Body.String())
			}
		}
	})
}
