package server_test

import (
	"io"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-news/kg/server"
)

// request sends a request with headers and returns status and body.
func request(t *testing.T, method, url, body string, header map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestCrossSiteRequests(t *testing.T) {
	const token = "s3cret"
	ts := seededServer(t, server.Options{Writable: true, Token: token})
	ro := seededServer(t, server.Options{})
	host := strings.TrimPrefix(ts.URL, "http://")
	nq := `<kg:person/vladimir-putin> <http://schema.org/name> "Vladimir Putin" <kg:article/000_8bc67e98fcbec149.txt> .`
	auth := "Bearer " + token
	tests := []struct {
		name   string
		url    string
		path   string
		body   string
		header map[string]string
		code   int
	}{
		{"text/plain delete from another site", ts.URL, "/api/v2/delete", nq,
			map[string]string{"Content-Type": "text/plain", "Origin": "http://evil.example", "Authorization": auth}, http.StatusForbidden},
		{"delete without a token", ts.URL, "/api/v2/delete", nq,
			map[string]string{"Content-Type": "application/n-quads"}, http.StatusUnauthorized},
		{"delete with a wrong token", ts.URL, "/api/v2/delete", nq,
			map[string]string{"Content-Type": "application/n-quads", "Authorization": "Bearer guess"}, http.StatusUnauthorized},
		{"text/plain delete with the token", ts.URL, "/api/v2/delete", nq,
			map[string]string{"Content-Type": "text/plain", "Authorization": auth}, http.StatusUnsupportedMediaType},
		{"form write with the token", ts.URL, "/api/v2/write", nq,
			map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Authorization": auth}, http.StatusUnsupportedMediaType},
		{"query from another site", ts.URL, "/api/v2/query?lang=gizmo", "g.V().All()",
			map[string]string{"Content-Type": "text/plain", "Origin": "http://evil.example"}, http.StatusForbidden},
		{"query from another site, read-only server", ro.URL, "/api/v2/query?lang=gizmo", "g.V().All()",
			map[string]string{"Content-Type": "text/plain", "Origin": "http://evil.example"}, http.StatusForbidden},
		{"query from the page itself", ts.URL, "/api/v2/query?lang=gizmo", `g.V("<kg:person/vladimir-putin>").All()`,
			map[string]string{"Content-Type": "text/plain", "Origin": "http://" + host}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, body := request(t, "POST", tt.url+tt.path, tt.body, tt.header); code != tt.code {
				t.Errorf("status %d, want %d: %s", code, tt.code, body)
			}
		})
	}
	// Vladimir Putin is still there.
	if _, body := do(t, "GET", ts.URL+"/api/kg/search?q=putin", ""); !strings.Contains(body, "Vladimir Putin") {
		t.Errorf("Putin is gone: %s", body)
	}
}

func TestHostHeader(t *testing.T) {
	ts := seededServer(t, server.Options{Hosts: []string{"127.0.0.1:64210", "localhost:64210"}})
	for host, want := range map[string]int{
		"127.0.0.1:64210":            http.StatusOK,
		"localhost:64210":            http.StatusOK,
		"rebound.evil.example:64210": http.StatusMisdirectedRequest,
	} {
		if code, body := request(t, "GET", ts.URL+"/api/kg/central", "", map[string]string{"Host": host}); code != want {
			t.Errorf("Host %s: status %d, want %d: %s", host, code, want, body)
		}
	}
}

func TestEdgeCases(t *testing.T) {
	ts := seededServer(t, server.Options{QueryLimit: 5})
	if code, body := do(t, "GET", ts.URL+"/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", ""); code != http.StatusNotFound {
		t.Errorf("malformed path: %d %s, want 404", code, body)
	}
	code, body := do(t, "GET", ts.URL+"/api/v2/read?format=nquads", "")
	if code != 200 || strings.Count(body, "\n") != 5 {
		t.Errorf("read of the whole store: %d, %d lines, want 5 (--limit)", code, strings.Count(body, "\n"))
	}
	if _, body := do(t, "GET", ts.URL+"/api/v2/read?format=nquads&limit=2", ""); strings.Count(body, "\n") != 2 {
		t.Errorf("read with limit=2: %d lines", strings.Count(body, "\n"))
	}
	if code, _ := do(t, "GET", ts.URL+"/api/v2/read?format=nquads&limit=x", ""); code != http.StatusBadRequest {
		t.Errorf("limit=x: %d, want 400", code)
	}
}

// TestMalformedQueries sends queries that their language's parser
// refuses, or panics on, and requires a 400 naming the problem, after
// which the server goes on answering.
func TestMalformedQueries(t *testing.T) {
	ts := seededServer(t, server.Options{})
	cases := []struct {
		lang, query, want string
	}{
		{"graphql", `""""""`, "engine failed"},
		{"graphql", "{ nodes(id: \"\"\"\n\n\"\"\") { id } }", "engine failed"},
		{"gizmo", "g.V((", "SyntaxError"},
		{"mql", "[{", "JSON"},
	}
	for _, c := range cases {
		code, body := do(t, "POST", ts.URL+"/api/v2/query?lang="+c.lang, c.query)
		if code != http.StatusBadRequest || !strings.Contains(body, c.want) {
			t.Errorf("%s %q: %d %s, want 400 saying %q", c.lang, c.query, code, body, c.want)
		}
	}
	if code, body := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V("<kg:person/vladimir-putin>").All()`); code != 200 {
		t.Errorf("a plain query after the malformed ones: %d %s", code, body)
	}
}

// TestHostileGizmo sends queries that exhaust memory or never end,
// several at once, and requires each to be stopped, the heap to stay
// bounded, and the server to go on answering.
func TestHostileGizmo(t *testing.T) {
	// A small budget leaves room under the 1 GiB bound for the doublings
	// that can happen between two readings of a loaded machine's heap.
	const budget = 16 << 20
	ts := seededServer(t, server.Options{QueryTimeout: 2 * time.Second, QueryMemory: budget, MaxQueries: 4})
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	queries := []string{
		"function f(n){return f(n+1)+1}; f(0)",
		"var s = 'x'; while (true) { s = s + s }",
		"var a = []; while (true) { a.push({n: a.length, s: 'padding padding padding'}) }",
		"while(true){}",
	}
	var wg sync.WaitGroup
	type answer struct {
		q    string
		code int
		body string
		took time.Duration
	}
	answers := make(chan answer, len(queries))
	for _, q := range queries {
		wg.Add(1)
		go func(q string) {
			defer wg.Done()
			start := time.Now()
			code, body := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", q)
			answers <- answer{q, code, body, time.Since(start)}
		}(q)
	}
	wg.Wait()
	close(stop)
	<-sampled
	close(answers)
	for a := range answers {
		if a.code == http.StatusOK {
			t.Errorf("%q answered 200: %.200s", a.q, a.body)
		}
		if a.code == http.StatusServiceUnavailable && strings.Contains(a.body, "too many") {
			t.Errorf("%q refused, but four may run at once", a.q)
		}
		// Within a second of --timeout.
		if a.took > slowdown*3*time.Second {
			t.Errorf("%q took %v, over a second past the 2 s timeout", a.q, a.took)
		}
		t.Logf("%-70q %d %v %.80s", a.q, a.code, a.took.Round(time.Millisecond), a.body)
	}
	growth := int64(peak) - int64(before.HeapAlloc)
	t.Logf("heap before %d MB, peak %d MB", before.HeapAlloc>>20, peak>>20)
	// Four queries at 16 MiB each, the garbage a collection leaves, and
	// the doublings of a string past the limit before the watchdog reads.
	if growth > 1<<30 {
		t.Errorf("heap grew by %d MB", growth>>20)
	}
	debug.FreeOSMemory()
	if code, _ := do(t, "GET", ts.URL+"/api/kg/central", ""); code != 200 {
		t.Errorf("the server no longer answers: %d", code)
	}
	if code, body := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V("<kg:person/vladimir-putin>").All()`); code != 200 {
		t.Errorf("a plain query after the hostile ones: %d %s", code, body)
	}
}

func TestTooManyQueries(t *testing.T) {
	ts := seededServer(t, server.Options{QueryTimeout: 2 * time.Second, MaxQueries: 1, QueueWait: 100 * time.Millisecond})
	done := make(chan struct{})
	go func() {
		defer close(done)
		do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", "while(true){}")
	}()
	time.Sleep(200 * time.Millisecond)
	req, _ := http.NewRequest("POST", ts.URL+"/api/v2/query?lang=gizmo", strings.NewReader("g.V().All()"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("second query while one runs with --max-queries 1: %d, Retry-After %q; want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	<-done
}
