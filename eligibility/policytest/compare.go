package policytest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Absent is the outcome reported by [Compare] for a criterion that one of the two
// rule sets does not have (it was removed or added).
const Absent eligibility.Outcome = "absent"

// Impact is what changing a rule set does to a set of projects on one date.
type Impact struct {
	// Base and Changed name the two rule sets.
	Base    string `json:"base"`
	Changed string `json:"changed"`
	// AsOf is the evaluation date.
	AsOf eligibility.Date `json:"asOf"`
	// Totals sums the changes.
	Totals Totals `json:"totals"`
	// Projects holds every project, in input order.
	Projects []ProjectImpact `json:"projects"`
}

// ProjectImpact is one project's decision under both rule sets and every criterion
// whose outcome changed.
type ProjectImpact struct {
	ID       string               `json:"id"`
	Name     string               `json:"name,omitempty"`
	Category category.Category    `json:"category"`
	Before   eligibility.Decision `json:"before"`
	After    eligibility.Decision `json:"after"`
	// Changes are the criteria whose outcome changed, in the changed rule set's
	// order, then those only the base has.
	Changes []CriterionChange `json:"changes,omitempty"`
}

// Moved reports whether the project's decision changed.
func (p ProjectImpact) Moved() bool { return p.Before != p.After }

// CriterionChange is one criterion's outcome before and after; [Absent] where a rule
// set lacks the criterion.
type CriterionChange struct {
	ID     string              `json:"id"`
	Before eligibility.Outcome `json:"before"`
	After  eligibility.Outcome `json:"after"`
}

// Totals sums an [Impact].
type Totals struct {
	// Projects is the number of projects compared.
	Projects int `json:"projects"`
	// Moved counts projects whose decision changed; Changed those with a criterion
	// outcome changed but the same decision; Unchanged the rest.
	Moved     int `json:"moved"`
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
	// Before and After count the decisions under each rule set.
	Before DecisionCounts `json:"before"`
	After  DecisionCounts `json:"after"`
	// Moves counts projects by decision change (eligible → ineligible …), in the
	// order eligible, ineligible, undetermined of before then after; only non-zero
	// moves are listed.
	Moves []Move `json:"moves,omitempty"`
	// Criteria counts projects by criterion outcome change, in the changed rule
	// set's order (then the base's removed criteria), then by outcome order.
	Criteria []CriterionTotal `json:"criteria,omitempty"`
}

// DecisionCounts counts decisions.
type DecisionCounts struct {
	Eligible     int `json:"eligible"`
	Ineligible   int `json:"ineligible"`
	Undetermined int `json:"undetermined"`
}

// Of returns the count for decision d.
func (c DecisionCounts) Of(d eligibility.Decision) int {
	if n := c.field(d); n != nil {
		return *n
	}
	return 0
}

func (c *DecisionCounts) add(d eligibility.Decision) {
	if n := c.field(d); n != nil {
		*n++
	}
}

// field is the count for d, or nil for a decision the engine never gives.
func (c *DecisionCounts) field(d eligibility.Decision) *int {
	switch d {
	case eligibility.Eligible:
		return &c.Eligible
	case eligibility.Ineligible:
		return &c.Ineligible
	case eligibility.Undetermined:
		return &c.Undetermined
	}
	return nil
}

// Move counts projects whose decision went from From to To.
type Move struct {
	From  eligibility.Decision `json:"from"`
	To    eligibility.Decision `json:"to"`
	Count int                  `json:"count"`
}

// CriterionTotal counts projects whose outcome of one criterion went from Before to
// After.
type CriterionTotal struct {
	ID     string              `json:"id"`
	Before eligibility.Outcome `json:"before"`
	After  eligibility.Outcome `json:"after"`
	Count  int                 `json:"count"`
}

// MovedProjects returns the projects whose decision changed, in input order.
func (im *Impact) MovedProjects() []ProjectImpact {
	var moved []ProjectImpact
	for _, p := range im.Projects {
		if p.Moved() {
			moved = append(moved, p)
		}
	}
	return moved
}

