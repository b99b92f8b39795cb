package policytest_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/policytest"
)

var submission = criteria.MustParseDate("2020-07-20")

func project(t *testing.T, name string) *eligibility.Project {
	t.Helper()
	p, err := eligibility.DecodeProject(mustRead(t, "projects/"+name+".json"))
	require.NoError(t, err)
	return p
}

func engineFor(t *testing.T, variant string) *eligibility.Engine {
	t.Helper()
	rs, err := criteria.LoadFS(testdata, "rulesets/"+variant)
	require.NoError(t, err)
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	return e
}

// probeRow is what a test reads of a probe.
type probeRow struct {
	value    string
	outcome  eligibility.Outcome
	decision eligibility.Decision
}

func rows(results []policytest.ProbeResult, param string) []probeRow {
	var out []probeRow
	for _, r := range results {
		if r.Parameter == param {
			out = append(out, probeRow{r.Value, r.Outcomes[0].Outcome, r.Decision})
		}
	}
	return out
}

func TestProbeTheDefaultThresholds(t *testing.T) {
	results, err := policytest.Probe(eligibility.Default(), project(t, "bigdata"), submission)
	require.NoError(t, err)
	const E, I = eligibility.Eligible, eligibility.Ineligible
	const P, F = eligibility.Pass, eligibility.Fail
	tests := []struct {
		reason string
		param  string
		want   []probeRow
	}{
		{"以上 includes the floor: one fen under fails, at and over pass", "minTotalInvestment",
			[]probeRow{{"4999999.99", F, I}, {"5000000.00", P, E}, {"5000000.01", P, E}}},
		{"exactly half of the base's 30,000,000 passes, one fen under fails", "minBigDataShare",
			[]probeRow{{"14999999.99", F, I}, {"15000000.00", P, E}, {"15000000.01", P, E}}},
		{"a start on 31 December is within the year, 1 January is not", "endOfYear",
			[]probeRow{{"2020-12-30", P, E}, {"2020-12-31", P, E}, {"2021-01-01", F, I}}},
		{"近三年 does not apply to a bigdata project: the probes say so", "incidentLookbackYears",
			[]probeRow{{"2017-07-19", eligibility.NotApplicable, E}, {"2017-07-20", eligibility.NotApplicable, E},
				{"2017-07-21", eligibility.NotApplicable, E}, {"2020-07-20", eligibility.NotApplicable, E},
				{"2020-07-21", eligibility.NotApplicable, E}}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			assert.Equal(t, tt.want, rows(results, tt.param))
		})
	}
	assert.Equal(t, "minTotalInvestment 5000000: investment.total = 4999999.99 (one fen under the floor): BD-4 fail → ineligible",
		results[0].String())
	assert.Equal(t, "exactly 50% of 30000000.00", results[4].Label)
}

// The edge moves with the parameter: under a 10,000,000 floor the probes sit at
// 9,999,999.99 / 10,000,000.00 / 10,000,000.01, and the project that sat at the old
// floor now fails.
func TestRaisingTheFloorMovesTheProbeEdge(t *testing.T) {
	base := project(t, "bigdata")
	before, err := policytest.Probe(eligibility.Default(), base, submission)
	require.NoError(t, err)
	raised := engineFor(t, "floor-10m.yaml")
	after, err := policytest.Probe(raised, base, submission)
	require.NoError(t, err)

	assert.Equal(t, "5000000", before[1].Threshold)
	assert.Equal(t, "10000000", after[1].Threshold)
	assert.Equal(t, []probeRow{
		{"9999999.99", eligibility.Fail, eligibility.Ineligible},
		{"10000000.00", eligibility.Pass, eligibility.Eligible},
		{"10000000.01", eligibility.Pass, eligibility.Eligible},
	}, rows(after, "minTotalInvestment"))

	oldEdge := before[1].Project // 5,000,000.00, eligible by default
	v, err := raised.Evaluate(oldEdge, submission)
	require.NoError(t, err)
	assert.Equal(t, []string{"BD-4"}, v.Failing, "the old edge is now under the floor")
	assert.Equal(t, "3000000.00", oldEdge.Investment.BigDataPortion.StringFixed(2),
		"the portion is scaled with the total, keeping its 60%, so only BD-4 moves")
}

