package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestStoredUnchangedSkipsExtraction checks the check made before any
// extraction: after an ingest, every file of the folder is known as
// stored with the same bytes; a file edited since, a new file and
// standard input are not, and go to the extractor.
func TestStoredUnchangedSkipsExtraction(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{
		"a.txt": "Russian President Vladimir Putin met US President Joe Biden in Geneva on Wednesday.\n",
		"b.txt": "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday.\n",
	}
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, err := run(t, "", "--db", db, "ingest", "--date", "2021-06-17", dir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte(texts["b.txt"]+"Scholz said so.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.txt"), []byte(texts["a.txt"]), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs, errs := collectInputs([]string{dir, "-"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	st, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := storedUnchanged(context.Background(), st, inputs, readOptionsT{maxSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	var same []string
	for i, in := range inputs {
		if got[i] {
			same = append(same, filepath.Base(in.path))
		}
	}
	if !slices.Equal(same, []string{"a.txt"}) {
		t.Errorf("stored unchanged: %v, want only a.txt (b.txt edited, c.txt new, stdin unknown)", same)
	}
}
