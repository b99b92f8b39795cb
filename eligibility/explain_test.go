package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/eligibility"
)

func TestExplanations(t *testing.T) {
	tests := []struct {
		reason string
		base   string
		edit   func(p *Project)
		id     string
		inputs map[string]string // name → value ("" for missing)
		zh, en []string          // fragments the sentences contain
	}{
		{
			reason: "a failing floor names both amounts",
			base:   "bigdata",
			edit: func(p *Project) {
				p.Investment.Total = yuan("4999999.99")
				p.Investment.BigDataPortion = yuan("3000000")
			},
			id:     "BD-4",
			inputs: map[string]string{"investment.total": "4999999.99", "params.minTotalInvestment": "5000000"},
			zh:     []string{"一(一)4 要求：", "项目总投资 4,999,999.99 元", "总投资下限 5,000,000 元", "结论：不符合"},
			en:     []string{"total investment 4,999,999.99 yuan", "floor on total investment 5,000,000 yuan", "Outcome: not met"},
		},
		{
			reason: "a finding is echoed with who gave it and when",
			base:   "bigdata",
			id:     "BD-3a",
			inputs: map[string]string{"findings.BD-3a": "true"},
			zh:     []string{"评审意见（BD-3a） 认定符合（省政务服务和数字化局 评审组 2020-07-16）", "结论：符合"},
			en:     []string{"reviewer's finding on BD-3a met (省政务服务和数字化局 评审组 2020-07-16)"},
		},
		{
			reason: "a missing fact is named in domain words",
			base:   "industrial-internet",
			edit:   func(p *Project) { p.WrittenCommitment = nil },
			id:     "II-10b",
			inputs: map[string]string{"writtenCommitment": ""},
			zh:     []string{"申报材料真实性承诺 未填报", "结论：无法判定"},
			en:     []string{"written commitment not stated", "Outcome: undetermined"},
		},
		{
			reason: "dates: the planned start and the evaluation date",
			base:   "bigdata",
			edit:   func(p *Project) { p.Preparation.PlannedStart = date("2021-01-01") },
			id:     "BD-6c",
			inputs: map[string]string{"stage": "new-start", "preparation.plannedStart": "2021-01-01", "asOf": "2020-07-20"},
			zh:     []string{"项目阶段 新开工项目", "计划开工日期 2021-01-01", "评估日 2020-07-20", "结论：不符合"},
		},
		{
			reason: "not applicable by its guard: the guard's inputs only",
			base:   "bigdata",
			id:     "BD-5a",
			inputs: map[string]string{"stage": "new-start"},
			zh:     []string{"结论：不适用"},
		},
		{
			reason: "an unmet encouraged criterion says it is only advice",
			base:   "industrial-internet",
			edit: func(p *Project) {
				p.Subtype = category.SubtypeIdentifierNode
				p.IdentifierNode.InJilin = new(false)
			},
			id: "II-4",
			zh: []string{"未达到鼓励条件（建议，不影响结论）"},
			en: []string{"advisory; does not affect the decision"},
		},
		{
			reason: "incidents are counted, the window and the date shown",
			base:   "industrial-internet",
			edit:   incident("2019-03-02", category.IncidentKindViolation, nil),
			id:     "II-11",
			inputs: map[string]string{"incidents": "1", "params.incidentLookbackYears": "3", "asOf": "2020-07-20"},
			zh:     []string{"追溯年数 3 年"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			p := base(t, tt.base)
			if tt.edit != nil {
				tt.edit(p)
			}
			r := result(t, evaluate(t, p, submissionDate), tt.id)
			got := map[string]eligibility.Input{}
			for _, in := range r.Inputs {
				got[in.Name] = in
			}
			for name, value := range tt.inputs {
				require.Contains(t, got, name)
				assert.Equal(t, value, got[name].Value, name)
				assert.Equal(t, value == "", got[name].Missing, name)
			}
			e := r.Explanation()
			for _, s := range tt.zh {
				assert.Contains(t, e.Zh, s)
			}
			for _, s := range tt.en {
				assert.Contains(t, e.En, s)
			}
		})
	}
}

func TestOtherCategoriesListNoInputs(t *testing.T) {
	v := evaluate(t, base(t, "telecom"), submissionDate)
	assert.Empty(t, result(t, v, "BD-4").Inputs)
	assert.NotEmpty(t, result(t, v, "TC-1a").Inputs)
}

// The explanation is in the JSON, derived when written; reading the JSON back gives
// the same result, and the same explanation.
func TestExplanationInJSON(t *testing.T) {
	r := result(t, evaluate(t, base(t, "ai"), submissionDate), "AI-C1a")
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(b, &raw))
	assert.Contains(t, raw, "explanation")
	var back eligibility.Result
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r, back)
	assert.Equal(t, r.Explanation(), back.Explanation())
}

// An empty list has no items, as it reads back from JSON (omitempty leaves it out),
// and its explanation says it is empty before and after the round trip.
func TestEmptyListInJSON(t *testing.T) {
	p := base(t, "industrial-internet")
	p.FiveG.Scenarios = []string{}
	r := result(t, evaluate(t, p, submissionDate), "II-2b")
	require.Equal(t, eligibility.Fail, r.Outcome)
	require.NotEmpty(t, r.Inputs)
	var scenarios *eligibility.Input
	for i := range r.Inputs {
		if r.Inputs[i].Name == "fiveG.scenarios" {
			scenarios = &r.Inputs[i]
		}
	}
	require.NotNil(t, scenarios)
	assert.Nil(t, scenarios.Items)
	assert.Contains(t, r.Explanation().Zh, "（空）")
	assert.Contains(t, r.Explanation().En, "(none)")
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back eligibility.Result
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r, back)
	assert.Equal(t, r.Explanation(), back.Explanation())
}
