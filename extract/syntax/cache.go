package syntax

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"unsafe"
)

// The embedded model is compressed, and building its weight tables from
// it takes about 0.4 s of CPU: more than the rest of a one-article
// ingest. So the first process that loads it keeps the built tables in
// the user's cache directory ($KG_CACHE_DIR, else the system's user cache
// directory and kg), and later ones read them back with one copy into
// memory. The file is named after the embedded model's checksum, the
// architecture and the slot layout, so a new model or build never reads
// another's; it carries a checksum of its contents and is written under
// a temporary name and renamed, so a torn or damaged file is refused and
// the model built again. KG_CACHE_DIR=off keeps nothing.

const cacheMagic = "kg-syntax-cache 2\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// cachePageSize aligns the tables' bytes in the file.
const cachePageSize = 4096

// modelCachePath returns where the built tables of a model file are
// kept, "" when nothing is to be kept.
func modelCachePath(model []byte) string {
	dir := os.Getenv("KG_CACHE_DIR")
	if dir == "off" {
		return ""
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "kg")
	}
	name := fmt.Sprintf("syntax-%08x-%d-%s-%d.cache", crc32.Checksum(model, castagnoli), len(model), runtime.GOARCH, unsafe.Sizeof(slot{}))
	return filepath.Join(dir, name)
}

// loadModelCached returns the model of a model file: from the cache
// when it holds it, else loaded and then kept there.
func loadModelCached(model []byte) (*Model, error) {
	path := modelCachePath(model)
	if path != "" {
		if m, err := readModelCache(path); err == nil {
			return m, nil
		}
	}
	m, err := Load(bytes.NewReader(model))
	if err != nil || path == "" {
		return m, err
	}
	_ = writeModelCache(path, m) // failing to keep it costs only time
	return m, nil
}

// tableBytes views a table's slots and spill as bytes.
func tableBytes(t *table) (slots, spill []byte) {
	if len(t.slots) > 0 {
		slots = unsafe.Slice((*byte)(unsafe.Pointer(&t.slots[0])), len(t.slots)*int(unsafe.Sizeof(slot{})))
	}
	if len(t.spill) > 0 {
		spill = unsafe.Slice((*byte)(unsafe.Pointer(&t.spill[0])), len(t.spill)*int(unsafe.Sizeof(qpair{})))
	}
	return slots, spill
}

