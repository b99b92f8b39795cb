// Command cataloguegen writes the default rule set's catalogue, criteria/CATALOGUE.md.
// It runs from `go generate ./criteria` (see criteria/generate.go); the Markdown is
// produced by report.Catalogue, which does no I/O, so this file is all the I/O there
// is. A test in package report fails when the checked-in file is stale.
//
// Usage, from the criteria directory:
//
//	go run ../eligibility/report/internal/cataloguegen [-o CATALOGUE.md]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility/report"
)

func main() {
	out := flag.String("o", "CATALOGUE.md", "the `file` to write")
	flag.Parse()
	var b bytes.Buffer
	if err := report.Catalogue(&b, criteria.Default()); err != nil {
		fmt.Fprintln(os.Stderr, "cataloguegen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "cataloguegen:", err)
		os.Exit(1)
	}
}
