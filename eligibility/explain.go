package eligibility

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

// Input is one fact, finding or parameter a criterion read, with the value it had.
// Together with the criterion's requirement they explain the outcome; see
// [Result.Explanation].
type Input struct {
	// Name is what the expression read: a record fact by its CEL path
	// ("investment.total", as in the record's JSON), "findings.<ID>",
	// "params.<name>" or "asOf".
	Name string `json:"name"`
	// Label names it in domain words.
	Label criteria.Text `json:"label"`
	// Value is the value in full (amounts with every digit, dates YYYY-MM-DD, lists
	// joined by ", "); empty when Missing.
	Value string `json:"value,omitempty"`
	// Unit is "yuan" for amounts and a parameter's unit otherwise, or empty.
	Unit string `json:"unit,omitempty"`
	// Missing says the record does not state the fact, or no finding was given.
	Missing bool `json:"missing,omitempty"`
	// By, On and Note echo a reviewer's finding: who gave it, when and why.
	By   string `json:"by,omitempty"`
	On   Date   `json:"on,omitzero"`
	Note string `json:"note,omitempty"`
}

type inputKind uint8

const (
	inputFact inputKind = iota
	inputFinding
	inputParam
	inputAsOf
)

// inputDef is an input resolved when the engine is built, so an evaluation only
// reads values.
type inputDef struct {
	kind  inputKind
	index int    // schema fact, or parameter
	id    string // finding criterion
	name  string
	label criteria.Text
	unit  string
}

// inputDefs resolves what an expression pair reads, in a stable order: record facts
// in schema order, findings, parameters, then the evaluation date.
func (e *Engine) inputDefs(r refs) []inputDef {
	var defs []inputDef
	for _, i := range r.facts {
		f := &schema[i]
		d := inputDef{kind: inputFact, index: i, name: f.path, label: criteria.Text{Zh: f.name.zh, En: f.name.en}}
		if f.typ == celDecimalType {
			d.unit = "yuan"
		}
		defs = append(defs, d)
	}
	for _, id := range r.findings {
		defs = append(defs, inputDef{kind: inputFinding, id: id, name: "findings." + id,
			label: criteria.Text{Zh: "评审意见（" + id + "）", En: "reviewer's finding on " + id}})
	}
	for _, name := range r.params {
		i := slices.IndexFunc(e.rules.Parameters, func(p criteria.Parameter) bool { return p.Name == name })
		p := &e.rules.Parameters[i]
		label := p.Label
		if label.IsZero() {
			label = criteria.Text{Zh: p.Name, En: p.Name}
		}
		defs = append(defs, inputDef{kind: inputParam, index: i, name: "params." + name, label: label, unit: p.Unit})
	}
	if r.asOf {
		defs = append(defs, inputDef{kind: inputAsOf, name: varAsOf, label: criteria.Text{Zh: "评估日", En: "evaluation date"}})
	}
	return defs
}

// inputs fills the inputs of one result into buf.
func (r *record) inputs(defs []inputDef, ep *epoch, asOf string, buf []Input) []Input {
	for _, d := range defs {
		in := Input{Name: d.name, Label: d.label, Unit: d.unit}
		switch d.kind {
		case inputFact:
			in.Value, in.Missing = r.shown(d.index)
		case inputFinding:
			f, ok := r.in.p.Findings[d.id]
			if !ok || f.Met == nil {
				in.Missing = true
			} else {
				in.Value = strconv.FormatBool(*f.Met)
				in.By, in.On, in.Note = f.By, f.On, f.Note
			}
		case inputParam:
			in.Value = ep.shown[d.index]
		case inputAsOf:
			in.Value = asOf
		}
		buf = append(buf, in)
	}
	return buf
}

