package eligibility

import (
	"cmp"
	"fmt"
	"math/bits"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"
	"github.com/shopspring/decimal"
)

// celDecimalType is the CEL type of exact decimals, named intake.Decimal in expressions
// and messages. Money never enters CEL as a double: 0.1 + 0.2 is 0.3 here, and a
// 50% share of 24,691,357.82 is exactly 12,345,678.91.
var celDecimalType = cel.ObjectType("intake.Decimal",
	traits.ComparerType, traits.AdderType, traits.SubtractorType, traits.MultiplierType, traits.NegatorType)

// celDecimal is a decimal.Decimal as a CEL value. It is immutable, like the decimal
// it wraps, so one value may be shared between evaluations.
type celDecimal struct{ d decimal.Decimal }

var decimalReflectType = reflect.TypeFor[decimal.Decimal]()

func newCELDecimal(d decimal.Decimal) *celDecimal { return &celDecimal{d: d} }

func (v *celDecimal) ConvertToNative(t reflect.Type) (any, error) {
	switch t {
	case decimalReflectType:
		return v.d, nil
	case reflect.TypeFor[string]():
		return v.d.String(), nil
	}
	return nil, fmt.Errorf("intake.Decimal cannot convert to %v", t)
}

func (v *celDecimal) ConvertToType(t ref.Type) ref.Val {
	switch t {
	case celDecimalType:
		return v
	case types.StringType:
		return types.String(v.d.String())
	case types.TypeType:
		return celDecimalType
	}
	return types.NewErr("type conversion error from intake.Decimal to %v", t)
}

func (v *celDecimal) Equal(other ref.Val) ref.Val {
	o, ok := other.(*celDecimal)
	return types.Bool(ok && compareDecimals(v.d, o.d) == 0)
}

func (v *celDecimal) Type() ref.Type { return celDecimalType }
func (v *celDecimal) Value() any     { return v.d }

// Compare implements traits.Comparer, which backs <, <=, > and >=.
func (v *celDecimal) Compare(other ref.Val) ref.Val {
	o, ok := other.(*celDecimal)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	switch compareDecimals(v.d, o.d) {
	case -1:
		return types.IntNegOne // a boxed -1 would allocate
	case 0:
		return types.IntZero
	}
	return types.IntOne
}

// compareDecimals is decimal.Decimal.Cmp, without its big.Int multiplication when
// both coefficients fit in 18 digits and the scales differ by at most 18: an amount
// written with cents compared with a threshold written without them is every
// criterion's case, and Cmp allocates twice for it.
func compareDecimals(a, b decimal.Decimal) int {
	if a.NumDigits() > 18 || b.NumDigits() > 18 {
		return a.Cmp(b)
	}
	ca, cb := a.CoefficientInt64(), b.CoefficientInt64()
	sa, sb := sign(ca), sign(cb)
	switch {
	case sa != sb:
		return cmp.Compare(sa, sb)
	case sa == 0:
		return 0
	}
	ea, eb := a.Exponent(), b.Exponent()
	if ea < eb { // compare b against a and flip, so that a has the larger exponent
		return -compareDecimals(b, a)
	}
	shift := int(ea) - int(eb)
	if shift > 18 {
		return a.Cmp(b)
	}
	// |a| = |ca|·10^shift and |b| = |cb| at b's scale; both fit in 128 bits.
	hi, lo := bits.Mul64(uint64(abs(ca)), pow10(shift))
	magnitude := 1 // |a| > |b|
	if hi == 0 {
		magnitude = cmp.Compare(lo, uint64(abs(cb)))
	}
	return sa * magnitude
}

// pow10 is 10^n for n ≤ 19.
func pow10(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 10
	}
	return p
}

func sign(n int64) int { return cmp.Compare(n, 0) }

// abs is |n|; n is never math.MinInt64, which has 19 digits.
func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func (v *celDecimal) Add(other ref.Val) ref.Val {
	o, ok := other.(*celDecimal)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return bounded(v.d.Add(o.d))
}

func (v *celDecimal) Subtract(other ref.Val) ref.Val {
	o, ok := other.(*celDecimal)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return bounded(v.d.Sub(o.d))
}

func (v *celDecimal) Multiply(other ref.Val) ref.Val {
	o, ok := other.(*celDecimal)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return bounded(v.d.Mul(o.d))
}

func (v *celDecimal) Negate() ref.Val { return newCELDecimal(v.d.Neg()) }

// bounded returns d as a CEL value, or an error when it has grown past
// maxDecimalDigits digits (or decimal places), which only a custom rule multiplying
// amounts again and again can reach.
func bounded(d decimal.Decimal) ref.Val {
	// Digits of the coefficient, plus the zeros a positive exponent stands for.
	if d.NumDigits()+max(int(d.Exponent()), 0) > maxDecimalDigits || -d.Exponent() > maxDecimalDigits {
		return types.NewErr("intake.Decimal: a result of more than %d digits", maxDecimalDigits)
	}
	return newCELDecimal(d)
}

