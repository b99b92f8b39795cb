// Command schemagen writes the JSON Schemas of the project record and the verdict
// (eligibility/schema/*.schema.json). It is run by `go generate ./eligibility`, from
// the eligibility directory:
//
//	go run ./internal/schemagen/cmd/schemagen -src .. -out schema
//
// Flags:
//
//	-src DIR  the module's root directory, read for the doc comments (default "..")
//	-out DIR  where to write the schema files (default "schema")
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jilin761/intake/eligibility/internal/schemagen"
)

func main() {
	src := flag.String("src", "..", "the module's root directory, read for the doc comments")
	out := flag.String("out", "schema", "where to write the schema files")
	flag.Parse()
	if err := write(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}

// write generates the schemas and writes each file that changed.
func write(src, out string) error {
	files, err := schemagen.Generate(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		path := filepath.Join(out, f.Name)
		if old, err := os.ReadFile(path); err == nil && string(old) == string(f.Data) {
			continue
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
		fmt.Println("schemagen: wrote", path)
	}
	return nil
}
