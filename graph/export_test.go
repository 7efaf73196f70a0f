package graph

import "testing"

// StartPostgresForTest exposes startPostgres to the external test package.
func StartPostgresForTest(t testing.TB) string { return startPostgres(t) }
