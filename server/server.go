package server

import (
	"bytes"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"

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
	DefaultMaxQueries   = 4
	DefaultQueueWait    = 2 * time.Second
	DefaultQueryMemory  = 256 << 20 // 256 MiB
)

// Options adjust the server; the zero value takes the defaults and is
// read-only.
type Options struct {
	Writable     bool          // expose Cayley's write and delete endpoints
	Token        string        // required of write requests (Authorization: Bearer TOKEN); needed when Writable
	QueryTimeout time.Duration // per query, Cayley's and kg's
	QueryLimit   int           // most results of a Cayley query, most quads of /api/v2/read
	MaxBody      int64         // largest request body, in bytes
	MaxQueries   int           // Cayley queries running at once; more wait
	QueueWait    time.Duration // how long a query waits for one of them, then gets 503
	QueryMemory  uint64        // heap bytes each running query may add before the queries are stopped
	// Hosts are the Host headers the server answers, so that a page on
	// another site cannot reach a loopback server through DNS rebinding;
	// empty answers any.
	Hosts []string
	// Ingest, when set, serves POST /api/kg/ingest to requests with
	// IngestToken (or Token): kg ingest run in the server's process, for
	// a kg ingest that finds the store held by this server.
	Ingest      IngestFunc
	IngestToken string
}

// Errors of New and of requests.
var (
	ErrNoToken        = errors.New("server: a writable server needs a token")
	errForeignOrigin  = errors.New("cross-origin request refused")
	errForeignHost    = errors.New("unknown Host; kg answers only the address it listens on")
	errWriteType      = errors.New("write requests must be N-Quads (application/n-quads) or JSON (application/json, application/ld+json)")
	errUnauthorized   = errors.New("write requests need the server's token: Authorization: Bearer TOKEN")
	errBodyOverLimits = errors.New("request body over the limit")
)

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
	if o.MaxQueries <= 0 {
		o.MaxQueries = DefaultMaxQueries
	}
	if o.QueueWait <= 0 {
		o.QueueWait = DefaultQueueWait
	}
	if o.QueryMemory == 0 {
		o.QueryMemory = DefaultQueryMemory
	}
}

//go:embed web
var webFiles embed.FS

// Server answers HTTP requests on a store.
type Server struct {
	st   *graph.Store
	opts Options
	mux  http.Handler

	mu      sync.Mutex
	view    *graph.View // projected on first use, dropped after writes
	viewGen string      // the store's generation the view was projected at

	ingestMu sync.Mutex // one ingest at a time
}

// New returns a server of the store.
func New(st *graph.Store, opts Options) (*Server, error) {
	opts.defaults()
	if opts.Writable && opts.Token == "" {
		return nil, ErrNoToken
	}
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
	// Cayley's routes are registered one by one on kg's router: a
	// read-only server has no write routes at all, queries run under the
	// guard, reads are capped, and writes need the token and drop the
	// cached view.
	guard := newQueryGuard(opts.MaxQueries, opts.QueueWait, opts.QueryMemory)
	query := s.reading(guard.wrap(http.HandlerFunc(api.ServeQuery)))
	r.Handler(http.MethodGet, "/api/v2/query", query)
	r.Handler(http.MethodPost, "/api/v2/query", query)
	r.Handler(http.MethodGet, "/api/v2/read", s.reading(http.HandlerFunc(s.read)))
	r.Handler(http.MethodPost, "/api/v2/read", s.reading(http.HandlerFunc(s.read)))
	r.HandlerFunc(http.MethodGet, "/api/v2/formats", api.ServeFormats)
	if opts.Writable {
		for path, h := range map[string]http.HandlerFunc{
			"/api/v2/write":       api.ServeWrite,
			"/api/v2/delete":      api.ServeDelete,
			"/api/v2/node/delete": api.ServeNodeDelete,
		} {
			r.Handler(http.MethodPost, path, s.writeGuard(h))
		}
	}
	if opts.Ingest != nil && opts.IngestToken != "" {
		r.HandlerFunc(http.MethodPost, "/api/kg/ingest", s.ingest)
	}
	for path, h := range map[string]http.HandlerFunc{
		"/api/kg/search":      s.search,
		"/api/kg/entity":      s.entity,
		"/api/kg/central":     s.central,
		"/api/kg/communities": s.communities,
		"/api/kg/events":      s.events,
		"/api/kg/path":        s.path,
		"/api/kg/evidence":    s.evidence,
	} {
		r.Handler(http.MethodGet, path, s.reading(h))
	}
	static, _ := fs.Sub(webFiles, "web")
	files := http.FileServer(http.FS(static))
	r.NotFound = http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		name := strings.TrimPrefix(req.URL.Path, "/")
		if name != "" && !fs.ValidPath(name) || !utf8.ValidString(req.URL.Path) {
			writeError(w, http.StatusNotFound, fmt.Errorf("no page %q", req.URL.Path))
			return
		}
		files.ServeHTTP(w, req)
	})
	s.mux = r
	return s, nil
}

