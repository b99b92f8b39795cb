package policytest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/policytest"
)

const (
	eligible     = eligibility.Eligible
	ineligible   = eligibility.Ineligible
	undetermined = eligibility.Undetermined
	pass         = eligibility.Pass
	fail         = eligibility.Fail
	undet        = eligibility.OutcomeUndetermined
	na           = eligibility.NotApplicable
)

// edited returns a base project with an ID of its own and an edit applied.
func edited(t *testing.T, base, id string, edit func(p *eligibility.Project)) *eligibility.Project {
	t.Helper()
	p := project(t, base)
	p.ID = id
	if edit != nil {
		edit(p)
	}
	return p
}

func derived(t *testing.T, variant string) *eligibility.Engine {
	t.Helper()
	rs, err := criteria.Derive(criteria.Default(), []byte(variant))
	require.NoError(t, err)
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	return e
}

func TestCompareRaisedFloor(t *testing.T) {
	eightMillion := func(p *eligibility.Project) {
		p.Investment.Total, p.Investment.BigDataPortion = yuan("8000000"), yuan("5000000")
	}
	projects := []*eligibility.Project{
		edited(t, "bigdata", "moves", eightMillion),
		edited(t, "bigdata", "stays", nil),
		edited(t, "bigdata", "already-out", func(p *eligibility.Project) { eightMillion(p); p.ReportingUnit = category.ReportingUnitOther }),
		edited(t, "ai", "other-category", nil),
		edited(t, "bigdata", "unknown-total", func(p *eligibility.Project) { p.Investment.Total = nil }),
	}
	im, err := policytest.Compare(eligibility.Default(), engineFor(t, "floor-10m.yaml"), projects, submission)
	require.NoError(t, err)

	assert.Equal(t, "jilin-761-intake-2020", im.Base)
	assert.Equal(t, "floor-10m", im.Changed)
	assert.Equal(t, submission, im.AsOf)
	assert.Equal(t, []policytest.ProjectImpact{
		{ID: "moves", Name: projects[0].Name, Category: category.CategoryBigData, Before: eligible, After: ineligible,
			Changes: []policytest.CriterionChange{{ID: "BD-4", Before: pass, After: fail}}},
		{ID: "stays", Name: projects[1].Name, Category: category.CategoryBigData, Before: eligible, After: eligible},
		{ID: "already-out", Name: projects[2].Name, Category: category.CategoryBigData, Before: ineligible, After: ineligible,
			Changes: []policytest.CriterionChange{{ID: "BD-4", Before: pass, After: fail}}},
		{ID: "other-category", Name: projects[3].Name, Category: category.CategoryAI, Before: eligible, After: eligible},
		{ID: "unknown-total", Name: projects[4].Name, Category: category.CategoryBigData, Before: undetermined, After: undetermined},
	}, im.Projects, "every project, in input order")
	assert.Equal(t, policytest.Totals{
		Projects: 5, Moved: 1, Changed: 1, Unchanged: 3,
		Before:   policytest.DecisionCounts{Eligible: 3, Ineligible: 1, Undetermined: 1},
		After:    policytest.DecisionCounts{Eligible: 2, Ineligible: 2, Undetermined: 1},
		Moves:    []policytest.Move{{From: eligible, To: ineligible, Count: 1}},
		Criteria: []policytest.CriterionTotal{{ID: "BD-4", Before: pass, After: fail, Count: 2}},
	}, im.Totals)
	assert.Equal(t, []policytest.ProjectImpact{im.Projects[0]}, im.MovedProjects())
}

// Applying the stage clauses everywhere moves projects of other categories whose
// forms do not state the preparatory work, or state it undone.
func TestCompareStagesEverywhere(t *testing.T) {
	everywhere := derived(t, `
base: jilin-761-intake-2020
name: stages-everywhere
replace:
  - {id: BD-6a, category: ""}
  - {id: BD-6b, category: ""}
  - {id: BD-6c, category: ""}
`)
	projects := []*eligibility.Project{
		edited(t, "ai", "no-preparation", nil), // new-start, nothing stated
		edited(t, "ai", "prepared", func(p *eligibility.Project) {
			p.Preparation = eligibility.Preparation{FeasibilityStudyCompleted: new(true), FundingSecured: new(true),
				PlannedStart: criteria.MustParseDate("2020-10-01")}
		}),
		edited(t, "telecom", "unfunded", func(p *eligibility.Project) {
			p.Preparation = eligibility.Preparation{FeasibilityStudyCompleted: new(true), FundingSecured: new(false),
				PlannedStart: criteria.MustParseDate("2020-10-01")}
		}),
		edited(t, "industrial-internet", "continuing", nil),
	}
	im, err := policytest.Compare(eligibility.Default(), everywhere, projects, submission)
	require.NoError(t, err)
	moves := map[string][2]eligibility.Decision{}
	for _, p := range im.Projects {
		moves[p.ID] = [2]eligibility.Decision{p.Before, p.After}
	}
	assert.Equal(t, map[string][2]eligibility.Decision{
		"no-preparation": {eligible, undetermined},
		"prepared":       {eligible, eligible},
		"unfunded":       {eligible, ineligible},
		"continuing":     {eligible, eligible},
	}, moves)
	assert.Equal(t, []policytest.CriterionChange{{ID: "BD-6a", Before: na, After: undet}, {ID: "BD-6b", Before: na, After: undet},
		{ID: "BD-6c", Before: na, After: undet}}, im.Projects[0].Changes)
	assert.Equal(t, []policytest.Move{{From: eligible, To: ineligible, Count: 1}, {From: eligible, To: undetermined, Count: 1}},
		im.Totals.Moves, "moves in decision order")
	assert.Equal(t, []policytest.CriterionTotal{
		{ID: "BD-6a", Before: na, After: pass, Count: 2}, {ID: "BD-6a", Before: na, After: undet, Count: 1},
		{ID: "BD-6b", Before: na, After: pass, Count: 1}, {ID: "BD-6b", Before: na, After: fail, Count: 1},
		{ID: "BD-6b", Before: na, After: undet, Count: 1},
		{ID: "BD-6c", Before: na, After: pass, Count: 2}, {ID: "BD-6c", Before: na, After: undet, Count: 1},
	}, im.Totals.Criteria, "criteria in rule order, then outcomes in order")
}

