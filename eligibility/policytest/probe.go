package policytest

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// ProbeResult is one probe project, built from a base project with one fact set at,
// just under or just over a threshold, and what the engine made of it.
type ProbeResult struct {
	// Parameter names the threshold probed: a parameter, or "endOfYear" for 年内.
	Parameter string `json:"parameter"`
	// Threshold is the threshold in force on the evaluation date, as text: an amount
	// or ratio, or the date where a window or year ends.
	Threshold string `json:"threshold"`
	// Step is -1, 0 or +1: one step (a fen, a day) under the threshold, at it, or
	// over it.
	Step int `json:"step"`
	// Label says where the probe sits, in words: "one fen under the floor".
	Label string `json:"label"`
	// Field and Value are the fact set on the base project, by JSON path.
	Field string `json:"field"`
	Value string `json:"value"`
	// Project is the probe project.
	Project *eligibility.Project `json:"-"`
	// Decision is the probe's decision.
	Decision eligibility.Decision `json:"decision"`
	// Outcomes are the outcomes of the criteria that read the threshold, in rule
	// order.
	Outcomes []CriterionOutcome `json:"outcomes"`
}

// CriterionOutcome is one criterion's outcome.
type CriterionOutcome struct {
	ID      string              `json:"id"`
	Outcome eligibility.Outcome `json:"outcome"`
}

// String formats the probe on one line:
//
//	minTotalInvestment 5000000: investment.total = 4999999.99 (one fen under the floor): BD-4 fail → ineligible
func (r ProbeResult) String() string {
	outs := make([]string, len(r.Outcomes))
	for i, o := range r.Outcomes {
		outs[i] = o.ID + " " + string(o.Outcome)
	}
	return fmt.Sprintf("%s %s: %s = %s (%s): %s → %s",
		r.Parameter, r.Threshold, r.Field, r.Value, r.Label, strings.Join(outs, ", "), r.Decision)
}

// probe is one probe to build: a label, a step, the fact and how to set it.
type probe struct {
	step  int
	label string
	field string
	value string
	set   func(p *eligibility.Project)
}

// prober builds the probes of one threshold from a base project, or says why it
// cannot.
type prober struct {
	param string
	// reads says whether a criterion reads the threshold.
	reads func(eligibility.Reads) bool
	build func(v criteria.Value, base *eligibility.Project, asOf eligibility.Date) (threshold string, probes []probe, err error)
}

// probers returns the thresholds Probe knows how to probe, in the order it reports
// them: each maps a parameter of the rule set to the fact that meets it. A rule set
// without the parameter (or without endOfYear) simply gets no probes for it.
func probers() []prober {
	return []prober{
		{param: "minTotalInvestment", reads: readsParam("minTotalInvestment"), build: probeFloor},
		{param: "minBigDataShare", reads: readsParam("minBigDataShare"), build: probeShare},
		{param: "incidentLookbackYears", reads: readsParam("incidentLookbackYears"), build: probeLookback},
		{param: "endOfYear", reads: func(r eligibility.Reads) bool { return slices.Contains(r.Functions, "endOfYear") },
			build: probeEndOfYear},
	}
}

func readsParam(name string) func(eligibility.Reads) bool {
	return func(r eligibility.Reads) bool { return slices.Contains(r.Params, name) }
}

