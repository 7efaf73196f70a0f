// Package server serves a kg store over HTTP: Cayley's HTTP API v2
// (/api/v2/query, /api/v2/read, /api/v2/formats, and the write endpoints
// only when writable), kg's own JSON answers under /api/kg/, and an
// embedded web page at / to explore the graph with no internet access.
package server