// Criteria added or removed by the change are absent on one side; a finding on a
// removed criterion is dropped where it can no longer be supplied, not an error.
func TestCompareAddedAndRemovedCriteria(t *testing.T) {
	changed := derived(t, `
base: jilin-761-intake-2020
name: value-instead-of-planning
remove: [BD-3a]
add:
  - id: BD-7
    category: bigdata
    ref: 一(一)3
    source: 项目实施符合我省统筹统建的总体建设思路，具有一定的示范应用价值。
    summary: {zh: 示范应用价值经专家组复核, en: demonstration value confirmed by a second review}
    strength: mandatory
    basis: finding
    require: findings['BD-7']
    message: {zh: 复核未通过, en: the second review found no demonstration value}
`)
	withFinding := edited(t, "bigdata", "with-BD-3a", nil)
	require.Contains(t, withFinding.Findings, "BD-3a")
	im, err := policytest.Compare(eligibility.Default(), changed, []*eligibility.Project{withFinding}, submission)
	require.NoError(t, err)
	assert.Equal(t, []policytest.CriterionChange{
		{ID: "BD-7", Before: policytest.Absent, After: undet}, // the changed rule set's order first
		{ID: "BD-3a", Before: pass, After: policytest.Absent}, // then what only the base has
	}, im.Projects[0].Changes)
	assert.Equal(t, undetermined, im.Projects[0].After)
	assert.Contains(t, withFinding.Findings, "BD-3a", "the caller's project is not changed")

	// And the other way round: the new finding is dropped for the base.
	withNew := edited(t, "bigdata", "with-BD-7", func(p *eligibility.Project) {
		p.Findings["BD-7"] = eligibility.Finding{Met: new(true)}
	})
	im, err = policytest.Compare(changed, eligibility.Default(), []*eligibility.Project{withNew}, submission)
	require.NoError(t, err)
	assert.Equal(t, eligible, im.Projects[0].Before)
}

// A data criterion that reads its own finding takes one (BD-1a, for content its open
// list does not name); a variant that closes the list takes none, and the finding is
// dropped there rather than make the record invalid.
func TestCompareClosedOpenList(t *testing.T) {
	changed := derived(t, `
base: jilin-761-intake-2020
name: closed-content-list
replace:
  - id: BD-1a
    require: project.bigDataContent.exists(c, c in params.bigDataContentKinds)
`)
	other := edited(t, "bigdata", "other-content", func(p *eligibility.Project) {
		p.BigDataContent = []category.BigDataContent{category.BigDataOther}
		p.Findings["BD-1a"] = eligibility.Finding{Met: new(true), By: "评审组"}
	})
	im, err := policytest.Compare(eligibility.Default(), changed, []*eligibility.Project{other}, submission)
	require.NoError(t, err)
	assert.Equal(t, []policytest.CriterionChange{{ID: "BD-1a", Before: pass, After: fail}}, im.Projects[0].Changes)
}

// Bad input is an error naming every bad project; nothing is half-compared.
func TestCompareReportsEveryBadProject(t *testing.T) {
	projects := []*eligibility.Project{
		edited(t, "ai", "fine", nil),
		edited(t, "ai", "bad-code", func(p *eligibility.Project) { p.Applicant.CreditCode = "91220101MA14XJ7T60" }),
		edited(t, "bigdata", "bad-finding", func(p *eligibility.Project) { p.Findings["XX-1"] = eligibility.Finding{Met: new(true)} }),
		nil,
	}
	im, err := policytest.Compare(eligibility.Default(), engineFor(t, "floor-10m.yaml"), projects, submission)
	assert.Nil(t, im)
	assert.ErrorIs(t, err, eligibility.ErrInvalidProject)
	assert.ErrorContains(t, err, "project 1 (bad-code) under jilin-761-intake-2020")
	assert.ErrorContains(t, err, "project 2 (bad-finding) under jilin-761-intake-2020")
	assert.ErrorContains(t, err, "project 3 under jilin-761-intake-2020")
	assert.NotContains(t, err.Error(), "(fine)")
}

func TestCompareIsDeterministic(t *testing.T) {
	projects := []*eligibility.Project{edited(t, "bigdata", "a", nil), edited(t, "telecom", "b", nil), edited(t, "ai", "c", nil)}
	changed := engineFor(t, "floor-10m.yaml")
	first, err := policytest.Compare(eligibility.Default(), changed, projects, submission)
	require.NoError(t, err)
	for range 5 {
		again, err := policytest.Compare(eligibility.Default(), changed, projects, submission)
		require.NoError(t, err)
		assert.Equal(t, first, again)
	}
}
