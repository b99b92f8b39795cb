package eligibility_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Issue 12 §1: time and memory are bounded for every input the limits admit.

// atLimits returns an industrial-internet record at the input limits: MaxListLength
// items in each of its four lists and MaxListLength incidents, whose text adds up to
// just under MaxRecordBytes. The three lists of codes hold valid codes (anything
// else is bad input); the free text is in the scenarios and the incidents'
// descriptions.
func atLimits(t testing.TB) *eligibility.Project {
	t.Helper()
	p := base(t, "industrial-internet")
	p.BigDataContent = repeat(category.BigDataStorage, eligibility.MaxListLength)
	p.FiveG.Technologies = repeat(category.FiveGTechnology("network-slicing"), eligibility.MaxListLength)
	p.Intranet.Technologies = repeat(category.IntranetTechnology("ipv6"), eligibility.MaxListLength)
	p.Incidents = make([]eligibility.Incident, eligibility.MaxListLength)
	for i := range p.Incidents {
		p.Incidents[i] = eligibility.Incident{Date: date("2015-01-01"), Kind: category.IncidentKindViolation}
	}
	used, err := json.Marshal(p)
	require.NoError(t, err)
	per := (eligibility.MaxRecordBytes - len(used) - 2*eligibility.MaxListLength*2) / (2 * eligibility.MaxListLength)
	text := func(prefix string, i int) string { return fmt.Sprintf("%s%0*d", prefix, per-len(prefix), i) }
	p.FiveG.Scenarios = make([]string, eligibility.MaxListLength)
	for i := range p.FiveG.Scenarios {
		p.FiveG.Scenarios[i] = text("s", i)
		p.Incidents[i].Description = text("d", i)
	}
	return p
}

func repeat[T any](v T, n int) []T {
	l := make([]T, n)
	for i := range l {
		l[i] = v
	}
	return l
}

func TestRecordIsBoundedAsAWhole(t *testing.T) {
	p := atLimits(t)
	require.NoError(t, eligibility.Default().Validate(p), "a record at the limits is valid")

	// Every list and string within its own limit, the whole beyond: 64 items of
	// 64 KiB in each of four lists was once accepted (and never finished).
	p = base(t, "industrial-internet")
	long := strings.Repeat("x", eligibility.MaxStringBytes)
	for range 40 {
		p.FiveG.Scenarios = append(p.FiveG.Scenarios, long)
		p.Incidents = append(p.Incidents, eligibility.Incident{Date: date("2015-01-01"), Description: long})
	}
	for _, check := range []func() error{
		func() error { return eligibility.Default().Validate(p) },
		func() error { _, err := eligibility.Default().Evaluate(p, submissionDate); return err },
	} {
		err := check()
		require.ErrorIs(t, err, eligibility.ErrInvalidProject)
		var ve *eligibility.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, []string{""}, ve.Paths(), "the record as a whole")
		assert.ErrorContains(t, err, fmt.Sprintf("beyond the limit of %d (MaxRecordBytes)", eligibility.MaxRecordBytes))
	}
	_, oerr := oracle.Evaluate(p, submissionDate)
	var ove *criteria.ValidationError
	require.ErrorAs(t, oerr, &ove, "the hand-written oracle agrees")
	assert.Equal(t, []string{""}, ove.Paths())
}

// A verdict echoes a bounded part of what it read, so that its size is a small
// fixed multiple of nothing more than the rule set, whatever the record holds.
func TestVerdictEchoIsBounded(t *testing.T) {
	p := atLimits(t)
	long := strings.Repeat("长", eligibility.MaxStringBytes/3) // 3 bytes a character
	p.Form.Progress = &long
	p.Findings = map[string]eligibility.Finding{"II-2c": {Met: new(true), By: long, Note: long}}
	v := evaluate(t, p, submissionDate)

	tech := input(t, v, "II-2a", "fiveG.technologies")
	items := strings.Split(tech.Value, ", ")
	require.Len(t, items, eligibility.MaxEchoItems+1)
	assert.Equal(t, string(p.FiveG.Technologies[0]), items[0])
	assert.Equal(t, fmt.Sprintf("… (%d items)", eligibility.MaxListLength), items[eligibility.MaxEchoItems])

	kind := input(t, v, "", "form.progress").Value
	assert.Equal(t, strings.Repeat("长", eligibility.MaxEchoBytes/3)+fmt.Sprintf("… (%d bytes)", len(long)), kind,
		"cut at a character boundary, marked with the length")
	finding := input(t, v, "II-2c", "findings.II-2c")
	assert.Less(t, len(finding.Note), eligibility.MaxEchoBytes+32)
	assert.Less(t, len(finding.By), eligibility.MaxEchoBytes+32)
	assert.True(t, strings.HasSuffix(finding.Note, fmt.Sprintf("… (%d bytes)", len(long))))

	record, err := json.Marshal(p)
	require.NoError(t, err)
	verdict, err := json.Marshal(v)
	require.NoError(t, err)
	typical, err := json.Marshal(evaluate(t, base(t, "industrial-internet"), submissionDate))
	require.NoError(t, err)
	t.Logf("record %d bytes, verdict %d bytes (a typical verdict: %d)", len(record), len(verdict), len(typical))
	assert.Less(t, len(verdict), 4*len(typical), "a verdict at the limits is a few times a typical one")
	assert.Less(t, len(verdict), len(record)/10, "and far smaller than its record")
	// The short values of an ordinary record are echoed in full.
	ordinary := evaluate(t, base(t, "industrial-internet"), submissionDate)
	assert.NotContains(t, string(mustJSON(t, ordinary)), "… (")
}