// Probe builds probe projects from base at, just under and just over each threshold
// of the engine's rule set that it knows, evaluates them on asOf, and reports their
// decisions and the outcomes of the criteria that read each threshold:
//
//   - minTotalInvestment (BD-4): investment.total at the floor, one fen under, one
//     fen over; the big-data portion and completed investment are scaled with the
//     total, so only the total crosses the floor;
//   - minBigDataShare (BD-1b): investment.bigDataPortion at the share of the base's
//     total (rounded up to the fen), one fen under, one fen over;
//   - incidentLookbackYears (II-11): one violation on the first day of 近三年, the
//     day before it and the day after it, and on the evaluation date and the day
//     after it;
//   - endOfYear (BD-6c): preparation.plannedStart on 30 and 31 December of the
//     evaluation year and 1 January of the next.
//
// Which probes apply is derived from the parameters the rule set actually has, with
// the values in force on asOf: raise the floor and the probes move with it. Probes
// leave the base's other facts alone, so a base that fails elsewhere shows the
// threshold's criteria moving under an unchanged decision. Probe returns an error if
// base is not valid input or lacks a fact a probe is measured from (the total, for
// the share).
func Probe(engine *eligibility.Engine, base *eligibility.Project, asOf eligibility.Date) ([]ProbeResult, error) {
	if err := engine.Validate(base); err != nil {
		return nil, fmt.Errorf("policytest: probing: %w", err)
	}
	rs := engine.RuleSet()
	var results []ProbeResult
	var errs []error
	for _, pr := range probers() {
		var ids []string
		for _, c := range rs.Criteria {
			if r, _ := engine.Reads(c.ID); pr.reads(r) {
				ids = append(ids, c.ID)
			}
		}
		if len(ids) == 0 {
			continue // the rule set has no such threshold
		}
		var value criteria.Value
		if prm, ok := rs.Parameter(pr.param); ok {
			dv, ok := prm.ValueAt(asOf)
			if !ok {
				errs = append(errs, fmt.Errorf("policytest: probing %s: no value in force on %s", pr.param, asOf))
				continue
			}
			value = dv.Value
		}
		threshold, probes, err := pr.build(value, base, asOf)
		if err != nil {
			errs = append(errs, fmt.Errorf("policytest: probing %s: %w", pr.param, err))
			continue
		}
		for _, pb := range probes {
			p, err := clone(base)
			if err != nil {
				return nil, err
			}
			pb.set(p)
			v, err := engine.Evaluate(p, asOf)
			if err != nil {
				errs = append(errs, fmt.Errorf("policytest: probing %s (%s): %w", pr.param, pb.label, err))
				continue
			}
			r := ProbeResult{Parameter: pr.param, Threshold: threshold, Step: pb.step, Label: pb.label,
				Field: pb.field, Value: pb.value, Project: p, Decision: v.Decision}
			for _, id := range ids {
				res, _ := v.Result(id)
				r.Outcomes = append(r.Outcomes, CriterionOutcome{ID: id, Outcome: res.Outcome})
			}
			results = append(results, r)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return results, nil
}

// clone deep-copies a project through its JSON form, the form it is defined by.
func clone(p *eligibility.Project) (*eligibility.Project, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("policytest: copying project %s: %w", p.ID, err)
	}
	var c eligibility.Project
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("policytest: copying project %s: %w", p.ID, err)
	}
	return &c, nil
}

// fen is the smallest amount of money, 0.01 yuan: one step beside a threshold.
func fen() decimal.Decimal { return decimal.New(1, -2) }

func probeFloor(v criteria.Value, _ *eligibility.Project, _ eligibility.Date) (string, []probe, error) {
	floor, ok := v.Decimal()
	if !ok {
		return "", nil, fmt.Errorf("want a decimal, got a %s", v.Type())
	}
	at := func(step int, label string) probe {
		total := floor.Add(fen().Mul(decimal.NewFromInt(int64(step))))
		return probe{step: step, label: label, field: "investment.total", value: total.StringFixed(2),
			set: func(p *eligibility.Project) { setTotal(p, total) }}
	}
	probes := []probe{at(-1, "one fen under the floor"), at(0, "at the floor"), at(1, "one fen over the floor")}
	if floor.LessThan(fen()) {
		probes = probes[1:] // no amount is under a zero floor
	}
	return floor.String(), probes, nil
}

