package eligibility_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

func variant(t *testing.T, name string) *criteria.RuleSet {
	t.Helper()
	rs, err := criteria.LoadFS(os.DirFS(filepath.Join("..", "criteria", "testdata", "rulesets", "variants")), name)
	require.NoError(t, err)
	return rs
}

func engineFor(t *testing.T, rs *criteria.RuleSet) *eligibility.Engine {
	t.Helper()
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	return e
}

// The README's own variant: a 7,000,000-yuan project under a 10,000,000 floor is
// told the floor in force, its explanation agrees with itself, and the result says
// the rule set departs from the letter.
func TestWordsUnderARaisedFloor(t *testing.T) {
	p := base(t, "bigdata")
	p.Investment.Total = yuan("7000000")
	p.Investment.BigDataPortion = yuan("4000000")
	p.Investment.Completed = eligibility.NewFormAmount(*yuan("1000000"))

	v, err := engineFor(t, variant(t, "floor-10m.yaml")).Evaluate(p, submissionDate)
	require.NoError(t, err)
	r := result(t, v, "BD-4")
	assert.Equal(t, eligibility.Fail, r.Outcome)
	assert.Equal(t, criteria.Text{Zh: "项目总投资额度小于1000万元，不符合一(一)4", En: "total investment is below the 10,000,000 yuan required by 一(一)4"}, r.Message)
	assert.Equal(t, criteria.Text{Zh: "项目总投资额度不小于1000万元（含本数）", En: "total investment is at least 10,000,000 yuan"}, r.Requirement)
	want := criteria.Text{Zh: "本规则集将总投资下限由500万元调整为1000万元", En: "this rule set raises the floor on total investment from 5,000,000 to 10,000,000 yuan"}
	assert.Equal(t, []criteria.Text{want}, r.Adjustments)
	ex := r.Explanation()
	assert.Equal(t, "一(一)4 要求：项目总投资额度不小于1000万元（含本数）。依据：项目总投资 7,000,000 元；总投资下限 10,000,000 元。结论：不符合。注："+want.Zh+"。", ex.Zh)
	assert.Equal(t, "一(一)4 requires: total investment is at least 10,000,000 yuan. Read: total investment 7,000,000 yuan; floor on total investment 10,000,000 yuan. Outcome: not met. Note: "+want.En+".", ex.En)
	for _, other := range v.Results {
		if other.ID != "BD-4" {
			assert.Empty(t, other.Adjustments, "%s reads no changed parameter", other.ID)
		}
	}

	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"adjustments":[{"zh":"本规则集将总投资下限由500万元调整为1000万元"`)
	var back eligibility.Verdict
	require.NoError(t, json.Unmarshal(b, &back))
	stored := result(t, &back, "BD-4")
	assert.Equal(t, ex, stored.Explanation(), "a stored verdict explains itself the same way")

	share := criteria.Default()
	require.NoError(t, share.SetParameter("minBigDataShare", criteria.DecimalValue(*yuan("0.6"))))
	gov := base(t, "bigdata")
	gov.Subtype = "govinfra"
	nv, err := engineFor(t, share).Evaluate(gov, submissionDate)
	require.NoError(t, err)
	na := result(t, nv, "BD-1b")
	require.Equal(t, eligibility.NotApplicable, na.Outcome)
	assert.Empty(t, na.Adjustments, "a criterion not applicable states no adjustment")
	assert.Equal(t, "不适用：大数据相关建设内容投资占项目总投资的60%以上（含本数）", na.Message.Zh)

	def := evaluate(t, p, submissionDate)
	r = result(t, def, "BD-4")
	assert.Equal(t, eligibility.Pass, r.Outcome)
	assert.Equal(t, "符合：项目总投资额度不小于500万元（含本数）", r.Message.Zh)
	assert.Empty(t, r.Adjustments, "the default rule set is the letter")
}

// A parameter that changes on a date (SetParameterFrom) is stated as in force on
// each side of the date.
func TestWordsAcrossAParameterChange(t *testing.T) {
	rs := criteria.Default()
	require.NoError(t, rs.SetParameterFrom("minTotalInvestment", date("2022-01-01"), criteria.DecimalValue(*yuan("10000000"))))
	e := engineFor(t, rs)
	p := base(t, "bigdata")
	p.Investment.Total = yuan("7000000")
	p.Investment.BigDataPortion = yuan("4000000")
	p.Investment.Completed = eligibility.NewFormAmount(*yuan("1000000"))

	before, err := e.Evaluate(p, date("2021-12-31"))
	require.NoError(t, err)
	r := result(t, before, "BD-4")
	assert.Equal(t, eligibility.Pass, r.Outcome)
	assert.Equal(t, "met: total investment is at least 5,000,000 yuan", r.Message.En)
	assert.Empty(t, r.Adjustments)

	after, err := e.Evaluate(p, date("2022-01-01"))
	require.NoError(t, err)
	r = result(t, after, "BD-4")
	assert.Equal(t, eligibility.Fail, r.Outcome)
	assert.Equal(t, "项目总投资额度小于1000万元，不符合一(一)4", r.Message.Zh)
	assert.Len(t, r.Adjustments, 1)

	// The file form of the same change.
	v, err := engineFor(t, variant(t, "floor-from-2022.yaml")).Evaluate(p, date("2022-06-30"))
	require.NoError(t, err)
	assert.Equal(t, "total investment is below the 10,000,000 yuan required by 一(一)4", result(t, v, "BD-4").Message.En)
}

// New refuses a threshold, date or count written into a summary or message as
// literal text, naming the field; clause references and names with digits are no
// numbers, and the default rule set passes (every test builds it).
func TestNewRefusesLiteralNumbers(t *testing.T) {
	for name, tc := range map[string]struct {
		id, field, text string
	}{
		"an amount":          {"BD-4", "message.zh", "项目总投资额度小于500万元，不符合一(一)4"},
		"an amount (en)":     {"BD-4", "summary.en", "total investment is at least 5,000,000 yuan"},
		"a share":            {"BD-1b", "message.en", "big-data content is less than 50% of total investment"},
		"years in numerals":  {"II-11", "summary.zh", "评估日前三年内无重大安全、环保责任事故"},
		"years in words":     {"II-11", "message.en", "an accident within three years, as 一(三)11 requires"},
		"a date":             {"BD-6c", "summary.zh", "计划开工日期不晚于评估当年12月31日"},
		"a number in a code": {"GEN-5", "message.zh", "项目未以12个报送单位之一上报"},
	} {
		t.Run(name, func(t *testing.T) {
			rs := criteria.Default()
			i := indexOf(t, rs, tc.id)
			c := &rs.Criteria[i]
			switch tc.field {
			case "summary.zh":
				c.Summary.Zh = tc.text
			case "summary.en":
				c.Summary.En = tc.text
			case "message.zh":
				c.Message.Zh = tc.text
			case "message.en":
				c.Message.En = tc.text
			}
			_, err := eligibility.New(rs)
			require.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
			var ve *criteria.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, []string{criteria.Path(i, tc.id) + "." + tc.field}, ve.Paths())
			assert.Contains(t, err.Error(), "placeholder")
		})
	}

	rs := criteria.Default()
	i := indexOf(t, rs, "AI-C1a")
	rs.Criteria[i].Message.En = "not registered in Jilin (5G, IPv6 and 一(三)1 aside), as 一(二) condition 1 requires"
	_, err := eligibility.New(rs)
	assert.NoError(t, err, "clause references and names with digits are not thresholds")
}

func indexOf(t *testing.T, rs *criteria.RuleSet, id string) int {
	t.Helper()
	for i, c := range rs.Criteria {
		if c.ID == id {
			return i
		}
	}
	t.Fatalf("no criterion %s", id)
	return -1
}

// An explanation names codes by their names and quotes free text, so that a list
// of one item "a, b" reads differently from a list of "a" and "b".
func TestExplanationsNameCodesAndQuoteItems(t *testing.T) {
	one, two := base(t, "industrial-internet"), base(t, "industrial-internet")
	one.FiveG.Scenarios = []string{"a, b"}
	two.FiveG.Scenarios = []string{"a", "b"}
	r1, r2 := result(t, evaluate(t, one, submissionDate), "II-2b"), result(t, evaluate(t, two, submissionDate), "II-2b")
	ex1, ex2 := r1.Explanation(), r2.Explanation()
	assert.Contains(t, ex1.Zh, "典型工业应用场景 “a, b”。")
	assert.Contains(t, ex2.Zh, "典型工业应用场景 “a”、“b”。")
	assert.Contains(t, ex1.En, "industrial application scenarios “a, b”.")
	assert.Contains(t, ex2.En, "industrial application scenarios “a”, “b”.")

	p := base(t, "bigdata")
	p.BigDataContent = []category.BigDataContent{"storage", "collection"}
	v := evaluate(t, p, submissionDate)
	r := result(t, v, "BD-1a")
	ex := r.Explanation()
	assert.Contains(t, ex.Zh, "大数据建设内容 大数据存储、数据采集汇聚；")
	assert.Contains(t, ex.En, "big-data content big-data storage, data collection and aggregation;")
	assert.NotContains(t, ex.Zh, "storage")

	r = result(t, v, "GEN-5")
	ex = r.Explanation()
	assert.Contains(t, ex.Zh, "报送单位 长春市、吉林市、四平市")
	assert.NotContains(t, ex.Zh, "changchun", "a Chinese explanation names no raw code")
	assert.Contains(t, ex.En, "reporting units Changchun, Jilin City, Siping")

	ai := base(t, "ai")
	r = result(t, evaluate(t, ai, submissionDate), "AI-C1b")
	ex = r.Explanation()
	assert.NotContains(t, ex.Zh, "enterprise")
	assert.True(t, strings.Contains(ex.Zh, "独立法人的法律形式 企业法人、事业单位法人、社会团体法人"), ex.Zh)
}
