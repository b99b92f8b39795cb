package criteria_test

import (
	"fmt"
	"io/fs"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

func readVariant(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(rulesets, "variants/"+name)
	require.NoError(t, err)
	return b
}

func TestDerive(t *testing.T) {
	def := criteria.Default()
	tests := []struct {
		reason  string
		variant string // a file under testdata/rulesets/variants, or inline YAML
		inline  bool
		check   func(t *testing.T, rs *criteria.RuleSet)
	}{
		{reason: "a value on every date replaces the floor, and nothing else changes", variant: "floor-10m.yaml",
			check: func(t *testing.T, rs *criteria.RuleSet) {
				p, _ := rs.Parameter("minTotalInvestment")
				require.Len(t, p.Values, 1)
				assert.True(t, p.Values[0].From.IsZero())
				assert.Equal(t, "10000000", p.Values[0].Value.String())
				assert.Equal(t, def.Criteria, rs.Criteria)
				assert.Equal(t, def.Document, rs.Document)
				assert.Equal(t, def.Effective, rs.Effective)
			}},
		{reason: "a value from a date keeps the earlier one, as SetParameterFrom does", variant: "floor-from-2022.yaml",
			check: func(t *testing.T, rs *criteria.RuleSet) {
				want := criteria.Default()
				require.NoError(t, want.SetParameterFrom("minTotalInvestment", criteria.NewDate(2022, 1, 1), decimalValue("10000000")))
				want.Name = "floor-from-2022"
				assert.Equal(t, want, rs)
			}},
		{reason: "values replace the whole history; ints and lists read with the base's types; effective is set",
			variant: "history.yaml",
			check: func(t *testing.T, rs *criteria.RuleSet) {
				share, _ := rs.Parameter("minBigDataShare")
				require.Len(t, share.Values, 2)
				assert.Equal(t, criteria.NewDate(2021, 7, 1), share.Values[1].From)
				assert.Equal(t, "0.6", share.Values[1].Value.String())
				assert.Equal(t, "5", valueOf(t, rs, "incidentLookbackYears"))
				assert.Equal(t, "[china-mobile china-unicom china-telecom]", valueOf(t, rs, "carriers"))
				assert.Equal(t, criteria.NewDate(2021, 1, 1), rs.Effective)
			}},
		{reason: `category "" makes the stage clauses apply to every category, in place`, variant: "stages-everywhere.yaml",
			check: func(t *testing.T, rs *criteria.RuleSet) {
				require.Len(t, rs.Criteria, len(def.Criteria))
				for i, c := range rs.Criteria {
					want := def.Criteria[i]
					if slices.Contains([]string{"BD-5a", "BD-5b", "BD-5c", "BD-6a", "BD-6b", "BD-6c"}, c.ID) {
						want.Category = ""
					}
					assert.Equal(t, want, c)
				}
			}},
		{reason: "replacing require, summary and message keeps the rest of GEN-3", variant: "no-verification.yaml",
			check: func(t *testing.T, rs *criteria.RuleSet) {
				before, _ := def.Criterion("GEN-3")
				after, _ := rs.Criterion("GEN-3")
				assert.NotContains(t, after.Require, "completedVerified")
				assert.NotEqual(t, before.Message, after.Message)
				assert.Equal(t, before.Source, after.Source)
				assert.Equal(t, before.Ref, after.Ref)
				assert.Equal(t, slices.IndexFunc(def.Criteria, isID("GEN-3")), slices.IndexFunc(rs.Criteria, isID("GEN-3")))
			}},
		{reason: "removed criteria and parameters drop out; added ones follow the base's", variant: "remove-and-add.yaml",
			check: func(t *testing.T, rs *criteria.RuleSet) {
				_, ok := rs.Criterion("BD-4")
				assert.False(t, ok)
				_, ok = rs.Parameter("minTotalInvestment")
				assert.False(t, ok)
				assert.Equal(t, "BD-4x", rs.Criteria[len(rs.Criteria)-1].ID)
				assert.Equal(t, "maxTotalInvestment", rs.Parameters[len(rs.Parameters)-1].Name)
				assert.Len(t, rs.Criteria, len(def.Criteria))
			}},
		{reason: "one language of a text can change alone", inline: true,
			variant: "base: jilin-761-intake-2020\nname: en-only\nreplace:\n  - id: BD-4\n    message: {en: below the floor}\n",
			check: func(t *testing.T, rs *criteria.RuleSet) {
				before, _ := def.Criterion("BD-4")
				after, _ := rs.Criterion("BD-4")
				assert.Equal(t, "below the floor", after.Message.En)
				assert.Equal(t, before.Message.Zh, after.Message.Zh)
			}},
		{reason: `appliesWhen "" makes a criterion apply throughout its category`, inline: true,
			variant: "base: jilin-761-intake-2020\nname: all-subtypes\nreplace:\n  - {id: BD-1b, appliesWhen: \"\"}\n",
			check: func(t *testing.T, rs *criteria.RuleSet) {
				c, _ := rs.Criterion("BD-1b")
				assert.Empty(t, c.AppliesWhen)
				assert.Equal(t, category.CategoryBigData, c.Category)
			}},
		{reason: "a criterion removed and added anew moves to the end with its new text", inline: true,
			variant: "base: jilin-761-intake-2020\nname: readd\nremove: [BD-1a]\nadd:\n" +
				"  - {id: BD-1a, category: bigdata, ref: 一(一)1, source: s, summary: {zh: z, en: e}, strength: encouraged, basis: data," +
				" require: \"size(project.bigDataContent) > 0 || project.bigDataContent.exists(c, c in params.bigDataContentKinds)\", message: {zh: z, en: e}}\n",
			check: func(t *testing.T, rs *criteria.RuleSet) {
				last := rs.Criteria[len(rs.Criteria)-1]
				assert.Equal(t, "BD-1a", last.ID)
				assert.Equal(t, criteria.Encouraged, last.Strength)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			data := []byte(tt.variant)
			if !tt.inline {
				data = readVariant(t, tt.variant)
			}
			rs, err := criteria.Derive(criteria.Default(), data)
			require.NoError(t, err)
			require.NoError(t, rs.Validate())
			tt.check(t, rs)

			v, err := criteria.ParseVariant(data)
			require.NoError(t, err)
			again, err := v.Apply(criteria.Default())
			require.NoError(t, err)
			assert.Equal(t, rs, again, "Derive is ParseVariant then Apply")
		})
	}
}

func TestDeriveLeavesTheBaseAlone(t *testing.T) {
	base := criteria.Default()
	for _, name := range []string{"floor-10m.yaml", "stages-everywhere.yaml", "remove-and-add.yaml", "history.yaml"} {
		_, err := criteria.Derive(base, readVariant(t, name))
		require.NoError(t, err)
	}
	assert.Equal(t, criteria.Default(), base)
}

// Each class of mistake in a variant has a file; every problem is reported, with its
// path in the variant file, the variant's own problems and those against the base
// together.
func TestDeriveReportsEveryProblem(t *testing.T) {
	tests := []struct {
		reason string
		file   string
		paths  []string
		text   []string // fragments the message must hold
	}{
		{reason: "misspelt keys, at every level, by path, with the other mistakes", file: "bad/unknown-key.yaml",
			paths: []string{"parametres", "parameters.minBigDataShare.valeu", "replace[0] (GEN-3).requires",
				"replace[1] (BD-4).message.eng", "parameters.minBigDataShare", "remove[0] (NOPE-1)"},
			text: []string{"parametres: unknown key; did you mean parameters?", "requires: unknown key; did you mean require?",
				"eng: unknown key; did you mean en?"}},
		{reason: "a variant applies only to the base it names", file: "bad/base-mismatch.yaml",
			paths: []string{"base"}, text: []string{`"jilin-761-intake-2019"`, `"jilin-761-intake-2020"`}},
		{reason: "verdicts under base and variant must be told apart", file: "bad/same-name.yaml",
			paths: []string{"name"}},
		{reason: "unknown IDs in replace and remove", file: "bad/unknown-criterion.yaml",
			paths: []string{"replace[0] (BD-7).id", "remove[0] (GEN-9)"}, text: []string{`no criterion "BD-7"`}},
		{reason: "unknown parameters to override or remove", file: "bad/unknown-parameter.yaml",
			paths: []string{"removeParameters[0] (maxShare)", "parameters.minTotalInvestmnt"}},
		{reason: "values of the wrong type for the base's parameters", file: "bad/type-mismatch.yaml",
			paths: []string{"parameters.carriers.value", "parameters.incidentLookbackYears.values[1].value",
				"parameters.jilinDivisionPrefix.value", "parameters.minTotalInvestment.value"},
			text: []string{`"ten million" is not a decimal number`, `"3.5" is not a whole number`}},
		{reason: "an added ID or parameter the base has, and an ID added twice", file: "bad/duplicate-added.yaml",
			paths: []string{"add[2] (X-1).id", "addParameters[0] (carriers).name", "add[0] (BD-4).id"}},
		{reason: "value and values together, neither, from with values, unordered and impossible dates",
			file: "bad/override-forms.yaml",
			paths: []string{"parameters.carriers.values[1].from", "parameters.incidentLookbackYears.from",
				"parameters.minBigDataShare", "parameters.minTotalInvestment", "parameters.reportingUnits.from"}},
		{reason: "structural mistakes of every kind, all listed", file: "bad/structure.yaml",
			paths: []string{"base", "effective", "replace[1] (BD-5a).category", "replace[0] (BD-4)",
				"replace[2] (BD-5b).category", "replace[2] (BD-5b).strength", "replace[2] (BD-5b).basis",
				"replace[3] (GEN-3).require", "remove[1] (GEN-3)", "remove[0] (GEN-3)"},
			text: []string{`write "" to empty the field`, "changes nothing"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			rs, err := criteria.Derive(criteria.Default(), readVariant(t, tt.file))
			require.Error(t, err)
			assert.Nil(t, rs)
			assert.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
			for _, s := range tt.text {
				assert.ErrorContains(t, err, s)
			}
			var ve *criteria.ValidationError
			if tt.paths == nil {
				assert.NotErrorAs(t, err, &ve)
				return
			}
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.paths, ve.Paths())
		})
	}
}

