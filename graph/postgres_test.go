package graph

import (
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
)

// startPostgres starts a throwaway PostgreSQL cluster on a free loopback
// port with the initdb and pg_ctl on the machine and returns its
// connection string. It skips the test when no PostgreSQL is installed.
func startPostgres(t testing.TB) string {
	t.Helper()
	initdb := findPGBinary("initdb")
	pgctl := findPGBinary("pg_ctl")
	if initdb == "" || pgctl == "" {
		t.Skip("PostgreSQL is not installed (no initdb and pg_ctl on PATH or in /usr/lib/postgresql/*/bin); skipping the PostgreSQL test")
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	var cred *syscall.Credential
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
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		os.Chmod(filepath.Dir(dir), 0o755)
	}
	run := func(name string, args ...string) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		if cred != nil {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	run(initdb, "-D", data, "-U", "kg", "--auth=trust", "-E", "UTF8", "--no-locale")
	port := freePort(t)
	run(pgctl, "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-t", "30", "start",
		"-o", fmt.Sprintf("-k %s -p %d -h 127.0.0.1 -F", dir, port))
	t.Cleanup(func() {
		cmd := exec.Command(pgctl, "-D", data, "-m", "immediate", "stop")
		if cred != nil {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		}
		cmd.Run()
	})
	return fmt.Sprintf("host=127.0.0.1 port=%d user=kg dbname=postgres sslmode=disable", port)
}

func findPGBinary(name string) string {
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
