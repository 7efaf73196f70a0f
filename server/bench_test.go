package server_test

import (
	"net/http"
	"net/http/httptest"
	"sort"
	"testing"
	"time"

	"github.com/kg-news/kg/internal/seedtest"
	"github.com/kg-news/kg/server"
)

// BenchmarkEntity500 asks /api/kg/entity for the most written-about
// person of a 500-article store (go test -bench Entity500 ./server). It
// reports the median time per request besides the mean.
func BenchmarkEntity500(b *testing.B) {
	st := seedtest.CorpusStore(b, 500)
	h, err := server.New(st, server.Options{})
	if err != nil {
		b.Fatal(err)
	}
	get := func() time.Duration {
		req := httptest.NewRequest("GET", "/api/kg/entity?name=Donald+Trump", nil)
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		d := time.Since(start)
		if rec.Code != http.StatusOK {
			b.Fatalf("%d %s", rec.Code, rec.Body.String())
		}
		return d
	}
	get() // projects the view once, as a running server has
	b.ResetTimer()
	times := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		times = append(times, get())
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}