// setTotal sets the total, scaling the amounts measured against it so that they keep
// their share of it: only the total moves across the floor.
func setTotal(p *eligibility.Project, total decimal.Decimal) {
	inv := &p.Investment
	if old := inv.Total; old != nil && old.IsPositive() {
		ratio := func(d *decimal.Decimal, round func(decimal.Decimal) decimal.Decimal) *decimal.Decimal {
			if d == nil {
				return nil
			}
			scaled := round(d.Mul(total).Div(*old))
			return &scaled
		}
		// A share rounded up never falls under the base's; completed investment
		// rounded down never rises over the total if it was not over before.
		inv.BigDataPortion = ratio(inv.BigDataPortion, func(d decimal.Decimal) decimal.Decimal { return decimal.Min(d.RoundCeil(2), total) })
		if c := inv.Completed; c != nil { // a blank form amount stays blank
			if d, ok := c.Amount(); ok {
				inv.Completed = eligibility.NewFormAmount(*ratio(&d, func(d decimal.Decimal) decimal.Decimal { return d.RoundFloor(2) }))
			}
		}
	} else if inv.BigDataPortion != nil && inv.BigDataPortion.GreaterThan(total) {
		inv.BigDataPortion = &total
	}
	inv.Total = &total
}

func probeShare(v criteria.Value, base *eligibility.Project, _ eligibility.Date) (string, []probe, error) {
	share, ok := v.Decimal()
	if !ok {
		return "", nil, fmt.Errorf("want a decimal, got a %s", v.Type())
	}
	if base.Investment.Total == nil {
		return "", nil, errors.New("the base project states no investment.total to take the share of")
	}
	total := *base.Investment.Total
	exact := total.Mul(share)
	at := exact.RoundCeil(2) // the least amount in fen that meets the share
	pct := share.Shift(2).String() + "%"
	label := fmt.Sprintf("exactly %s of %s", pct, total.StringFixed(2))
	if !at.Equal(exact) {
		label = fmt.Sprintf("the first fen at %s of %s", pct, total.StringFixed(2))
	}
	mk := func(step int, amount decimal.Decimal, label string) probe {
		return probe{step: step, label: label, field: "investment.bigDataPortion", value: amount.StringFixed(2),
			set: func(p *eligibility.Project) { p.Investment.BigDataPortion = &amount }}
	}
	var probes []probe
	if under := at.Sub(fen()); !under.IsNegative() {
		probes = append(probes, mk(-1, under, "one fen under the share"))
	}
	probes = append(probes, mk(0, at, label))
	if over := at.Add(fen()); !over.GreaterThan(total) {
		probes = append(probes, mk(1, over, "one fen over the share"))
	}
	return share.String(), probes, nil
}

func addDays(d eligibility.Date, n int) eligibility.Date {
	return criteria.NewDate(d.Year, d.Month, d.Day+n)
}

func probeLookback(v criteria.Value, _ *eligibility.Project, asOf eligibility.Date) (string, []probe, error) {
	years, ok := v.Int()
	if !ok {
		return "", nil, fmt.Errorf("want an int, got a %s", v.Type())
	}
	start := criteria.YearsBefore(asOf, int(years))
	mk := func(step int, d eligibility.Date, label string) probe {
		return probe{step: step, label: label, field: "incidents[0].date", value: d.String(),
			set: func(p *eligibility.Project) {
				p.Incidents = []eligibility.Incident{{Date: d, Kind: category.IncidentKindViolation, Description: "probe: " + label}}
			}}
	}
	probes := []probe{
		mk(-1, addDays(start, -1), fmt.Sprintf("a violation %d years and one day before", years)),
		mk(0, start, fmt.Sprintf("a violation exactly %d years before: the first day of the window", years)),
		mk(1, addDays(start, 1), "a violation the day after the window opens"),
		mk(0, asOf, "a violation on the evaluation date: the last day of the window"),
		mk(1, addDays(asOf, 1), "a violation the day after the evaluation date"),
	}
	return fmt.Sprintf("%d (window %s to %s)", years, start, asOf), probes, nil
}

func probeEndOfYear(_ criteria.Value, _ *eligibility.Project, asOf eligibility.Date) (string, []probe, error) {
	end := criteria.NewDate(asOf.Year, 12, 31)
	mk := func(step int, d eligibility.Date, label string) probe {
		return probe{step: step, label: label, field: "preparation.plannedStart", value: d.String(),
			set: func(p *eligibility.Project) { p.Preparation.PlannedStart = d }}
	}
	return end.String(), []probe{
		mk(-1, addDays(end, -1), "30 December of the evaluation year"),
		mk(0, end, "31 December of the evaluation year"),
		mk(1, addDays(end, 1), "1 January of the next year"),
	}, nil
}
