package policytest

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Counts counts results by outcome.
type Counts struct {
	Pass          int `json:"pass"`
	Fail          int `json:"fail"`
	Undetermined  int `json:"undetermined"`
	NotApplicable int `json:"notApplicable"`
}

// Of returns the count for outcome o.
func (c Counts) Of(o eligibility.Outcome) int {
	if n := c.field(o); n != nil {
		return *n
	}
	return 0
}

func (c *Counts) add(o eligibility.Outcome) {
	if n := c.field(o); n != nil {
		*n++
	}
}

// field is the count for o, or nil for an outcome the engine never gives.
func (c *Counts) field(o eligibility.Outcome) *int {
	switch o {
	case eligibility.Pass:
		return &c.Pass
	case eligibility.Fail:
		return &c.Fail
	case eligibility.OutcomeUndetermined:
		return &c.Undetermined
	case eligibility.NotApplicable:
		return &c.NotApplicable
	}
	return nil
}

// CriterionCoverage is how a suite exercised one criterion.
type CriterionCoverage struct {
	ID       string            `json:"id"`
	Ref      string            `json:"ref"`
	Strength criteria.Strength `json:"strength"`
	// Seen counts the criterion's outcomes in the fixtures' verdicts, asserted or not.
	Seen Counts `json:"seen"`
	// Asserted counts the outcomes fixtures asserted and found: what a regression
	// would be caught on. An outcome seen but never asserted is covered by luck.
	Asserted Counts `json:"asserted"`
}

// Coverage is, per criterion of a suite's rule set, the outcomes its fixtures saw and
// asserted; its String is the table an analyst reads to find the gaps.
type Coverage struct {
	// RuleSet is the rule set's name.
	RuleSet string `json:"ruleSet"`
	// Fixtures is the number of fixtures evaluated.
	Fixtures int `json:"fixtures"`
	// Criteria are in rule order.
	Criteria []CriterionCoverage `json:"criteria"`
}

// Coverage runs the suite and counts, per criterion, the outcomes seen and asserted.
// Fixtures that could not be evaluated count for nothing.
func (s *Suite) Coverage() Coverage {
	return coverageOf(s.engine.RuleSet(), s.Results())
}

func coverageOf(rs *criteria.RuleSet, results []FixtureResult) Coverage {
	c := Coverage{RuleSet: rs.Name, Criteria: make([]CriterionCoverage, len(rs.Criteria))}
	index := map[string]int{}
	for i, cr := range rs.Criteria {
		c.Criteria[i] = CriterionCoverage{ID: cr.ID, Ref: cr.Ref, Strength: cr.Strength}
		index[cr.ID] = i
	}
	for _, r := range results {
		if r.Verdict == nil {
			continue
		}
		c.Fixtures++
		for _, res := range r.Verdict.Results {
			i, ok := index[res.ID]
			if !ok {
				continue
			}
			c.Criteria[i].Seen.add(res.Outcome)
			if want, ok := r.expect.Outcomes[res.ID]; ok && want == res.Outcome {
				c.Criteria[i].Asserted.add(res.Outcome)
			}
		}
	}
	return c
}

// NeverSeen returns, in rule order, the IDs of the criteria of strength s (any
// strength if s is empty) that no fixture's verdict showed with outcome o.
func (c Coverage) NeverSeen(o eligibility.Outcome, s criteria.Strength) []string {
	return c.never(s, func(cc CriterionCoverage) int { return cc.Seen.Of(o) })
}

// NeverAsserted returns, in rule order, the IDs of the criteria of strength s (any
// strength if s is empty) that no fixture asserted, and found, with outcome o.
func (c Coverage) NeverAsserted(o eligibility.Outcome, s criteria.Strength) []string {
	return c.never(s, func(cc CriterionCoverage) int { return cc.Asserted.Of(o) })
}

func (c Coverage) never(s criteria.Strength, count func(CriterionCoverage) int) []string {
	var ids []string
	for _, cc := range c.Criteria {
		if (s == "" || cc.Strength == s) && count(cc) == 0 {
			ids = append(ids, cc.ID)
		}
	}
	return ids
}

// String formats the coverage as a table, "seen/asserted" per outcome, followed by
// the gaps among mandatory criteria:
//
//	coverage of jilin-761-intake-2020 by 70 fixtures (seen/asserted)
//	criterion  strength    pass   fail  undetermined  not-applicable
//	BD-1a      mandatory   12/2   1/1   1/1           56/1
//	…
//	mandatory criteria never asserted to fail: none
func (c Coverage) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "coverage of %s by %d fixtures (seen/asserted)\n", c.RuleSet, c.Fixtures)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "criterion\tstrength")
	for _, o := range outcomes() {
		fmt.Fprintf(tw, "\t%s", o)
	}
	fmt.Fprintln(tw)
	for _, cc := range c.Criteria {
		fmt.Fprintf(tw, "%s\t%s", cc.ID, cc.Strength)
		for _, o := range outcomes() {
			fmt.Fprintf(tw, "\t%d/%d", cc.Seen.Of(o), cc.Asserted.Of(o))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	for _, o := range outcomes()[:3] {
		ids := c.NeverAsserted(o, criteria.Mandatory)
		list := "none"
		if len(ids) > 0 {
			list = strings.Join(ids, ", ")
		}
		fmt.Fprintf(&b, "mandatory criteria never asserted %s: %s\n", o, list)
	}
	return b.String()
}
