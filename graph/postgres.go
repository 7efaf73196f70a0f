package graph

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/lib/pq"
)

// ErrConnectionLost means the database went away in the middle of a
// command: what was committed before stays, nothing after it is written.
var ErrConnectionLost = errors.New("graph: lost the connection to the database")

// writeLockKey is the PostgreSQL advisory lock that kg writers take, so
// that several kg processes on one database write one at a time: Cayley's
// SQL backend counts node references in a way that concurrent writers
// corrupt.
const writeLockKey int64 = 0x6b67_7772_6974_6573 // "kgwrites"

// pgTablesExist reports whether Cayley's tables are in the database, so
// that Open initializes only a new database (Cayley logs an error for
// each table it finds already there).
func pgTablesExist(ctx context.Context, db *sql.DB) (bool, error) {
	var ok bool
	err := db.QueryRowContext(ctx, `SELECT to_regclass('nodes') IS NOT NULL AND to_regclass('quads') IS NOT NULL`).Scan(&ok)
	return ok, err
}

// lockWrites takes the store's write lock and returns its release. On
// PostgreSQL it is the advisory lock writeLockKey, held on a connection
// of its own and waited for; the embedded stores are held by one process
// anyway.
func (s *Store) lockWrites(ctx context.Context) (func(), error) {
	if s.pg == nil {
		return func() {}, nil
	}
	conn, err := s.pg.Conn(ctx)
	if err != nil {
		return nil, s.connError(fmt.Errorf("graph: taking the write lock: %w", err))
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, writeLockKey); err != nil {
		conn.Close()
		return nil, s.connError(fmt.Errorf("graph: taking the write lock: %w", err))
	}
	return func() {
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, writeLockKey)
		conn.Close()
	}, nil
}

// connError marks an error that means the database connection is gone
// with ErrConnectionLost.
func (s *Store) connError(err error) error {
	if err == nil || s.Backend != "postgres" || errors.Is(err, ErrConnectionLost) || !connectionLost(err) {
		return err
	}
	// Only the first line: Cayley appends its SQL to driver errors.
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return fmt.Errorf("%w (%s)", ErrConnectionLost, strings.TrimSpace(msg))
}

// connectionLost reports whether err says that the connection to a
// PostgreSQL server failed or was cut, rather than that a statement
// failed.
func connectionLost(err error) bool {
	var pe *pq.Error
	if errors.As(err, &pe) {
		// Class 08: connection exception; 57P01-57P03: the server is
		// shutting down or cannot connect now.
		return strings.HasPrefix(string(pe.Code), "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	// Cayley formats some driver errors with %v, which loses their type.
	msg := err.Error()
	for _, m := range []string{"connection refused", "bad connection", "connection reset", "broken pipe",
		"server closed the connection", "terminating connection", "database system is shutting down", "unexpected EOF"} {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}