func TestProbeTheShareAndTheWindowAtTheirEdges(t *testing.T) {
	tests := []struct {
		reason string
		base   string
		edit   func(p *eligibility.Project)
		asOf   string
		param  string
		want   []probeRow
		label  string // the label of the probe at the threshold
	}{
		{reason: "12,345,678.91 is exactly half of 24,691,357.82", base: "bigdata",
			edit: func(p *eligibility.Project) { p.Investment.Total = yuan("24691357.82") },
			asOf: "2020-07-20", param: "minBigDataShare",
			want:  []probeRow{{"12345678.90", eligibility.Fail, eligibility.Ineligible}, {"12345678.91", eligibility.Pass, eligibility.Eligible}, {"12345678.92", eligibility.Pass, eligibility.Eligible}},
			label: "exactly 50% of 24691357.82"},
		{reason: "half of 15,000,000.01 is not a whole fen: 7,500,000.00 is under it, 7,500,000.01 the first fen at it", base: "bigdata",
			edit: func(p *eligibility.Project) {
				p.Investment.Total, p.Investment.BigDataPortion = yuan("15000000.01"), yuan("9000000")
			},
			asOf: "2020-07-20", param: "minBigDataShare",
			want:  []probeRow{{"7500000.00", eligibility.Fail, eligibility.Ineligible}, {"7500000.01", eligibility.Pass, eligibility.Eligible}, {"7500000.02", eligibility.Pass, eligibility.Eligible}},
			label: "the first fen at 50% of 15000000.01"},
		{reason: "exactly three years before is inside 近三年, one day more is not; after the evaluation date is ignored",
			base: "industrial-internet", asOf: "2020-07-20", param: "incidentLookbackYears",
			want: []probeRow{{"2017-07-19", eligibility.Pass, eligibility.Eligible}, {"2017-07-20", eligibility.Fail, eligibility.Ineligible},
				{"2017-07-21", eligibility.Fail, eligibility.Ineligible}, {"2020-07-20", eligibility.Fail, eligibility.Ineligible},
				{"2020-07-21", eligibility.Pass, eligibility.Eligible}},
			label: "a violation exactly 3 years before: the first day of the window"},
		{reason: "from 29 February the window opens on 1 March", base: "industrial-internet", asOf: "2020-02-29", param: "incidentLookbackYears",
			want: []probeRow{{"2017-02-28", eligibility.Pass, eligibility.Eligible}, {"2017-03-01", eligibility.Fail, eligibility.Ineligible},
				{"2017-03-02", eligibility.Fail, eligibility.Ineligible}, {"2020-02-29", eligibility.Fail, eligibility.Ineligible},
				{"2020-03-01", eligibility.Pass, eligibility.Eligible}},
			label: "a violation exactly 3 years before: the first day of the window"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			p := project(t, tt.base)
			if tt.edit != nil {
				tt.edit(p)
			}
			results, err := policytest.Probe(eligibility.Default(), p, criteria.MustParseDate(tt.asOf))
			require.NoError(t, err)
			assert.Equal(t, tt.want, rows(results, tt.param))
			for _, r := range results {
				if r.Parameter == tt.param && r.Step == 0 {
					assert.Equal(t, tt.label, r.Label)
					break
				}
			}
		})
	}
}

// Which probes apply comes from the rule set: without the floor there is no floor to
// probe.
func TestProbesFollowTheRuleSet(t *testing.T) {
	rs, err := criteria.Derive(criteria.Default(), []byte(`
base: jilin-761-intake-2020
name: no-floor
remove: [BD-4]
removeParameters: [minTotalInvestment]
`))
	require.NoError(t, err)
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	results, err := policytest.Probe(e, project(t, "bigdata"), submission)
	require.NoError(t, err)
	var params []string
	for _, r := range results {
		if len(params) == 0 || params[len(params)-1] != r.Parameter {
			params = append(params, r.Parameter)
		}
	}
	assert.Equal(t, []string{"minBigDataShare", "incidentLookbackYears", "endOfYear"}, params)
}

func TestProbeErrors(t *testing.T) {
	bad := project(t, "bigdata")
	bad.Category = "roads"
	_, err := policytest.Probe(eligibility.Default(), bad, submission)
	assert.ErrorIs(t, err, eligibility.ErrInvalidProject, "a bad base is bad input")

	noTotal := project(t, "bigdata")
	noTotal.Investment.Total = nil
	_, err = policytest.Probe(eligibility.Default(), noTotal, submission)
	assert.ErrorContains(t, err, "no investment.total", "the share is measured from the total")

	_, err = policytest.Probe(engineFor(t, "lookback-from-2021.yaml"), project(t, "bigdata"), submission)
	assert.ErrorContains(t, err, "incidentLookbackYears: no value in force on 2020-07-20")
}

// The base is never changed by probing.
func TestProbeLeavesTheBaseAlone(t *testing.T) {
	base := project(t, "bigdata")
	want := project(t, "bigdata")
	_, err := policytest.Probe(eligibility.Default(), base, submission)
	require.NoError(t, err)
	assert.Equal(t, want, base)
}

func yuan(s string) *decimal.Decimal { return new(decimal.RequireFromString(s)) }
