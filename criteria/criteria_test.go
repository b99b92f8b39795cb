package criteria_test

import (
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

// catalogueIDs is the catalogue's list of criteria, in its order. Adding or removing a
// criterion must be a deliberate edit of this list.
var catalogueIDs = []string{
	"BD-1a", "BD-1b", "BD-2", "BD-3a", "BD-3b", "BD-4", "BD-5a", "BD-5b", "BD-5c", "BD-6a", "BD-6b", "BD-6c",
	"AI-1", "AI-2", "AI-3", "AI-4", "AI-C1a", "AI-C1b", "AI-C1c", "AI-C1d", "AI-C2",
	"II-1a", "II-1b", "II-1c", "II-1d", "II-2a", "II-2b", "II-2c", "II-3a", "II-3b", "II-4", "II-5",
	"II-6", "II-7", "II-8", "II-9", "II-10a", "II-10b", "II-11",
	"TC-1a", "TC-1b", "TC-2",
	"GEN-1", "GEN-2", "GEN-3", "GEN-4", "GEN-5",
}

// findingIDs are the catalogue's Basis F criteria; encouragedIDs its 鼓励 clauses.
var (
	findingIDs = []string{"BD-2", "BD-3a", "BD-3b", "AI-1", "AI-2", "AI-3", "AI-4", "AI-C1c", "AI-C1d", "AI-C2",
		"II-2c", "II-3b", "II-6", "II-7", "II-8", "II-9", "II-10a"}
	encouragedIDs = []string{"II-4", "II-5"}
)

func TestDefaultInventory(t *testing.T) {
	rs := criteria.Default()
	require.Len(t, catalogueIDs, 47)
	ids := make([]string, len(rs.Criteria))
	for i, c := range rs.Criteria {
		ids[i] = c.ID
	}
	assert.Equal(t, catalogueIDs, ids, "the default rule set must hold exactly the catalogue's criteria, in its order")

	assert.Equal(t, "吉政数办函〔2020〕579号", rs.Document)
	assert.Equal(t, criteria.NewDate(2020, 7, 10), rs.Effective)
	for _, c := range rs.Criteria {
		t.Run(c.ID, func(t *testing.T) {
			assert.NotEmpty(t, c.Ref)
			assert.NotEmpty(t, c.Source)
			assert.NotEmpty(t, c.Summary.Zh)
			assert.NotEmpty(t, c.Summary.En)
			assert.NotEmpty(t, c.Message.Zh)
			assert.NotEmpty(t, c.Message.En)
			assert.NotEmpty(t, c.Require)
			assert.Equal(t, slices.Contains(findingIDs, c.ID), c.Basis == criteria.Finding, "basis")
			assert.Equal(t, slices.Contains(encouragedIDs, c.ID), c.Strength == criteria.Encouraged, "strength")
			if c.Basis == criteria.Finding {
				assert.Equal(t, "findings['"+c.ID+"']", c.Require, "a finding criterion reads its own finding")
			}
			prefix := strings.SplitN(c.ID, "-", 2)[0]
			want := map[string]category.Category{"BD": category.CategoryBigData, "AI": category.CategoryAI,
				"II": category.CategoryIndustrialInternet, "TC": category.CategoryTelecom, "GEN": ""}[prefix]
			assert.Equal(t, want, c.Category, "category")
			// Thresholds live in parameters: no expression carries a number other
			// than the structural 0.
			for _, expr := range []string{c.AppliesWhen, c.Require} {
				unquoted := quoted.ReplaceAllString(expr, "''")
				assert.False(t, strings.ContainsAny(unquoted, "123456789"), "literal number in %q", expr)
			}
		})
	}
}

// The source text of each criterion must be a quotation of the letter. The letter's
// text is kept in testdata (a copy, so the repository stands alone), with its PDF
// line breaks and the spaces around digits removed.
func TestDefaultSourcesQuoteTheLetter(t *testing.T) {
	letter := loadLetter(t)
	for _, c := range criteria.Default().Criteria {
		assert.Contains(t, letter, normalise(c.Source), "%s source is not a quotation of the letter", c.ID)
	}
}

// quoted matches CEL string literals, whose digits are codes ('5g-infrastructure',
// 'II-10a'), not thresholds.
var quoted = regexp.MustCompile(`'[^']*'`)

func TestDefaultParameters(t *testing.T) {
	rs := criteria.Default()
	floor, ok := rs.Parameter("minTotalInvestment")
	require.True(t, ok)
	d, ok := floor.Values[0].Value.Decimal()
	require.True(t, ok)
	assert.True(t, d.Equal(decimal.NewFromInt(5_000_000)), "got %s", d)

	share, _ := rs.Parameter("minBigDataShare")
	d, _ = share.Values[0].Value.Decimal()
	assert.True(t, d.Equal(decimal.RequireFromString("0.5")))

	years, _ := rs.Parameter("incidentLookbackYears")
	n, ok := years.Values[0].Value.Int()
	assert.True(t, ok)
	assert.Equal(t, int64(3), n)

	carriers, _ := rs.Parameter("carriers")
	list, _ := carriers.Values[0].Value.List()
	want := make([]string, 0, 5)
	for _, c := range category.Carriers() {
		want = append(want, string(c))
	}
	assert.Equal(t, want, list)

	units, _ := rs.Parameter("reportingUnits")
	list, _ = units.Values[0].Value.List()
	want = want[:0]
	for _, u := range category.ReportingUnits() {
		want = append(want, string(u))
	}
	assert.Equal(t, want, list)

	// Every parameter is read by some criterion: an unused one would be a policy
	// value that silently does nothing.
	for _, p := range rs.Parameters {
		used := slices.ContainsFunc(rs.Criteria, func(c criteria.Criterion) bool {
			return strings.Contains(c.AppliesWhen+" "+c.Require, "params."+p.Name)
		})
		assert.True(t, used, "parameter %s is not used", p.Name)
	}
}

func TestDefaultIsACopy(t *testing.T) {
	a := criteria.Default()
	a.Criteria[0].Require = "false"
	require.NoError(t, a.SetParameter("carriers", criteria.ListValue("china-mobile")))
	b := criteria.Default()
	assert.NotEqual(t, "false", b.Criteria[0].Require)
	carriers, _ := b.Parameter("carriers")
	list, _ := carriers.Values[0].Value.List()
	assert.Len(t, list, 5)
}

func TestSetParameter(t *testing.T) {
	rs := criteria.Default()
	ten := decimal.NewFromInt(10_000_000)
	require.NoError(t, rs.SetParameter("minTotalInvestment", criteria.DecimalValue(ten)))
	p, _ := rs.Parameter("minTotalInvestment")
	d, _ := p.Values[0].Value.Decimal()
	assert.True(t, d.Equal(ten))

	err := rs.SetParameter("noSuchParameter", criteria.IntValue(1))
	assert.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
	assert.ErrorContains(t, err, "noSuchParameter")

	err = rs.SetParameter("minTotalInvestment", criteria.IntValue(10_000_000))
	assert.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
	assert.ErrorContains(t, err, "is a decimal, not a int")
}

func TestCloneIsDeep(t *testing.T) {
	a := criteria.Default()
	b := a.Clone()
	b.Criteria[0].ID = "X-1"
	b.Parameters[0].Name = "changed"
	assert.Equal(t, "BD-1a", a.Criteria[0].ID)
	assert.Equal(t, "minTotalInvestment", a.Parameters[0].Name)
}

func TestParseReportsEveryProblem(t *testing.T) {
	tests := []struct {
		reason string
		yaml   string
		paths  []string // every path the error must name
	}{
		{
			reason: "an unknown key is refused, so a misspelt appliesWhen cannot make a rule apply everywhere",
			yaml:   "name: x\ndocument: d\neffective: 2020-07-10\ncriteria:\n  - id: A-1\n    appliesWhn: 'true'\n",
			paths:  []string{"appliesWhn"},
		},
		{
			reason: "missing rule-set fields and criterion fields are all listed",
			yaml:   "criteria:\n  - id: A-1\n    strength: must\n    basis: gut\n",
			paths: []string{"name", "document", "effective", "criteria[0] (A-1).ref", "criteria[0] (A-1).source",
				"criteria[0] (A-1).summary.zh", "criteria[0] (A-1).summary.en", "criteria[0] (A-1).require",
				"criteria[0] (A-1).message.zh", "criteria[0] (A-1).message.en", "criteria[0] (A-1).strength",
				"criteria[0] (A-1).basis"},
		},
		{
			reason: "duplicate IDs, bad IDs and unknown categories",
			yaml:   header + "criteria:\n" + criterion("A-1", "bigdata") + criterion("A-1", "space") + criterion("1x", ""),
			paths:  []string{"criteria[1] (A-1).id", "criteria[1] (A-1).category", "criteria[2] (1x).id"},
		},
		{
			reason: "parameter values must match their type; names must be identifiers and unique",
			yaml: header + "criteria:\n" + criterion("A-1", "") + `parameters:
  - {name: floor, type: decimal, value: "five", ref: r, description: {zh: z, en: e}}
  - {name: years, type: int, value: "3.5", ref: r, description: {zh: z, en: e}}
  - {name: list, type: list, value: "a", ref: r, description: {zh: z, en: e}}
  - {name: bad-name, type: string, value: "x", ref: r, description: {zh: z, en: e}}
  - {name: floor, type: decimal, value: "1", ref: r, description: {zh: z, en: e}}
  - {name: nothing, type: money, value: "1", description: {zh: z}}
`,
			paths: []string{"parameters[0] (floor).value", "parameters[1] (years).value", "parameters[2] (list).value",
				"parameters[5] (nothing).value"},
		},
		{
			reason: "structural checks after values decode",
			yaml: header + "criteria:\n" + criterion("A-1", "") + `parameters:
  - {name: bad-name, type: string, value: "x", ref: r, description: {zh: z, en: e}}
  - {name: floor, type: decimal, value: "1", description: {zh: z}}
  - {name: floor, type: decimal, value: "2", ref: r, description: {zh: z, en: e}}
`,
			paths: []string{"parameters[0] (bad-name).name", "parameters[1] (floor).ref", "parameters[1] (floor).description.en",
				"parameters[2] (floor).name"},
		},
		{
			reason: "an empty document",
			yaml:   "",
			paths:  []string{"empty document"},
		},
		{
			reason: "an invalid effective date",
			yaml:   "name: x\ndocument: d\neffective: 2021-02-29\n" + "criteria:\n" + criterion("A-1", ""),
			paths:  []string{"effective"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			_, err := criteria.Parse([]byte(tt.yaml))
			require.Error(t, err)
			assert.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
			for _, p := range tt.paths {
				assert.ErrorContains(t, err, p)
			}
			var ve *criteria.ValidationError
			if errors.As(err, &ve) {
				assert.Len(t, ve.Problems, len(tt.paths), "problems: %v", ve.Paths())
			}
		})
	}
}

const header = "name: test\ndocument: d\neffective: 2020-07-10\n"

// criterion returns one well-formed criterion as a YAML list item.
func criterion(id, cat string) string {
	c := "  - id: " + id + "\n"
	if cat != "" {
		c += "    category: " + cat + "\n"
	}
	c += "    ref: r\n    source: s\n    summary: {zh: z, en: e}\n    strength: mandatory\n    basis: data\n" +
		"    require: 'true'\n    message: {zh: z, en: e}\n"
	return c
}

func TestParseRoundTripsTheDefault(t *testing.T) {
	rs, err := criteria.Parse(criteria.DefaultSource())
	require.NoError(t, err)
	assert.Equal(t, criteria.Default(), rs)
}

func TestValueEqualAndString(t *testing.T) {
	assert.True(t, criteria.DecimalValue(decimal.RequireFromString("0.5")).Equal(criteria.DecimalValue(decimal.RequireFromString("0.50"))))
	assert.False(t, criteria.IntValue(3).Equal(criteria.DecimalValue(decimal.NewFromInt(3))))
	assert.True(t, criteria.ListValue("a", "b").Equal(criteria.ListValue("a", "b")))
	assert.Equal(t, "5000000", criteria.DecimalValue(decimal.NewFromInt(5_000_000)).String())
	assert.Equal(t, "[a b]", criteria.ListValue("a", "b").String())
	assert.Equal(t, "<no value>", criteria.Value{}.String())
	b, err := criteria.DecimalValue(decimal.RequireFromString("0.5")).MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `"0.5"`, string(b), "decimals are strings in JSON, never numbers")
}

