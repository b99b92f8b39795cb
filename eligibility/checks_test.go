package eligibility_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

func TestChecksOfTheDefaultRuleSet(t *testing.T) {
	c := eligibility.Default().Checks()
	assert.Equal(t, eligibility.DefaultCostLimit, c.CostLimit)
	assert.Empty(t, c.UnreadFacts, "the default rules read every fact the record has")
	byExpr := map[string]uint64{}
	for _, cost := range c.Costs {
		byExpr[cost.ID+"."+cost.Field] = cost.Estimate
		assert.LessOrEqual(t, cost.Estimate, c.CostLimit, cost.ID)
		assert.Positive(t, cost.Estimate, cost.ID)
	}
	guards := 0
	for _, c := range criteria.Default().Criteria {
		if c.AppliesWhen != "" {
			guards++
		}
	}
	assert.Len(t, byExpr, 47+guards, "one cost per expression")
	assert.Greater(t, byExpr["II-11.require"], uint64(100_000), "the incident window iterates up to 10,000 incidents")
	assert.Less(t, byExpr["BD-4.require"], uint64(10), "a comparison is cheap")
}

func TestChecksReportUnreadFacts(t *testing.T) {
	rs := criteria.Default()
	rs.Criteria = slices.DeleteFunc(rs.Criteria, func(c criteria.Criterion) bool { return c.ID == "GEN-3" })
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	assert.Equal(t, []string{"investment.completed", "investment.completedVerified"}, e.Checks().UnreadFacts)
}

func TestNewRefusesAGuardThatCanNeverHold(t *testing.T) {
	tests := []struct {
		reason string
		cat    category.Category
		guard  string
	}{
		{"an AI subtype on a bigdata criterion", category.CategoryBigData, "project.subtype == 'product'"},
		{"a stage that does not exist", category.CategoryBigData, "project.stage == 'dreaming'"},
		{"a category the criterion does not belong to", category.CategoryTelecom, "project.category == 'ai'"},
		{"contradictory conditions on an all-category criterion", "", "project.subtype == '5g' && project.subtype == 'platform'"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			rs := criteria.Default()
			rs.Criteria[0].Category = tt.cat
			rs.Criteria[0].AppliesWhen = tt.guard
			_, err := eligibility.New(rs)
			require.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
			assert.ErrorContains(t, err, "criteria[0] (BD-1a).appliesWhen: can never be true")
		})
	}

	// A guard that holds only for facts beyond subtype and stage is fine: it may hold.
	rs := criteria.Default()
	rs.Criteria[0].AppliesWhen = "project.subtype == 'datacenter' && project.investment.total > decimal(0)"
	_, err := eligibility.New(rs)
	assert.NoError(t, err)
}

func TestReads(t *testing.T) {
	e := eligibility.Default()
	r, ok := e.Reads("BD-6c")
	require.True(t, ok)
	assert.Equal(t, eligibility.Reads{
		Facts:     []string{"stage", "preparation.plannedStart"},
		AsOf:      true,
		Functions: []string{"endOfYear"},
	}, r)
	r, _ = e.Reads("BD-1b")
	assert.Equal(t, []string{"subtype", "investment.total", "investment.bigDataPortion"}, r.Facts)
	assert.Equal(t, []string{"minBigDataShare"}, r.Params)
	r, _ = e.Reads("AI-C2")
	assert.Equal(t, []string{"AI-C2"}, r.Findings)
	_, ok = e.Reads("NO-1")
	assert.False(t, ok)
}
