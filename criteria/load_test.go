package criteria_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

// rulesets holds the rule-set and variant files of these tests, good and bad.
var rulesets = os.DirFS("testdata/rulesets")

func TestLoadFSReadsRuleSets(t *testing.T) {
	tests := []struct {
		reason string
		file   string
		check  func(t *testing.T, rs *criteria.RuleSet)
	}{
		{"a YAML rule set", "good/minimal.yaml", func(t *testing.T, rs *criteria.RuleSet) {
			assert.Equal(t, "minimal", rs.Name)
			require.Len(t, rs.Criteria, 2)
			assert.Equal(t, category.CategoryBigData, rs.Criteria[0].Category)
			assert.Empty(t, rs.Criteria[1].Category, "no category: every category")
		}},
		{"JSON is YAML, and dated values read as in YAML", "good/minimal.json", func(t *testing.T, rs *criteria.RuleSet) {
			floor, ok := rs.Parameter("floor")
			require.True(t, ok)
			v, ok := floor.ValueAt(criteria.NewDate(2022, 1, 1))
			require.True(t, ok)
			assert.Equal(t, "10000000", v.Value.String())
		}},
		{"a variant of the default is derived from the embedded default", "variants/floor-10m.yaml", func(t *testing.T, rs *criteria.RuleSet) {
			assert.Equal(t, "floor-10m", rs.Name)
			assert.Equal(t, criteria.Default().Document, rs.Document)
			assert.Equal(t, "10000000", valueOf(t, rs, "minTotalInvestment"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			rs, err := criteria.LoadFS(rulesets, tt.file)
			require.NoError(t, err)
			tt.check(t, rs)
		})
	}
}

// Loading the default's own source gives the default: LoadFS adds nothing to Parse.
func TestLoadFSOfTheDefaultSource(t *testing.T) {
	fsys := fstest.MapFS{"default.yaml": {Data: criteria.DefaultSource()}}
	rs, err := criteria.LoadFS(fsys, "default.yaml")
	require.NoError(t, err)
	assert.Equal(t, criteria.Default(), rs)
}

// Every class of structural problem has a file; each must be reported with its path,
// every one of them, and nothing else.
func TestLoadFSReportsEveryProblem(t *testing.T) {
	tests := []struct {
		reason string
		file   string
		paths  []string // the exact paths of a *ValidationError, in order
		text   string   // or, for an error YAML reports before any path is known, its text
	}{
		{reason: "a misspelt key is refused, or the rule would apply everywhere",
			file: "bad/unknown-key.yaml", paths: []string{"criteria[0] (T-1).appliesWhn"}},
		{reason: "an ID used twice could not be cited", file: "bad/duplicate-ids.yaml",
			paths: []string{"criteria[2] (T-1).id"}},
		{reason: "categories are the four of the letter", file: "bad/unknown-category.yaml",
			paths: []string{"criteria[0] (T-1).category", "criteria[1] (T-2).category"}},
		{reason: "ref, message and both languages are required, so every result can cite and explain itself",
			file: "bad/missing-fields.yaml",
			paths: []string{"document", "criteria[0] (T-1).ref", "criteria[0] (T-1).summary.en",
				"criteria[0] (T-1).message.zh", "criteria[0] (T-1).message.en"}},
		{reason: "strength and basis are closed sets", file: "bad/strength-basis.yaml",
			paths: []string{"criteria[0] (T-1).strength", "criteria[0] (T-1).basis"}},
		{reason: "each value reads as its type; an unknown type or a missing value is named",
			file: "bad/parameter-values.yaml",
			paths: []string{"parameters[0] (floor).value", "parameters[1] (years).value", "parameters[2] (carriers).value",
				"parameters[3] (prefix).value", "parameters[4] (share).value", "parameters[5] (none).value"}},
		{reason: "parameter names are unique CEL identifiers", file: "bad/duplicate-parameters.yaml",
			paths: []string{"parameters[1] (floor).name", "parameters[2] (bad-name).name"}},
		{reason: "dates that do not exist are refused, not normalised", file: "bad/dates.yaml",
			paths: []string{"effective", "parameters[0] (floor).values[0].from"}},
		{reason: "one value or dated values, not both", file: "bad/value-and-values.yaml",
			paths: []string{"parameters[0] (floor)"}},
		{reason: "a rule set without criteria decides nothing", file: "bad/no-criteria.yaml",
			paths: []string{"criteria"}},
		{reason: "an empty file is not an empty rule set", file: "bad/empty.yaml", text: "empty document"},
		{reason: "a YAML syntax error gives its line", file: "bad/syntax.yaml", text: "line 2"},
		{reason: "a list is not a rule set", file: "bad/not-a-mapping.yaml", paths: []string{"(document)"}},
		{reason: "a variant of a rule set not known here", file: "bad/variant-of-unknown.yaml",
			paths: []string{"base"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			rs, err := criteria.LoadFS(rulesets, tt.file)
			require.Error(t, err)
			assert.Nil(t, rs)
			assert.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
			assert.ErrorContains(t, err, tt.file, "the error names the file")
			var ve *criteria.ValidationError
			if tt.paths == nil {
				assert.False(t, errors.As(err, &ve), "no paths expected: %v", err)
				assert.ErrorContains(t, err, tt.text)
				return
			}
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.paths, ve.Paths())
		})
	}
}

func TestLoadFSMissingFile(t *testing.T) {
	_, err := criteria.LoadFS(rulesets, "good/nothing-here.yaml")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.NotErrorIs(t, err, criteria.ErrInvalidRuleSet, "a missing file is not a bad rule set")
}

// A variant names its base; Load finds it among the bases given, before the default.
func TestLoadVariantOfAGivenBase(t *testing.T) {
	base, err := criteria.LoadFS(rulesets, "good/minimal.yaml")
	require.NoError(t, err)
	variant := []byte("base: minimal\nname: minimal-8m\nparameters:\n  floor: {value: \"8000000\"}\n")

	rs, err := criteria.Load(variant, base)
	require.NoError(t, err)
	assert.Equal(t, "minimal-8m", rs.Name)
	assert.Equal(t, "8000000", valueOf(t, rs, "floor"))
	assert.Equal(t, "5000000", valueOf(t, base, "floor"), "the base is left alone")

	_, err = criteria.Load(variant)
	var ve *criteria.ValidationError
	require.ErrorAs(t, err, &ve, "without the base, the variant cannot be applied")
	assert.Equal(t, []string{"base"}, ve.Paths())
	assert.ErrorContains(t, err, `"minimal"`)
}

func TestIsVariant(t *testing.T) {
	tests := []struct {
		reason string
		doc    string
		want   bool
	}{
		{"a variant names its base", "base: x\nname: y\n", true},
		{"a variant missing its base is still one, so the missing base is what gets reported", "name: y\nremove: [A-1]\n", true},
		{"a parameters mapping is a variant's; a rule set lists its parameters", "name: y\nparameters: {a: {value: '1'}}\n", true},
		{"a rule set", "name: x\nparameters: []\ncriteria: []\n", false},
		{"JSON variants too", `{"base": "x", "name": "y"}`, true},
		{"malformed input is left to Parse", "base: [", false},
		{"nothing at all", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			assert.Equal(t, tt.want, criteria.IsVariant([]byte(tt.doc)))
		})
	}
}

// valueOf returns the text of a parameter's single (or first) value.
func valueOf(t *testing.T, rs *criteria.RuleSet, name string) string {
	t.Helper()
	p, ok := rs.Parameter(name)
	require.True(t, ok, "no parameter %s", name)
	require.NotEmpty(t, p.Values)
	return p.Values[0].Value.String()
}

// A program reads rule sets from a directory it names; the library reads only the
// fs.FS it is given. Full rule sets and variants load alike.
func ExampleLoadFS() {
	fsys := fstest.MapFS{
		"floor-10m.yaml": {Data: []byte("base: jilin-761-intake-2020\nname: floor-10m\nparameters:\n  minTotalInvestment: {value: \"10000000\"}\n")},
	}
	rs, err := criteria.LoadFS(fsys, "floor-10m.yaml") // a program would pass os.DirFS(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	floor, _ := rs.Parameter("minTotalInvestment")
	fmt.Println(rs.Name, floor.Values[0].Value, len(rs.Criteria))
	// Output: floor-10m 10000000 47
}
