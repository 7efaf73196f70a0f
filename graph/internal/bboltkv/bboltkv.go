// Package bboltkv adapts go.etcd.io/bbolt, the maintained fork of BoltDB,
// to hidalgo's key-value interface, on which Cayley's key-value quad
// store runs. The file format is BoltDB's: a store written through it
// opens with Cayley's own bolt backend, and the other way round.
//
// A key's parts but the last name nested buckets; the last part is the
// key in the innermost bucket.
package bboltkv

import (
	"bytes"
	"context"

	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// DB is a bbolt database seen as a hidalgo key-value store.
type DB struct{ db *bolt.DB }

var _ hkv.KV = (*DB)(nil)

// New wraps an open bbolt database.
func New(db *bolt.DB) *DB { return &DB{db: db} }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// Tx begins a read-only or read-write transaction.
func (d *DB) Tx(rw bool) (hkv.Tx, error) {
	tx, err := d.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	return &tx_{tx: tx}, nil
}

type tx_ struct{ tx *bolt.Tx }

// root is the transaction's top-level bucket, which holds the others.
func (t *tx_) root() *bolt.Bucket { return t.tx.Cursor().Bucket() }

// bucket walks the nested buckets a key names and returns the innermost
// one that exists with the rest of the key; nil when one is missing.
func (t *tx_) bucket(key hkv.Key) (*bolt.Bucket, hkv.Key) {
	b := t.root()
	for b != nil && len(key) > 1 {
		b = b.Bucket(key[0])
		key = key[1:]
	}
	return b, key
}

func (t *tx_) Get(_ context.Context, key hkv.Key) (hkv.Value, error) {
	b, k := t.bucket(key)
	if b == nil || len(k) != 1 {
		return nil, hkv.ErrNotFound
	}
	v := b.Get(k[0])
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

func (t *tx_) GetBatch(_ context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals := make([]hkv.Value, len(keys))
	for i, key := range keys {
		if b, k := t.bucket(key); b != nil && len(k) == 1 {
			vals[i] = b.Get(k[0])
		}
	}
	return vals, nil
}

func (t *tx_) Put(key hkv.Key, v hkv.Value) error {
	if len(key) == 0 {
		return hkv.ErrNotFound
	}
	var b *bolt.Bucket
	var err error
	if len(key) == 1 {
		b = t.root()
	} else {
		b, err = t.tx.CreateBucketIfNotExists(key[0])
		key = key[1:]
	}
	for err == nil && len(key) > 1 {
		b, err = b.CreateBucketIfNotExists(key[0])
		key = key[1:]
	}
	if err != nil {
		return err
	}
	if len(key[0]) == 0 && len(v) == 0 {
		return nil // only the buckets were wanted
	}
	return b.Put(key[0], v)
}

func (t *tx_) Del(key hkv.Key) error {
	b, k := t.bucket(key)
	if b == nil || len(k) != 1 {
		return nil
	}
	return b.Delete(k[0])
}

func (t *tx_) Commit(context.Context) error { return t.tx.Commit() }

// Close ends the transaction, discarding what was not committed.
func (t *tx_) Close() error {
	if err := t.tx.Rollback(); err != nil && err != bolt.ErrTxClosed {
		return err
	}
	return nil
}

// Scan iterates over the keys that start with a prefix: the buckets
// named by all of its parts but the last, then the keys in the innermost
// bucket that start with the last part, descending into nested buckets.
func (t *tx_) Scan(pref hkv.Key) hkv.Iterator {
	b, rest := t.bucket(pref)
	if b == nil || len(rest) > 1 {
		return &iterator{}
	}
	return &iterator{
		buckets: []*bolt.Bucket{b},
		pref:    rest,
		path:    pref[:len(pref)-len(rest)].Clone(),
	}
}

// iterator walks nested buckets depth first.
type iterator struct {
	path    hkv.Key // bucket names from the root to the current bucket
	pref    hkv.Key // prefixes still to match, one per level below path's start
	buckets []*bolt.Bucket
	cursors []*bolt.Cursor
	k, v    []byte
}

func (it *iterator) Next(context.Context) bool {
	for len(it.buckets) > 0 {
		depth := len(it.buckets) - 1
		if len(it.cursors) < len(it.buckets) {
			c := it.buckets[depth].Cursor()
			it.cursors = append(it.cursors, c)
			if depth < len(it.pref) {
				it.k, it.v = c.Seek(it.pref[depth])
			} else {
				it.k, it.v = c.First()
			}
		} else {
			it.k, it.v = it.cursors[depth].Next()
		}
		if it.k != nil && (depth >= len(it.pref) || bytes.HasPrefix(it.k, it.pref[depth])) {
			if it.v == nil {
				if nested := it.buckets[depth].Bucket(it.k); nested != nil {
					it.buckets = append(it.buckets, nested)
					it.path = append(it.path, it.k)
					continue
				}
			}
			return true
		}
		// This bucket is done: back to its parent.
		it.cursors = it.cursors[:depth]
		it.buckets = it.buckets[:depth]
		if depth > 0 && len(it.path) > 0 {
			it.path = it.path[:len(it.path)-1]
		}
	}
	return false
}

func (it *iterator) Key() hkv.Key {
	if len(it.buckets) == 0 {
		return nil
	}
	return append(it.path.Clone(), append([]byte(nil), it.k...))
}

func (it *iterator) Val() hkv.Value { return it.v }

func (it *iterator) Err() error { return nil }

func (it *iterator) Close() error {
	*it = iterator{}
	return nil
}
