package eligibility

import (
	"slices"
	"strings"
	"unicode"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/ext"

	"github.com/jilin761/intake/criteria"
)

// paramSlot is a rule-set parameter as CEL sees it: its name and type. Its value
// depends on the evaluation date; see epoch.
type paramSlot struct {
	name string
	typ  *types.Type
}

func paramSlots(params []criteria.Parameter) []paramSlot {
	slots := make([]paramSlot, len(params))
	for i, p := range params {
		slots[i] = paramSlot{name: p.Name, typ: celType(p.Type)}
	}
	return slots
}

func celType(t criteria.ParameterType) *types.Type {
	switch t {
	case criteria.DecimalParameter:
		return celDecimalType
	case criteria.IntParameter:
		return types.IntType
	case criteria.StringParameter:
		return types.StringType
	}
	return types.NewListType(types.StringType)
}

// celValue converts a parameter value once, when the engine is built.
func celValue(v criteria.Value) ref.Val {
	switch v.Type() {
	case criteria.DecimalParameter:
		d, _ := v.Decimal()
		return newCELDecimal(d)
	case criteria.IntParameter:
		n, _ := v.Int()
		return types.Int(n)
	case criteria.StringParameter:
		s, _ := v.Str()
		return types.String(s)
	}
	// Box each element once, here: a list of Go strings would box an element on
	// every `in` and every step of exists, on every evaluation.
	l, _ := v.List()
	elems := make([]ref.Val, len(l))
	for i, s := range l {
		elems[i] = types.String(s)
	}
	return types.NewRefValList(types.DefaultTypeAdapter, elems)
}

// epoch is a span of dates over which no parameter changes value. The engine builds
// one per change date when it is built, so an evaluation only picks its epoch.
type epoch struct {
	// from is the first day of the span; the zero Date for the first span.
	from Date
	// params is the CEL value of params in this span.
	params *object
	// used lists each parameter's value in this span, for the verdict.
	used []ParameterValue
	// shown is each parameter's value written out, by parameter index.
	shown []string
	// missing names the parameters with no value yet in this span.
	missing []string
}

// epochs splits time at every date a parameter changes value.
func epochs(params []criteria.Parameter) []epoch {
	starts := []Date{{}}
	for _, p := range params {
		for _, v := range p.Values {
			if !v.From.IsZero() {
				starts = append(starts, v.From)
			}
		}
	}
	slices.SortFunc(starts, func(a, b Date) int { return a.Time().Compare(b.Time()) })
	starts = slices.Compact(starts)
	out := make([]epoch, len(starts))
	for i, start := range starts {
		e := epoch{from: start, params: &object{typ: celParamsType, vals: make([]ref.Val, len(params))}, shown: make([]string, len(params))}
		for j, p := range params {
			dv, ok := p.ValueAt(start)
			if !ok {
				e.missing = append(e.missing, p.Name)
				continue
			}
			e.params.vals[j] = celValue(dv.Value)
			e.shown[j] = displayFull(e.params.vals[j])
			e.used = append(e.used, ParameterValue{Name: p.Name, Type: p.Type, Value: dv.Value, From: dv.From})
		}
		out[i] = e
	}
	return out
}

// newEnv builds the one CEL environment every criterion of a rule set compiles in.
// Each option says why it is there.
func newEnv(params []paramSlot) (*cel.Env, error) {
	base, err := types.NewRegistry()
	if err != nil {
		return nil, err
	}
	return cel.NewEnv(
		// The record, its nested objects, incidents and params as typed objects whose
		// fields are precomputed getters: type-checked names, no reflection at run time.
		cel.CustomTypeProvider(newProvider(base, params)),
		cel.Variable(varProject, celProjectType),
		cel.Variable(varFindings, findingsType),
		cel.Variable(varParams, celParamsType),
		// The evaluation date is an input, never the clock (catalogue note 3).
		cel.Variable(varAsOf, cel.TimestampType),
		// Exact money: intake.Decimal with comparison and arithmetic.
		decimalLibrary(),
		// s.isBlank(): a 三.2 form field of white space only is not filled in. Unicode
		// white space counts (a full-width 　 is blank too).
		cel.Function("isBlank",
			cel.MemberOverload("string_is_blank", []*cel.Type{cel.StringType}, cel.BoolType,
				cel.UnaryBinding(func(s ref.Val) ref.Val {
					return types.Bool(strings.TrimFunc(string(s.(types.String)), unicode.IsSpace) == "")
				}))),
		// The standard string extensions (trim, lowerAscii, split …) for custom rules.
		ext.Strings(),
		// Calendar arithmetic for 年内 and 近三年, in UTC because dates are civil dates.
		cel.Function("endOfYear",
			cel.Overload("end_of_year_timestamp", []*cel.Type{cel.TimestampType}, cel.TimestampType,
				cel.UnaryBinding(func(t ref.Val) ref.Val {
					return types.Timestamp{Time: criteria.EndOfYear(criteria.DateOf(t.(types.Timestamp).Time.UTC())).Time()}
				}))),
		cel.Function("yearsBefore",
			cel.Overload("years_before_timestamp_int", []*cel.Type{cel.TimestampType, cel.IntType}, cel.TimestampType,
				cel.BinaryBinding(func(t, n ref.Val) ref.Val {
					// A number of years that is negative or reaches before year 1 is an
					// error, never a date wrapped round or normalised: a look-back of
					// 10^12 years once wrapped to a window that let a recent violation pass.
					d, err := criteria.YearsBeforeChecked(criteria.DateOf(t.(types.Timestamp).Time.UTC()), int64(n.(types.Int)))
					if err != nil {
						return types.NewErr("yearsBefore: %v", err)
					}
					return types.Timestamp{Time: d.Time()}
				}))),
	)
}

// programOptions apply to a compiled expression. An expression that iterates gets
// a runtime cost limit on top of its static bound; see trackCost.
func programOptions(cfg config, trackCost bool) []cel.ProgramOption {
	opts := []cel.ProgramOption{
		// Fold constant lists, type conversions and decimal literals once, at build time.
		cel.EvalOptions(cel.OptOptimize),
		foldDecimalLiterals(),
		// Let EvaluateContext interrupt long comprehensions (10,000 incidents).
		cel.InterruptCheckFrequency(100),
	}
	if trackCost {
		opts = append(opts, cel.CostLimit(cfg.costLimit), cel.CostTracking(runtimeCost{}))
	}
	return opts
}

// paramSizes gives, for each list or string parameter, its largest value over time
// (elements or bytes): the bound the cost estimator needs.
func paramSizes(params []criteria.Parameter) map[string]uint64 {
	sizes := map[string]uint64{}
	for _, p := range params {
		for _, v := range p.Values {
			var n int
			if l, ok := v.Value.List(); ok {
				n = len(l)
			} else if s, ok := v.Value.Str(); ok {
				n = len(s)
			}
			sizes[p.Name] = max(sizes[p.Name], uint64(n))
		}
	}
	return sizes
}
