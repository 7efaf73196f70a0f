package syntax

// Features are 64-bit hashes of a template number and the values it
// combines; they index the weight tables without building strings.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashLower returns the FNV-1a hash of s with ASCII letters lowercased.
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashString returns the FNV-1a hash of s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix folds v into h.
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	return h * 0xbf58476d1ce4e5b9
}

// feat hashes a template number with up to three values.
func feat1(t, a uint64) uint64       { return finish(mix(mix(t, a), 1)) }
func feat2(t, a, b uint64) uint64    { return finish(mix(mix(mix(t, a), b), 2)) }
func feat3(t, a, b, c uint64) uint64 { return finish(mix(mix(mix(mix(t, a), b), c), 3)) }

// finish is the splitmix64 finalizer; it never returns 0, the empty slot
// of a table.
func finish(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	if h == 0 {
		h = 1
	}
	return h
}