// decimalLibrary declares intake.Decimal to the type checker:
//
//   - decimal(string) -> intake.Decimal parses an exact decimal ("0.5", "5000000");
//     a malformed string is an evaluation error.
//   - decimal(int) -> intake.Decimal.
//   - string(intake.Decimal) -> string.
//   - <, <=, >, >=, ==, != between two decimals.
//   - +, -, * between two decimals, and unary -: all exact.
//
// There is no division: a quotient such as 1/3 has no exact decimal, and every
// threshold in the letter is written as a product instead (share × total).
// The operator overloads carry no bindings of their own: cel-go dispatches them to the
// Comparer, Adder, Subtractor, Multiplier and Negater traits of the runtime value.
func decimalLibrary() cel.EnvOption {
	dec := celDecimalType
	binary := func(op, id string, result *cel.Type) cel.EnvOption {
		return cel.Function(op, cel.Overload(id, []*cel.Type{dec, dec}, result))
	}
	return cel.Lib(libraryOf(
		binary(operators.Less, "less_decimal", cel.BoolType),
		binary(operators.LessEquals, "less_equals_decimal", cel.BoolType),
		binary(operators.Greater, "greater_decimal", cel.BoolType),
		binary(operators.GreaterEquals, "greater_equals_decimal", cel.BoolType),
		binary(operators.Add, "add_decimal", dec),
		binary(operators.Subtract, "subtract_decimal", dec),
		binary(operators.Multiply, "multiply_decimal", dec),
		cel.Function(operators.Negate, cel.Overload("negate_decimal", []*cel.Type{dec}, dec)),
		cel.Function("decimal",
			cel.Overload(overloadStringToDecimal, []*cel.Type{cel.StringType}, dec,
				cel.UnaryBinding(func(arg ref.Val) ref.Val {
					s := string(arg.(types.String))
					if len(s) > maxDecimalText { // refused unparsed: parsing is superlinear in the digits
						return types.NewErr("decimal: a text of %d bytes is longer than any decimal of at most %d digits", len(s), maxDecimalDigits)
					}
					d, err := decimal.NewFromString(s)
					if err != nil {
						return types.NewErr("decimal: %q is not a decimal number", s)
					}
					return bounded(d)
				})),
			cel.Overload("int_to_decimal", []*cel.Type{cel.IntType}, dec,
				cel.UnaryBinding(func(arg ref.Val) ref.Val {
					return newCELDecimal(decimal.NewFromInt(int64(arg.(types.Int))))
				}))),
		cel.Function(overloadString,
			cel.Overload("decimal_to_string", []*cel.Type{dec}, cel.StringType,
				cel.UnaryBinding(func(arg ref.Val) ref.Val {
					return types.String(arg.(*celDecimal).d.String())
				}))),
	))
}

const overloadString = "string"

// overloadStringToDecimal is decimal(string), which the cost estimators charge by
// the length of its text (see sizeEstimator.EstimateCallCost).
const overloadStringToDecimal = "string_to_decimal"

// maxDecimalText bounds the text decimal(string) parses: room for maxDecimalDigits
// digits with as many leading zeros, a sign, a point and an exponent.
const maxDecimalText = 2*maxDecimalDigits + 16

// foldDecimalLiterals evaluates decimal('0.5') and decimal(0) once, when the program
// is built, instead of on every evaluation: cel-go's own constant folding
// (cel.OptOptimize) covers only the standard type conversions. A literal that is
// not a decimal number is thereby an error at New, naming the criterion, rather
// than at the first evaluation.
func foldDecimalLiterals() cel.ProgramOption {
	return cel.CustomDecoratorV2(func(i interpreter.InterpretableV2) (interpreter.InterpretableV2, error) {
		call, ok := i.(interpreter.InterpretableCall)
		if !ok || call.Function() != "decimal" || len(call.Args()) != 1 {
			return i, nil
		}
		if _, constant := call.Args()[0].(interpreter.InterpretableConst); !constant {
			return i, nil
		}
		frame, err := interpreter.NewExecutionFrame(interpreter.EmptyActivation())
		if err != nil {
			return nil, err
		}
		defer frame.Close()
		val := call.Exec(frame)
		if err, isErr := val.(*types.Err); isErr {
			return nil, err
		}
		return interpreter.NewConstValue(call.ID(), val), nil
	})
}

// library is a cel.Library made of fixed options.
type library []cel.EnvOption

func libraryOf(opts ...cel.EnvOption) library { return library(opts) }

func (l library) CompileOptions() []cel.EnvOption     { return l }
func (l library) ProgramOptions() []cel.ProgramOption { return nil }
