package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/internal/seedtest"
	"github.com/kg-news/kg/server"
)

// seededServer serves a memstore of the seed articles.
func seededServer(t testing.TB, opts server.Options) *httptest.Server {
	t.Helper()
	st := seedtest.Store(t, true)
	h, err := server.New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

func do(t *testing.T, method, url, body string) (int, string) {
	t.Helper()
	return request(t, method, url, body, nil)
}

func TestEndpoints(t *testing.T) {
	ts := seededServer(t, server.Options{QueryTimeout: 2 * time.Second})
	gizmo := `g.V("<kg:person/vladimir-putin>").Out("<http://schema.org/name>").Unique().All()`
	tests := []struct {
		name, method, path, body string
		code                     int
		want                     []string
	}{
		{"gizmo POST", "POST", "/api/v2/query?lang=gizmo", gizmo, 200, []string{`"result":[{"id":"Vladimir Putin"}]`}},
		{"gizmo GET", "GET", "/api/v2/query?lang=gizmo&qu=" + urlEscape(gizmo), "", 200, []string{`"Vladimir Putin"`}},
		{"graphql", "POST", "/api/v2/query?lang=graphql", `{ nodes(id: <kg:person/vladimir-putin>) { id, <http://schema.org/name> } }`, 200, []string{"Vladimir Putin"}},
		{"mql", "POST", "/api/v2/query?lang=mql", `[{"id": "<kg:person/vladimir-putin>", "<http://schema.org/name>": null}]`, 200, []string{"Vladimir Putin"}},
		{"read", "GET", "/api/v2/read?format=nquads&sub=" + urlEscape("<kg:person/vladimir-putin>"), "", 200, []string{"<kg:person/vladimir-putin> <http://schema.org/name> \"Vladimir Putin\" <kg:article/"}},
		{"formats", "GET", "/api/v2/formats", "", 200, []string{`"id":"nquads"`, `"id":"jsonld"`}},
		{"central", "GET", "/api/kg/central?top=2", "", 200, []string{"Vladimir Putin", "Donald Trump"}},
		{"central betweenness", "GET", "/api/kg/central?by=betweenness&type=all&top=3", "", 200, []string{`"rank":3`}},
		{"communities", "GET", "/api/kg/communities", "", 200, []string{`"name":"Vladimir Putin & Donald Trump"`}},
		{"events", "GET", "/api/kg/events?person=Trump&with=Putin&from=2017&to=2017-12", "", 200, []string{"Hamburg", "Danang"}},
		{"chains", "GET", "/api/kg/events?connected=1", "", 200, []string{"Helsinki"}},
		{"path", "GET", "/api/kg/path?from=Jon+Huntsman&to=Shinzo+Abe", "", 200, []string{`"relation":"ambassador posted to"`, `"quote"`}},
		{"entity", "GET", "/api/kg/entity?name=Putin", "", 200, []string{`"roles":[{`, `"events":[{`, `"quotes":[{`, `"neighborhood"`}},
		{"place page", "GET", "/api/kg/entity?name=Helsinki", "", 200, []string{`"type":"place"`, `"kind":"summit"`, `"place":"Helsinki"`, `"quotes":[{`}},
		{"event labels", "GET", "/api/kg/entity?name=Putin", "", 200, []string{`"type":"event","node":"kg:event/donald-trump+vladimir-putin/2017-07/de-hamburg","kind":"meeting","date":"2017-07","place":"Hamburg"`}},
		{"country page", "GET", "/api/kg/entity?name=Vietnam", "", 200, []string{`"type":"country"`, `"place":"Danang"`}},
		{"organization page", "GET", "/api/kg/entity?name=Kremlin", "", 200, []string{`"members":["Dmitry Peskov"]`}},
		{"events at a place", "GET", "/api/kg/events?place=Germany", "", 200, []string{"Hamburg"}},
		{"search", "GET", "/api/kg/search?q=hunts", "", 200, []string{"Jon Huntsman"}},
		{"evidence", "GET", "/api/kg/evidence?fact=" + urlEscape("<kg:event/donald-trump+vladimir-putin/2017-07/de-hamburg>"), "", 200, []string{"Hamburg"}},
		{"page", "GET", "/", "", 200, []string{"<title>kg", `id="search"`}},
		{"script", "GET", "/app.js", "", 200, []string{"/api/kg/entity"}},
		// Bad cases.
		{"unknown language", "POST", "/api/v2/query?lang=sparql", "x", 400, []string{"unknown query language"}},
		{"no language", "POST", "/api/v2/query", "x", 400, []string{"not specified"}},
		{"malformed gizmo", "POST", "/api/v2/query?lang=gizmo", "g.V(.All(", 400, []string{"error"}},
		// GraphQL reports errors in a 200 response, as the GraphQL spec and cayley http do.
		{"malformed graphql", "POST", "/api/v2/query?lang=graphql", "{ nodes(", 200, []string{`"errors":[{"message":"Syntax Error`}},
		{"empty query", "POST", "/api/v2/query?lang=gizmo", "", 400, []string{"empty"}},
		{"timeout", "POST", "/api/v2/query?lang=gizmo", "while(true){}", 400, []string{"deadline exceeded"}},
		{"no write when read-only", "POST", "/api/v2/write", `<kg:a> <kg:b> "c" <kg:article/x> .`, 404, nil},
		{"no delete when read-only", "POST", "/api/v2/delete", `<kg:a> <kg:b> "c" <kg:article/x> .`, 404, nil},
		{"unknown person", "GET", "/api/kg/entity?name=Nobody+Atall", "", 404, []string{"Nobody Atall"}},
		{"no name", "GET", "/api/kg/entity", "", 400, []string{"name"}},
		{"unknown measure", "GET", "/api/kg/central?by=closeness", "", 400, []string{"closeness"}},
		{"bad top", "GET", "/api/kg/central?top=many", "", 400, []string{"many"}},
		{"path without to", "GET", "/api/kg/path?from=Putin", "", 400, []string{"from and to"}},
		{"empty search", "GET", "/api/kg/search", "", 400, []string{"q"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := do(t, tt.method, ts.URL+tt.path, tt.body)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %.300s", code, tt.code, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q: %.400s", w, body)
				}
			}
		})
	}
}

