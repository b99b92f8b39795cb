package criteria_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
)

// Bounds on what a rule set may hold and say: issue 12 §1 (rule sets, parameters,
// dates) and issue 11 §4 (a misspelt key in a variant, a share of 160%).

func TestMakeDateRefusesWhatNewDateNormalises(t *testing.T) {
	tests := []struct {
		reason           string
		year, month, day int
		want             string // "" for a valid date
	}{
		{"an ordinary day", 2021, 3, 1, ""},
		{"a leap day", 2024, 2, 29, ""},
		{"the first day a date can have", 1, 1, 1, ""},
		{"the last", 9999, 12, 31, ""},
		{"month 13", 2021, 13, 1, "month 13 is not 1 to 12"},
		{"month 0", 2021, 0, 1, "month 0 is not 1 to 12"},
		{"29 February of a common year", 2021, 2, 29, "2021-02 has no day 29"},
		{"day 0", 2021, 5, 0, "has no day 0"},
		{"year 0", 0, 1, 1, "year 0 is outside 1 to 9999"},
		{"before year 0", -5, 6, 1, "year -5 is outside"},
		{"five-digit year", 10000, 1, 1, "year 10000 is outside"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			d, err := criteria.MakeDate(tt.year, time.Month(tt.month), tt.day)
			if tt.want == "" {
				require.NoError(t, err)
				assert.Equal(t, criteria.Date{Year: tt.year, Month: time.Month(tt.month), Day: tt.day}, d)
				assert.NoError(t, d.Check())
				return
			}
			require.ErrorIs(t, err, criteria.ErrInvalidDate)
			assert.ErrorContains(t, err, tt.want)
			assert.Zero(t, d)
			assert.ErrorIs(t, criteria.Date{Year: tt.year, Month: time.Month(tt.month), Day: tt.day}.Check(), criteria.ErrInvalidDate)
		})
	}
	assert.NoError(t, criteria.Date{}.Check(), "the zero Date means not stated")
	_, err := criteria.ParseDate("0000-01-01")
	assert.ErrorIs(t, err, criteria.ErrInvalidDate, "year 0000 has no YYYY-MM-DD meaning")
}

func TestYearsBeforeCheckedRefusesWhatItCannotCompute(t *testing.T) {
	d := criteria.MustParseDate("2021-06-30")
	got, err := criteria.YearsBeforeChecked(d, 3)
	require.NoError(t, err)
	assert.Equal(t, criteria.MustParseDate("2018-06-30"), got)
	got, err = criteria.YearsBeforeChecked(criteria.MustParseDate("0001-01-01"), 3)
	require.NoError(t, err, "a window may begin before the first date a record can state")
	assert.True(t, got.Before(criteria.MustParseDate("0001-01-01")))
	for _, n := range []int64{-1, 10_000, 1_000_000_000_000, -1 << 63} {
		_, err := criteria.YearsBeforeChecked(d, n)
		assert.ErrorContains(t, err, "the number of years must be 0 to 9999", "n=%d", n)
	}
	_, err = criteria.YearsBeforeChecked(criteria.Date{Year: 2021, Month: 13, Day: 1}, 3)
	assert.ErrorIs(t, err, criteria.ErrInvalidDate)
}

func TestDefaultParametersDeclareTheirRange(t *testing.T) {
	rs := criteria.Default()
	for _, tt := range []struct {
		name     string
		min, max string // "" for none
	}{
		{"minTotalInvestment", "0", ""},
		{"minBigDataShare", "0", "1"},
		{"incidentLookbackYears", "1", "100"},
	} {
		p, ok := rs.Parameter(tt.name)
		require.True(t, ok, tt.name)
		bound := func(d *decimal.Decimal) string {
			if d == nil {
				return ""
			}
			return d.String()
		}
		assert.Equal(t, tt.min, bound(p.Min), "%s min", tt.name)
		assert.Equal(t, tt.max, bound(p.Max), "%s max", tt.name)
	}
	for _, p := range rs.Parameters {
		if p.Type == criteria.DecimalParameter || p.Type == criteria.IntParameter {
			assert.NotNil(t, p.Min, "%s: every number the default set holds has a declared minimum", p.Name)
		}
	}
}

