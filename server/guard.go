package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Errors of the query guard.
var (
	ErrBusy        = errors.New("server: too many queries running; try again shortly")
	ErrQueryMemory = errors.New("server: query stopped: the running queries took more memory than --query-memory allows")
	ErrQueryFailed = errors.New("server: the query language's engine failed on this query; check its syntax")
)

// queryGuard bounds what queries may take: how many run at once and how
// much heap they may grow. Cayley's Gizmo runs JavaScript on goja, whose
// version under Cayley v0.7.7 has no stack or memory limit of its own; a
// runaway recursion or string doubling is stopped here instead, by
// cancelling the queries' contexts (Cayley then interrupts the VM).
//
// The heap is read from the runtime's live-heap metric, the size of what
// survived the last collection, so garbage does not count; a query that
// keeps what it allocates makes collections come, and is seen at the
// next one.
type queryGuard struct {
	slots    chan struct{}
	wait     time.Duration // how long a query waits for a slot
	budget   uint64        // heap bytes each running query may add
	interval time.Duration // how often the heap is read

	mu      sync.Mutex
	running map[*guardedQuery]bool
	ticking bool
}

type guardedQuery struct {
	cancel  context.CancelCauseFunc
	base    uint64 // live heap when it started
	stopped bool   // by the guard
}

func newQueryGuard(concurrent int, wait time.Duration, budget uint64) *queryGuard {
	return &queryGuard{
		slots:    make(chan struct{}, concurrent),
		wait:     wait,
		budget:   budget,
		interval: 10 * time.Millisecond,
		running:  map[*guardedQuery]bool{},
	}
}

// readHeap returns the live heap (what survived the last collection)
// and all heap objects, garbage included.
func readHeap() (live, objects uint64) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		live = s[0].Value.Uint64()
	}
	if s[1].Value.Kind() == metrics.KindUint64 {
		objects = s[1].Value.Uint64()
	}
	return live, objects
}

// wrap runs h under the guard: when a slot is free within the wait,
// else 503 with Retry-After; the request's context is cancelled when the
// heap outgrows the running queries' budget.
func (g *queryGuard) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wait := time.NewTimer(g.wait)
		select {
		case g.slots <- struct{}{}:
			wait.Stop()
		case <-wait.C:
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusServiceUnavailable, ErrBusy)
			return
		case <-r.Context().Done():
			wait.Stop()
			return
		}
		defer func() { <-g.slots }()
		ctx, cancel := context.WithCancelCause(r.Context())
		defer cancel(nil)
		live, _ := readHeap()
		q := &guardedQuery{cancel: cancel, base: live}
		g.start(q)
		// Query answers are at most --limit results: buffered, so that a
		// stopped query gets the guard's answer rather than Cayley's.
		buf := &bufferedResponse{header: http.Header{}}
		failure := serveRecovering(h, buf, r.WithContext(ctx))
		if g.end(q) {
			writeError(w, http.StatusServiceUnavailable, ErrQueryMemory)
			// Give what the stopped query took back to the system.
			go debug.FreeOSMemory()
			return
		}
		if failure == http.ErrAbortHandler {
			panic(failure)
		}
		if failure != nil {
			// Cayley's parsers panic on some malformed queries (GraphQL's
			// lexer on a blank block string): the query is at fault, not
			// the server, and what it half wrote is dropped.
			writeError(w, http.StatusBadRequest, fmt.Errorf("%w: %v", ErrQueryFailed, failure))
			return
		}
		buf.flush(w)
	})
}

// serveRecovering runs h and returns what it panicked with, if it did.
func serveRecovering(h http.Handler, w http.ResponseWriter, r *http.Request) (failure any) {
	defer func() { failure = recover() }()
	h.ServeHTTP(w, r)
	return nil
}

func (g *queryGuard) start(q *guardedQuery) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.running[q] = true
	if !g.ticking {
		g.ticking = true
		go g.watch()
	}
}

// end forgets a query and reports whether the guard stopped it.
func (g *queryGuard) end(q *guardedQuery) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.running, q)
	return q.stopped
}

// watch reads the heap while queries run and stops them all when it
// outgrows their budget: the heap cannot tell which one took it.
func (g *queryGuard) watch() {
	t := time.NewTicker(g.interval)
	defer t.Stop()
	for range t.C {
		g.mu.Lock()
		if len(g.running) == 0 {
			g.ticking = false
			g.mu.Unlock()
			return
		}
		var base uint64
		first := true
		for q := range g.running {
			if first || q.base < base {
				base, first = q.base, false
			}
		}
		limit := base + g.budget*uint64(len(g.running))
		// Garbage may reach the live heap's size before a collection
		// (GOGC=100), so all objects get twice the limit.
		if live, objects := readHeap(); live > limit || objects > 2*limit {
			for q := range g.running {
				if !q.stopped {
					q.stopped = true
					q.cancel(ErrQueryMemory)
				}
			}
			// Collect now, so that the next reading sees what is left.
			go func() { debug.FreeOSMemory() }()
		}
		g.mu.Unlock()
	}
}

// bufferedResponse holds a response until it is flushed.
type bufferedResponse struct {
	header http.Header
	code   int
	body   []byte
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.code == 0 {
		b.code = http.StatusOK
	}
	b.body = append(b.body, p...)
	return len(p), nil
}

func (b *bufferedResponse) flush(w http.ResponseWriter) {
	for k, v := range b.header {
		w.Header()[k] = v
	}
	if b.code == 0 {
		b.code = http.StatusOK
	}
	w.WriteHeader(b.code)
	w.Write(b.body)
}
