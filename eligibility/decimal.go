package eligibility

import (
	"fmt"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
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
	return types.Bool(ok && v.d.Equal(o.d))
}

func (v *celDecimal) Type() ref.Type { return celDecimalType }
func (v *celDecimal) Value() any     { return v.d }

// Compare implements traits.Comparer, which backs <, <=, > and >=.
func (v *celDecimal) Compare(other ref.Val) ref.Val {
	o, ok := other.(*celDecimal)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return types.Int(v.d.Cmp(o.d))
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
			cel.Overload("string_to_decimal", []*cel.Type{cel.StringType}, dec,
				cel.UnaryBinding(func(arg ref.Val) ref.Val {
					s := string(arg.(types.String))
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

// library is a cel.Library made of fixed options.
type library []cel.EnvOption

func libraryOf(opts ...cel.EnvOption) library { return library(opts) }

func (l library) CompileOptions() []cel.EnvOption     { return l }
func (l library) ProgramOptions() []cel.ProgramOption { return nil }