// writeGuard lets a write through only with the token and a quad
// format's content type; a write drops the cached view.
func (s *Server) writeGuard(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(token), []byte(s.opts.Token)) != 1 {
			writeError(w, http.StatusUnauthorized, errUnauthorized)
			return
		}
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		switch mt {
		case "application/n-quads", "application/n-triples", "application/json", "application/ld+json":
		default:
			writeError(w, http.StatusUnsupportedMediaType, errWriteType)
			return
		}
		done := s.st.Writing()
		h(w, r)
		done()
		s.st.MarkChanged(r.Context())
		s.dropView()
	})
}

// reading runs a handler that reads the store with this process's writes
// held off (see graph.Store.Reading).
func (s *Server) reading(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer s.st.Reading()()
		h.ServeHTTP(w, r)
	})
}

// ServeHTTP checks the Host and Origin, limits the request body and
// dispatches.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if len(s.opts.Hosts) > 0 && !slices.Contains(s.opts.Hosts, strings.ToLower(r.Host)) {
		writeError(w, http.StatusMisdirectedRequest, fmt.Errorf("%w: %q", errForeignHost, r.Host))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// A browser names the page's origin on every cross-origin POST;
		// a page of another site must not write, nor run queries.
		if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r.Host) {
			writeError(w, http.StatusForbidden, fmt.Errorf("%w: Origin %q", errForeignOrigin, o))
			return
		}
	}
	if r.ContentLength > s.opts.MaxBody {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("%w: %d bytes, the limit is %d", errBodyOverLimits, r.ContentLength, s.opts.MaxBody))
		return
	}
	if r.ContentLength < 0 && r.Body != nil && r.Body != http.NoBody {
		// A body of unknown length (chunked) is read whole first, so that
		// one over the limit is refused rather than cut.
		data, err := io.ReadAll(io.LimitReader(r.Body, s.opts.MaxBody+1))
		if err != nil {
			writeError(w, http.StatusBadRequest, err)
			return
		}
		if int64(len(data)) > s.opts.MaxBody {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("%w: more than %d bytes", errBodyOverLimits, s.opts.MaxBody))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(data))
		r.ContentLength = int64(len(data))
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
	s.mux.ServeHTTP(w, r)
}

// sameOrigin reports whether an Origin header names the host the request
// was sent to.
func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	return strings.EqualFold(u.Host, host)
}

// read answers /api/v2/read as Cayley does (quads matching sub, pred,
// obj and label, in format), but at most --limit quads of them, or
// fewer with limit=N; X-KG-Limit says the cap.
func (s *Server) read(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("format")
	if name == "" {
		name = "nquads"
	}
	format := quad.FormatByName(name)
	if format == nil || format.Writer == nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("format %q cannot be written", name))
		return
	}
	limit := s.opts.QueryLimit
	if l := r.FormValue("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n <= 0 {
			writeError(w, http.StatusBadRequest, fmt.Errorf("limit %q: want a positive number", l))
			return
		}
		limit = min(limit, n)
	}
	values := func(key string) []quad.Value {
		var out []quad.Value
		for _, v := range r.Form[key] {
			out = append(out, quad.StringToValue(v))
		}
		return out
	}
	qs := s.st.QuadStore()
	it := shape.FilterQuads(values("sub"), values("pred"), values("obj"), values("label")).BuildIterator(qs)
	qr := cgraph.NewResultReader(qs, it)
	defer qr.Close()
	if len(format.Mime) > 0 {
		w.Header().Set("Content-Type", format.Mime[0])
	}
	w.Header().Set("X-KG-Limit", strconv.Itoa(limit))
	qw := format.Writer(w)
	defer qw.Close()
	ctx := r.Context()
	for n := 0; n < limit; n++ {
		if ctx.Err() != nil {
			return
		}
		q, err := qr.ReadQuad()
		if err != nil {
			return // io.EOF, or a store error after the header went out
		}
		if err := qw.WriteQuad(q); err != nil {
			return
		}
	}
}

func (s *Server) dropView() {
	s.mu.Lock()
	s.view = nil
	s.mu.Unlock()
}

// currentView returns the projected view, projecting it when needed. A
// view projected from another generation of the store is projected
// again: another process may write a PostgreSQL store while the server
// runs, and the server answers from what it holds now.
func (s *Server) currentView(r *http.Request) (*graph.View, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gen, err := s.st.Generation(r.Context())
	if err != nil {
		return nil, err
	}
	if s.view == nil || gen != s.viewGen {
		v, err := s.st.View(r.Context())
		if err != nil {
			return nil, err
		}
		s.view, s.viewGen = v, gen
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
	case errors.Is(err, queries.ErrNotFound), errors.Is(err, queries.ErrNotConnected):
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
