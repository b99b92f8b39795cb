// Command cataloguegen writes the default rule set's catalogue, criteria/CATALOGUE.md.
// It runs from `go generate ./criteria` (see criteria/generate.go); the Markdown is
// produced by criteria.WriteCatalogue, which does no I/O, so this file is all the
// I/O there is. A test in package criteria fails when the checked-in file is stale.
//
// Usage:
//
//	go run ./internal/cataloguegen [-o CATALOGUE.md]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/jilin761/intake/criteria"
)

func main() {
	out := flag.String("o", "CATALOGUE.md", "the `file` to write")
	flag.Parse()
	if err := os.WriteFile(*out, criteria.Default().Catalogue(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "cataloguegen:", err)
		os.Exit(1)
	}
}
