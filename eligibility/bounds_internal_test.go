package eligibility

import (
	"reflect"
	"strings"
	"testing"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

// The rule-set limit holds at run time too, as a second line of defence behind the
// sum of estimates that New checks: an evaluation whose criteria together spend
// more stops with ErrCostLimit, naming the criterion where it did.
func TestRuleSetCostLimitStopsAnEvaluation(t *testing.T) {
	e, err := New(criteria.Default())
	require.NoError(t, err)
	p := &Project{Category: category.CategoryIndustrialInternet}
	_, err = e.Evaluate(p, criteria.MustParseDate("2020-07-20"))
	require.NoError(t, err)

	e.ruleSetCostLimit = 5 // far below what the criteria of one category spend
	_, err = e.Evaluate(p, criteria.MustParseDate("2020-07-20"))
	require.ErrorIs(t, err, ErrCostLimit)
	require.ErrorIs(t, err, ErrEvaluation)
	assert.ErrorContains(t, err, "beyond the rule-set limit 5")

	// The running total starts again with each evaluation.
	e.ruleSetCostLimit = DefaultRuleSetCostLimit
	for range 3 {
		_, err = e.Evaluate(p, criteria.MustParseDate("2020-07-20"))
		require.NoError(t, err)
	}
}

// decimal(string) is estimated by the length of its text, up to the longest text it
// parses.
func TestDecimalCostEstimate(t *testing.T) {
	env, err := newEnv(nil)
	require.NoError(t, err)
	estimate := func(expr string) uint64 {
		ast, iss := env.Compile(expr)
		require.NoError(t, iss.Err())
		est, err := env.EstimateCost(ast, &sizeEstimator{})
		require.NoError(t, err)
		return est.Max
	}
	one := estimate("decimal(project.form.progress) > decimal(0)")
	assert.Greater(t, one, uint64(maxDecimalText), "a string of up to 64 KiB costs its parse")
	each := estimate("project.bigDataContent.exists(c, decimal(c) > decimal(0))")
	assert.Greater(t, each, uint64(MaxListLength*maxDecimalText), "each of 10,000 items costs its parse")

	var c runtimeCost
	assert.Equal(t, uint64(5), *c.CallCost("decimal", overloadStringToDecimal, []ref.Val{types.String("1234")}, nil))
	assert.Equal(t, uint64(1+maxDecimalText), *c.CallCost("decimal", overloadStringToDecimal, []ref.Val{types.String(strings.Repeat("1", 1<<16))}, nil))
	assert.Nil(t, c.CallCost("size", "size_string", []ref.Val{types.String("x")}, nil))
}

// recordBytes is written out field by field for speed; this test fills every
// string of a record by reflection and fails when a string field is added to the
// record and not to recordBytes.
func TestRecordBytesCountsEveryString(t *testing.T) {
	var p Project
	want := fill(reflect.ValueOf(&p).Elem())
	require.Positive(t, want)
	assert.Equal(t, want, recordBytes(&p))
}

// fill sets every string reachable from v (fields, list items of length 1, map
// keys and values of one entry, pointers) to "abc", and returns their bytes.
func fill(v reflect.Value) int {
	switch v.Kind() {
	case reflect.String:
		v.SetString("abc")
		return 3
	case reflect.Pointer:
		if v.Type().Elem().Kind() == reflect.Bool || v.Type().Elem().Kind() == reflect.Int {
			return 0
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return fill(v.Elem())
	case reflect.Struct:
		if !v.Type().Field(0).IsExported() {
			return 0 // decimal.Decimal, Date: not text
		}
		n := 0
		for i := range v.NumField() {
			n += fill(v.Field(i))
		}
		return n
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		return fill(v.Index(0))
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		key := reflect.New(v.Type().Key()).Elem()
		elem := reflect.New(v.Type().Elem()).Elem()
		n := fill(key) + fill(elem)
		m.SetMapIndex(key, elem)
		v.Set(m)
		return n
	}
	return 0
}