// Compare evaluates every project under base and changed on asOf and reports, per
// project, the decision before and after and every criterion whose outcome changed,
// with totals. Order is deterministic: projects in input order, criteria in rule
// order.
//
// A reviewer's finding on a criterion that only one of the rule sets has (removed or
// added by the change) is dropped for the other, where it could not be supplied;
// any other invalid project, or a rule failing at run time, is an error naming the
// project, and all such errors are returned together.
func Compare(base, changed *eligibility.Engine, projects []*eligibility.Project, asOf eligibility.Date) (*Impact, error) {
	baseRules, changedRules := base.RuleSet(), changed.RuleSet()
	im := &Impact{Base: baseRules.Name, Changed: changedRules.Name, AsOf: asOf, Projects: make([]ProjectImpact, 0, len(projects))}
	order := criterionOrder(changedRules, baseRules)
	baseFindings, changedFindings := findingIDs(base, baseRules), findingIDs(changed, changedRules)

	// Each verdict is read once, right away, and only for values that outlive it
	// (decisions and outcomes), so Batches can lend each evaluation the previous one's
	// memory: a whole-corpus comparison is about twice as fast.
	baseBatch, changedBatch := base.NewBatch(), changed.NewBatch()
	var errs []error
	for i, p := range projects {
		label := fmt.Sprintf("project %d", i)
		if p != nil && p.ID != "" {
			label = fmt.Sprintf("project %d (%s)", i, p.ID)
		}
		before, err := baseBatch.Evaluate(context.Background(), onlyFindings(p, baseFindings, changedFindings), asOf)
		if err != nil {
			errs = append(errs, fmt.Errorf("policytest: %s under %s: %w", label, im.Base, err))
			continue
		}
		after, err := changedBatch.Evaluate(context.Background(), onlyFindings(p, changedFindings, baseFindings), asOf)
		if err != nil {
			errs = append(errs, fmt.Errorf("policytest: %s under %s: %w", label, im.Changed, err))
			continue
		}
		im.Projects = append(im.Projects, diff(p, before, after, order))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	im.Totals = totals(im.Projects, order)
	return im, nil
}

// criterionOrder lists the IDs of changed's criteria, then those only base has.
func criterionOrder(changed, base *criteria.RuleSet) []string {
	var ids []string
	for _, c := range changed.Criteria {
		ids = append(ids, c.ID)
	}
	for _, c := range base.Criteria {
		if !slices.Contains(ids, c.ID) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// findingIDs names the criteria of e that take a finding: those of basis finding,
// and data criteria that read their own (as BD-1a does for an item its open list does
// not name).
func findingIDs(e *eligibility.Engine, rs *criteria.RuleSet) map[string]bool {
	ids := map[string]bool{}
	for _, c := range rs.Criteria {
		if reads, _ := e.Reads(c.ID); c.Basis == criteria.Finding || slices.Contains(reads.Findings, c.ID) {
			ids[c.ID] = true
		}
	}
	return ids
}

// onlyFindings returns p, or a shallow copy of it without the findings that own does
// not take but other does: findings made for the other rule set's criteria.
func onlyFindings(p *eligibility.Project, own, other map[string]bool) *eligibility.Project {
	if p == nil {
		return nil
	}
	drop := func(id string) bool { return !own[id] && other[id] }
	if !slices.ContainsFunc(slices.Collect(maps.Keys(p.Findings)), drop) {
		return p
	}
	c := *p
	c.Findings = maps.Clone(p.Findings)
	maps.DeleteFunc(c.Findings, func(id string, _ eligibility.Finding) bool { return drop(id) })
	return &c
}

func diff(p *eligibility.Project, before, after *eligibility.Verdict, order []string) ProjectImpact {
	pi := ProjectImpact{ID: p.ID, Name: p.Name, Category: p.Category, Before: before.Decision, After: after.Decision}
	outcome := func(v *eligibility.Verdict, id string) eligibility.Outcome {
		if r, ok := v.Result(id); ok {
			return r.Outcome
		}
		return Absent
	}
	for _, id := range order {
		b, a := outcome(before, id), outcome(after, id)
		if b != a {
			pi.Changes = append(pi.Changes, CriterionChange{ID: id, Before: b, After: a})
		}
	}
	return pi
}

func totals(projects []ProjectImpact, order []string) Totals {
	t := Totals{Projects: len(projects)}
	moves := map[[2]eligibility.Decision]int{}
	changes := map[CriterionChange]int{}
	for _, p := range projects {
		t.Before.add(p.Before)
		t.After.add(p.After)
		switch {
		case p.Moved():
			t.Moved++
			moves[[2]eligibility.Decision{p.Before, p.After}]++
		case len(p.Changes) > 0:
			t.Changed++
		default:
			t.Unchanged++
		}
		for _, c := range p.Changes {
			changes[c]++
		}
	}
	for _, from := range decisions() {
		for _, to := range decisions() {
			if n := moves[[2]eligibility.Decision{from, to}]; n > 0 {
				t.Moves = append(t.Moves, Move{From: from, To: to, Count: n})
			}
		}
	}
	withAbsent := append(outcomes(), Absent)
	for _, id := range order {
		for _, b := range withAbsent {
			for _, a := range withAbsent {
				if n := changes[CriterionChange{ID: id, Before: b, After: a}]; n > 0 {
					t.Criteria = append(t.Criteria, CriterionTotal{ID: id, Before: b, After: a, Count: n})
				}
			}
		}
	}
	return t
}
