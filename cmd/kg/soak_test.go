package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-news/kg/internal/corpus"
)

// TestSoakReadersWhileIngesting runs 50 concurrent readers against a kg
// serve (kg's JSON answers and Cayley's query endpoint) while a kg ingest
// of 200 articles is handed to it; each reader pauses 20 ms between
// requests. Every request must succeed; a 503 of the full query queue is
// asked again after its Retry-After, as a client does, and counted. The latencies' median and 99th percentile (retries
// included) are logged. The readers stop
// when the ingest ends, and the whole test within a minute.
func TestSoakReadersWhileIngesting(t *testing.T) {
	texts, err := corpus.ReadTexts("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Generate(corpus.Paragraphs(texts), soakArticles, 5)); err != nil {
		t.Fatal(err)
	}
	db := seededDB(t)
	base := startServer(t, db)
	gizmo := `g.V().Has("<http://schema.org/name>", "Vladimir Putin").Out("<kg:holdsRole>").Out("<http://schema.org/roleName>").Unique().All()`
	requests := []func() (*http.Response, error){
		func() (*http.Response, error) { return http.Get(base + "/api/kg/central?top=5") },
		func() (*http.Response, error) { return http.Get(base + "/api/kg/search?q=Putin") },
		func() (*http.Response, error) {
			return http.Get(base + "/api/kg/entity?name=" + url.QueryEscape("Vladimir Putin"))
		},
		func() (*http.Response, error) { return http.Get(base + "/api/kg/events") },
		func() (*http.Response, error) {
			return http.Post(base+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(gizmo))
		},
	}
	deadline := time.Now().Add(50 * time.Second)
	done := make(chan struct{})
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  []string
		retries   int
		// unanswered counts the requests still told to wait when the
		// soak ended.
		unanswered int
		wg         sync.WaitGroup
	)
	for r := 0; r < 50; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := r; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				if time.Now().After(deadline) {
					return
				}
				start := time.Now()
				msg, retried, cut := "", 0, false
				for {
					resp, err := requests[i%len(requests)]()
					if err != nil {
						msg = err.Error()
						break
					}
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					// A full query queue answers 503 with Retry-After, and
					// a client waits and asks again.
					if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "" {
						if time.Now().After(deadline) {
							cut = true // it would ask again, but the soak is over
							break
						}
						retried++
						time.Sleep(time.Second)
						continue
					}
					if resp.StatusCode != http.StatusOK {
						msg = fmt.Sprintf("%s: HTTP %d %s", resp.Request.URL.Path, resp.StatusCode, bytes.TrimSpace(body))
					}
					break
				}
				took := time.Since(start)
				time.Sleep(20 * time.Millisecond)
				mu.Lock()
				latencies = append(latencies, took)
				retries += retried
				if cut {
					unanswered++
				}
				if msg != "" {
					failures = append(failures, msg)
				}
				mu.Unlock()
			}
		}()
	}
	start := time.Now()
	out, stderr, err := run(t, "", "--db", db, "ingest", dir)
	ingestTook := time.Since(start)
	close(done)
	wg.Wait()
	if err != nil || !strings.Contains(out, fmt.Sprintf("%d articles (%d new", soakArticles, soakArticles)) {
		t.Fatalf("ingest under readers: %v\n%s%s", err, out, stderr)
	}
	if len(latencies) < 50 {
		t.Fatalf("only %d requests ran during the ingest", len(latencies))
	}
	slices.Sort(latencies)
	p50, p99 := latencies[len(latencies)/2], latencies[len(latencies)*99/100]
	t.Logf("%d articles ingested in %v under 50 readers: %d requests, %d failed, %d answers of 503 asked again; p50 %v, p99 %v",
		soakArticles, ingestTook.Round(time.Millisecond), len(latencies), len(failures), retries, p50.Round(time.Millisecond), p99.Round(time.Millisecond))
	if len(failures) > 0 {
		t.Errorf("%d of %d requests failed, e.g. %s", len(failures), len(latencies), failures[0])
	}
	if 10*unanswered > len(latencies) {
		t.Errorf("%d of %d requests still told to wait when the soak ended", unanswered, len(latencies))
	}
}
