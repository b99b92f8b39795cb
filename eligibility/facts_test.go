package eligibility_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// TestFacts checks the fact table against what criteria read and verdicts report:
// every fact a criterion reads is listed, with its label as the inputs carry it.
func TestFacts(t *testing.T) {
	facts := eligibility.Facts()
	require.NotEmpty(t, facts)
	byPath := map[string]eligibility.Fact{}
	for _, f := range facts {
		require.NotEmpty(t, f.JSON, f.Path)
		assert.Contains(t, []string{"bool", "decimal", "string", "date", "list", "incidents"}, f.Type, f.Path)
		byPath[f.Path] = f
	}
	e := eligibility.Default()
	for _, c := range e.RuleSet().Criteria {
		reads, ok := e.Reads(c.ID)
		require.True(t, ok)
		for _, path := range reads.Facts {
			assert.Contains(t, byPath, path, "%s reads %s", c.ID, path)
		}
	}
	assert.Equal(t, "decimal", byPath["investment.total"].Type)
	assert.Equal(t, "项目总投资", byPath["investment.total"].Label.Zh)
	assert.Equal(t, []string{"applicant.registrationDivision", "applicant.creditCode"}, byPath["applicant.division"].JSON)
	assert.Equal(t, "incidents", byPath["incidents"].Type)
	assert.Equal(t, "date", byPath["preparation.plannedStart"].Type)
	// A copy: editing it does not change the table.
	facts[0].JSON[0] = "changed"
	assert.False(t, slices.ContainsFunc(eligibility.Facts(), func(f eligibility.Fact) bool { return f.JSON[0] == "changed" }))
}
