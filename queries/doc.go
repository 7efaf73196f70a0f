// Package queries holds kg's named, reusable queries over the quad store,
// written as Cayley path morphisms bound to a store at call time, and runs
// free-form Gizmo, GraphQL and MQL queries.
package queries
