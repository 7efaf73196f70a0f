package bboltkv

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

func open(t *testing.T) *DB {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "x.bolt"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := New(db)
	t.Cleanup(func() { d.Close() })
	return d
}

func TestPutGetScanDel(t *testing.T) {
	ctx := context.Background()
	d := open(t)
	keys := []hkv.Key{
		hkv.SKey("nodes", "a1"), hkv.SKey("nodes", "a2"), hkv.SKey("nodes", "b1"),
		hkv.SKey("quads", "x"), hkv.SKey("meta", "sub", "deep"),
	}
	tx, err := d.Tx(true)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if err := tx.Put(k, []byte("v:"+string(k[len(k)-1]))); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	tx.Close()

	scan := func(pref hkv.Key) []string {
		tx, _ := d.Tx(false)
		defer tx.Close()
		it := tx.Scan(pref)
		defer it.Close()
		var out []string
		for it.Next(ctx) {
			out = append(out, string(joinKey(it.Key()))+"="+string(it.Val()))
		}
		return out
	}
	tests := []struct {
		name string
		pref hkv.Key
		want []string
	}{
		{"bucket", hkv.SKey("nodes"), []string{"nodes/a1=v:a1", "nodes/a2=v:a2", "nodes/b1=v:b1"}},
		{"key prefix", hkv.SKey("nodes", "a"), []string{"nodes/a1=v:a1", "nodes/a2=v:a2"}},
		{"nested", hkv.SKey("meta"), []string{"meta/sub/deep=v:deep"}},
		{"no such bucket", hkv.SKey("none", "x"), nil},
		{"everything", nil, []string{"meta/sub/deep=v:deep", "nodes/a1=v:a1", "nodes/a2=v:a2", "nodes/b1=v:b1", "quads/x=v:x"}},
	}
	for _, tt := range tests {
		if got := scan(tt.pref); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Scan(%q) = %q, want %q", tt.name, tt.pref, got, tt.want)
		}
	}

	tx, _ = d.Tx(true)
	if v, err := tx.Get(ctx, hkv.SKey("nodes", "a2")); err != nil || string(v) != "v:a2" {
		t.Errorf("Get = %q, %v", v, err)
	}
	if _, err := tx.Get(ctx, hkv.SKey("nodes", "zz")); err != hkv.ErrNotFound {
		t.Errorf("Get of a missing key: %v, want ErrNotFound", err)
	}
	vals, _ := tx.GetBatch(ctx, []hkv.Key{hkv.SKey("nodes", "a1"), hkv.SKey("nope", "a1")})
	if string(vals[0]) != "v:a1" || vals[1] != nil {
		t.Errorf("GetBatch = %q", vals)
	}
	if err := tx.Del(hkv.SKey("nodes", "a1")); err != nil {
		t.Fatal(err)
	}
	tx.Commit(ctx)
	tx.Close()
	if got := scan(hkv.SKey("nodes", "a")); !reflect.DeepEqual(got, []string{"nodes/a2=v:a2"}) {
		t.Errorf("after Del: %q", got)
	}
	// A transaction closed without a commit writes nothing.
	tx, _ = d.Tx(true)
	tx.Put(hkv.SKey("nodes", "c"), []byte("lost"))
	tx.Close()
	if got := scan(hkv.SKey("nodes", "c")); got != nil {
		t.Errorf("rolled back write visible: %q", got)
	}
}

func joinKey(k hkv.Key) []byte {
	var out []byte
	for i, p := range k {
		if i > 0 {
			out = append(out, '/')
		}
		out = append(out, p...)
	}
	return out
}
