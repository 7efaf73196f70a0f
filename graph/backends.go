package graph

import (
	"errors"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/flat"
	hbadger "github.com/hidal-go/hidalgo/kv/flat/badger"
	hleveldb "github.com/hidal-go/hidalgo/kv/flat/leveldb"
	"github.com/kg-news/kg/graph/internal/bboltkv"
	bolt "go.etcd.io/bbolt"

	_ "github.com/cayleygraph/cayley/graph/memstore"     // registers memstore
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers postgres
)

// BoltLockTimeout is how long Open waits for a bolt file that another
// process holds before it gives up.
const BoltLockTimeout = 2 * time.Second

// The key-value backends are registered here rather than through Cayley's
// graph/kv/all: package initialization order since Go 1.21 runs Cayley's
// registration loop before hidalgo registers badger and leveldb, so they
// would be missing, and Cayley's own bolt registration waits forever on a
// locked file. Bolt files are opened with go.etcd.io/bbolt, the
// maintained fork of BoltDB with the same file format: BoltDB v1.3.1,
// which Cayley's own registration uses, fails Go's checkptr checks under
// the race detector.
func init() {
	kv.Register("bolt", kv.Registration{NewFunc: openBolt, InitFunc: openBolt, IsPersistent: true})
	for name, open := range map[string]func(string) (flat.KV, error){
		"badger":  hbadger.OpenPath,
		"leveldb": hleveldb.OpenPath,
	} {
		if cgraph.IsRegistered(name) {
			continue
		}
		open := open
		f := func(path string, _ cgraph.Options) (hkv.KV, error) {
			if err := os.MkdirAll(path, 0o700); err != nil {
				return nil, err
			}
			db, err := open(path)
			if err != nil {
				return nil, err
			}
			return flat.Upgrade(db), nil
		}
		kv.Register(name, kv.Registration{NewFunc: f, InitFunc: f, IsPersistent: true})
	}
}

// openBolt opens DIR/indexes.bolt, the layout of `cayley init -d bolt`,
// with a lock timeout, through bbolt.
func openBolt(path string, _ cgraph.Options) (hkv.KV, error) {
	if err := os.MkdirAll(path, 0o700); err != nil {
		return nil, err
	}
	db, err := bolt.Open(filepath.Join(path, "indexes.bolt"), 0o644, &bolt.Options{Timeout: BoltLockTimeout})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, ErrLocked
		}
		return nil, err
	}
	return bboltkv.New(db), nil
}

// quietLog keeps Cayley's own log lines off the terminal: every error
// Cayley logs is also returned to kg, which reports it once, naming the
// file or the command. KG_DEBUG=1 lets them through.
type quietLog struct{}

func (quietLog) Infof(string, ...interface{})    {}
func (quietLog) Warningf(string, ...interface{}) {}
func (quietLog) Errorf(string, ...interface{})   {}
func (quietLog) Fatalf(format string, args ...interface{}) {
	log.Fatalf("FATAL: "+format, args...)
}
func (quietLog) V(int) bool { return false }
func (quietLog) SetV(int)   {}

func init() {
	if os.Getenv("KG_DEBUG") == "" {
		clog.SetLogger(quietLog{})
	}
}
