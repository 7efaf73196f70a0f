// Package minhash tells near-duplicate texts apart from different ones:
// a MinHash signature of a text's word shingles, its bands for
// locality-sensitive lookup, and the similarity two signatures estimate
// (Broder, "On the resemblance and containment of documents", 1997).
package minhash

import (
	"encoding/hex"
	"hash/fnv"
	"strings"
	"unicode"
)

// Sizes of a signature: Bands bands of Rows hash values each. Two texts
// whose shingle sets have Jaccard similarity 0.8 share a band with
// probability 0.98, at 0.5 with probability 0.27.
const (
	Bands     = 10
	Rows      = 5
	Hashes    = Bands * Rows
	ShingleOf = 5 // words per shingle
)

// Signature is the MinHash of a text: per hash function, the least hash
// of its shingles.
type Signature [Hashes]uint64

// Of computes the signature of a text's word shingles (words lower-cased,
// punctuation dropped). A text of fewer words than a shingle is one
// shingle. ok is false for a text with no word.
func Of(text string) (sig Signature, ok bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	n := max(1, len(words)-ShingleOf+1)
	for i := 0; i < n; i++ {
		h := fnv.New64a()
		for _, w := range words[i:min(i+ShingleOf, len(words))] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		base := h.Sum64()
		for k := range sig {
			if v := mix(base, uint64(k)); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig, true
}

// mix derives the k-th hash of a shingle from its base hash (a
// splitmix64 step).
func mix(h, k uint64) uint64 {
	z := h + (k+1)*0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Similarity estimates the Jaccard similarity of the shingle sets of two
// signatures: the share of hash functions whose least values agree.
func Similarity(a, b Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// BandKeys returns one key per band: texts that share a key are
// candidates, to be confirmed with Similarity.
func (s Signature) BandKeys() []string {
	keys := make([]string, Bands)
	for b := range keys {
		h := fnv.New64a()
		for _, v := range s[b*Rows : (b+1)*Rows] {
			var buf [8]byte
			for i := range buf {
				buf[i] = byte(v >> (8 * i))
			}
			h.Write(buf[:])
		}
		var out [8]byte
		sum := h.Sum64()
		for i := range out {
			out[i] = byte(sum >> (8 * i))
		}
		keys[b] = string(rune('a'+b)) + hex.EncodeToString(out[:])
	}
	return keys
}

// String encodes a signature as hex, for storing.
func (s Signature) String() string {
	var b [Hashes * 8]byte
	for i, v := range s {
		for k := 0; k < 8; k++ {
			b[i*8+k] = byte(v >> (8 * k))
		}
	}
	return hex.EncodeToString(b[:])
}

// Parse reads a signature that String wrote.
func Parse(s string) (Signature, bool) {
	var sig Signature
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != Hashes*8 {
		return sig, false
	}
	for i := range sig {
		for k := 0; k < 8; k++ {
			sig[i] |= uint64(b[i*8+k]) << (8 * k)
		}
	}
	return sig, true
}
