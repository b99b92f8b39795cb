package policytest_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/policytest"
)

// The project's own fixtures see, and assert, every mandatory criterion pass, fail
// and undetermined — and the encouraged ones too. Only the criteria that apply to
// every category without condition (GEN-1 to GEN-4) can never be not applicable.
func TestDefaultCoverage(t *testing.T) {
	suite, err := policytest.LoadSuite(testdata, "default.yaml")
	require.NoError(t, err)
	cov := suite.Coverage()
	assert.Equal(t, "jilin-761-intake-2020", cov.RuleSet)
	assert.Equal(t, len(suite.Fixtures), cov.Fixtures)
	require.Len(t, cov.Criteria, 47)
	for _, o := range []eligibility.Outcome{eligibility.Pass, eligibility.Fail, eligibility.OutcomeUndetermined} {
		assert.Empty(t, cov.NeverAsserted(o, criteria.Mandatory), "mandatory criteria never asserted %s", o)
		assert.Empty(t, cov.NeverAsserted(o, ""), "criteria never asserted %s", o)
	}
	assert.Equal(t, []string{"GEN-1", "GEN-2", "GEN-3", "GEN-4"}, cov.NeverSeen(eligibility.NotApplicable, ""))
}

func TestCoverageCountsSeenAndAsserted(t *testing.T) {
	suite, err := policytest.LoadSuite(testdata, "wrong.yaml")
	require.NoError(t, err)
	cov := suite.Coverage()
	bd4 := cov.Criteria[5]
	require.Equal(t, "BD-4", bd4.ID)
	assert.Equal(t, policytest.Counts{Fail: 2, Undetermined: 1, NotApplicable: 1}, bd4.Seen,
		"three bigdata fixtures and a telecom one")
	assert.Equal(t, policytest.Counts{Undetermined: 1}, bd4.Asserted,
		"a wrong expectation covers nothing; the undetermined one held")
	assert.Equal(t, 2, bd4.Seen.Of(eligibility.Fail))
	assert.Contains(t, cov.NeverAsserted(eligibility.Fail, criteria.Mandatory), "BD-4")
	assert.NotContains(t, cov.NeverSeen(eligibility.Fail, criteria.Mandatory), "BD-4")
}

func TestCoverageString(t *testing.T) {
	suite, err := policytest.LoadSuite(testdata, "floor-10m.yaml")
	require.NoError(t, err)
	s := suite.Coverage().String()
	lines := strings.Split(s, "\n")
	assert.Equal(t, "coverage of floor-10m by 4 fixtures (seen/asserted)", lines[0])
	assert.Regexp(t, `^criterion\s+strength\s+pass\s+fail\s+undetermined\s+not-applicable$`, lines[1])
	assert.Regexp(t, `^BD-4\s+mandatory\s+1/1\s+2/2\s+0/0\s+1/1$`, lines[7])
	assert.Contains(t, s, "mandatory criteria never asserted pass: BD-1a, BD-1b,")
	assert.Contains(t, s, "mandatory criteria never asserted undetermined: BD-1a,")
}
