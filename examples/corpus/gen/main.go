// Command gen writes the checked-in project corpus: the first 240 projects of
// corpus.Generate with seed 579 (the letter's number), one JSON file per project,
// named by project ID, in examples/corpus/projects.
//
// Usage, from the repository root:
//
//	go run ./examples/corpus/gen [-seed 579] [-n 240] [-out examples/corpus/projects] [-force]
//
// The output is deterministic, byte for byte: a test regenerates the corpus and
// compares it with the checked-in files, so a change to the generator that changes
// the corpus fails until the corpus is regenerated (and the README figures that
// come from it are checked).
//
// The directory is made to hold exactly the corpus: the corpus files already in it
// (JL761-NNNNN.json holding the project of that ID, as gen writes them) are replaced,
// so a smaller -n leaves none behind. Any other *.json file makes gen refuse, naming
// it, rather than delete someone's records; -force removes every *.json file instead.
// Files of other kinds are left alone.
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
	"regexp"
	"strings"

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
	force := fs.Bool("force", false, "remove every *.json file of the directory, not only corpus files")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *n < 0 {
		fmt.Fprintln(stderr, "gen: usage: gen [-seed N] [-n N] [-out dir] [-force]")
		return 2
	}
	if err := write(*out, corpus.Generate(*seed, *n), *force); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "gen: wrote %d projects (seed %d) to %s\n", *n, *seed, *out)
	return 0
}

// write replaces the corpus files of dir (with force, every JSON file) with one file
// per project. It refuses, before touching anything, a dir holding other JSON files.
func write(dir string, projects []*eligibility.Project, force bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	stale, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	if !force {
		var foreign []string
		for _, f := range stale {
			if !isCorpusFile(f) {
				foreign = append(foreign, filepath.Base(f))
			}
		}
		if len(foreign) > 0 {
			return fmt.Errorf("%s holds %d JSON files gen did not write (%s): refusing to delete them; "+
				"choose an empty -out directory, or add -force to remove every *.json file in it",
				dir, len(foreign), strings.Join(foreign[:min(len(foreign), 5)], ", "))
		}
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

// corpusID is the form of the IDs corpus.Generate gives, and of gen's file names.
var corpusID = regexp.MustCompile(`^JL761-[0-9]{5}$`)

// isCorpusFile reports whether f is a file gen writes: named by a corpus ID and holding
// the project of that ID.
func isCorpusFile(f string) bool {
	id := strings.TrimSuffix(filepath.Base(f), ".json")
	if !corpusID.MatchString(id) {
		return false
	}
	data, err := os.ReadFile(f)
	if err != nil {
		return false
	}
	p, err := eligibility.DecodeProject(data)
	return err == nil && p.ID == id
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