func TestApplyRefusesANilBase(t *testing.T) {
	v, err := criteria.ParseVariant(readVariant(t, "floor-10m.yaml"))
	require.NoError(t, err)
	_, err = v.Apply(nil)
	assert.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
}

// What a derived rule set must still satisfy is checked as for any rule set: here a
// replace leaves a criterion with a category the engine would never run.
func TestDerivedRuleSetIsValidated(t *testing.T) {
	minimal, err := criteria.LoadFS(rulesets, "good/minimal.yaml")
	require.NoError(t, err)
	minimal.Criteria[1].Message.En = "" // a base broken after loading
	_, err = criteria.Derive(minimal, []byte("base: minimal\nname: m2\nparameters:\n  floor: {value: '1'}\n"))
	var ve *criteria.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"criteria[1] (T-2).message.en"}, ve.Paths())
	assert.ErrorContains(t, err, `variant "m2": the derived rule set`)
}

func TestParseVariantKeepsTheChanges(t *testing.T) {
	v, err := criteria.ParseVariant(readVariant(t, "floor-from-2022.yaml"))
	require.NoError(t, err)
	assert.Equal(t, "jilin-761-intake-2020", v.Base)
	assert.Equal(t, []criteria.ParameterOverride{{
		Name:        "minTotalInvestment",
		Values:      []criteria.WrittenValue{{From: criteria.NewDate(2022, 1, 1), Scalar: "10000000"}},
		KeepEarlier: true,
	}}, v.Parameters)
}

