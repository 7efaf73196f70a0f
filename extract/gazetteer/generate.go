package gazetteer

//go:generate go run ./internal/gen -out .