// input returns what criterion id (or, for "", any criterion) read as name.
func input(t *testing.T, v *eligibility.Verdict, id, name string) eligibility.Input {
	t.Helper()
	for _, r := range v.Results {
		if id != "" && r.ID != id {
			continue
		}
		for _, in := range r.Inputs {
			if in.Name == name {
				return in
			}
		}
	}
	t.Fatalf("%s read no %s", id, name)
	return eligibility.Input{}
}

// decimal(string) was one cost unit whatever its text: a rule estimated at 8% of
// the limit took a second and a gigabyte on 100 long strings.
func TestDecimalOfAStringIsMeteredByLength(t *testing.T) {
	rs := withRequire(t, map[string]string{"BD-1a": "project.bigDataContent.exists(c, decimal(c) > decimal(0))"})
	_, err := eligibility.New(rs)
	require.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
	require.ErrorIs(t, err, eligibility.ErrCostLimit)
	assert.ErrorContains(t, err, "criteria[0] (BD-1a).require: worst-case cost")

	// One long string is within the limit, and refused unparsed at run time.
	rs = withRequire(t, map[string]string{"GEN-5": "size(params.reportingUnits) >= 0 && decimal(project.form.progress) >= decimal(0)"})
	eng, err := eligibility.New(rs)
	require.NoError(t, err)
	p := base(t, "bigdata")
	p.Form.Progress = new("1" + strings.Repeat("0", eligibility.MaxStringBytes-1))
	_, err = eng.Evaluate(p, submissionDate)
	require.ErrorIs(t, err, eligibility.ErrEvaluation)
	assert.ErrorContains(t, err, "longer than any decimal of at most 1000 digits")
	p.Form.Progress = new("12.5")
	v, err := eng.Evaluate(p, submissionDate)
	require.NoError(t, err)
	assert.Equal(t, eligibility.Pass, result(t, v, "GEN-5").Outcome)
}

// The cost limit was per criterion only: 10,000 criteria were accepted at 600
// times the limit in sum.
func TestRuleSetCostIsBoundedAsAWhole(t *testing.T) {
	_, err := eligibility.New(criteria.Default(), eligibility.WithRuleSetCostLimit(0))
	assert.ErrorContains(t, err, "must be positive")

	rs := criteria.Default()
	ii11, _ := rs.Criterion("II-11")
	for i := range 40 { // each about 260,000: 10.4 million in all
		c := ii11
		c.ID = fmt.Sprintf("X-%d", i)
		rs.Criteria = append(rs.Criteria, c)
	}
	_, err = eligibility.New(rs)
	require.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
	require.ErrorIs(t, err, eligibility.ErrCostLimit)
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"criteria"}, ve.Paths())
	assert.ErrorContains(t, err, fmt.Sprintf("the sum over its 87 criteria, exceeds the rule-set limit %d", eligibility.DefaultRuleSetCostLimit))

	_, err = eligibility.New(rs, eligibility.WithRuleSetCostLimit(20_000_000))
	assert.NoError(t, err, "the limit is the caller's to raise")
	_, err = eligibility.New(criteria.Default(), eligibility.WithRuleSetCostLimit(100_000))
	assert.ErrorIs(t, err, eligibility.ErrCostLimit, "the default rule set's sum is above 100,000")
}

// A look-back parameter that yearsBefore cannot compute is an evaluation error,
// never a window wrapped round that lets a recent violation pass. The default
// rule set declares 1..100 years, so this needs a rule set without the range.
func TestYearsBeforeRefusesWhatItCannotCompute(t *testing.T) {
	for _, years := range []int64{1_000_000_000_000, -3} {
		t.Run(fmt.Sprint(years), func(t *testing.T) {
			rs := criteria.Default()
			for i := range rs.Parameters {
				if rs.Parameters[i].Name == "incidentLookbackYears" {
					rs.Parameters[i].Min, rs.Parameters[i].Max = nil, nil
				}
			}
			require.NoError(t, rs.SetParameter("incidentLookbackYears", criteria.IntValue(years)))
			eng, err := eligibility.New(rs)
			require.NoError(t, err)
			p := base(t, "industrial-internet")
			incident("2020-01-20", category.IncidentKindViolation, nil)(p) // six months before
			v, err := eng.Evaluate(p, submissionDate)
			assert.Nil(t, v, "a violation six months old must not pass II-11")
			require.ErrorIs(t, err, eligibility.ErrEvaluation)
			assert.ErrorContains(t, err, "criterion II-11")
			assert.ErrorContains(t, err, "yearsBefore")
		})
	}
}
