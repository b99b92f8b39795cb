package criteria_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestFormatAmount(t *testing.T) {
	for in, want := range map[string]criteria.Text{
		"5000000":    {Zh: "500万元", En: "5,000,000 yuan"},
		"10000000":   {Zh: "1000万元", En: "10,000,000 yuan"},
		"4999999.99": {Zh: "499.999999万元", En: "4,999,999.99 yuan"},
		"100000000":  {Zh: "1亿元", En: "100,000,000 yuan"},
		"150000000":  {Zh: "15000万元", En: "150,000,000 yuan"},
		"5000":       {Zh: "5000元", En: "5,000 yuan"},
		"0":          {Zh: "0元", En: "0 yuan"},
	} {
		assert.Equal(t, want, criteria.FormatAmount(dec(in)), in)
	}
}

func TestFormatRatioYearsDate(t *testing.T) {
	assert.Equal(t, criteria.Text{Zh: "50%", En: "50%"}, criteria.FormatRatio(dec("0.5")))
	assert.Equal(t, criteria.Text{Zh: "55.5%", En: "55.5%"}, criteria.FormatRatio(dec("0.555")))
	assert.Equal(t, criteria.Text{Zh: "3年", En: "3 years"}, criteria.FormatYears(3))
	assert.Equal(t, criteria.Text{Zh: "1年", En: "1 year"}, criteria.FormatYears(1))
	assert.Equal(t, criteria.Text{Zh: "2020年12月31日", En: "31 December 2020"},
		criteria.FormatDate(criteria.NewDate(2020, time.December, 31)))
}

func TestFormatList(t *testing.T) {
	a, b, c := criteria.Text{Zh: "甲", En: "A"}, criteria.Text{Zh: "乙", En: "B"}, criteria.Text{Zh: "丙", En: "C"}
	for name, tc := range map[string]struct {
		items []criteria.Text
		conj  criteria.Conjunction
		want  criteria.Text
	}{
		"none":        {nil, criteria.And, criteria.Text{Zh: "无", En: "none"}},
		"one":         {[]criteria.Text{a}, criteria.Or, a},
		"two, and":    {[]criteria.Text{a, b}, criteria.And, criteria.Text{Zh: "甲和乙", En: "A and B"}},
		"three, or":   {[]criteria.Text{a, b, c}, criteria.Or, criteria.Text{Zh: "甲、乙或丙", En: "A, B or C"}},
		"three, and":  {[]criteria.Text{a, b, c}, criteria.And, criteria.Text{Zh: "甲、乙和丙", En: "A, B and C"}},
		"codes named": {nil, criteria.And, criteria.Text{Zh: "无", En: "none"}},
	} {
		assert.Equal(t, tc.want, criteria.FormatList(tc.items, tc.conj), name)
	}
	assert.Equal(t, criteria.Text{Zh: "长春市和“nowhere”", En: "Changchun and “nowhere”"},
		criteria.FormatCodes("reportingUnit", []string{"changchun", "nowhere"}, criteria.And),
		"a code the list does not know is quoted, never dropped")
	assert.Equal(t, criteria.Text{Zh: "中国移动或中国铁塔", En: "China Mobile or China Tower"},
		criteria.FormatCodes("carrier", []string{"china-mobile", "china-tower"}, criteria.Or))
	assert.Equal(t, criteria.Text{Zh: "企业法人", En: "enterprise legal person"},
		criteria.FormatCode("legalForm", "enterprise"), "inside a sentence an English name starts lower case")
}

func TestGroupDigits(t *testing.T) {
	for in, want := range map[string]string{
		"4999999.99": "4,999,999.99", "5000000": "5,000,000", "100": "100", "1000": "1,000",
		"-1234567.5": "-1,234,567.5", "0.5": "0.5", "not a number": "not a number",
	} {
		assert.Equal(t, want, criteria.GroupDigits(in), in)
	}
}