// writeModelCache keeps m's built tables at path: the offset of the
// tables' bytes, then the model's other parts and each table's shape,
// then, page-aligned, every table's slots and spill as they lie in
// memory.
func writeModelCache(path string, m *Model) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tables := m.tables()
	sum := uint32(0)
	for _, t := range tables {
		sl, sp := tableBytes(t)
		sum = crc32.Update(crc32.Update(sum, castagnoli, sl), castagnoli, sp)
	}
	var meta bytes.Buffer
	bw := bufio.NewWriter(&meta)
	e := &encoder{w: bw}
	e.str(cacheMagic)
	e.uint(uint64(len(tables)))
	for _, t := range tables {
		e.uint(uint64(t.classes))
		e.uint(uint64(math.Float32bits(t.scale)))
		e.uint(uint64(len(t.slots)))
		e.uint(uint64(len(t.spill)))
	}
	e.uint(uint64(sum))
	m.encode(e, func(*table) {})
	if e.err != nil {
		return e.err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	off := (8 + meta.Len() + cachePageSize - 1) / cachePageSize * cachePageSize

	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename, a no-op
	w := bufio.NewWriterSize(tmp, 1<<20)
	var head [8]byte
	binary.LittleEndian.PutUint64(head[:], uint64(off))
	w.Write(head[:])
	w.Write(meta.Bytes())
	w.Write(make([]byte, off-8-meta.Len()))
	for _, t := range tables {
		sl, sp := tableBytes(t)
		w.Write(sl)
		w.Write(sp)
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// readModelCache reads a model kept by writeModelCache, refusing a file
// whose size, shapes or checksum do not agree.
func readModelCache(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	var head [8]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return nil, err
	}
	off := binary.LittleEndian.Uint64(head[:])
	if off < 8 || off%cachePageSize != 0 || off > uint64(info.Size()) {
		return nil, fmt.Errorf("%w: cache header", errCorrupt)
	}
	d := &decoder{r: bufio.NewReader(io.NewSectionReader(f, 8, int64(off)-8))}
	if magic := d.str(); d.err != nil || magic != cacheMagic {
		return nil, fmt.Errorf("%w: not a kg syntax cache", errCorrupt)
	}
	n := d.count()
	if n > 8 {
		return nil, fmt.Errorf("%w: %d tables", errCorrupt, n)
	}
	tables := make([]*table, n)
	size := uint64(0)
	for i := range tables {
		classes, scale, nslots, nspill := d.uint(), d.uint(), d.uint(), d.uint()
		if d.err != nil || classes == 0 || classes > math.MaxUint16 || scale > math.MaxUint32 ||
			nslots < 2 || nslots > 1<<28 || nslots&(nslots-1) != 0 || nspill > 1<<28 {
			return nil, fmt.Errorf("%w: cached table shape", errCorrupt)
		}
		t := &table{classes: int(classes), scale: math.Float32frombits(uint32(scale)), shift: uint(64 - bits.TrailingZeros64(nslots))}
		size += nslots*uint64(unsafe.Sizeof(slot{})) + nspill*uint64(unsafe.Sizeof(qpair{}))
		if off+size > uint64(info.Size()) {
			return nil, fmt.Errorf("%w: cache truncated", errCorrupt)
		}
		t.slots = newSlots(t, int(nslots))
		t.spill = make([]qpair, nspill)
		tables[i] = t
	}
	want := d.uint()
	next := 0
	m, err := decodeModel(d, func() *table {
		if next == len(tables) {
			d.err = fmt.Errorf("%w: cached tables", errCorrupt)
			return nil
		}
		next++
		return tables[next-1]
	})
	if err != nil {
		return nil, err
	}
	if next != len(tables) || off+size != uint64(info.Size()) {
		return nil, fmt.Errorf("%w: cached tables", errCorrupt)
	}
	pos := int64(off)
	sum := uint32(0)
	for _, t := range tables {
		sl, sp := tableBytes(t)
		for _, b := range [][]byte{sl, sp} {
			if _, err := f.ReadAt(b, pos); err != nil {
				return nil, err
			}
			pos += int64(len(b))
			sum = crc32.Update(sum, castagnoli, b)
		}
	}
	if uint64(sum) != want {
		return nil, fmt.Errorf("%w: cache checksum", errCorrupt)
	}
	for _, t := range tables {
		if err := t.check(); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// check verifies that every slot's weights lie within the table, so that
// scoring can index without bounds failing.
func (t *table) check() error {
	if t.dense() {
		if len(t.spill) > 0 {
			return fmt.Errorf("%w: cached dense table with spilled pairs", errCorrupt)
		}
		return nil // a dense slot's bytes are weights, any of them valid
	}
	for i := range t.slots {
		s := &t.slots[i]
		if s.key == 0 {
			continue
		}
		c := int(s.count)
		if c == 0 || c > t.classes || c > inlinePairs && uint64(s.start)+uint64(c-inlinePairs) > uint64(len(t.spill)) {
			return fmt.Errorf("%w: cached slot %d", errCorrupt, i)
		}
		for _, p := range s.inline[:min(c, inlinePairs)] {
			if int(p.cls) >= t.classes {
				return fmt.Errorf("%w: cached class %d", errCorrupt, p.cls)
			}
		}
	}
	for _, p := range t.spill {
		if int(p.cls) >= t.classes {
			return fmt.Errorf("%w: cached class %d", errCorrupt, p.cls)
		}
	}
	return nil
}