// A value outside its parameter's range is refused wherever it can be set, by path.
func TestParameterRangeIsEnforcedEverywhere(t *testing.T) {
	tests := []struct {
		name, value string
		want        string
	}{
		{"minBigDataShare", "1.6", "1.6 is above the parameter's maximum 1"},
		{"minBigDataShare", "-0.1", "-0.1 is below the parameter's minimum 0"},
		{"incidentLookbackYears", "1000000000000", "1000000000000 is above the parameter's maximum 100"},
		{"incidentLookbackYears", "-3", "-3 is below the parameter's minimum 1"},
		{"incidentLookbackYears", "0", "0 is below the parameter's minimum 1"},
		{"minTotalInvestment", "-1", "-1 is below the parameter's minimum 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			variant := fmt.Sprintf("base: jilin-761-intake-2020\nname: out-of-range\nparameters:\n  %s: {value: %q}\n", tt.name, tt.value)
			_, err := criteria.Derive(criteria.Default(), []byte(variant))
			requirePaths(t, err, "parameters."+tt.name+".value")
			assert.ErrorContains(t, err, tt.want)

			rs := criteria.Default()
			p, _ := rs.Parameter(tt.name)
			v, err := parseValueText(p.Type, tt.value)
			require.NoError(t, err)
			err = rs.SetParameter(tt.name, v)
			require.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
			assert.ErrorContains(t, err, tt.want)
			err = rs.SetParameterFrom(tt.name, criteria.MustParseDate("2022-01-01"), v)
			assert.ErrorContains(t, err, tt.want)
			assert.Equal(t, criteria.Default(), rs, "a refused value changes nothing")

			src := strings.Replace(string(criteria.DefaultSource()), defaultValueLine(tt.name), fmt.Sprintf("value: %q", tt.value), 1)
			_, err = criteria.Parse([]byte(src))
			require.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
			assert.ErrorContains(t, err, tt.want)
			assert.ErrorContains(t, err, "("+tt.name+").values[0].value: ")
		})
	}
}

func defaultValueLine(name string) string {
	return map[string]string{"minBigDataShare": `value: "0.5"`, "incidentLookbackYears": `value: "3"`,
		"minTotalInvestment": `value: "5000000"`}[name]
}

func parseValueText(t criteria.ParameterType, text string) (criteria.Value, error) {
	return criteria.ValueFromJSON(t, []byte(text))
}

func requirePaths(t *testing.T, err error, paths ...string) {
	t.Helper()
	require.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
	var ve *criteria.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, paths, ve.Paths())
}

func TestParameterRangeItself(t *testing.T) {
	const head = "name: r\ndocument: d\neffective: \"2020-07-10\"\ncriteria:\n  - {id: T-1, ref: r, source: s, summary: {zh: z, en: e}, strength: mandatory, basis: data, require: \"true\", message: {zh: z, en: e}}\nparameters:\n"
	tests := []struct {
		reason, param string
		paths         []string
	}{
		{"min above max", "  - {name: x, type: decimal, ref: r, description: {zh: z, en: e}, value: \"0.5\", min: \"1\", max: \"0\"}\n",
			[]string{"parameters[0] (x).min", "parameters[0] (x).values[0].value"}},
		{"a bound that is not a number", "  - {name: x, type: int, ref: r, description: {zh: z, en: e}, value: \"3\", max: ten}\n",
			[]string{"parameters[0] (x).max"}},
		{"an int bound with decimals", "  - {name: x, type: int, ref: r, description: {zh: z, en: e}, value: \"3\", max: \"3.5\"}\n",
			[]string{"parameters[0] (x).max"}},
		{"a range on a list", "  - {name: x, type: list, ref: r, description: {zh: z, en: e}, value: [a], min: \"0\"}\n",
			[]string{"parameters[0] (x)"}},
		{"every dated value is checked", "  - {name: x, type: int, ref: r, description: {zh: z, en: e}, min: \"1\", max: \"100\", values: [{value: \"3\"}, {from: \"2022-01-01\", value: \"101\"}]}\n",
			[]string{"parameters[0] (x).values[1].value"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			_, err := criteria.Parse([]byte(head + tt.param))
			requirePaths(t, err, tt.paths...)
		})
	}
	rs, err := criteria.Parse([]byte(head + "  - {name: x, type: int, ref: r, description: {zh: z, en: e}, value: \"100\", min: \"1\", max: \"100\"}\n"))
	require.NoError(t, err, "the bounds themselves are in range")
	assert.Equal(t, "100", rs.Parameters[0].Max.String())
}

