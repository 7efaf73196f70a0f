// Package rank scores the actors of a kg graph view and groups them.
//
// Centrality uses gonum where gonum has the measure: PageRank is
// network.PageRankSparse (edge-weighted: an edge weighs its supporting
// articles), exact betweenness is network.Betweenness. Eigenvector
// centrality and sampled betweenness, which gonum does not provide, are
// written here over the view's compact adjacency. Communities are gonum's
// Louvain (community.Modularize).
package rank
