package criteria

import (
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// ParameterType is the type of a rule-set parameter, which is also its CEL type.
type ParameterType string

const (
	// DecimalParameter is an exact decimal: an amount in yuan or a ratio. In CEL it is
	// an intake.Decimal, compared and combined exactly.
	DecimalParameter ParameterType = "decimal"
	// IntParameter is a whole number, e.g. a number of years. In CEL it is an int.
	IntParameter ParameterType = "int"
	// StringParameter is a string, e.g. a division-code prefix. In CEL it is a string.
	StringParameter ParameterType = "string"
	// ListParameter is a list of codes, e.g. the carriers. In CEL it is a list(string).
	ListParameter ParameterType = "list"
)

// IsValid reports whether t is one of the defined parameter types.
func (t ParameterType) IsValid() bool {
	switch t {
	case DecimalParameter, IntParameter, StringParameter, ListParameter:
		return true
	}
	return false
}

// Value is the value of a parameter: exactly one of a decimal, an int, a string or a
// list of strings, as its Type says. The zero Value has no type and is invalid in a
// rule set. Values are immutable: the accessors return copies.
type Value struct {
	typ  ParameterType
	dec  decimal.Decimal
	num  int64
	str  string
	list []string
}

// DecimalValue returns a decimal parameter value.
func DecimalValue(d decimal.Decimal) Value { return Value{typ: DecimalParameter, dec: d} }

// IntValue returns an int parameter value.
func IntValue(n int64) Value { return Value{typ: IntParameter, num: n} }

// StringValue returns a string parameter value.
func StringValue(s string) Value { return Value{typ: StringParameter, str: s} }

// ListValue returns a list parameter value holding a copy of codes.
func ListValue(codes ...string) Value {
	return Value{typ: ListParameter, list: slices.Clone(codes)}
}

// Type returns the value's type, or "" for the zero Value.
func (v Value) Type() ParameterType { return v.typ }

// Decimal returns the decimal value and whether v is a decimal.
func (v Value) Decimal() (decimal.Decimal, bool) { return v.dec, v.typ == DecimalParameter }

// Int returns the int value and whether v is an int.
func (v Value) Int() (int64, bool) { return v.num, v.typ == IntParameter }

// Str returns the string value and whether v is a string.
func (v Value) Str() (string, bool) { return v.str, v.typ == StringParameter }

// List returns a copy of the list value and whether v is a list.
func (v Value) List() ([]string, bool) { return slices.Clone(v.list), v.typ == ListParameter }

// Items yields the items of a list value in order, without copying the list as
// List does, and nothing for a value of another type.
func (v Value) Items() iter.Seq[string] {
	return func(yield func(string) bool) {
		if v.typ != ListParameter {
			return
		}
		for _, it := range v.list {
			if !yield(it) {
				return
			}
		}
	}
}

// Equal reports whether v and w have the same type and value; decimals compare by
// value, so 0.5 equals 0.50.
func (v Value) Equal(w Value) bool {
	if v.typ != w.typ {
		return false
	}
	switch v.typ {
	case DecimalParameter:
		return v.dec.Equal(w.dec)
	case IntParameter:
		return v.num == w.num
	case StringParameter:
		return v.str == w.str
	case ListParameter:
		return slices.Equal(v.list, w.list)
	}
	return true
}

// String formats the value for people: decimals in full, lists in brackets.
func (v Value) String() string {
	switch v.typ {
	case DecimalParameter:
		return v.dec.String()
	case IntParameter:
		return strconv.FormatInt(v.num, 10)
	case StringParameter:
		return strconv.Quote(v.str)
	case ListParameter:
		return fmt.Sprint(v.list)
	}
	return "<no value>"
}

// MarshalJSON writes decimals as strings (never JSON numbers, which many decoders read
// as binary floating point), ints as numbers, strings and lists as themselves.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.typ {
	case DecimalParameter:
		return json.Marshal(v.dec.String())
	case IntParameter:
		return json.Marshal(v.num)
	case StringParameter:
		return json.Marshal(v.str)
	case ListParameter:
		return json.Marshal(v.list)
	}
	return []byte("null"), nil
}

// parseValue reads the text form of a value of type t, as written in a rule-set file:
// a decimal or int as its digits, a string as itself; lists are decoded by the caller.
func parseValue(t ParameterType, text string) (Value, error) {
	switch t {
	case DecimalParameter:
		d, err := decimal.NewFromString(text)
		if err != nil {
			return Value{}, fmt.Errorf("%q is not a decimal number", text)
		}
		return DecimalValue(d), nil
	case IntParameter:
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return Value{}, fmt.Errorf("%q is not a whole number", text)
		}
		return IntValue(n), nil
	case StringParameter:
		return StringValue(text), nil
	}
	return Value{}, fmt.Errorf("type %q takes no scalar value", t)
}