// A YAML alias fan-out passes yaml.v3's alias guard; the decoded size does not.
func TestRuleSetDecodedSizeIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a \"" + strings.Repeat("x", 1000) + "\"\n")
	prev := "a"
	for i := range 5 {
		name := fmt.Sprintf("l%d", i)
		fmt.Fprintf(&b, "%s: &%s [%s]\n", name, name, strings.TrimSuffix(strings.Repeat("*"+prev+",", 20), ","))
		prev = name
	}
	b.WriteString("name: [*" + prev + "]\n") // 20^5 × 1000 bytes: 3.2 GB once decoded
	data := []byte(b.String())
	require.Less(t, len(data), 2000)
	for _, load := range []func([]byte) error{
		func(d []byte) error { _, err := criteria.Parse(d); return err },
		func(d []byte) error { _, err := criteria.ParseVariant(append([]byte("base: x\n"), d...)); return err },
	} {
		err := load(data)
		require.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
		assert.ErrorContains(t, err, fmt.Sprintf("expands to more than %d bytes", criteria.MaxRuleSetBytes))
	}
	_, err := criteria.Parse(make([]byte, criteria.MaxRuleSetBytes+1))
	assert.ErrorContains(t, err, "exceeds the limit")
	_, err = criteria.Parse(criteria.DefaultSource())
	assert.NoError(t, err, "aliases within the bound are fine; the default uses none, but is far below it")
}

func TestRuleSetNamesAndCountsAreBounded(t *testing.T) {
	long := strings.Repeat("A", 1<<20)
	tests := []struct {
		reason string
		edit   func(rs *criteria.RuleSet)
		paths  []string
	}{
		{"a 1 MiB criterion ID", func(rs *criteria.RuleSet) { rs.Criteria[0].ID = long },
			[]string{fmt.Sprintf("criteria[0] (%.32q… (%d bytes)).id", long, len(long))}},
		{"a 1 MiB parameter name, label and rule-set name", func(rs *criteria.RuleSet) {
			rs.Name = long
			rs.Parameters[0].Label.Zh = long
		}, []string{"name", "parameters[0] (minTotalInvestment).label.zh"}},
		{"a long message", func(rs *criteria.RuleSet) { rs.Criteria[1].Message.En = long },
			[]string{"criteria[1] (BD-1b).message.en"}},
		{"too many criteria", func(rs *criteria.RuleSet) {
			for i := range criteria.MaxCriteria {
				c := rs.Criteria[0]
				c.ID = fmt.Sprintf("X-%d", i)
				rs.Criteria = append(rs.Criteria, c)
			}
		}, []string{"criteria"}},
		{"a list parameter of too many codes", func(rs *criteria.RuleSet) {
			require.NoError(t, rs.SetParameter("carriers", criteria.ListValue("unicom")))
			i := len(rs.Parameters) - 1
			for rs.Parameters[i].Name != "carriers" {
				i--
			}
			rs.Parameters[i].Values[0].Value = criteria.ListValue(make([]string, criteria.MaxParameterListLength+1)...)
		}, nil},
		{"an impossible effective date", func(rs *criteria.RuleSet) { rs.Effective = criteria.Date{Year: 2020, Month: 13, Day: 1} },
			[]string{"effective"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			rs := criteria.Default()
			tt.edit(rs)
			err := rs.Validate()
			require.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
			assert.Less(t, len(err.Error()), 4096, "an error message does not repeat a megabyte")
			if tt.paths != nil {
				requirePaths(t, err, tt.paths...)
			}
		})
	}
	rs := criteria.Default()
	err := rs.SetParameter("carriers", criteria.ListValue(make([]string, criteria.MaxParameterListLength+1)...))
	assert.ErrorContains(t, err, "codes exceed the limit")
	err = rs.SetParameterFrom("minTotalInvestment", criteria.Date{Year: 2022, Month: 13, Day: 1}, criteria.IntValue(1))
	assert.ErrorIs(t, err, criteria.ErrInvalidDate, "a date that does not exist is refused before anything else")
	assert.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
	assert.Equal(t, criteria.Default(), rs)
}

// A variant's names are bounded too, and an error about a long one quotes a cut of
// it, so that a megabyte-long ID does not make a megabyte-long error.
func TestVariantNamesAreBounded(t *testing.T) {
	long := strings.Repeat("A", 512<<10)
	variant := fmt.Sprintf("base: jilin-761-intake-2020\nname: %s\nreplace:\n  - {id: %s, ref: r}\nremove: [%s]\n", long, long, long)
	_, err := criteria.Derive(criteria.Default(), []byte(variant))
	require.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
	assert.Less(t, len(err.Error()), 8192, "%.300s", err)
	var ve *criteria.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Paths(), "name")
	assert.Contains(t, ve.Paths(), fmt.Sprintf("replace[0] (%.32q… (%d bytes)).id", long, len(long)))
}

func TestParseNamesAMisspeltKeyByPath(t *testing.T) {
	data, err := os.ReadFile("testdata/rulesets/bad/unknown-key.yaml")
	require.NoError(t, err)
	_, err = criteria.Parse(data)
	assert.EqualError(t, err, "criteria: invalid rule set: criteria[0] (T-1).appliesWhn: unknown key; did you mean appliesWhen?")
}
