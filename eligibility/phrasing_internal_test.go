package eligibility

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
)

// changedValues gives every parameter of the default rule set a value other than
// the letter's, each reading differently from it in both languages.
var changedValues = map[string]criteria.Value{
	"minTotalInvestment":          criteria.DecimalValue(decimal.RequireFromString("10000000")),
	"minBigDataShare":             criteria.DecimalValue(decimal.RequireFromString("0.6")),
	"bigDataContentKinds":         criteria.ListValue("storage", "analysis"),
	"jilinDivisionPrefix":         criteria.StringValue("2201"),
	"independentLegalForms":       criteria.ListValue("enterprise", "public-institution"),
	"eligibleEnterpriseKinds":     criteria.ListValue("manufacturing"),
	"industrialFiveGTechnologies": criteria.ListValue("network-slicing", "urllc"),
	"intranetTechnologies":        criteria.ListValue("5g", "ipv6"),
	"identifierNodeKinds":         criteria.ListValue("recursive-node"),
	"keyPlatformLevels":           criteria.ListValue("industry"),
	"incidentLookbackYears":       criteria.IntValue(5),
	"disqualifyingAccidentKinds":  criteria.ListValue("safety-accident", "environmental-accident", "other-accident"),
	"carriers":                    criteria.ListValue("china-mobile", "china-unicom", "china-telecom"),
	"reportingUnits":              criteria.ListValue("changchun", "jilin-city", "siping"),
}

// Every criterion of the default rule set, under a rule set that changes each
// parameter it reads or states, says the new value and never the old one, in both
// languages, and says how the value departs from the letter's.
func TestWordsFollowEveryParameter(t *testing.T) {
	def := criteria.Default()
	require.Len(t, changedValues, len(def.Parameters), "every parameter of the default has a changed value here")
	asOf := criteria.MustParseDate("2021-03-01")
	for _, p := range def.Parameters {
		t.Run(p.Name, func(t *testing.T) {
			rs := criteria.Default()
			newValue := changedValues[p.Name]
			require.NoError(t, rs.SetParameter(p.Name, newValue))
			e, err := New(rs)
			require.NoError(t, err)
			old, _ := p.ValueAt(asOf)
			ep, epi := e.epochAt(asOf)
			require.Empty(t, ep.missing)
			ts := e.textsAt(epi, asOf)
			touched := 0
			for i := range e.criteria {
				c := &e.criteria[i]
				if !slices.Contains(c.wordParams(), p.Name) {
					continue
				}
				touched++
				tx := &ts.texts[i]
				words := []criteria.Text{tx.summary, tx.message, tx.pass, tx.na}
				for _, w := range words {
					for _, s := range []string{w.Zh, w.En} {
						assert.NotContains(t, s, "{", "%s: every placeholder is rendered: %s", c.ID, s)
						for _, gone := range gone(&p, old.Value, newValue) {
							assert.NotContains(t, s, gone, "%s no longer states %q: %s", c.ID, gone, s)
						}
					}
				}
				if slices.Contains(c.textParams, p.Name) {
					for _, lang := range []func(criteria.Text) string{zhOf, enOf} {
						said := lang(tx.summary) + " " + lang(tx.message)
						and, or := lang(p.FormatAs(newValue, criteria.And)), lang(p.FormatAs(newValue, criteria.Or))
						assert.True(t, strings.Contains(said, and) || strings.Contains(said, or),
							"%s states the new value %q: %s", c.ID, and, said)
					}
				}
				if p.Letter.Type() != "" {
					adj, ok := p.Adjustment(newValue)
					require.True(t, ok)
					assert.Contains(t, tx.adjustments, adj, "%s says how the rule set departs from the letter", c.ID)
				} else {
					assert.Empty(t, tx.adjustments, "%s: %s records no letter value, so nothing to compare", c.ID, p.Name)
				}
			}
			assert.Positive(t, touched, "some criterion reads %s", p.Name)
		})
	}
}

func zhOf(t criteria.Text) string { return t.Zh }
func enOf(t criteria.Text) string { return t.En }