func TestCodeListsNameEveryDefaultCode(t *testing.T) {
	for _, p := range criteria.Default().Parameters {
		if p.Codes == "" {
			continue
		}
		assert.Contains(t, criteria.CodeLists(), p.Codes)
		for _, dv := range p.Values {
			l, _ := dv.Value.List()
			for _, code := range l {
				_, ok := criteria.CodeName(p.Codes, code)
				assert.True(t, ok, "%s: %s has a name in %s", p.Name, code, p.Codes)
			}
		}
	}
}

func TestAdjustment(t *testing.T) {
	rs := criteria.Default()
	param := func(name string) criteria.Parameter {
		p, ok := rs.Parameter(name)
		require.True(t, ok)
		return p
	}
	for name, tc := range map[string]struct {
		param string
		value criteria.Value
		want  criteria.Text
	}{
		"a raised floor": {"minTotalInvestment", criteria.DecimalValue(dec("10000000")), criteria.Text{
			Zh: "本规则集将总投资下限由500万元调整为1000万元",
			En: "this rule set raises the floor on total investment from 5,000,000 to 10,000,000 yuan"}},
		"a lowered share": {"minBigDataShare", criteria.DecimalValue(dec("0.4")), criteria.Text{
			Zh: "本规则集将大数据投资占比下限由50%调整为40%",
			En: "this rule set lowers the minimum big-data share from 50% to 40%"}},
		"longer look-back": {"incidentLookbackYears", criteria.IntValue(5), criteria.Text{
			Zh: "本规则集将追溯年数由3年调整为5年",
			En: "this rule set raises the look-back years from 3 years to 5 years"}},
		"a list changed": {"carriers", criteria.ListValue("china-mobile", "china-unicom", "china-telecom", "china-broadnet"), criteria.Text{
			Zh: "本规则集调整了可建设的运营商（函件：中国移动、中国联通、中国电信、中国广电和中国铁塔）：删去中国铁塔",
			En: "this rule set changes the qualifying carriers (the letter's: China Mobile, China Unicom, China Telecom, China Broadnet and China Tower): it removes China Tower"}},
	} {
		p := param(tc.param)
		got, ok := p.Adjustment(tc.value)
		assert.True(t, ok, name)
		assert.Equal(t, tc.want, got, name)
	}

	p := param("carriers")
	_, ok := p.Adjustment(criteria.ListValue("china-tower", "china-mobile", "china-unicom", "china-telecom", "china-broadnet"))
	assert.False(t, ok, "the same list in another order is the letter's")
	p = param("minTotalInvestment")
	_, ok = p.Adjustment(criteria.DecimalValue(dec("5000000.00")))
	assert.False(t, ok, "the letter's value at another scale is the letter's")
	p = param("jilinDivisionPrefix")
	_, ok = p.Adjustment(criteria.StringValue("23"))
	assert.False(t, ok, "a parameter without a letter value has nothing to compare")
}

func TestRender(t *testing.T) {
	rs := criteria.Default()
	require.NoError(t, rs.SetParameterFrom("minTotalInvestment", criteria.MustParseDate("2022-01-01"),
		criteria.DecimalValue(dec("10000000"))))
	text := criteria.Text{Zh: "不小于{minTotalInvestment}，{carriers|or}，截至{endOfYear(asOf)}，{{字面}}",
		En: "at least {minTotalInvestment}; {carriers|or}; by {endOfYear(asOf)}; {{literal}}"}

	got, err := rs.Render(text, criteria.MustParseDate("2021-12-31"))
	require.NoError(t, err)
	assert.Equal(t, criteria.Text{
		Zh: "不小于500万元，中国移动、中国联通、中国电信、中国广电或中国铁塔，截至2021年12月31日，{字面}",
		En: "at least 5,000,000 yuan; China Mobile, China Unicom, China Telecom, China Broadnet or China Tower; by 31 December 2021; {literal}"}, got)

	got, err = rs.Render(text, criteria.MustParseDate("2022-01-01"))
	require.NoError(t, err)
	assert.Contains(t, got.Zh, "不小于1000万元")
	assert.Contains(t, got.En, "at least 10,000,000 yuan")
	assert.Contains(t, got.En, "by 31 December 2022")

	for _, bad := range []string{"{nosuch}", "{minTotalInvestment", "a } alone", "{carriers|xor}", "{endOfYear(asOf)|or}", "{}"} {
		_, err := rs.Render(criteria.Text{Zh: bad, En: "ok"}, criteria.MustParseDate("2021-01-01"))
		assert.Error(t, err, bad)
	}
	refs, err := criteria.ParseTemplateRefs("{a} and {b|or} and {a} by {endOfYear(asOf)}")
	require.NoError(t, err)
	assert.Equal(t, criteria.TemplateRefs{Params: []string{"a", "b"}, AsOf: true}, refs)
}