// display writes a fact's CEL value in full.
func display(v ref.Val) string {
	switch v := v.(type) {
	case types.String:
		return string(v)
	case types.Bool:
		return strconv.FormatBool(bool(v))
	case types.Int:
		return strconv.FormatInt(int64(v), 10)
	case *celDecimal:
		return formatDecimal(v.d)
	case types.Timestamp:
		return criteria.DateOf(v.Time).String()
	case traits.Lister:
		n := int(v.Size().(types.Int))
		parts := make([]string, n)
		for i := range n {
			switch e := v.Get(types.Int(i)).(type) {
			case types.String:
				parts[i] = string(e)
			case *object:
				return strconv.Itoa(n) // incidents: the count; the records are in the input
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// shown returns fact i written out, or missing; several criteria read the same
// facts, so each is written once per record.
func (r *record) shown(i int) (value string, missing bool) {
	v := r.fact(i)
	if types.IsUnknown(v) {
		return "", true
	}
	if r.display == nil {
		r.display = make([]string, len(schema))
	}
	if r.display[i] == "" {
		r.display[i] = display(v)
	}
	return r.display[i], false
}

// formatDecimal writes d as decimal.Decimal.String does (no exponent, no trailing
// fractional zeros).
func formatDecimal(d decimal.Decimal) string {
	var buf [64]byte
	return string(appendDecimal(buf[:0], d))
}

// appendDecimal appends d as decimal.Decimal.String writes it, without going through
// big.Int for the amounts whose value has at most 18 digits, which is every amount a
// project states: String allocates four times per amount, and the project hash and
// the verdict's inputs write every amount of every record. Amounts built as
// decimal.New(5, 6) (5,000,000 stated in units of a million) have a positive exponent.
func appendDecimal(b []byte, d decimal.Decimal) []byte {
	exp := int(d.Exponent())
	if exp < -18 || d.NumDigits()+max(exp, 0) > 18 {
		return append(b, d.String()...)
	}
	var buf [24]byte
	digits := strconv.AppendInt(buf[:0], d.CoefficientInt64(), 10)
	neg := digits[0] == '-'
	if neg {
		digits = digits[1:]
	}
	if exp > 0 && string(digits) != "0" {
		digits = append(digits, "000000000000000000"[:exp]...)
	}
	whole, frac := digits, []byte(nil)
	if scale := int(-d.Exponent()); scale > 0 {
		if len(digits) > scale {
			whole, frac = digits[:len(digits)-scale], digits[len(digits)-scale:]
		} else {
			whole = nil
			frac = append(make([]byte, 0, 24), "000000000000000000"[:scale-len(digits)]...)
			frac = append(frac, digits...)
		}
	}
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if len(whole) == 0 {
		whole = []byte{'0'}
	}
	if neg && !(len(frac) == 0 && string(whole) == "0") {
		b = append(b, '-')
	}
	b = append(b, whole...)
	if len(frac) > 0 {
		b = append(b, '.')
		b = append(b, frac...)
	}
	return b
}

// Explanation says in a sentence, in Chinese and English, what the criterion
// requires, the values it read and the outcome, e.g.
//
//	一(一)4 要求：项目总投资额度不小于500万元（含500万元）。总投资 4,999,999.99 元；总投资下限 5,000,000 元。结论：不符合。
//
// It is built from the result's own fields when asked for (and when the verdict is
// marshalled), so evaluation does not pay for strings nobody reads.
func (r *Result) Explanation() criteria.Text {
	var zh, en strings.Builder
	zh.WriteString(r.Ref + " 要求：" + r.Requirement.Zh + "。")
	en.WriteString(r.Ref + " requires: " + r.Requirement.En + ".")
	for i, in := range r.Inputs {
		if i == 0 {
			zh.WriteString("依据：")
			en.WriteString(" Read: ")
		} else {
			zh.WriteString("；")
			en.WriteString("; ")
		}
		writeInput(&zh, &en, &in)
	}
	if len(r.Inputs) > 0 {
		zh.WriteString("。")
		en.WriteString(".")
	}
	word := r.Outcome.Words()
	if r.Outcome == Fail && r.Strength == criteria.Encouraged {
		word = criteria.Text{Zh: "未达到鼓励条件（建议，不影响结论）", En: "not met (advisory; does not affect the decision)"}
	}
	zh.WriteString("结论：" + word.Zh + "。")
	en.WriteString(" Outcome: " + word.En + ".")
	return criteria.Text{Zh: zh.String(), En: en.String()}
}

func writeInput(zh, en *strings.Builder, in *Input) {
	zh.WriteString(in.Label.Zh)
	en.WriteString(in.Label.En)
	if in.Missing {
		zh.WriteString(" 未填报")
		en.WriteString(" not stated")
		return
	}
	value, unitZh, unitEn := in.Value, "", ""
	switch {
	case strings.HasPrefix(in.Name, "findings."):
		value = map[string]string{"true": "认定符合", "false": "认定不符合"}[in.Value]
		enValue := map[string]string{"true": "met", "false": "not met"}[in.Value]
		zh.WriteString(" " + value)
		en.WriteString(" " + enValue)
		if in.By != "" || !in.On.IsZero() {
			zh.WriteString("（" + strings.TrimSpace(in.By+" "+in.On.String()) + "）")
			en.WriteString(" (" + strings.TrimSpace(in.By+" "+in.On.String()) + ")")
		}
		return
	case in.Unit == "yuan":
		value, unitZh, unitEn = groupDigits(in.Value), " 元", " yuan"
	case in.Unit == "years":
		unitZh, unitEn = " 年", " years"
	case in.Unit == "ratio":
		if d, err := decimal.NewFromString(in.Value); err == nil {
			pct := d.Shift(2).String() + "%"
			zh.WriteString(" " + in.Value + "（即 " + pct + "）")
			en.WriteString(" " + in.Value + " (" + pct + ")")
			return
		}
	case codeNames[in.Name] != nil:
		if names := codeNames[in.Name](in.Value); !names.IsZero() {
			zh.WriteString(" " + names.Zh)
			en.WriteString(" " + names.En)
			return
		}
	case in.Value == "true":
		zh.WriteString(" 是")
		en.WriteString(" yes")
		return
	case in.Value == "false":
		zh.WriteString(" 否")
		en.WriteString(" no")
		return
	}
	zh.WriteString(" " + value + unitZh)
	en.WriteString(" " + value + unitEn)
}

// codeNames gives the names of the enum codes a fact may hold, for sentences.
var codeNames = map[string]func(string) criteria.Text{
	"category":                 names[category.Category],
	"subtype":                  names[category.Subtype],
	"stage":                    names[category.Stage],
	"reportingUnit":            names[category.ReportingUnit],
	"applicant.legalForm":      names[category.LegalForm],
	"applicant.enterpriseKind": names[category.EnterpriseKind],
	"applicant.carrier":        names[category.Carrier],
}

func names[T interface {
	~string
	Chinese() string
	English() string
}](code string) criteria.Text {
	v := T(code)
	return criteria.Text{Zh: v.Chinese(), En: v.English()}
}

// groupDigits writes an amount with thousands separators: 4999999.99 → 4,999,999.99.
func groupDigits(s string) string {
	if _, err := decimal.NewFromString(s); err != nil {
		return s
	}
	sign, whole, frac := "", s, ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	if i := strings.IndexByte(whole, '.'); i >= 0 {
		whole, frac = whole[:i], whole[i:]
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + frac
}

// resultJSON is Result's JSON form: its fields plus the explanation, which is
// derived and therefore written (marshal.go) but never read back.
type resultJSON struct {
	resultFields
	Explanation *criteria.Text `json:"explanation,omitempty"`
}

type resultFields Result

// UnmarshalJSON reads a stored result; the explanation is derived again on demand.
func (r *Result) UnmarshalJSON(data []byte) error {
	var j resultJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*r = Result(j.resultFields)
	return nil
}
