package eligibility

// The JSON Schemas of Project and Verdict under schema/ are generated from these
// types and their doc comments; TestSchemasAreCurrent fails when they are stale.
//go:generate go run ./internal/schemagen/cmd/schemagen -src .. -out schema
