package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/kg-news/kg/server"
	"github.com/urfave/cli/v2"
)

// DefaultAddr is where kg serve listens: loopback, Cayley's port.
const DefaultAddr = "127.0.0.1:64210"

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the store: Cayley's HTTP API v2, kg's JSON answers and a web page",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: DefaultAddr, Usage: "address to listen on"},
			&cli.BoolFlag{Name: "allow-remote", Usage: "allow an address other than loopback"},
			&cli.BoolFlag{Name: "writable", Usage: "expose Cayley's write and delete endpoints, to requests that carry the token"},
			&cli.StringFlag{Name: "token", EnvVars: []string{"KG_TOKEN"}, Usage: "token write requests must send as \"Authorization: Bearer TOKEN\" (default: a random one, printed at start)"},
			&cli.IntFlag{Name: "max-queries", Value: server.DefaultMaxQueries, Usage: "queries running at once; more wait up to --queue-wait, then get 503 with Retry-After"},
			&cli.DurationFlag{Name: "queue-wait", Value: server.DefaultQueueWait, Usage: "how long a query waits for a free slot"},
			&cli.Int64Flag{Name: "query-memory", Value: server.DefaultQueryMemory, Usage: "heap bytes each running query may add before the running queries are stopped"},
			&cli.DurationFlag{Name: "timeout", Value: server.DefaultQueryTimeout, Usage: "longest time a query may run"},
			&cli.IntFlag{Name: "limit", Value: server.DefaultQueryLimit, Usage: "most results of a query"},
			&cli.Int64Flag{Name: "max-body", Value: server.DefaultMaxBody, Usage: "largest request body, in bytes"},
		},
		Action: runServe,
	}
}

// checkLoopback refuses an address that is not loopback unless allowed.
func checkLoopback(addr string, allow bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("serve: --addr %q: %w", addr, err)
	}
	if allow {
		return nil
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("serve: %q is not a loopback address; kg serves the store to anyone who can reach it, so pass --allow-remote to mean it", addr)
}

// allowedHosts are the Host headers a server on a loopback address
// answers: its address by the names a browser on this machine uses. A
// server on another address answers any, as it was asked to serve others.
func allowedHosts(addr string) []string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil
	}
	hosts := []string{"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port}
	if port == "80" {
		hosts = append(hosts, "localhost", "127.0.0.1", "[::1]")
	}
	if ip := net.ParseIP(host); ip != nil {
		hosts = append(hosts, net.JoinHostPort(ip.String(), port))
	}
	return hosts
}

// localURL is the address a process on this machine reaches a listener
// at.
func localURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

func runServe(c *cli.Context) error {
	addr := c.String("addr")
	if err := checkLoopback(addr, c.Bool("allow-remote")); err != nil {
		return err
	}
	st, err := openExisting(c)
	if err != nil {
		return err
	}
	defer st.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer ln.Close()
	token := c.String("token")
	if c.Bool("writable") && token == "" {
		var b [16]byte
		if _, err := rand.Read(b[:]); err != nil {
			return fmt.Errorf("serve: making a token: %w", err)
		}
		token = hex.EncodeToString(b[:])
	}
	if c.Int64("query-memory") <= 0 {
		return fmt.Errorf("serve: --query-memory must be positive")
	}
	opts := server.Options{
		Writable: c.Bool("writable"), Token: token, QueryTimeout: c.Duration("timeout"),
		QueryLimit: c.Int("limit"), MaxBody: c.Int64("max-body"),
		MaxQueries: c.Int("max-queries"), QueueWait: c.Duration("queue-wait"), QueryMemory: uint64(c.Int64("query-memory")),
		Hosts: allowedHosts(ln.Addr().String()),
	}
	if addr := embeddedAddress(c); addr != "" {
		// One process at a time opens an embedded store: a kg ingest run
		// beside this server hands its articles to it.
		ingestToken, remove, err := announceServer(addr, localURL(ln.Addr()))
		if err != nil {
			return err
		}
		defer remove()
		opts.Ingest, opts.IngestToken = ingestInServer, ingestToken
	}
	h, err := server.New(st, opts)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      c.Duration("timeout") + 30*time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	mode := "read-only"
	if c.Bool("writable") {
		mode = "writable"
	}
	fmt.Fprintf(c.App.Writer, "kg: serving %s store %s (%s) on http://%s/\n", st.Backend, st.Address, mode, ln.Addr())
	if c.Bool("writable") && !c.IsSet("token") {
		fmt.Fprintf(c.App.Writer, "kg: write token %s (send \"Authorization: Bearer %s\")\n", token, token)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-c.Context.Done():
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			return err
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}
