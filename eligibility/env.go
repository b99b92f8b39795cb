package eligibility

import (
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/ext"

	"github.com/jilin761/intake/criteria"
)

// paramSlot is a rule-set parameter as CEL sees it.
type paramSlot struct {
	name string
	typ  *types.Type
	val  ref.Val
}

func paramSlots(params []criteria.Parameter) []paramSlot {
	slots := make([]paramSlot, len(params))
	for i, p := range params {
		s := paramSlot{name: p.Name}
		switch p.Type {
		case criteria.DecimalParameter:
			d, _ := p.Value.Decimal()
			s.typ, s.val = DecimalType, newCELDecimal(d)
		case criteria.IntParameter:
			n, _ := p.Value.Int()
			s.typ, s.val = types.IntType, types.Int(n)
		case criteria.StringParameter:
			v, _ := p.Value.Str()
			s.typ, s.val = types.StringType, types.String(v)
		case criteria.ListParameter:
			l, _ := p.Value.List()
			s.typ, s.val = types.NewListType(types.StringType), types.NewStringList(types.DefaultTypeAdapter, l)
		}
		slots[i] = s
	}
	return slots
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
		cel.Variable(varProject, ProjectType),
		cel.Variable(varFindings, findingsType),
		cel.Variable(varParams, ParamsType),
		// The evaluation date is an input, never the clock (catalogue note 3).
		cel.Variable(varAsOf, cel.TimestampType),
		// Exact money: intake.Decimal with comparison and arithmetic.
		decimalLibrary(),
		// trim() for the 三.2 form fields, where blank counts as not filled in.
		ext.Strings(),
		// Calendar arithmetic for 年内 and 近三年, in UTC because dates are civil dates.
		cel.Function("endOfYear",
			cel.Overload("end_of_year_timestamp", []*cel.Type{cel.TimestampType}, cel.TimestampType,
				cel.UnaryBinding(func(t ref.Val) ref.Val {
					y := t.(types.Timestamp).Time.UTC().Year()
					return types.Timestamp{Time: time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)}
				}))),
		cel.Function("yearsBefore",
			cel.Overload("years_before_timestamp_int", []*cel.Type{cel.TimestampType, cel.IntType}, cel.TimestampType,
				cel.BinaryBinding(func(t, n ref.Val) ref.Val {
					// AddDate normalises 29 February of a non-leap year to 1 March,
					// which is the window catalogue note 4 asks for.
					return types.Timestamp{Time: t.(types.Timestamp).Time.UTC().AddDate(-int(n.(types.Int)), 0, 0)}
				}))),
	)
}

// programOptions apply to every compiled expression.
func programOptions() []cel.ProgramOption {
	return []cel.ProgramOption{
		// Fold constants such as decimal('0.5') once, at build time.
		cel.EvalOptions(cel.OptOptimize),
	}
}