// A placeholder naming no parameter, a malformed one, a letter value of the wrong
// type and an unknown code list are rule-set problems, reported by path with the
// others.
func TestValidateTemplatesAndParameterWords(t *testing.T) {
	rs := criteria.Default()
	i := 5
	require.Equal(t, "BD-4", rs.Criteria[i].ID)
	rs.Criteria[i].Message.Zh = "小于{minTotalInvestmnt}"
	rs.Criteria[i].Summary.En = "at least {minTotalInvestment"
	j := 0
	require.Equal(t, "minTotalInvestment", rs.Parameters[j].Name)
	rs.Parameters[j].Letter = criteria.IntValue(5)
	rs.Parameters[1].Codes = "carrier"
	rs.Parameters[2].Codes = "nosuch"
	err := rs.Validate()
	require.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
	var ve *criteria.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.ElementsMatch(t, []string{
		"criteria[5] (BD-4).message.zh", "criteria[5] (BD-4).summary.en",
		"parameters[0] (minTotalInvestment).letter", "parameters[1] (minBigDataShare).codes",
		"parameters[2] (bigDataContentKinds).codes",
	}, ve.Paths())
}

// The default rule set records the letter's value for every parameter the letter
// states, and every one is the value in force: the default departs from nothing.
func TestDefaultLetterValues(t *testing.T) {
	for _, p := range criteria.Default().Parameters {
		if p.Letter.Type() == "" {
			continue
		}
		for _, dv := range p.Values {
			_, differs := p.Adjustment(dv.Value)
			assert.False(t, differs, "%s is the letter's value", p.Name)
		}
	}
	p, _ := criteria.Default().Parameter("minTotalInvestment")
	assert.Equal(t, "5000000", p.Letter.String())
}

func TestListCodesHoldNoComma(t *testing.T) {
	rs := criteria.Default()
	require.NoError(t, rs.SetParameter("carriers", criteria.ListValue("china-mobile", "a, b", "")))
	var ve *criteria.ValidationError
	require.ErrorAs(t, rs.Validate(), &ve)
	assert.Equal(t, []string{"parameters[12] (carriers).values[0].value[1]"}, ve.Paths(), "one problem per value, at the first bad code")
	assert.Contains(t, ve.Error(), `"a, b" is not a code: a code is not empty and holds no comma (and 1 more)`)
}

func TestValueItems(t *testing.T) {
	var got []string
	for it := range criteria.ListValue("a", "b", "c").Items() {
		got = append(got, it)
		if it == "b" {
			break
		}
	}
	assert.Equal(t, []string{"a", "b"}, got)
	for _, v := range []criteria.Value{criteria.StringValue("a"), criteria.IntValue(1), {}, criteria.ListValue()} {
		for it := range v.Items() {
			t.Errorf("%v yields %q", v, it)
		}
	}
}

// Codes lists each code list's listed codes, every one named.
func TestCodes(t *testing.T) {
	for _, list := range criteria.CodeLists() {
		codes := criteria.Codes(list)
		assert.NotEmpty(t, codes, list)
		for _, c := range codes {
			_, ok := criteria.CodeName(list, c)
			assert.True(t, ok, "%s: %s", list, c)
		}
	}
	assert.Equal(t, []string{"cross-industry", "industry", "enterprise"}, criteria.Codes("platformLevel"))
	assert.Contains(t, criteria.Codes("carrier"), "china-mobile")
	assert.NotContains(t, criteria.Codes("carrier"), "none", "valid, but not listed")
	assert.Nil(t, criteria.Codes("nope"))
}
