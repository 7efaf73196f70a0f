package server

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	_ "github.com/cayleygraph/cayley/writer" // registers the "single" quad writer
	"github.com/julienschmidt/httprouter"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/queries"
)

// Defaults of Options.
const (
	DefaultQueryTimeout = 10 * time.Second
	DefaultQueryLimit   = 1000
	DefaultMaxBody      = 1 << 20 // 1 MiB
)

// Options adjust the server; the zero value takes the defaults and is
// read-only.
type Options struct {
	Writable     bool          // expose Cayley's write and delete endpoints
	QueryTimeout time.Duration // per query, Cayley's and kg's
	QueryLimit   int           // most results of a Cayley query
	MaxBody      int64         // largest request body, in bytes
}

func (o *Options) defaults() {
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = DefaultQueryTimeout
	}
	if o.QueryLimit <= 0 {
		o.QueryLimit = DefaultQueryLimit
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
}

//go:embed web
var webFiles embed.FS

// Server answers HTTP requests on a store.
type Server struct {
	st   *graph.Store
	opts Options
	mux  http.Handler

	mu   sync.Mutex
	view *graph.View // projected on first use, dropped after writes
}

// New returns a server of the store.
func New(st *graph.Store, opts Options) (*Server, error) {
	opts.defaults()
	s := &Server{st: st, opts: opts}
	qs := st.QuadStore()
	w, err := cgraph.NewQuadWriter("single", qs, cgraph.Options{"ignore_duplicate": true, "ignore_missing": true})
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	api := cayleyhttp.NewAPIv2(&cgraph.Handle{QuadStore: qs, QuadWriter: w})
	api.SetReadOnly(!opts.Writable)
	api.SetQueryTimeout(opts.QueryTimeout)
	api.SetQueryLimit(opts.QueryLimit)
	r := httprouter.New()
	// Registered on kg's own router, so that a read-only server has no
	// write routes at all; writes drop the cached view.
	api.RegisterOn(r, func(h httprouter.Handle) httprouter.Handle {
		return func(w http.ResponseWriter, req *http.Request, p httprouter.Params) {
			h(w, req, p)
			if req.Method == http.MethodPost && req.URL.Path != "/api/v2/query" && req.URL.Path != "/api/v2/read" {
				s.dropView()
			}
		}
	})
	for path, h := range map[string]http.HandlerFunc{
		"/api/kg/search":      s.search,
		"/api/kg/entity":      s.entity,
		"/api/kg/central":     s.central,
		"/api/kg/communities": s.communities,
		"/api/kg/events":      s.events,
		"/api/kg/path":        s.path,
		"/api/kg/evidence":    s.evidence,
	} {
		r.Handler(http.MethodGet, path, h)
	}
	static, _ := fs.Sub(webFiles, "web")
	r.NotFound = http.FileServer(http.FS(static))
	s.mux = r
	return s, nil
}

// ServeHTTP limits the request body and dispatches.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > s.opts.MaxBody {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("request body of %d bytes is over the limit of %d", r.ContentLength, s.opts.MaxBody))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	s.mux.ServeHTTP(w, r)
}

func (s *Server) dropView() {
	s.mu.Lock()
	s.view = nil
	s.mu.Unlock()
}

// currentView returns the projected view, projecting it when needed.
func (s *Server) currentView(r *http.Request) (*graph.View, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.view == nil {
		v, err := s.st.View(r.Context())
		if err != nil {
			return nil, err
		}
		s.view = v
	}
	return s.view, nil
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}

// fail maps kg's errors to HTTP statuses.
func fail(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, queries.ErrNotFound):
		writeError(w, http.StatusNotFound, err)
	case errors.Is(err, queries.ErrAmbiguous), errors.Is(err, errBadRequest):
		writeError(w, http.StatusBadRequest, err)
	case errors.Is(err, queries.ErrTimeout):
		writeError(w, http.StatusGatewayTimeout, err)
	default:
		writeError(w, http.StatusInternalServerError, err)
	}
}

var errBadRequest = errors.New("bad request")
