package server_test

import (
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-news/kg/server"
)

// TestLoad runs 50 concurrent clients for 10 s against a loopback server
// with a mix of kg and Cayley requests, requires zero errors and logs
// the latency percentiles the README quotes (go test -v -run TestLoad).
func TestLoad(t *testing.T) {
	ts := seededServer(t, server.Options{})
	requests := []struct{ method, path, body string }{
		{"GET", "/api/kg/entity?name=Putin", ""},
		{"GET", "/api/kg/central?top=10", ""},
		{"GET", "/api/kg/events?person=Trump&with=Putin", ""},
		{"GET", "/api/kg/path?from=Jon+Huntsman&to=Shinzo+Abe", ""},
		{"POST", "/api/v2/query?lang=gizmo", `g.V("<kg:person/vladimir-putin>").Out("<kg:holdsRole>").Out("<http://schema.org/roleName>").All()`},
		{"GET", "/", ""},
	}
	const clients, duration = 50, 10 * time.Second
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, DialContext: (&net.Dialer{}).DialContext}, Timeout: 10 * time.Second}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      []string
		wg        sync.WaitGroup
	)
	deadline := time.Now().Add(duration)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var mine []time.Duration
			for i := c; time.Now().Before(deadline); i++ {
				rq := requests[i%len(requests)]
				req, _ := http.NewRequest(rq.method, ts.URL+rq.path, strings.NewReader(rq.body))
				start := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != 200 {
						err = &statusError{rq.path, resp.StatusCode}
					}
				}
				mine = append(mine, time.Since(start))
				if err != nil {
					mu.Lock()
					errs = append(errs, err.Error())
					mu.Unlock()
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d errors of %d requests, first: %s", len(errs), len(latencies), errs[0])
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("%d clients, %v: %d requests (%.0f/s), 0 errors; p50 %v, p99 %v, max %v",
		clients, duration, len(latencies), float64(len(latencies))/duration.Seconds(), pct(0.50), pct(0.99), latencies[len(latencies)-1])
}

type statusError struct {
	path string
	code int
}

func (e *statusError) Error() string { return e.path + ": status " + http.StatusText(e.code) }
