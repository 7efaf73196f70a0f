//go:build !race

package main

// soakArticles is how many articles the soak test ingests: fewer under
// the race detector, which makes extraction many times slower.
const soakArticles = 200
