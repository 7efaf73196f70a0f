// Command peakmem runs a command and reports, on its last line of
// standard error, its wall time and peak memory, split into what the
// process itself allocated and what it mapped of files:
//
//	go run ./internal/corpus/peakmem -- kg ingest corpus/
//	peak	83.9 s	1.36 GB resident	0.42 GB anonymous	0.97 GB file-mapped
//
// Resident is the kernel's high-water mark (VmHWM), as GNU time's %M
// reports it. It counts the pages of the store's file that bolt maps and
// the process has touched: page cache, which the kernel takes back when
// memory runs short, and which grows with the store. Anonymous is the
// highest RssAnon seen, sampled every 20 ms: the heap and stacks the
// process needs whatever the size of its store file. File-mapped is
// RssFile at that moment. Linux only.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: peakmem [--] command [args...]")
		os.Exit(2)
	}
	code, err := run(args)
	if err != nil {
		fmt.Fprintln(os.Stderr, "peakmem:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

func run(args []string) (int, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	var peak memory
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			elapsed := time.Since(start)
			fmt.Fprintf(os.Stderr, "peak\t%.2f s\t%.2f GB resident\t%.2f GB anonymous\t%.2f GB file-mapped\n",
				elapsed.Seconds(), gb(peak.hwm), gb(peak.anon), gb(peak.file))
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				return exit.ExitCode(), nil
			}
			return 0, err
		case <-tick.C:
			m, ok := readStatus(status)
			if !ok {
				continue
			}
			peak.hwm = max(peak.hwm, m.hwm)
			if m.anon > peak.anon {
				peak.anon, peak.file = m.anon, m.file
			}
		}
	}
}

// memory holds sizes in kB, as /proc reports them.
type memory struct{ hwm, anon, file int64 }

func gb(kb int64) float64 { return float64(kb) * 1024 / 1e9 }

// readStatus reads VmHWM, RssAnon and RssFile from a /proc status file.
func readStatus(path string) (memory, bool) {
	f, err := os.Open(path)
	if err != nil {
		return memory{}, false
	}
	defer f.Close()
	var m memory
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		fields := strings.Fields(val)
		if len(fields) == 0 {
			continue
		}
		n, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			continue
		}
		switch key {
		case "VmHWM":
			m.hwm = n
		case "RssAnon":
			m.anon = n
		case "RssFile":
			m.file = n
		}
	}
	return m, m.hwm > 0
}