// DatedValue is a parameter value and the date it takes effect. The zero From means
// "from the start": the value is in force on every date until the next one.
type DatedValue struct {
	From  Date  `json:"from,omitzero"`
	Value Value `json:"value"`
}

// Parameter is a named policy value that criteria read as params.<name>, so that a
// policy change (a new floor, another carrier) is a parameter edit, never an edit of
// an expression.
//
// A parameter may change over time, OpenFisca-style: Values lists each value with
// the date it takes effect, in date order, and an evaluation uses the value in force
// on its evaluation date.
type Parameter struct {
	// Name is how expressions refer to it: params.<Name>. A CEL identifier.
	Name string `json:"name"`
	// Type is the parameter's type; every value must have it.
	Type ParameterType `json:"type"`
	// Values are the parameter's values in date order, each from its From date until
	// the next one's. At least one is required; only the first may have a zero From.
	Values []DatedValue `json:"values"`
	// Unit names the unit of a quantity ("yuan", "ratio", "years"), or is empty.
	Unit string `json:"unit,omitempty"`
	// Ref cites the clause the value comes from, e.g. "一(一)4".
	Ref string `json:"ref"`
	// Label is a short name for explanations ("总投资下限" / "floor on total
	// investment"); the Name stands in where it is empty.
	Label Text `json:"label,omitzero"`
	// Description says what the value is, in Chinese and English.
	Description Text `json:"description"`
	// Codes names the code list a list or string parameter holds ("carrier",
	// "reportingUnit" …; see [CodeLists]), so that the words a person reads name
	// each code (中国移动, 长春市) instead of printing it. Empty: the values are
	// shown as written, quoted.
	Codes string `json:"codes,omitempty"`
	// Letter is the value the letter itself states ("不小于500万元": 5000000), when it
	// states one. A rule set whose value in force differs says so in each result
	// that reads it ([Parameter.Adjustment]). A parameter a variant adds has none:
	// there is nothing to compare.
	Letter Value `json:"letter,omitzero"`
	// Min and Max, when set, bound every value of a decimal or int parameter, both
	// inclusive: a share lies within 0..1, a look-back within 1..100 years, an amount
	// is not negative. A value outside is refused wherever it is set (Parse, Derive,
	// SetParameter), so that a typo such as "1.6" for a share, or a look-back so long
	// that date arithmetic cannot follow, never reaches a verdict.
	Min *decimal.Decimal `json:"min,omitempty"`
	Max *decimal.Decimal `json:"max,omitempty"`
}

// CheckValue returns nil when v may be a value of p: it has p's type and lies
// within p's declared range. Otherwise the error says which bound it breaks.
func (p *Parameter) CheckValue(v Value) error {
	if v.typ != p.Type {
		return fmt.Errorf("a value of type %q is required", p.Type)
	}
	var d decimal.Decimal
	switch v.typ {
	case DecimalParameter:
		d = v.dec
	case IntParameter:
		d = decimal.NewFromInt(v.num)
	default:
		return nil
	}
	switch {
	case p.Min != nil && d.LessThan(*p.Min):
		return fmt.Errorf("%s is below the parameter's minimum %s", v, p.Min)
	case p.Max != nil && d.GreaterThan(*p.Max):
		return fmt.Errorf("%s is above the parameter's maximum %s", v, p.Max)
	}
	return nil
}

// ValueAt returns the value in force on date d. It reports false when d is before
// the parameter's first value.
func (p *Parameter) ValueAt(d Date) (DatedValue, bool) {
	// The last value whose From is not after d; values are few, so a scan is best.
	for i := len(p.Values) - 1; i >= 0; i-- {
		if !p.Values[i].From.After(d) {
			return p.Values[i], true
		}
	}
	return DatedValue{}, false
}