func TestTimeoutIsQuick(t *testing.T) {
	ts := seededServer(t, server.Options{QueryTimeout: 300 * time.Millisecond})
	start := time.Now()
	code, body := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", "while(true){}")
	if code == 200 || !strings.Contains(body, "deadline exceeded") || time.Since(start) > 5*time.Second {
		t.Errorf("while(true): %d %s after %v, want a timeout error soon after 300ms", code, body, time.Since(start))
	}
	// The server still answers.
	if code, _ := do(t, "GET", ts.URL+"/api/kg/central", ""); code != 200 {
		t.Errorf("after a timeout: status %d", code)
	}
}

func TestOversizedBody(t *testing.T) {
	ts := seededServer(t, server.Options{MaxBody: 1024})
	big := "g.V().All()" + strings.Repeat(" ", 4096)
	code, body := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", big)
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "limit") {
		t.Errorf("oversized body: %d %s, want 413", code, body)
	}
	// A chunked body of unknown length is cut at the limit too.
	req, _ := http.NewRequest("POST", ts.URL+"/api/v2/query?lang=gizmo", io.MultiReader(strings.NewReader(big)))
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked oversized body: status %d, want 413", resp.StatusCode)
	}
}

func TestWritable(t *testing.T) {
	ts := seededServer(t, server.Options{Writable: true, Token: "s3cret"})
	before := centralNames(t, ts.URL)
	req, _ := http.NewRequest("POST", ts.URL+"/api/v2/write", strings.NewReader(`<kg:person/ada-lovelace> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> <kg:article/manual> .
<kg:person/ada-lovelace> <http://schema.org/name> "Ada Lovelace" <kg:article/manual> .
`))
	req.Header.Set("Content-Type", "application/n-quads")
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("write: %d %s", resp.StatusCode, body)
	}
	_, got := do(t, "GET", ts.URL+"/api/kg/search?q=lovelace", "")
	if !strings.Contains(got, "Ada Lovelace") {
		t.Errorf("written person not found, the view was not refreshed: %s", got)
	}
	if len(before) == 0 {
		t.Error("no central persons")
	}
}

func centralNames(t *testing.T, url string) []string {
	_, body := do(t, "GET", url+"/api/kg/central", "")
	var actors []struct{ Name string }
	json.Unmarshal([]byte(body), &actors)
	var out []string
	for _, a := range actors {
		out = append(out, a.Name)
	}
	return out
}

func urlEscape(s string) string {
	r := strings.NewReplacer("%", "%25", " ", "%20", "<", "%3C", ">", "%3E", "\"", "%22", "#", "%23", "+", "%2B", "&", "%26", "?", "%3F", "/", "%2F", ":", "%3A")
	return r.Replace(s)
}

// TestServerSeesOtherWrites: articles another writer puts in the store
// (another process on a shared PostgreSQL database) show in the server's
// answers without a restart.
func TestServerSeesOtherWrites(t *testing.T) {
	st := seedtest.Store(t, true)
	h, err := server.New(st, server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	entity := ts.URL + "/api/kg/entity?name=" + urlEscape("Angela Merkel")
	if code, body := do(t, "GET", entity, ""); code != http.StatusNotFound {
		t.Fatalf("before: HTTP %d %s", code, body)
	}
	art := seedtest.ArticleOf(t, extract.New(), "merkel.txt",
		[]byte("date 2017-07-07\n\nGerman Chancellor Angela Merkel met French President Emmanuel Macron in Hamburg on Friday.\n"))
	if _, err := st.Ingest(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	if code, body := do(t, "GET", entity, ""); code != http.StatusOK || !strings.Contains(body, `"name":"Angela Merkel"`) {
		t.Fatalf("after another writer's ingest: HTTP %d %s", code, body)
	}
}
