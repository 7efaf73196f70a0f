package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/kg-news/kg/graph"
)

// IngestFunc runs kg ingest with its command-line arguments on the
// server's store, reading "-" from stdin and printing what the command
// prints; its error is the command's.
type IngestFunc func(ctx context.Context, st *graph.Store, args []string, stdin io.Reader, stdout, stderr io.Writer) error

// IngestRequest is the body of POST /api/kg/ingest: the arguments of a
// kg ingest (absolute paths of files on the server's machine, and
// flags), and the text it reads for "-".
type IngestRequest struct {
	Args  []string `json:"args"`
	Stdin string   `json:"stdin,omitempty"`
}

// IngestResponse is what the ingest printed and whether it succeeded.
type IngestResponse struct {
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
	OK     bool   `json:"ok"`
	Error  string `json:"error,omitempty"`
}

var errIngestToken = errors.New("ingest requests need the server's ingest token (in kg-serve.json beside the store) or its write token: Authorization: Bearer TOKEN")

// ingest runs one kg ingest at a time in the server's process, so that
// a kg ingest on the same machine writes into the store this server
// holds, and the server answers from what it wrote at once. The store
// is read by other requests meanwhile.
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	token := []byte(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if subtle.ConstantTimeCompare(token, []byte(s.opts.IngestToken)) != 1 &&
		(s.opts.Token == "" || subtle.ConstantTimeCompare(token, []byte(s.opts.Token)) != 1) {
		writeError(w, http.StatusUnauthorized, errIngestToken)
		return
	}
	var req IngestRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("ingest: the body is not an ingest request: %w", err))
		return
	}
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	var stdout, stderr bytes.Buffer
	err := s.opts.Ingest(r.Context(), s.st, req.Args, strings.NewReader(req.Stdin), &stdout, &stderr)
	s.dropView()
	resp := IngestResponse{Stdout: stdout.String(), Stderr: stderr.String(), OK: err == nil}
	if err != nil {
		resp.Error = err.Error()
	}
	writeJSON(w, resp)
}
