package eligibility_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

func TestProvenance(t *testing.T) {
	v := evaluate(t, base(t, "bigdata"), submissionDate)
	assert.Equal(t, "github.com/jilin761/intake", v.Provenance.Library)
	assert.Equal(t, eligibility.Version, v.Provenance.Version)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, v.Provenance.RuleSetHash)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, v.Provenance.ProjectHash)
	assert.Equal(t, eligibility.ProjectHash(base(t, "bigdata")), v.Provenance.ProjectHash)
}

// Given the stored project and the same rule set, a fresh engine reproduces the
// verdict byte for byte.
func TestVerdictReproducesByteForByte(t *testing.T) {
	for _, name := range []string{"bigdata", "ai", "industrial-internet", "telecom"} {
		p := base(t, name)
		first := mustJSON(t, evaluate(t, p, submissionDate))

		stored := mustJSON(t, p) // what a case file keeps
		again, err := eligibility.DecodeProject(stored)
		require.NoError(t, err)
		e, err := eligibility.New(criteria.Default())
		require.NoError(t, err)
		v, err := e.Evaluate(again, submissionDate)
		require.NoError(t, err)
		assert.Equal(t, string(first), string(mustJSON(t, v)), name)
	}
}

// Any edit to the rule set, however small, changes its hash.
func TestRuleSetHashChangesWithEveryEdit(t *testing.T) {
	hash := func(rs *criteria.RuleSet) string {
		e, err := eligibility.New(rs)
		require.NoError(t, err)
		v, err := e.Evaluate(base(t, "telecom"), submissionDate)
		require.NoError(t, err)
		return v.Provenance.RuleSetHash
	}
	original := hash(criteria.Default())
	assert.Equal(t, original, hash(criteria.Default()), "the same rule set hashes alike")

	edits := map[string]func(rs *criteria.RuleSet){
		"a parameter value": func(rs *criteria.RuleSet) {
			require.NoError(t, rs.SetParameter("minTotalInvestment", criteria.DecimalValue(decimal.RequireFromString("5000000.01"))))
		},
		"a dated value": func(rs *criteria.RuleSet) {
			require.NoError(t, rs.SetParameterFrom("incidentLookbackYears", date("2030-01-01"), criteria.IntValue(3)))
		},
		"a list parameter": func(rs *criteria.RuleSet) {
			require.NoError(t, rs.SetParameter("carriers", criteria.ListValue("china-mobile", "china-unicom", "china-telecom", "china-tower", "china-broadnet")))
		},
		"a message":     func(rs *criteria.RuleSet) { rs.Criteria[0].Message.En += "." },
		"a source":      func(rs *criteria.RuleSet) { rs.Criteria[1].Source += " " },
		"an expression": func(rs *criteria.RuleSet) { rs.Criteria[5].Require = "(" + rs.Criteria[5].Require + ")" },
		"the name":      func(rs *criteria.RuleSet) { rs.Name += "-b" },
	}
	for reason, edit := range edits {
		rs := criteria.Default()
		edit(rs)
		assert.NotEqual(t, original, hash(rs), reason)
	}
}