// gone lists what the words said for the old value and must not say for the new:
// the old number, or the names of the codes the new list drops.
func gone(p *criteria.Parameter, old, now criteria.Value) []string {
	switch old.Type() {
	case criteria.DecimalParameter, criteria.IntParameter:
		f := p.Format(old)
		return []string{f.Zh, f.En}
	case criteria.ListParameter:
		was, _ := old.List()
		is, _ := now.List()
		var out []string
		for _, code := range was {
			if slices.Contains(is, code) {
				continue
			}
			f := criteria.FormatCode(p.Codes, code)
			out = append(out, f.Zh, f.En)
		}
		return out
	}
	return nil
}

// The words of the criteria that name the evaluation year are rendered per year,
// cached, and right on both sides of a year's end.
func TestWordsFollowTheEvaluationYear(t *testing.T) {
	e := Default()
	i := slices.IndexFunc(e.criteria, func(c compiled) bool { return c.ID == "BD-6c" })
	require.GreaterOrEqual(t, i, 0)
	require.Contains(t, e.dated, i)
	for _, tc := range []struct{ asOf, zh, en string }{
		{"2020-12-31", "2020年12月31日", "31 December 2020"},
		{"2021-01-01", "2021年12月31日", "31 December 2021"},
	} {
		d := criteria.MustParseDate(tc.asOf)
		_, epi := e.epochAt(d)
		ts := e.textsAt(epi, d)
		assert.Contains(t, ts.texts[i].summary.Zh, tc.zh)
		assert.Contains(t, ts.texts[i].message.En, tc.en)
		assert.Equal(t, ts.texts[i].summary, ts.template[i].Requirement)
		assert.Same(t, ts, e.textsAt(epi, d), "a year's words are rendered once")
	}
	d := criteria.MustParseDate("2020-07-20")
	_, epi := e.epochAt(d)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = e.textsAt(epi, d) }), "picking a cached year allocates nothing")
}

// Beyond the cache's bound the words are still right, rendered on each call.
func TestWordsBeyondTheYearCache(t *testing.T) {
	e, err := New(criteria.Default())
	require.NoError(t, err)
	i := slices.IndexFunc(e.criteria, func(c compiled) bool { return c.ID == "BD-6c" })
	for y := 2000; y < 2000+maxCachedYears+5; y++ {
		d := criteria.NewDate(y, 6, 1)
		_, epi := e.epochAt(d)
		ts := e.textsAt(epi, d)
		assert.Contains(t, ts.texts[i].summary.En, "31 December "+d.String()[:4])
	}
	assert.Len(t, *e.byYear[0].years.Load(), maxCachedYears)
}

func TestLiteralNumbers(t *testing.T) {
	for text, want := range map[string][]string{
		"项目总投资额度小于500万元，不符合一(一)4":                       {"500万元"},
		"total investment is below 5,000,000 yuan":      {"5,000,000"},
		"不足项目总投资的50%":                                   {"50%"},
		"企业近三年内有重大事故":                                   {"三年"},
		"within three years, as 一(三)11 requires":        {"three years"},
		"计划开工日期不晚于12月31日":                               {"12", "31"},
		"不符合一(二)申报条件1；三.2；二.1；一(三)11":                   nil,
		"as 一(二) condition 1 requires":                  nil,
		"利用5G、IPv6、5G+工业互联网、5G LAN":                     nil,
		"两化融合自评估，统一，至少一项，一定的示范价值，含首尾两日":                 nil,
		"completed investment is 0 ≤ completed ≤ total": {"0"},
	} {
		assert.Equal(t, want, literalNumbers(text, ""), text)
	}
}

// Goroutines evaluating in different years fill the year cache concurrently and each
// gets its own year's words (run under -race).
func TestYearCacheIsSafeForConcurrentUse(t *testing.T) {
	e, err := New(criteria.Default())
	require.NoError(t, err)
	i := slices.IndexFunc(e.criteria, func(c compiled) bool { return c.ID == "BD-6c" })
	done := make(chan bool)
	for g := range 8 {
		go func() {
			ok := true
			for n := range 200 {
				y := 2020 + (g+n)%12
				d := criteria.NewDate(y, 3, 1)
				_, epi := e.epochAt(d)
				ok = ok && strings.Contains(e.textsAt(epi, d).texts[i].summary.Zh, criteria.FormatDate(criteria.EndOfYear(d)).Zh)
			}
			done <- ok
		}()
	}
	for range 8 {
		assert.True(t, <-done)
	}
}
