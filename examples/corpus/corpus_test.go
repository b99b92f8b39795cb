package corpus_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/creditcode"
	"github.com/jilin761/intake/examples/corpus"
)

// breadthSize is "a few thousand projects": the size over which every criterion must
// be seen in every outcome it can have.
const breadthSize = 3000

func TestGenerateIsDeterministic(t *testing.T) {
	a := mustJSON(t, corpus.Generate(42, 200))
	assert.Equal(t, a, mustJSON(t, corpus.Generate(42, 200)), "same seed, same corpus")
	assert.Equal(t, mustJSON(t, corpus.Generate(42, 60)), mustJSON(t, corpus.Generate(42, 200)[:60]),
		"project i does not depend on n, so a small corpus is a prefix of a large one")
	assert.NotEqual(t, a, mustJSON(t, corpus.Generate(43, 200)), "another seed, another corpus")
	assert.Empty(t, corpus.Generate(1, 0))
}

// Every generated project is valid input: the differential tests built on the corpus
// compare verdicts, not validation errors.
func TestEveryProjectIsValid(t *testing.T) {
	engine := eligibility.Default()
	for _, seed := range []int64{579, 1, -7} {
		ids := map[string]bool{}
		for _, p := range corpus.Generate(seed, breadthSize) {
			require.NoError(t, engine.Validate(p), "seed %d, %s", seed, p.ID)
			assert.False(t, ids[p.ID], "duplicate ID %s", p.ID)
			ids[p.ID] = true
		}
	}
}

// Credit codes pass both GB 32100 checks; most were issued in Jilin, some elsewhere.
func TestCreditCodes(t *testing.T) {
	jilin, elsewhere, none := 0, 0, 0
	for _, p := range corpus.Generate(579, breadthSize) {
		if p.Applicant.CreditCode == "" {
			none++
			continue
		}
		code, err := creditcode.Parse(p.Applicant.CreditCode)
		require.NoError(t, err, p.ID)
		assert.Equal(t, p.Applicant.CreditCode, code.String(), "already normalised")
		if strings.HasPrefix(code.Division(), "22") {
			jilin++
		} else {
			elsewhere++
		}
	}
	assert.Greater(t, jilin, 8*elsewhere, "mostly Jilin divisions")
	assert.Greater(t, elsewhere, 50, "some elsewhere")
	assert.Greater(t, none, 10, "some applicants state no code")
}

// The corpus's purpose: over a few thousand projects every criterion passes, fails
// and is undetermined, and every criterion that can be not applicable (it has a
// category or an applies-when) is; every category sees every decision.
func TestBreadth(t *testing.T) {
	engine := eligibility.Default()
	seen := map[string]map[eligibility.Outcome]int{}
	decisions := map[category.Category]map[eligibility.Decision]int{}
	subtypes := map[category.Subtype]bool{}
	stages := map[category.Stage]bool{}
	units := map[category.ReportingUnit]bool{}
	for _, p := range corpus.Generate(1, breadthSize) {
		v, err := engine.Evaluate(p, corpus.AsOf())
		require.NoError(t, err, p.ID)
		if decisions[p.Category] == nil {
			decisions[p.Category] = map[eligibility.Decision]int{}
		}
		decisions[p.Category][v.Decision]++
		subtypes[p.Subtype], stages[p.Stage], units[p.ReportingUnit] = true, true, true
		for _, r := range v.Results {
			if seen[r.ID] == nil {
				seen[r.ID] = map[eligibility.Outcome]int{}
			}
			seen[r.ID][r.Outcome]++
		}
	}
	for _, c := range engine.RuleSet().Criteria {
		want := []eligibility.Outcome{eligibility.Pass, eligibility.Fail, eligibility.OutcomeUndetermined}
		if c.Category != "" || c.AppliesWhen != "" {
			want = append(want, eligibility.NotApplicable)
		}
		for _, o := range want {
			assert.Positive(t, seen[c.ID][o], "%s never %s", c.ID, o)
		}
	}
	for _, cat := range category.Categories() {
		for _, d := range []eligibility.Decision{eligibility.Eligible, eligibility.Ineligible, eligibility.Undetermined} {
			assert.Positive(t, decisions[cat][d], "%s never %s", cat, d)
		}
		for _, st := range cat.Subtypes() {
			assert.True(t, subtypes[st], "subtype %s never generated", st)
		}
	}
	for _, st := range category.Stages() {
		assert.True(t, stages[st], "stage %s never generated", st)
	}
	for _, u := range append(category.ReportingUnits(), category.ReportingUnitOther) {
		assert.True(t, units[u], "reporting unit %s never generated", u)
	}
}

// Thresholds are probed by the corpus itself: some amounts and dates sit exactly on
// them or one step beside them.
func TestValuesAtTheThresholds(t *testing.T) {
	var totals, halves, starts, incidents []string
	for _, p := range corpus.Generate(1, breadthSize) {
		inv := p.Investment
		if inv.Total != nil {
			totals = append(totals, inv.Total.StringFixed(2))
			if inv.BigDataPortion != nil && inv.BigDataPortion.Mul(decimal.NewFromInt(2)).Equal(*inv.Total) {
				halves = append(halves, p.ID)
			}
		}
		starts = append(starts, p.Preparation.PlannedStart.String())
		for _, i := range p.Incidents {
			incidents = append(incidents, i.Date.String())
		}
	}
	for _, want := range []string{"5000000.00", "4999999.99", "5000000.01"} {
		assert.Contains(t, totals, want)
	}
	assert.NotEmpty(t, halves, "a big-data portion of exactly 50%")
	assert.Contains(t, starts, "2020-12-31")
	assert.Contains(t, starts, "2021-01-01")
	assert.Contains(t, incidents, "2017-07-20", "the first day of 近三年")
	assert.Contains(t, incidents, "2017-07-19", "the day before")
	assert.True(t, slices.ContainsFunc(incidents, func(d string) bool { return d > corpus.AsOf().String() }),
		"an incident after the evaluation date")
}

func TestAsOf(t *testing.T) {
	assert.Equal(t, criteria.MustParseDate("2020-07-20"), corpus.AsOf())
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
