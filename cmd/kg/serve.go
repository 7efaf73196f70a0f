package main

import (
	"context"
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
			&cli.BoolFlag{Name: "writable", Usage: "expose Cayley's write and delete endpoints"},
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

func runServe(c *cli.Context) error {
	addr := c.String("addr")
	if err := checkLoopback(addr, c.Bool("allow-remote")); err != nil {
		return err
	}
	st, err := openStore(c)
	if err != nil {
		return err
	}
	defer st.Close()
	h, err := server.New(st, server.Options{
		Writable: c.Bool("writable"), QueryTimeout: c.Duration("timeout"),
		QueryLimit: c.Int("limit"), MaxBody: c.Int64("max-body"),
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
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
