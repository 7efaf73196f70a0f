package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/server"
	"github.com/urfave/cli/v2"
)

// serveFile, in an embedded store's folder, tells other kg commands that
// a kg serve holds the store, where it listens and the token of its
// ingest handoff. It is written at start (readable by its owner only)
// and removed at exit.
const serveFile = "kg-serve.json"

// servedStoreKey is the App.Metadata key under which a kg serve hands
// its open store to the ingest it runs for another kg.
const servedStoreKey = "kg.servedStore"

// serving is the content of serveFile.
type serving struct {
	URL   string `json:"url"`
	PID   int    `json:"pid"`
	Token string `json:"token"`
}

// embeddedAddress returns the folder of the embedded store the global
// flags name, or "" for PostgreSQL and memstore (which other processes
// can open themselves, or not at all).
func embeddedAddress(c *cli.Context) string {
	switch c.String("backend") {
	case "", "bolt", "badger", "leveldb":
		if addr := c.String("db"); addr != "" {
			return addr
		}
		return graph.DefaultAddress
	}
	return ""
}

// announceServer writes serveFile into the store's folder and returns
// the ingest token and the function that removes the file.
func announceServer(addr, url string) (string, func(), error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", nil, err
	}
	token := hex.EncodeToString(b[:])
	data, _ := json.Marshal(serving{URL: url, PID: os.Getpid(), Token: token})
	path := filepath.Join(addr, serveFile)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return "", nil, fmt.Errorf("serve: announcing the server beside the store: %w", err)
	}
	return token, func() { os.Remove(path) }, nil
}

// runningServer returns the kg serve that holds the store the flags
// name, when its serveFile is there and it answers.
func runningServer(c *cli.Context) (serving, bool) {
	addr := embeddedAddress(c)
	if addr == "" {
		return serving{}, false
	}
	data, err := os.ReadFile(filepath.Join(addr, serveFile))
	if err != nil {
		return serving{}, false
	}
	var srv serving
	if json.Unmarshal(data, &srv) != nil || srv.URL == "" {
		return serving{}, false
	}
	client := http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get(srv.URL + "api/v2/formats")
	if err != nil {
		return serving{}, false
	}
	resp.Body.Close()
	return srv, resp.StatusCode == http.StatusOK
}

// errServed is a read command's error on a store a kg serve holds.
var errServed = errors.New("the store is held by a running kg serve")

// servedError says what to do when a command finds its store held by a
// running kg serve: the embedded stores let one process at a time open
// them.
func servedError(srv serving) error {
	return fmt.Errorf("%w at %s (pid %d): kg ingest hands its articles to it, and its answers are at %sapi/kg/ (central, communities, events, path, entity, search) and %sapi/v2/query; stop the server to run this command on the store directly",
		errServed, srv.URL, srv.PID, srv.URL, srv.URL)
}

// ingestInServer is the ingest a kg serve runs for another kg: kg
// ingest with the given arguments on the server's open store.
func ingestInServer(ctx context.Context, st *graph.Store, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	app := newApp(stdin, stdout, stderr)
	app.Metadata = map[string]any{servedStoreKey: st}
	err := app.RunContext(ctx, append([]string{"kg", "ingest"}, args...))
	if err != nil && !errors.Is(err, errReported) {
		fmt.Fprintln(stderr, "kg:", plainError(err))
	}
	return err
}

// handOff sends an ingest to the kg serve that holds the store: the
// command's own flags and its inputs as absolute paths (the server reads
// them from this machine), and stdin's text for "-". It prints what the
// server's ingest printed.
func handOff(c *cli.Context, srv serving) error {
	var req server.IngestRequest
	for _, f := range c.Command.Flags {
		name := f.Names()[0]
		if !c.IsSet(name) || name == "progress" {
			continue
		}
		v := c.String(name)
		if name == "aliases" {
			if abs, err := filepath.Abs(v); err == nil {
				v = abs
			}
		}
		req.Args = append(req.Args, "--"+name+"="+v)
	}
	req.Args = append(req.Args, "--progress=off", "--")
	for _, p := range c.Args().Slice() {
		if p == "-" {
			data, err := io.ReadAll(c.App.Reader)
			if err != nil {
				return fmt.Errorf("ingest: reading stdin: %w", err)
			}
			req.Stdin = string(data)
		} else if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		req.Args = append(req.Args, p)
	}
	body, _ := json.Marshal(req)
	hr, err := http.NewRequestWithContext(c.Context, http.MethodPost, srv.URL+"api/kg/ingest", bytes.NewReader(body))
	if err != nil {
		return err
	}
	hr.Header.Set("Authorization", "Bearer "+srv.Token)
	hr.Header.Set("Content-Type", "application/json")
	fmt.Fprintf(c.App.ErrWriter, "kg: the store is held by kg serve at %s (pid %d); ingesting there\n", srv.URL, srv.PID)
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		return fmt.Errorf("ingest: handing the articles to kg serve at %s: %w", srv.URL, err)
	}
	defer resp.Body.Close()
	var out server.IngestResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK {
		msg := resp.Status
		if out.Error != "" {
			msg = out.Error
		}
		return fmt.Errorf("ingest: kg serve at %s refused the articles: %s", srv.URL, strings.TrimSpace(msg))
	}
	io.WriteString(c.App.Writer, out.Stdout)
	io.WriteString(c.App.ErrWriter, out.Stderr)
	if !out.OK {
		return errReported
	}
	return nil
}
