package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DefaultMaxSize is the default limit on the size of one article.
const DefaultMaxSize = 8 << 20

// articleExts are the file extensions read as articles in a directory.
var articleExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".html": true, ".htm": true}

// input is one article to read: a file, or standard input.
type input struct {
	path string // "-" for standard input
	id   string // the file name without extension, as the facts format names documents
	key  string // the article's key in the store: its path relative to the folder given, "" for stdin
}

// inputError is a problem with one input, named by its path.
type inputError struct {
	Path string
	Err  error
}

func (e *inputError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *inputError) Unwrap() error { return e.Err }

var (
	errNoArticles = errors.New("no articles (.txt, .md, .html) in directory")
	errTooLarge   = errors.New("file too large")
	errNotRegular = errors.New("not a regular file (a named pipe, device or socket); give files, directories or - for stdin")
)

// collectInputs expands paths: files as given, directories recursively
// (articles by extension, hidden entries skipped), "-" for stdin. Problems
// are returned per path; the good inputs are still returned.
func collectInputs(paths []string) ([]input, []error) {
	var out []input
	var errs []error
	for _, p := range paths {
		if p == "-" {
			out = append(out, input{path: "-", id: "stdin"})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &inputError{p, describe(err)})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				errs = append(errs, &inputError{p, errNotRegular})
				continue
			}
			out = append(out, input{path: p, id: docID(p), key: filepath.Base(p)})
			continue
		}
		var found []input
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &inputError{path, describe(err)})
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !articleExts[strings.ToLower(filepath.Ext(path))] {
				return nil
			}
			// Symbolic links are followed; anything else that is not a
			// regular file would block the read.
			if info, err := os.Stat(path); err != nil {
				errs = append(errs, &inputError{path, describe(err)})
				return nil
			} else if !info.Mode().IsRegular() {
				errs = append(errs, &inputError{path, errNotRegular})
				return nil
			}
			rel, err := filepath.Rel(p, path)
			if err != nil {
				rel = path
			}
			found = append(found, input{path: path, id: docID(path), key: filepath.ToSlash(rel)})
			return nil
		})
		if err != nil {
			errs = append(errs, &inputError{p, err})
		}
		if len(found) == 0 {
			errs = append(errs, &inputError{p, errNoArticles})
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		out = append(out, found...)
	}
	return out, errs
}

// readInput reads an input, refusing more than maxSize bytes.
func readInput(in input, stdin io.Reader, maxSize int64) ([]byte, error) {
	var r io.Reader
	if in.path == "-" {
		r = stdin
	} else {
		// Checked before opening: opening a named pipe blocks until a
		// writer comes.
		if info, err := os.Stat(in.path); err != nil {
			return nil, &inputError{in.path, describe(err)}
		} else if !info.Mode().IsRegular() {
			return nil, &inputError{in.path, errNotRegular}
		}
		f, err := os.Open(in.path)
		if err != nil {
			return nil, &inputError{in.path, describe(err)}
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, &inputError{in.path, err}
	}
	if int64(len(data)) > maxSize {
		return nil, &inputError{in.path, fmt.Errorf("%w: over the limit of %d bytes (--max-size)", errTooLarge, maxSize)}
	}
	return data, nil
}

// docID is a file's name without its extension.
func docID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// describe shortens common file-system errors to their reason.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