func (p *Parameter) validate(problems *Problems, path string) {
	if !validIdent(p.Name) {
		problems.Add(path+".name", "%q is not a CEL identifier", p.Name)
	}
	if !p.Type.IsValid() {
		problems.Add(path+".type", "%q is not one of decimal, int, string, list", string(p.Type))
	}
	if len(p.Values) == 0 {
		problems.Add(path+".values", "at least one value is required")
	}
	ranged := p.Type == DecimalParameter || p.Type == IntParameter
	if !ranged && (p.Min != nil || p.Max != nil) && p.Type.IsValid() {
		problems.Add(path, "min and max bound decimal and int parameters only, not a %s", p.Type)
	}
	if p.Min != nil && p.Max != nil && p.Min.GreaterThan(*p.Max) {
		problems.Add(path+".min", "%s is above max %s", p.Min, p.Max)
	}
	if p.Type == IntParameter {
		for _, b := range []struct {
			field string
			d     *decimal.Decimal
		}{{"min", p.Min}, {"max", p.Max}} {
			if b.d != nil && !b.d.IsInteger() {
				problems.Add(path+"."+b.field, "%s is not a whole number, as an int parameter's bound must be", b.d)
			}
		}
	}
	for i, v := range p.Values {
		vpath := fmt.Sprintf("%s.values[%d]", path, i)
		if p.Type.IsValid() && v.Value.typ != p.Type {
			problems.Add(vpath+".value", "a value of type %q is required", p.Type)
		} else if err := p.CheckValue(v.Value); err != nil {
			problems.AddErr(vpath+".value", err)
		}
		if err := v.From.Check(); err != nil {
			problems.AddErr(vpath+".from", err)
		}
		if l, ok := v.Value.List(); ok {
			// A verdict writes a list's codes joined by ", " (Input.Value), and
			// explanations read them back from it. One problem per value, naming the
			// first bad code, however long the list.
			bad := slices.IndexFunc(l, func(code string) bool { return code == "" || strings.Contains(code, ",") })
			if bad >= 0 {
				more := ""
				if n := countFunc(l, func(code string) bool { return code == "" || strings.Contains(code, ",") }); n > 1 {
					more = fmt.Sprintf(" (and %d more)", n-1)
				}
				problems.Add(fmt.Sprintf("%s.value[%d]", vpath, bad), "%q is not a code: a code is not empty and holds no comma%s", truncateText(l[bad]), more)
			}
		}
		if i > 0 && !v.From.After(p.Values[i-1].From) {
			problems.Add(vpath+".from", "must be a date after the previous value's (%s)", dateOrStart(p.Values[i-1].From))
		}
	}
	if p.Ref == "" {
		problems.Add(path+".ref", "required")
	}
	if p.Letter.typ != "" && p.Type.IsValid() && p.Letter.typ != p.Type {
		problems.Add(path+".letter", "a value of type %q is required", p.Type)
	}
	if p.Codes != "" {
		if _, ok := codeLists[p.Codes]; !ok {
			problems.Add(path+".codes", "%q is not a code list; known: %s", p.Codes, strings.Join(CodeLists(), ", "))
		} else if p.Type != ListParameter && p.Type != StringParameter {
			problems.Add(path+".codes", "only a list or string parameter holds codes")
		}
	}
	if p.Description.Zh == "" {
		problems.Add(path+".description.zh", "required")
	}
	if p.Description.En == "" {
		problems.Add(path+".description.en", "required")
	}
}

func dateOrStart(d Date) string {
	if d.IsZero() {
		return "the start"
	}
	return d.String()
}

func validIdent(s string) bool {
	if s == "" || !(isLetter(s[0]) || s[0] == '_') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '_' {
			return false
		}
	}
	return true
}

// ValueFromJSON reads a value of type t from its JSON form as MarshalJSON writes it;
// a decimal may also be a JSON number, read exactly from its digits.
func ValueFromJSON(t ParameterType, data []byte) (Value, error) {
	var err error
	switch t {
	case DecimalParameter:
		var d decimal.Decimal
		if err = d.UnmarshalJSON(data); err == nil {
			return DecimalValue(d), nil
		}
	case IntParameter:
		var n int64
		if err = json.Unmarshal(data, &n); err == nil {
			return IntValue(n), nil
		}
	case StringParameter:
		var s string
		if err = json.Unmarshal(data, &s); err == nil {
			return StringValue(s), nil
		}
	case ListParameter:
		var l []string
		if err = json.Unmarshal(data, &l); err == nil {
			return ListValue(l...), nil
		}
	default:
		err = fmt.Errorf("unknown parameter type %q", t)
	}
	return Value{}, fmt.Errorf("criteria: reading a %s value: %w", t, err)
}

func countFunc(l []string, f func(string) bool) int {
	n := 0
	for _, s := range l {
		if f(s) {
			n++
		}
	}
	return n
}

// truncateText keeps an error message short whatever the code's length.
func truncateText(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