// Every field of Project reaches the canonical encoding: changing any one of them
// changes the hash. Fields are found by reflection, so a field added to Project but
// not to the encoding fails here.
func TestProjectHashCoversEveryField(t *testing.T) {
	full := base(t, "industrial-internet")
	full.Subtype = category.SubtypePlatform
	full.Stage = category.StagePlanning
	full.BigDataContent = []category.BigDataContent{"storage"}
	full.Applicant.RegistrationDivision = "220102"
	full.Applicant.Carrier = category.CarrierNone
	full.Applicant.ProvincialCompany = new(false)
	full.Applicant.Qualified = new(false)
	full.Investment.BigDataPortion = yuan("1")
	full.Preparation = eligibility.Preparation{
		PreliminaryPlanning: new(true), ConstructionContentDetermined: new(true), InvestorDetermined: new(true),
		ProposalCompleted: new(true), FeasibilityStudyCompleted: new(true), FundingSecured: new(true),
		PlannedStart: date("2020-09-01"),
	}
	full.Incidents = []eligibility.Incident{{Date: date("2019-01-01"), Kind: category.IncidentKindSafetyAccident, Major: new(false), Description: "x"}}
	for id, f := range full.Findings {
		f.Note = "n"
		full.Findings[id] = f
	}
	original := eligibility.ProjectHash(full)

	// check changes one leaf through change, asserts the hash moved, and undoes it;
	// commit writes a map entry's copy back, since map values are not addressable.
	var commit func()
	check := func(path string, change, undo func()) {
		change()
		commit()
		assert.NotEqual(t, original, eligibility.ProjectHash(full), "%s does not reach the hash", path)
		undo()
		commit()
	}
	leaf := func(v reflect.Value, path string) {
		saved := reflect.ValueOf(v.Interface())
		check(path, func() { mutate(t, v, path) }, func() { v.Set(saved) })
	}
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch {
		case v.Kind() == reflect.Pointer:
			if v.IsNil() {
				t.Fatalf("%s: fill every field of the test project", path)
			}
			ptr := reflect.ValueOf(v.Interface())
			check(path+" (absent)", func() { v.Set(reflect.Zero(v.Type())) }, func() { v.Set(ptr) })
			if t := v.Elem().Type(); t.Kind() == reflect.Struct && t != reflect.TypeFor[decimal.Decimal]() && t != reflect.TypeFor[eligibility.FormAmount]() {
				walk(v.Elem(), path)
				return
			}
			leaf(v.Elem(), path)
		case v.Type() == reflect.TypeFor[eligibility.Date]():
			leaf(v, path)
		case v.Kind() == reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		case v.Kind() == reflect.Slice:
			if v.Len() == 0 {
				t.Fatalf("%s: give the test project at least one element", path)
			}
			if v.Type().Elem().Kind() == reflect.Struct {
				walk(v.Index(0), path+"[0]")
				return
			}
			leaf(v.Index(0), path+"[0]")
		case v.Kind() == reflect.Map:
			k := v.MapKeys()[0]
			elem := reflect.New(v.Type().Elem()).Elem()
			elem.Set(v.MapIndex(k))
			outer := commit
			commit = func() { v.SetMapIndex(k, elem); outer() }
			walk(elem, path+"["+k.String()+"]")
			commit = outer
		default:
			leaf(v, path)
		}
	}
	commit = func() {}
	walk(reflect.ValueOf(full).Elem(), "Project")
	assert.Equal(t, original, eligibility.ProjectHash(full), "the walk restored every field")
}

// mutate changes a leaf value in place.
func mutate(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch x := v.Addr().Interface().(type) {
	case *decimal.Decimal:
		*x = x.Add(decimal.NewFromInt(1))
	case *eligibility.FormAmount:
		d, _ := x.Amount()
		*x = *eligibility.NewFormAmount(d.Add(decimal.NewFromInt(1)))
	case *eligibility.Date:
		*x = criteria.NewDate(x.Year, x.Month, x.Day+1)
	case *bool:
		*x = !*x
	case *int:
		*x++
	default:
		if v.Kind() == reflect.String {
			v.SetString(v.String() + "x")
			return
		}
		t.Fatalf("%s: no mutation for %s", path, v.Type())
	}
}

// A completed investment left blank is not one of 0: the form said different things.
func TestProjectHashBlankFormAmount(t *testing.T) {
	a, b := base(t, "bigdata"), base(t, "bigdata")
	a.Investment.Completed = formYuan("0")
	b.Investment.Completed = eligibility.BlankFormAmount()
	assert.NotEqual(t, eligibility.ProjectHash(a), eligibility.ProjectHash(b))
	var c eligibility.Project
	require.NoError(t, json.Unmarshal(mustJSON(t, b), &c))
	assert.True(t, c.Investment.Completed.IsBlank(), "blank survives a JSON round trip")
	assert.Equal(t, eligibility.ProjectHash(b), eligibility.ProjectHash(&c))
}

func TestProjectHashNormalisesAmounts(t *testing.T) {
	a, b := base(t, "bigdata"), base(t, "bigdata")
	b.Investment.Total = yuan("30000000")
	assert.Equal(t, eligibility.ProjectHash(a), eligibility.ProjectHash(b), "30000000.00 and 30000000 are one amount")
	var c eligibility.Project
	require.NoError(t, json.Unmarshal(mustJSON(t, a), &c))
	assert.Equal(t, eligibility.ProjectHash(a), eligibility.ProjectHash(&c), "a JSON round trip keeps the hash")
}
