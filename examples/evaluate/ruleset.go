package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// loadEngine builds the engine of -ruleset FILE, a full rule set or a variant of the
// default (criteria.LoadFS reads either); an empty path is the default rule set.
func loadEngine(path string) (*eligibility.Engine, error) {
	if path == "" {
		return eligibility.Default(), nil
	}
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	rs, err := criteria.LoadFS(os.DirFS(dir), name)
	if err != nil {
		return nil, fmt.Errorf("-ruleset: %w", err)
	}
	e, err := eligibility.New(rs)
	if err != nil {
		return nil, fmt.Errorf("-ruleset %s: %w", path, err)
	}
	return e, nil
}
