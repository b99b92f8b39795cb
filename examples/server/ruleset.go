package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// loadEngine builds the engine of -ruleset FILE: a full rule set, or a variant of the
// default (criteria.LoadFS reads either), with the variant's description for the
// pages. An empty path is the default rule set, the letter's own.
func loadEngine(path string) (*eligibility.Engine, criteria.Text, error) {
	if path == "" {
		return eligibility.Default(), criteria.Text{}, nil
	}
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	fsys := os.DirFS(dir)
	rs, err := criteria.LoadFS(fsys, name)
	if err != nil {
		return nil, criteria.Text{}, fmt.Errorf("-ruleset: %w", err)
	}
	var desc criteria.Text
	if data, err := os.ReadFile(path); err == nil && criteria.IsVariant(data) {
		if v, err := criteria.ParseVariant(data); err == nil {
			desc = v.Description
		}
	}
	e, err := eligibility.New(rs)
	if err != nil {
		return nil, criteria.Text{}, fmt.Errorf("-ruleset %s: %w", path, err)
	}
	return e, desc, nil
}
