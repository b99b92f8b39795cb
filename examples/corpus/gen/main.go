// Command gen writes the checked-in project corpus: the first 240 projects of
// corpus.Generate with seed 579 (the letter's number), one JSON file per project,
// named by project ID, in examples/corpus/projects.
//
// Usage, from the repository root:
//
//	go run ./examples/corpus/gen [-seed 579] [-n 240] [-out examples/corpus/projects]
//
// The output is deterministic, byte for byte: a test regenerates the corpus and
// compares it with the checked-in files, so a change to the generator that changes
// the corpus fails until the corpus is regenerated (and the README figures that
// come from it are checked). Existing *.json files in the output directory are
// removed first, so the directory holds exactly the corpus.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/examples/corpus"
)

// The checked-in corpus.
const (
	defaultSeed = 579
	defaultN    = 240
	defaultOut  = "examples/corpus/projects"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the whole command; it returns the exit status: 0 done, 1 failed, 2 usage.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Int64("seed", defaultSeed, "the corpus `seed`")
	n := fs.Int("n", defaultN, "the `number` of projects")
	out := fs.String("out", defaultOut, "the output `directory`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *n < 0 {
		fmt.Fprintln(stderr, "gen: usage: gen [-seed N] [-n N] [-out dir]")
		return 2
	}
	if err := write(*out, corpus.Generate(*seed, *n)); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "gen: wrote %d projects (seed %d) to %s\n", *n, *seed, *out)
	return 0
}

// write replaces the JSON files of dir with one file per project.
func write(dir string, projects []*eligibility.Project) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	stale, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	for _, f := range stale {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	for _, p := range projects {
		b, err := encode(p)
		if err != nil {
			return fmt.Errorf("%s: %w", p.ID, err)
		}
		if err := os.WriteFile(filepath.Join(dir, p.ID+".json"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// encode writes a project as indented JSON, Chinese as itself.
func encode(p *eligibility.Project) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