func isID(id string) func(criteria.Criterion) bool {
	return func(c criteria.Criterion) bool { return c.ID == id }
}

func decimalValue(s string) criteria.Value {
	return criteria.DecimalValue(decimal.RequireFromString(s))
}

// "What if the floor goes to 10 million, and the stage clauses apply to every
// category?", written as a variant of the default rule set.
func ExampleDerive() {
	rs, err := criteria.Derive(criteria.Default(), []byte(`
base: jilin-761-intake-2020
name: floor-10m-stages-everywhere
parameters:
  minTotalInvestment: {from: 2021-01-01, value: "10000000"}
replace:
  - {id: BD-6a, category: ""}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	floor, _ := rs.Parameter("minTotalInvestment")
	for _, v := range floor.Values {
		fmt.Printf("floor from %q: %s\n", v.From, v.Value)
	}
	c, _ := rs.Criterion("BD-6a")
	fmt.Printf("BD-6a category %q, %d criteria\n", string(c.Category), len(rs.Criteria))

	// Every mistake is reported at once, by its path in the variant.
	_, err = criteria.Derive(criteria.Default(), []byte(`
base: jilin-761-intake-2020
name: typos
parameters:
  minTotalInvestment: {value: "ten million"}
remove: [BD-9]
`))
	fmt.Println(err)
	// Output:
	// floor from "": 5000000
	// floor from "2021-01-01": 10000000
	// BD-6a category "", 47 criteria
	// criteria: invalid variant "typos" (2 problems):
	// 	parameters.minTotalInvestment.value: parameter "minTotalInvestment" has type decimal: "ten million" is not a decimal number
	// 	remove[0] (BD-9): rule set "jilin-761-intake-2020" has no criterion "BD-9"
}
