package remedy_test

import (
	"context"
	"github.com/shopspring/decimal"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

var submission = criteria.NewDate(2020, 7, 20)

func TestInvalidRecordGivesEvaluatesError(t *testing.T) {
	e := eligibility.Default()
	pl, err := remedy.New(e)
	require.NoError(t, err)
	p := base(t, "bigdata")
	p.Subtype = "no-such-subtype"
	p.Investment.BigDataPortion = yuan("40000000")
	_, want := e.Evaluate(p, submission)
	require.Error(t, want)
	_, got := pl.Remedies(context.Background(), p, submission)
	require.ErrorIs(t, got, eligibility.ErrInvalidProject)
	require.Equal(t, want.Error(), got.Error())
	var ve *eligibility.ValidationError
	require.ErrorAs(t, got, &ve)

	_, err = remedy.New(nil)
	require.Error(t, err)
}

// An added criterion gets remedies from what it reads, with no table keyed by its
// ID; one no candidate satisfies says so.
func TestAddedCriteria(t *testing.T) {
	rs, err := criteria.Load([]byte(`
base: jilin-761-intake-2020
name: added
addParameters:
  - {name: minCompleted, type: decimal, unit: yuan, ref: test, value: "1000000", description: {zh: 完成投资下限, en: floor on completed investment}}
add:
  - id: X-1
    category: bigdata
    ref: test
    source: test
    summary: {zh: "完成投资不少于{minCompleted}", en: "completed investment of at least {minCompleted}"}
    strength: mandatory
    basis: data
    require: project.investment.completed >= params.minCompleted
    message: {zh: 完成投资不足, en: completed investment too small}
  - id: X-2
    category: bigdata
    ref: test
    source: test
    summary: {zh: 大数据内容五项以上, en: at least five kinds of big-data content}
    strength: mandatory
    basis: data
    require: size(project.bigDataContent) >= 5
    message: {zh: 内容不足, en: too little content}
`), criteria.Default())
	require.NoError(t, err)
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	pl, err := remedy.New(e)
	require.NoError(t, err)
	p := base(t, "bigdata")
	p.Investment.Completed = eligibility.NewFormAmount(*yuan("999999.50"))
	r, err := pl.Remedies(context.Background(), p, submission)
	require.NoError(t, err)
	require.Len(t, r.Fixes, 2)
	assert.Equal(t, "X-1", r.Fixes[0].ID)
	require.NotEmpty(t, r.Fixes[0].Options)
	assert.Contains(t, r.Fixes[0].Options[0].Text.Zh, "完成投资（investment.completed）999,999.50 元，须不少于 1,000,000.00 元（差 0.50 元）")
	assert.Equal(t, "X-2", r.Fixes[1].ID)
	assert.Empty(t, r.Fixes[1].Options)
	assert.Equal(t, remedy.NoneNoAutomatic, r.Fixes[1].None)
	assert.Equal(t, "no automatic remedy for X-2 (test): requirement: at least five kinds of big-data content", r.Fixes[1].NoneText.En)
	assert.Equal(t, remedy.PlanNone, r.Plan.Status)
}

// A criterion an added rule set writes on a typed code list or the completed
// investment, with no parameter naming the codes or bounds, gets remedies from the
// field's Go type: the code type's codes, the form amount's value.
func TestAddedCriteriaOnTypedFields(t *testing.T) {
	rs, err := criteria.Load([]byte(`
base: jilin-761-intake-2020
name: added-typed
add:
  - id: X-3
    category: bigdata
    ref: test
    source: test
    summary: {zh: 建设内容包含算力, en: the content includes computing capacity}
    strength: mandatory
    basis: data
    require: "'computing' in project.bigDataContent"
    message: {zh: 未包含算力, en: no computing capacity}
  - id: X-4
    category: bigdata
    ref: test
    source: test
    summary: {zh: 完成投资不超过总投资的一半, en: completed investment at most half the total}
    strength: mandatory
    basis: data
    require: project.investment.completed * decimal(2) <= project.investment.total
    message: {zh: 完成投资过多, en: completed investment too large}
`), criteria.Default())
	require.NoError(t, err)
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	pl, err := remedy.New(e)
	require.NoError(t, err)
	p := base(t, "bigdata")
	p.Investment.Completed = eligibility.NewFormAmount(*yuan("15000000.01"))
	r, err := pl.Remedies(context.Background(), p, submission)
	require.NoError(t, err)
	byID := map[string]remedy.Fix{}
	for _, fx := range r.Fixes {
		byID[fx.ID] = fx
	}
	require.Contains(t, byID, "X-3")
	require.NotEmpty(t, byID["X-3"].Options, byID["X-3"].NoneText.En)
	assert.Equal(t, "在大数据建设内容（bigDataContent）中增加以下至少一项：算力", byID["X-3"].Options[0].Text.Zh)
	assert.JSONEq(t, `["storage","analysis","application","computing"]`, string(byID["X-3"].Options[0].Changes[0].Value))
	require.Contains(t, byID, "X-4")
	require.NotEmpty(t, byID["X-4"].Options, byID["X-4"].NoneText.En)
	assert.Equal(t, "investment.completed", byID["X-4"].Options[0].Changes[0].Path)
	assert.Equal(t, "完成投资（investment.completed）15,000,000.01 元，须不超过 15,000,000.00 元（超出 0.01 元）", byID["X-4"].Options[0].Text.Zh)
	assert.Equal(t, remedy.PlanChanges, r.Plan.Status, r.Plan.Text.En)
	q, at := r.Plan.Apply(p)
	v, err := e.Evaluate(q, at)
	require.NoError(t, err)
	assert.Equal(t, eligibility.Eligible, v.Decision, r.Plan.Text.En)
}

func TestPlanRaisesTheShareWithTheTotal(t *testing.T) {
	pl, err := remedy.New(eligibility.Default())
	require.NoError(t, err)
	p := base(t, "bigdata")
	p.Investment.Total, p.Investment.BigDataPortion, p.Investment.Completed = yuan("4000000"), yuan("2100000"), eligibility.NewFormAmount(decimal.Zero)
	r, err := pl.Remedies(context.Background(), p, submission)
	require.NoError(t, err)
	require.Equal(t, remedy.PlanChanges, r.Plan.Status)
	require.Len(t, r.Plan.Changes, 2)
	assert.Equal(t, "investment.total", r.Plan.Changes[0].Path)
	assert.JSONEq(t, `"5000000"`, string(r.Plan.Changes[0].Value))
	// Raising the total to the floor moves the share's target from 2,000,000 to
	// 2,500,000: the plan raises the portion too, though BD-1b passed at first.
	assert.Equal(t, "investment.bigDataPortion", r.Plan.Changes[1].Path)
	assert.Contains(t, r.Plan.Changes[1].Text.Zh, "须不少于 2,500,000.00 元（差 400,000.00 元）")
}

func TestQuestionsRanked(t *testing.T) {
	pl, err := remedy.New(eligibility.Default())
	require.NoError(t, err)
	p := base(t, "telecom")
	p.Applicant.Qualified = nil
	r, err := pl.Remedies(context.Background(), p, submission)
	require.NoError(t, err)
	require.Equal(t, eligibility.Undetermined, r.Decision)
	require.Len(t, r.Questions, 1)
	q := r.Questions[0]
	assert.Equal(t, remedy.RankDecides, q.Rank)
	assert.Equal(t, "applicant.qualified", q.Path)
	assert.Equal(t, "建设资质（applicant.qualified）：为 是 时：符合入库标准；为 否 时：不符合入库标准（TC-1b 不符合）", q.Text.Zh)

	// Two findings missing: neither alone decides, each could fail the project.
	p = base(t, "ai")
	p.Findings = nil
	p.Subtype = category.SubtypeAIProduct
	p.Preparation.PlannedStart = criteria.Date{}
	r, err = pl.Remedies(context.Background(), p, submission)
	require.NoError(t, err)
	require.NotEmpty(t, r.Questions)
	for _, q := range r.Questions {
		assert.Equal(t, remedy.RankCouldFail, q.Rank, q.Text.En)
		assert.True(t, q.Finding)
		assert.Equal(t, category.AuthorityIndustryIT, q.Authority)
	}
	assert.Equal(t, remedy.PlanFindingsOnly, r.Plan.Status)
	assert.Contains(t, r.Plan.Text.En, "eligible once these findings are given as met")
}

// An answer must cross every boundary that waits for it: a missing total investment
// is read by BD-4 (the floor) and BD-1b (the share), and 5,000,000 does not decide a
// project whose big-data portion is missing too.
func TestQuestionsCrossEveryBoundary(t *testing.T) {
	pl, err := remedy.New(eligibility.Default())
	require.NoError(t, err)
	p := base(t, "bigdata")
	p.Investment.Total, p.Investment.BigDataPortion, p.Investment.Completed = nil, nil, eligibility.NewFormAmount(decimal.Zero)
	r, err := pl.Remedies(context.Background(), p, submission)
	require.NoError(t, err)
	require.Equal(t, eligibility.Undetermined, r.Decision)
	var total *remedy.Question
	for i := range r.Questions {
		if r.Questions[i].Path == "investment.total" {
			total = &r.Questions[i]
		}
	}
	require.NotNil(t, total)
	assert.Equal(t, remedy.RankCouldFail, total.Rank)
	assert.Subset(t, total.Criteria, []string{"BD-1b", "BD-4"})
	assert.Contains(t, total.Text.Zh, "4,999,999.99 元 时：不符合入库标准（BD-4 不符合）")
	assert.Contains(t, total.Text.Zh, "为 5,000,000.00 元")
}

func TestForm(t *testing.T) {
	pl, err := remedy.New(eligibility.Default())
	require.NoError(t, err)
	f, err := pl.Form(category.CategoryBigData, category.SubtypeDatacenter, category.StageNewStart, submission)
	require.NoError(t, err)
	paths := map[string]remedy.Field{}
	for _, fd := range f.Fields {
		paths[fd.Path] = fd
	}
	for _, want := range []string{"investment.total", "investment.bigDataPortion", "bigDataContent", "preparation.feasibilityStudyCompleted",
		"preparation.plannedStart", "findings.BD-3a", "form.constructionScale", "reportingUnit"} {
		assert.Contains(t, paths, want)
	}
	assert.NotContains(t, paths, "preparation.proposalCompleted", "a new-start project writes no proposal")
	assert.NotContains(t, paths, "findings.BD-2", "a datacenter is not judged on 一(一)2")
	assert.Equal(t, "decimal", paths["investment.total"].Type)
	assert.Equal(t, "项目总投资", paths["investment.total"].Label.Zh)
	assert.Equal(t, "一(一)4", paths["investment.total"].Uses[1].Ref)
	assert.Equal(t, category.AuthorityGovernmentServices, paths["findings.BD-3a"].Authority)
	codes := paths["bigDataContent"].Codes
	// Every code of the type: those the parameter counts, facilities, which does
	// not count, and other, which a reviewer judges.
	require.Len(t, codes, len(category.BigDataContents()))
	assert.Equal(t, "大数据存储", codes[0].Name.Zh)
	assert.Equal(t, remedy.Code{Code: "facilities", Name: criteria.Text{Zh: "机房及配套设施", En: "Machine rooms and supporting facilities"}}, codes[8])
	assert.Equal(t, remedy.Code{Code: "other", Name: criteria.Text{Zh: "其他（由评审认定）", En: "Other (for a reviewer to judge)"}, Finding: "BD-1a"}, codes[9])
	for _, c := range codes[:9] {
		assert.Empty(t, c.Finding, c.Code)
	}

	// A variant's criteria appear in its forms: the stage clauses under every category.
	pl2, err := remedy.New(loadVariant(t, "stages-everywhere.yaml"))
	require.NoError(t, err)
	f, err = pl2.Form(category.CategoryAI, "", category.StagePlanning, submission)
	require.NoError(t, err)
	var found bool
	for _, fd := range f.Fields {
		found = found || fd.Path == "preparation.proposalCompleted"
	}
	assert.True(t, found)
	_, err = pl.Form("nonsense", "", "", submission)
	require.Error(t, err)
}
