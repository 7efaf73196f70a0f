package syntax

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestModelCache: the tables kept in the cache read back as the model
// built from the embedded file, part for part; a damaged or truncated
// cache file is refused, and loading through the cache then rebuilds the
// model and keeps it again.
func TestModelCache(t *testing.T) {
	t.Setenv("KG_CACHE_DIR", t.TempDir())
	built, err := Load(bytes.NewReader(defaultModelFile))
	if err != nil {
		t.Fatal(err)
	}
	path := modelCachePath(defaultModelFile)
	if path == "" {
		t.Fatal("no cache path with KG_CACHE_DIR set")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("cache file before the first load: %v", err)
	}
	first, err := loadModelCached(defaultModelFile)
	if err != nil {
		t.Fatal(err)
	}
	if !sameModel(first, built) {
		t.Fatal("the model loaded while filling the cache differs from the built one")
	}
	cached, err := readModelCache(path)
	if err != nil {
		t.Fatalf("reading the cache: %v", err)
	}
	if !sameModel(cached, built) {
		t.Fatal("the cached model differs from the built one")
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damaged := map[string][]byte{
		"truncated":     good[:len(good)-100],
		"a table byte":  flip(good, len(good)-1000),
		"a header byte": flip(good, 20),
		"empty":         nil,
	}
	for name, data := range damaged {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readModelCache(path); err == nil {
			t.Errorf("%s: a damaged cache was read", name)
		}
		m, err := loadModelCached(defaultModelFile)
		if err != nil || !sameModel(m, built) {
			t.Fatalf("%s: loading through a damaged cache: %v", name, err)
		}
		if again, err := os.ReadFile(path); err != nil || !bytes.Equal(again, good) {
			t.Errorf("%s: the cache was not kept again (%v)", name, err)
		}
	}
	t.Setenv("KG_CACHE_DIR", "off")
	if p := modelCachePath(defaultModelFile); p != "" {
		t.Errorf("KG_CACHE_DIR=off keeps the cache at %s", p)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("the cache directory holds %d files, want 1", len(entries))
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0x40
	return c
}

// sameModel compares two models: the weight tables byte for byte, the
// rest field by field.
func sameModel(a, b *Model) bool {
	ta, tb := a.tables(), b.tables()
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i].classes != tb[i].classes || ta[i].scale != tb[i].scale || ta[i].shift != tb[i].shift {
			return false
		}
		sa, pa := tableBytes(ta[i])
		sb, pb := tableBytes(tb[i])
		if !bytes.Equal(sa, sb) || !bytes.Equal(pa, pb) {
			return false
		}
	}
	ga, gb := *a.tagger, *b.tagger
	ga.w, ga.w2, gb.w, gb.w2 = nil, nil, nil, nil
	pa, pb := *a.parser, *b.parser
	pa.w, pa.lw, pb.w, pb.lw = nil, nil, nil, nil
	return reflect.DeepEqual(ga, gb) && reflect.DeepEqual(pa, pb) && reflect.DeepEqual(a.lemmas, b.lemmas)
}
