// Package pgtest runs throwaway PostgreSQL clusters for tests, with the
// initdb and pg_ctl of the machine.
package pgtest

import (
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	_ "github.com/lib/pq" // the driver CreateDB uses
)

// Cluster is a running throwaway cluster.
type Cluster struct {
	// Conn is a connection string to its "postgres" database.
	Conn string
	Port int

	t     testing.TB
	dir   string
	data  string
	pgctl string
	cred  *syscall.Credential
}

// Start starts a cluster on a free loopback port, stopped when the test
// ends. It skips the test when no PostgreSQL is installed.
func Start(t testing.TB) *Cluster {
	t.Helper()
	initdb := binary("initdb")
	pgctl := binary("pg_ctl")
	if initdb == "" || pgctl == "" {
		t.Skip("PostgreSQL is not installed (no initdb and pg_ctl on PATH or in /usr/lib/postgresql/*/bin); skipping the PostgreSQL test")
	}
	c := &Cluster{t: t, dir: t.TempDir(), pgctl: pgctl}
	c.data = filepath.Join(c.dir, "data")
	if os.Geteuid() == 0 {
		// initdb refuses to run as root: run the cluster as the postgres
		// user, or nobody.
		u, err := user.Lookup("postgres")
		if err != nil {
			u, err = user.Lookup("nobody")
		}
		if err != nil {
			t.Fatalf("running as root and no postgres or nobody user: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(c.dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		os.Chmod(filepath.Dir(c.dir), 0o755)
	}
	c.run(initdb, "-D", c.data, "-U", "kg", "--auth=trust", "-E", "UTF8", "--no-locale")
	c.Port = freePort(t)
	c.Conn = c.ConnTo("postgres")
	c.Start()
	t.Cleanup(func() { c.stop("immediate", false) })
	return c
}

// ConnTo is a connection string to another database of the cluster.
func (c *Cluster) ConnTo(db string) string {
	return fmt.Sprintf("host=127.0.0.1 port=%d user=kg dbname=%s sslmode=disable", c.Port, db)
}

// CreateDB creates a database in the cluster and returns a connection
// string to it.
func (c *Cluster) CreateDB(name string) string {
	c.t.Helper()
	db, err := sql.Open("postgres", c.Conn)
	if err != nil {
		c.t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		c.t.Fatal(err)
	}
	return c.ConnTo(name)
}

// Start starts the cluster again after Stop.
func (c *Cluster) Start() {
	c.t.Helper()
	c.run(c.pgctl, "-D", c.data, "-l", filepath.Join(c.dir, "log"), "-w", "-t", "30", "start",
		"-o", fmt.Sprintf("-k %s -p %d -h 127.0.0.1 -F", c.dir, c.Port))
}

// Stop stops the cluster at once, as a crash or an administrator would:
// open connections are cut.
func (c *Cluster) Stop() { c.stop("immediate", true) }

func (c *Cluster) stop(mode string, must bool) {
	cmd := exec.Command(c.pgctl, "-D", c.data, "-m", mode, "-w", "stop")
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	if out, err := cmd.CombinedOutput(); err != nil && must {
		c.t.Fatalf("pg_ctl stop: %v\n%s", err, out)
	}
}

func (c *Cluster) run(name string, args ...string) {
	c.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = c.dir
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		c.t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

func binary(name string) string {
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	if len(matches) > 0 {
		return matches[len(matches)-1]
	}
	return ""
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	time.Sleep(10 * time.Millisecond)
	return l.Addr().(*net.TCPAddr).Port
}