func loadLetter(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/letter-579.txt")
	require.NoError(t, err)
	return normalise(string(b))
}

// normalise drops all white space: the extracted text breaks lines mid-sentence and
// puts spaces around numbers.
func normalise(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestDatedParameters(t *testing.T) {
	rs := criteria.Default()
	ten := criteria.DecimalValue(decimal.NewFromInt(10_000_000))
	twenty := criteria.DecimalValue(decimal.NewFromInt(20_000_000))
	require.NoError(t, rs.SetParameterFrom("minTotalInvestment", criteria.NewDate(2022, 1, 1), ten))
	require.NoError(t, rs.SetParameterFrom("minTotalInvestment", criteria.NewDate(2024, 1, 1), twenty))
	require.NoError(t, rs.Validate())
	p, _ := rs.Parameter("minTotalInvestment")
	at := func(d criteria.Date) string {
		v, ok := p.ValueAt(d)
		require.True(t, ok)
		return v.Value.String()
	}
	assert.Equal(t, "5000000", at(criteria.NewDate(2020, 7, 20)))
	assert.Equal(t, "5000000", at(criteria.NewDate(2021, 12, 31)))
	assert.Equal(t, "10000000", at(criteria.NewDate(2022, 1, 1)), "a value is in force from its own date")
	assert.Equal(t, "20000000", at(criteria.NewDate(2030, 1, 1)))

	// Setting from an earlier date drops the later values.
	require.NoError(t, rs.SetParameterFrom("minTotalInvestment", criteria.NewDate(2023, 1, 1), ten))
	p, _ = rs.Parameter("minTotalInvestment")
	assert.Len(t, p.Values, 3)
	assert.Equal(t, "10000000", at(criteria.NewDate(2030, 1, 1)))

	// The original is untouched by edits to a clone.
	assert.Len(t, criteria.Default().Parameters[0].Values, 1)
}

func TestParseDatedValues(t *testing.T) {
	yaml := header + "criteria:\n" + criterion("A-1", "") + `parameters:
  - name: floor
    type: decimal
    ref: r
    description: {zh: z, en: e}
    values:
      - {from: 2020-07-10, value: "5000000"}
      - {from: 2022-01-01, value: "10000000.00"}
`
	rs, err := criteria.Parse([]byte(yaml))
	require.NoError(t, err)
	p, _ := rs.Parameter("floor")
	_, ok := p.ValueAt(criteria.NewDate(2020, 7, 9))
	assert.False(t, ok, "no value before the first date")
	v, _ := p.ValueAt(criteria.NewDate(2022, 6, 1))
	assert.Equal(t, criteria.NewDate(2022, 1, 1), v.From)
	assert.Equal(t, "10000000", v.Value.String())

	bad := header + "criteria:\n" + criterion("A-1", "") + `parameters:
  - name: floor
    type: decimal
    ref: r
    description: {zh: z, en: e}
    value: "1"
    values:
      - {from: 2020-07-10, value: "5000000"}
  - name: years
    type: int
    ref: r
    description: {zh: z, en: e}
    values:
      - {from: 2022-01-01, value: "3"}
      - {from: 2021-01-01, value: "x"}
      - {from: 2021-02-30, value: "4"}
`
	_, err = criteria.Parse([]byte(bad))
	var ve *criteria.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"parameters[0] (floor)", "parameters[1] (years).values[1].value",
		"parameters[1] (years).values[2].from"}, ve.Paths())

	unordered := header + "criteria:\n" + criterion("A-1", "") + `parameters:
  - name: years
    type: int
    ref: r
    description: {zh: z, en: e}
    values:
      - {from: 2022-01-01, value: "3"}
      - {from: 2021-01-01, value: "5"}
`
	_, err = criteria.Parse([]byte(unordered))
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"parameters[0] (years).values[1].from"}, ve.Paths(), "dates must increase")
}

// A rule set marshalled to JSON parses back to itself: JSON is YAML.
func TestJSONRoundTrip(t *testing.T) {
	rs := criteria.Default()
	require.NoError(t, rs.SetParameterFrom("minTotalInvestment", criteria.NewDate(2022, 1, 1),
		criteria.DecimalValue(decimal.NewFromInt(10_000_000))))
	b, err := json.Marshal(rs)
	require.NoError(t, err)
	back, err := criteria.Parse(b)
	require.NoError(t, err)
	assert.Equal(t, rs, back)
}

func TestCalendarHelpers(t *testing.T) {
	assert.Equal(t, criteria.NewDate(2020, 12, 31), criteria.EndOfYear(criteria.NewDate(2020, 7, 20)))
	assert.Equal(t, criteria.NewDate(2017, 7, 20), criteria.YearsBefore(criteria.NewDate(2020, 7, 20), 3))
	assert.Equal(t, criteria.NewDate(2021, 3, 1), criteria.YearsBefore(criteria.NewDate(2024, 2, 29), 3),
		"29 February three years back is 1 March (catalogue note 4)")
	assert.Equal(t, criteria.NewDate(2020, 2, 29), criteria.YearsBefore(criteria.NewDate(2024, 2, 29), 4))
}
