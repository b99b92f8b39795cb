package eligibility

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jilin761/intake/criteria"
)

// VerdictForm selects the JSON form of a verdict written by [Verdict.AppendJSON].
type VerdictForm uint8

const (
	// Full is the verdict as json.Marshal writes it: every result with its clause,
	// strength, basis, requirement, inputs (with their labels and units), missing
	// paths, message and explanation.
	Full VerdictForm = iota
	// Compact is the form for storage and the wire. It leaves out what a reader can
	// recompute, and nothing else:
	//
	//   - a not-applicable result is its id and outcome only: its clause, requirement,
	//     message and the inputs of its appliesWhen are the rule set's (named by
	//     ruleSet and provenance.ruleSetHash), and re-evaluating the project
	//     (provenance.projectHash) gives them back;
	//   - every result leaves out its ref, strength, basis and requirement, which the
	//     rule set fixes for the criterion's id, and its explanation, which
	//     [Result.Explanation] derives from the other fields;
	//   - every input leaves out its label, unit and code list (codes), which the
	//     input's name fixes.
	//
	// The verdict's own members (decision, ID lists, parameters, provenance) are
	// those of the full form, and every result keeps its outcome, inputs' values
	// and items, missing paths, message and adjustments. The adjustments stay
	// although the rule set fixes them too: they qualify the message (a threshold
	// that departs from the letter's), which is kept so that a verdict reads without
	// its rule set, and under the letter's own values there are none to write. It reads back into a Verdict with json.Unmarshal,
	// the left-out fields zero. verdict.schema.json describes it under $defs as
	// CompactVerdict.
	Compact
)

// AppendJSON appends the verdict's JSON in the given form to dst and returns the
// extended buffer. The full form is byte for byte what json.Marshal writes, without
// its reflection and its second pass over the output. It escapes every text it
// writes; [Engine.AppendVerdict] writes the same bytes about four times as fast,
// copying the rule set's words as the engine escaped them, and is the writer for a
// service or a batch job, into a buffer it reuses.
func (v *Verdict) AppendJSON(dst []byte, form VerdictForm) ([]byte, error) {
	if form > Compact {
		return dst, errUnknownForm(form)
	}
	return verdictEncoder.append(dst, v, form)
}

// MarshalJSON writes the verdict with every result's explanation: the full form of
// [Verdict.AppendJSON].
func (v Verdict) MarshalJSON() ([]byte, error) {
	return verdictEncoder.append(make([]byte, 0, 64<<10), &v, Full)
}

// MarshalJSON writes the result with its explanation, as it appears in a verdict's
// full form.
func (r Result) MarshalJSON() ([]byte, error) {
	return resultEncoder.append(nil, &r, Full)
}

// The encoders write a verdict's JSON from a plan made once per type by reflection:
// each member in struct-field order, its key pre-quoted, its omitempty or omitzero
// test, and a writer. The writers of the fields known here read the field directly;
// a field added to a type without a writer here is written by encoding/json (the
// fallback in plan), so the output stays what json.Marshal would write while
// TestMarshalPlansAreFast points at the missing writer.
var (
	parameterEncoder  = plan[ParameterValue](parameterWriters)
	provenanceEncoder = plan[Provenance](provenanceWriters)
	inputEncoder      = plan[Input](inputWriters)
	resultEncoder     = plan[Result](resultWriters)
	verdictEncoder    = plan[Verdict](verdictWriters)
)

// encoder writes a struct type T as JSON.
type encoder[T any] struct {
	members []jsonMember[T]
	// extra writes members beyond T's fields, after them (Result's explanation).
	extra func(dst []byte, t *T, form VerdictForm) ([]byte, error)
	// bare reports whether the compact form writes only the members marked bare
	// (a not-applicable result's id and outcome).
	bare func(*T) bool
	// direct, when set, writes T in one function instead of member by member: the
	// plan's output, for the hottest type, without a call per member.
	direct func(dst []byte, t *T, form VerdictForm) []byte
}

// jsonMember is one field of T in its JSON form.
type jsonMember[T any] struct {
	goName string
	key    string // `"name":`
	// omit reports whether the field is left out under omitempty or omitzero; nil
	// when it is always written.
	omit func(*T) bool
	put  func(dst []byte, t *T, form VerdictForm) ([]byte, error)
	// generic says the field is written by encoding/json, for want of a writer here.
	generic bool
	// compact says the compact form writes the member; bare, that it writes it even
	// when the value is bare.
	compact, bare bool
}

// writer is the writer of a known field: empty says what omitempty and omitzero
// leave out.
type writer[T any] struct {
	empty func(*T) bool
	put   func(dst []byte, t *T, form VerdictForm) ([]byte, error)
}

// compactOmits lists the members the compact form leaves out, and compactBare those
// it keeps of a bare value (see Compact).
var (
	compactOmits = map[string]bool{
		"Result.Ref": true, "Result.Strength": true, "Result.Basis": true, "Result.Requirement": true,
		"Input.Label": true, "Input.Unit": true, "Input.Codes": true,
	}
	compactBare = map[string]bool{"Result.ID": true, "Result.Outcome": true}
)

func plan[T any](known map[string]writer[T]) *encoder[T] {
	t := reflect.TypeFor[T]()
	enc := &encoder[T]{}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if !sf.IsExported() || name == "-" && opts == "" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		omitEmpty, omitZero := false, false
		for o := range strings.SplitSeq(opts, ",") {
			omitEmpty = omitEmpty || o == "omitempty"
			omitZero = omitZero || o == "omitzero"
		}
		goName := t.Name() + "." + sf.Name
		m := jsonMember[T]{goName: goName, key: string(appendString(nil, name)) + ":",
			compact: !compactOmits[goName], bare: compactBare[goName]}
		if f, ok := known[sf.Name]; ok {
			m.put = f.put
			if omitEmpty || omitZero {
				m.omit = f.empty
			}
		} else {
			m.generic = true
			m.put = func(dst []byte, t *T, _ VerdictForm) ([]byte, error) {
				b, err := json.Marshal(reflect.ValueOf(t).Elem().Field(i).Interface())
				return append(dst, b...), err
			}
			if omitEmpty || omitZero {
				m.omit = func(t *T) bool {
					fv := reflect.ValueOf(t).Elem().Field(i)
					return omitZero && isZero(fv) || omitEmpty && isEmpty(fv)
				}
			}
		}
		enc.members = append(enc.members, m)
	}
	return enc
}

func (enc *encoder[T]) append(dst []byte, t *T, form VerdictForm) ([]byte, error) {
	if enc.direct != nil {
		return enc.direct(dst, t, form), nil
	}
	dst = append(dst, '{')
	first := true
	var err error
	bare := form == Compact && enc.bare != nil && enc.bare(t)
	for i := range enc.members {
		m := &enc.members[i]
		if m.omit != nil && m.omit(t) || form == Compact && !m.compact || bare && !m.bare {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(dst, m.key...)
		if dst, err = m.put(dst, t, form); err != nil {
			return dst, err
		}
	}
	if enc.extra != nil {
		if dst, err = enc.extra(dst, t, form); err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// isEmpty is encoding/json's omitempty test.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// isZero is encoding/json's omitzero test: an IsZero method if the type has one.
func isZero(v reflect.Value) bool {
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		return z.IsZero()
	}
	return v.IsZero()
}

func putString(dst []byte, s string) ([]byte, error) { return appendString(dst, s), nil }

// putText writes a value with a MarshalText method as encoding/json does.
func putText(dst []byte, m encoding.TextMarshaler) ([]byte, error) {
	b, err := m.MarshalText()
	if err != nil {
		return dst, &json.MarshalerError{Type: reflect.TypeOf(m), Err: err}
	}
	return appendString(dst, string(b)), nil
}

// putCode writes a code of the category package as its MarshalText does: a valid
// code, or none, as it is; anything else by MarshalText, which refuses it.
func putCode[T interface {
	~string
	IsValid() bool
	encoding.TextMarshaler
}](dst []byte, c T) ([]byte, error) {
	if c == "" || c.IsValid() {
		return appendString(dst, string(c)), nil
	}
	return putText(dst, c)
}

// putDate writes a date as Date.MarshalText does, without its two allocations.
func putDate(dst []byte, d Date) []byte {
	dst = append(dst, '"')
	return append(appendDate(dst, d), '"')
}

// appendDate writes d as Date.String does.
func appendDate(dst []byte, d Date) []byte {
	if d.IsZero() || d.Check() != nil {
		// Date.String normalises a date that is none (2020-13-40 is 2021-02-09).
		return append(dst, d.String()...)
	}
	dst = appendPadded(dst, d.Year, 4)
	dst = append(dst, '-')
	dst = appendPadded(dst, int(d.Month), 2)
	dst = append(dst, '-')
	return appendPadded(dst, d.Day, 2)
}

// appendPadded writes n with at least width digits, as time.Format writes a year,
// month and day.
func appendPadded(dst []byte, n, width int) []byte {
	var buf [4]byte
	s := strconv.AppendInt(buf[:0], int64(n), 10)
	for range width - len(s) {
		dst = append(dst, '0')
	}
	return append(dst, s...)
}

func putStrings(dst []byte, list []string) []byte {
	if list == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, s)
	}
	return append(dst, ']')
}

// putTextPair writes a criteria.Text. Its fields are listed here rather than
// planned: it is a leaf of every result, and its form is its own package's.
func putTextPair(dst []byte, t criteria.Text) []byte {
	dst = append(dst, `{"zh":`...)
	dst = appendString(dst, t.Zh)
	dst = append(dst, `,"en":`...)
	dst = appendString(dst, t.En)
	return append(dst, '}')
}

func putTextPairs(dst []byte, list []criteria.Text) []byte {
	if list == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, t := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = putTextPair(dst, t)
	}
	return append(dst, ']')
}

func putSlice[T any](dst []byte, list []T, enc *encoder[T], form VerdictForm) ([]byte, error) {
	if list == nil {
		return append(dst, "null"...), nil
	}
	dst = append(dst, '[')
	var err error
	for i := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		if dst, err = enc.append(dst, &list[i], form); err != nil {
			return dst, err
		}
	}
	return append(dst, ']'), nil
}

var verdictWriters = map[string]writer[Verdict]{
	"ProjectID": {func(v *Verdict) bool { return v.ProjectID == "" },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putString(dst, v.ProjectID) }},
	"ProjectName": {func(v *Verdict) bool { return v.ProjectName == "" },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putString(dst, v.ProjectName) }},
	"Decision": {func(v *Verdict) bool { return v.Decision == "" },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putString(dst, string(v.Decision)) }},
	"Category": {func(v *Verdict) bool { return v.Category == "" },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putCode(dst, v.Category) }},
	"Subtype": {func(v *Verdict) bool { return v.Subtype == "" },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putCode(dst, v.Subtype) }},
	"ConfirmingAuthority": {func(v *Verdict) bool { return v.ConfirmingAuthority == "" },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) {
			return putCode(dst, v.ConfirmingAuthority)
		}},
	"Channel": {func(v *Verdict) bool { return v.Channel == "" },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putCode(dst, v.Channel) }},
	"RuleSet": {func(v *Verdict) bool { return v.RuleSet == "" },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putString(dst, v.RuleSet) }},
	"Document": {func(v *Verdict) bool { return v.Document == "" },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putString(dst, v.Document) }},
	"AsOf": {func(v *Verdict) bool { return v.AsOf.IsZero() },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putDate(dst, v.AsOf), nil }},
	"Parameters": {func(v *Verdict) bool { return len(v.Parameters) == 0 },
		func(dst []byte, v *Verdict, form VerdictForm) ([]byte, error) {
			return putSlice(dst, v.Parameters, parameterEncoder, form)
		}},
	"Provenance": {func(v *Verdict) bool { return v.Provenance == Provenance{} },
		func(dst []byte, v *Verdict, form VerdictForm) ([]byte, error) {
			return provenanceEncoder.append(dst, &v.Provenance, form)
		}},
	"Failing": {func(v *Verdict) bool { return len(v.Failing) == 0 },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putStrings(dst, v.Failing), nil }},
	"Undetermined": {func(v *Verdict) bool { return len(v.Undetermined) == 0 },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) {
			return putStrings(dst, v.Undetermined), nil
		}},
	"Advisories": {func(v *Verdict) bool { return len(v.Advisories) == 0 },
		func(dst []byte, v *Verdict, _ VerdictForm) ([]byte, error) { return putStrings(dst, v.Advisories), nil }},
	"Results": {func(v *Verdict) bool { return len(v.Results) == 0 },
		func(dst []byte, v *Verdict, form VerdictForm) ([]byte, error) {
			return appendResults(dst, v.Results, form, nil)
		}},
}

var parameterWriters = map[string]writer[ParameterValue]{
	"Name": {func(p *ParameterValue) bool { return p.Name == "" },
		func(dst []byte, p *ParameterValue, _ VerdictForm) ([]byte, error) { return putString(dst, p.Name) }},
	"Type": {func(p *ParameterValue) bool { return p.Type == "" },
		func(dst []byte, p *ParameterValue, _ VerdictForm) ([]byte, error) {
			return putString(dst, string(p.Type))
		}},
	"Value": {nil, func(dst []byte, p *ParameterValue, _ VerdictForm) ([]byte, error) { return putValue(dst, p.Value) }},
	"From": {func(p *ParameterValue) bool { return p.From.IsZero() },
		func(dst []byte, p *ParameterValue, _ VerdictForm) ([]byte, error) { return putDate(dst, p.From), nil }},
}

// appendParameter writes a parameter's value as ParameterValue's plan does.
func appendParameter(dst []byte, p *ParameterValue, _ VerdictForm) []byte {
	dst = append(dst, `{"name":`...)
	dst = appendString(dst, p.Name)
	dst = append(dst, `,"type":`...)
	dst = appendString(dst, string(p.Type))
	dst = append(dst, `,"value":`...)
	dst, _ = putValue(dst, p.Value)
	if !p.From.IsZero() {
		dst = append(dst, `,"from":`...)
		dst = putDate(dst, p.From)
	}
	return append(dst, '}')
}

// putValue writes a parameter's value as criteria.Value.MarshalJSON does.
func putValue(dst []byte, v criteria.Value) ([]byte, error) {
	switch v.Type() {
	case criteria.DecimalParameter:
		d, _ := v.Decimal()
		dst = append(dst, '"')
		dst = appendDecimal(dst, d)
		return append(dst, '"'), nil
	case criteria.IntParameter:
		n, _ := v.Int()
		return strconv.AppendInt(dst, n, 10), nil
	case criteria.StringParameter:
		s, _ := v.Str()
		return appendString(dst, s), nil
	}
	if v.Type() == criteria.ListParameter {
		mark := len(dst)
		dst = append(dst, '[')
		n := 0
		for it := range v.Items() {
			if n > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, it)
			n++
		}
		if n == 0 {
			if list, _ := v.List(); list == nil {
				return append(dst[:mark], "null"...), nil // as encoding/json writes a nil slice
			}
		}
		return append(dst, ']'), nil
	}
	return append(dst, "null"...), nil
}

var provenanceWriters = map[string]writer[Provenance]{
	"Library": {func(p *Provenance) bool { return p.Library == "" },
		func(dst []byte, p *Provenance, _ VerdictForm) ([]byte, error) { return putString(dst, p.Library) }},
	"Version": {func(p *Provenance) bool { return p.Version == "" },
		func(dst []byte, p *Provenance, _ VerdictForm) ([]byte, error) { return putString(dst, p.Version) }},
	"RuleSetHash": {func(p *Provenance) bool { return p.RuleSetHash == "" },
		func(dst []byte, p *Provenance, _ VerdictForm) ([]byte, error) { return putString(dst, p.RuleSetHash) }},
	"ProjectHash": {func(p *Provenance) bool { return p.ProjectHash == "" },
		func(dst []byte, p *Provenance, _ VerdictForm) ([]byte, error) { return putString(dst, p.ProjectHash) }},
}

var resultWriters = map[string]writer[Result]{
	"ID": {func(r *Result) bool { return r.ID == "" },
		func(dst []byte, r *Result, _ VerdictForm) ([]byte, error) { return putString(dst, r.ID) }},
	"Ref": {func(r *Result) bool { return r.Ref == "" },
		func(dst []byte, r *Result, _ VerdictForm) ([]byte, error) { return putString(dst, r.Ref) }},
	"Strength": {func(r *Result) bool { return r.Strength == "" },
		func(dst []byte, r *Result, _ VerdictForm) ([]byte, error) { return putString(dst, string(r.Strength)) }},
	"Basis": {func(r *Result) bool { return r.Basis == "" },
		func(dst []byte, r *Result, _ VerdictForm) ([]byte, error) { return putString(dst, string(r.Basis)) }},
	"Requirement": {func(r *Result) bool { return r.Requirement == criteria.Text{} },
		func(dst []byte, r *Result, _ VerdictForm) ([]byte, error) {
			return putTextPair(dst, r.Requirement), nil
		}},
	"Outcome": {func(r *Result) bool { return r.Outcome == "" },
		func(dst []byte, r *Result, _ VerdictForm) ([]byte, error) { return putString(dst, string(r.Outcome)) }},
	"Inputs": {func(r *Result) bool { return len(r.Inputs) == 0 },
		func(dst []byte, r *Result, form VerdictForm) ([]byte, error) {
			return putSlice(dst, r.Inputs, inputEncoder, form)
		}},
	"Missing": {func(r *Result) bool { return len(r.Missing) == 0 },
		func(dst []byte, r *Result, _ VerdictForm) ([]byte, error) { return putStrings(dst, r.Missing), nil }},
	"Message": {func(r *Result) bool { return r.Message == criteria.Text{} },
		func(dst []byte, r *Result, _ VerdictForm) ([]byte, error) { return putTextPair(dst, r.Message), nil }},
	"Adjustments": {func(r *Result) bool { return len(r.Adjustments) == 0 },
		func(dst []byte, r *Result, _ VerdictForm) ([]byte, error) {
			return putTextPairs(dst, r.Adjustments), nil
		}},
}

var inputWriters = map[string]writer[Input]{
	"Name": {func(in *Input) bool { return in.Name == "" },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) { return putString(dst, in.Name) }},
	"Label": {func(in *Input) bool { return in.Label == criteria.Text{} },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) { return putTextPair(dst, in.Label), nil }},
	"Value": {func(in *Input) bool { return in.Value == "" },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) { return putString(dst, in.Value) }},
	"Items": {func(in *Input) bool { return len(in.Items) == 0 },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) { return putStrings(dst, in.Items), nil }},
	"ItemCount": {func(in *Input) bool { return in.ItemCount == 0 },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) {
			return strconv.AppendInt(dst, int64(in.ItemCount), 10), nil
		}},
	"Codes": {func(in *Input) bool { return in.Codes == "" },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) { return putString(dst, in.Codes) }},
	"Unit": {func(in *Input) bool { return in.Unit == "" },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) { return putString(dst, in.Unit) }},
	"Missing": {func(in *Input) bool { return !in.Missing },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) {
			return strconv.AppendBool(dst, in.Missing), nil
		}},
	"By": {func(in *Input) bool { return in.By == "" },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) { return putString(dst, in.By) }},
	"On": {func(in *Input) bool { return in.On.IsZero() },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) { return putDate(dst, in.On), nil }},
	"Note": {func(in *Input) bool { return in.Note == "" },
		func(dst []byte, in *Input, _ VerdictForm) ([]byte, error) { return putString(dst, in.Note) }},
}

func init() {
	// A verdict has about 150 inputs: they are written directly while Input's plan
	// is the one appendInput follows (a field added to Input goes by the plan).
	if planIs(inputEncoder, []string{"Name", "Label", "Value?", "Items?", "ItemCount?", "Codes?",
		"Unit?", "Missing?", "By?", "On?", "Note?"}) {
		inputEncoder.direct = appendInput
		// A result is written directly too, so that its explanation copies the
		// requirement the member before it escaped.
		if planIs(resultEncoder, []string{"ID", "Ref", "Strength", "Basis", "Requirement", "Outcome",
			"Inputs?", "Missing?", "Message", "Adjustments?"}) {
			resultEncoder.direct = appendResult
		}
	}
	// Every verdict lists every parameter.
	if planIs(parameterEncoder, []string{"Name", "Type", "Value", "From?"}) {
		parameterEncoder.direct = appendParameter
	}
	// Result's explanation follows its fields in the full form; a not-applicable
	// result is its id and outcome alone in the compact form (see Compact).
	resultEncoder.bare = func(r *Result) bool { return r.Outcome == NotApplicable }
	resultEncoder.extra = func(dst []byte, r *Result, form VerdictForm) ([]byte, error) {
		if form == Compact {
			return dst, nil
		}
		dst, _ = r.appendExplanationJSON(dst, escapedText{}, nil, nil, nil)
		return dst, nil
	}
}

// planIs reports whether enc's members are the named fields of T in this order,
// those ending in "?" omitted when empty and the others always written, all with a
// writer here.
func planIs[T any](enc *encoder[T], fields []string) bool {
	if len(enc.members) != len(fields) {
		return false
	}
	for i, m := range enc.members {
		name, omit := strings.CutSuffix(fields[i], "?")
		if m.generic || m.goName != reflect.TypeFor[T]().Name()+"."+name || (m.omit != nil) != omit {
			return false
		}
	}
	return true
}

// appendResult writes a result as Result's plan, bare and extra do.
func appendResult(dst []byte, r *Result, form VerdictForm) []byte {
	dst, _ = appendResultWith(dst, r, form, nil, nil)
	return dst
}

// appendResults writes a verdict's results, with one scratch buffer for the
// English of every explanation. words, when not nil, is the text set the verdict's
// engine phrased it with (see Engine.AppendVerdict).
func appendResults(dst []byte, list []Result, form VerdictForm, words *textSet) ([]byte, error) {
	if resultEncoder.direct == nil || list == nil {
		return putSlice(dst, list, resultEncoder, form)
	}
	var scratch []byte
	if words != nil && form == Full {
		b, _ := words.english.Get().(*[]byte)
		if b == nil {
			b = new([]byte)
		}
		scratch = *b
		defer func() { *b = scratch[:0]; words.english.Put(b) }()
	}
	dst = append(dst, '[')
	for i := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst, scratch = appendResultWith(dst, &list[i], form, scratch, words.forResult(i, &list[i]))
	}
	return append(dst, ']'), nil
}

// appendResultWith writes one result. rw, when not nil, holds the escaped words of
// the criterion whose result r is, made from the very texts r holds.
func appendResultWith(dst []byte, r *Result, form VerdictForm, scratch []byte, rw *resultWords) ([]byte, []byte) {
	var req escapedText
	switch {
	case rw != nil && form == Full && rw.bare != nil && rw.isBare(r):
		return append(dst, rw.bare...), scratch
	case rw != nil && form == Full:
		dst = append(dst, rw.head...)
		req = rw.req
	case rw != nil && rw.compactBare != nil && r.Outcome == NotApplicable:
		return append(dst, rw.compactBare...), scratch
	case rw != nil && rw.compactHead != nil:
		dst = append(dst, rw.compactHead...)
	default:
		dst, req = appendResultHead(dst, r, form)
	}
	dst = append(dst, `,"outcome":`...)
	dst = appendString(dst, string(r.Outcome))
	if form == Compact && r.Outcome == NotApplicable {
		return append(dst, '}'), scratch
	}
	var matches []inputMatch
	if rw != nil && form == Full {
		var buf [16]inputMatch // a result reads a few inputs; more go to the heap
		matches = rw.inputs(r, buf[:0])
	}
	if len(r.Inputs) > 0 {
		dst = append(dst, `,"inputs":[`...)
		for i := range r.Inputs {
			if i > 0 {
				dst = append(dst, ',')
			}
			var m inputMatch
			if matches != nil {
				m = matches[i]
			}
			dst = appendInputWith(dst, &r.Inputs[i], form, m)
		}
		dst = append(dst, ']')
	}
	if len(r.Missing) > 0 {
		dst = append(dst, `,"missing":`...)
		dst = putStrings(dst, r.Missing)
	}
	dst = append(dst, `,"message":`...)
	dst = rw.appendMessage(dst, r.Message)
	if len(r.Adjustments) > 0 {
		dst = append(dst, `,"adjustments":`...)
		dst = putTextPairs(dst, r.Adjustments)
	}
	if form == Full {
		dst, scratch = r.appendExplanationJSON(dst, req, scratch, rw, matches)
	}
	return append(dst, '}'), scratch
}

// appendResultHead writes a result from its opening brace to its requirement: the
// id, and in the full form the ref, strength, basis and requirement, whose escaped
// texts it returns for the explanation, which repeats them.
func appendResultHead(dst []byte, r *Result, form VerdictForm) ([]byte, escapedText) {
	dst = append(dst, `{"id":`...)
	dst = appendString(dst, r.ID)
	var req escapedText
	if form == Full {
		dst = append(dst, `,"ref":`...)
		dst = appendString(dst, r.Ref)
		dst = append(dst, `,"strength":`...)
		dst = appendString(dst, string(r.Strength))
		dst = append(dst, `,"basis":`...)
		dst = appendString(dst, string(r.Basis))
		var zhOK, enOK bool
		dst = append(dst, `,"requirement":{"zh":"`...)
		at := len(dst)
		dst, zhOK = appendEscaped(dst, r.Requirement.Zh)
		req.zh = dst[at:len(dst):len(dst)]
		dst = append(dst, `","en":"`...)
		at = len(dst)
		dst, enOK = appendEscaped(dst, r.Requirement.En)
		req.en = dst[at:len(dst):len(dst)]
		req.set, req.valid = true, zhOK && enOK
		dst = append(dst, `"}`...)
	}
	return dst, req
}

// appendInput writes an input as Input's plan does.
func appendInput(dst []byte, in *Input, form VerdictForm) []byte {
	return appendInputWith(dst, in, form, inputMatch{})
}

// appendInputWith writes an input; m says what it has of the escaped words (see
// resultWords.inputs): all of it, or its name and label.
func appendInputWith(dst []byte, in *Input, form VerdictForm, m inputMatch) []byte {
	switch {
	case m.fixed != nil && form == Full:
		return append(dst, m.fixed.json...)
	case m.def != nil && form == Full:
		dst = append(dst, m.def.words.head...)
	case form == Full:
		dst = append(dst, `{"name":`...)
		dst = appendString(dst, in.Name)
		dst = append(dst, `,"label":`...)
		dst = putTextPair(dst, in.Label)
	default:
		dst = append(dst, `{"name":`...)
		dst = appendString(dst, in.Name)
	}
	if in.Value != "" {
		dst = append(dst, `,"value":`...)
		dst = appendString(dst, in.Value)
	}
	if len(in.Items) > 0 {
		dst = append(dst, `,"items":`...)
		dst = putStrings(dst, in.Items)
	}
	if in.ItemCount != 0 {
		dst = append(dst, `,"itemCount":`...)
		dst = strconv.AppendInt(dst, int64(in.ItemCount), 10)
	}
	if in.Codes != "" && form == Full {
		dst = append(dst, `,"codes":`...)
		dst = appendString(dst, in.Codes)
	}
	if in.Unit != "" && form == Full {
		dst = append(dst, `,"unit":`...)
		dst = appendString(dst, in.Unit)
	}
	if in.Missing {
		dst = append(dst, `,"missing":true`...)
	}
	if in.By != "" {
		dst = append(dst, `,"by":`...)
		dst = appendString(dst, in.By)
	}
	if !in.On.IsZero() {
		dst = append(dst, `,"on":`...)
		dst = putDate(dst, in.On)
	}
	if in.Note != "" {
		dst = append(dst, `,"note":`...)
		dst = appendString(dst, in.Note)
	}
	return append(dst, '}')
}

// appendString writes s as a JSON string exactly as encoding/json does by default:
// <, > and & escaped for HTML, U+2028 and U+2029 escaped, invalid UTF-8 replaced by
// U+FFFD. Most of a verdict is Chinese text with nothing to escape, so it checks
// the three-byte sequences of the Basic Multilingual Plane inline, in one pass, and
// copies clean runs in one piece; anything else goes the way encoding/json goes.
func appendString(dst []byte, s string) []byte {
	dst, _ = appendEscaped(append(dst, '"'), s)
	return append(dst, '"')
}

// appendEscaped writes s escaped as appendString does, without the quotation
// marks, and reports whether s was valid UTF-8.
func appendEscaped(dst []byte, s string) ([]byte, bool) {
	valid := true
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if i+8 <= len(s) && plainWord(word8(s[i:])) {
				i += 8
				continue
			}
			if escapes[c] {
				dst = append(dst, s[start:i]...)
				dst = appendEscape(dst, c)
				start = i + 1
			}
			i++
			continue
		}
		if c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// A well-formed three-byte rune outside the ranges UTF-8 restricts
			// (E0: overlong; ED: surrogates): CJK text (E4–E9), its punctuation
			// (E3) and the fullwidth forms (EF: ：；（）).
			if c == 0xE2 && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8 { // U+2028, U+2029
				dst = append(dst, s[start:i]...)
				dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&1+8])
				start = i + 3
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			valid = false
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			start = i + size
		}
		i += size
	}
	return append(dst, s[start:]...), valid
}

// plainWord reports whether the 8 bytes of w are ASCII that encoding/json writes
// as they are, testing them at once in a word: the English half of a verdict goes
// 8 bytes a step. (x - 0x01…01) &^ x & 0x80…80 is non-zero when a byte of x is
// zero, and with n for 0x01 when a byte is below n; x|4 is 0x26 for '"' and '&'
// only, x|2 is 0x3e for '<' and '>' only. The tests are exact for ASCII bytes, and
// a byte that is not ASCII fails the word by its own high bit.
func plainWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, h, b := w|4*ones^0x26*ones, w|2*ones^0x3e*ones, w^'\\'*ones
	return (w|(w-0x20*ones)&^w|(q-ones)&^q|(h-ones)&^h|(b-ones)&^b)&highs == 0
}

// word8 loads the first 8 bytes of s, the first in the low byte (one load on
// amd64 and arm64).
func word8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const hexDigits = "0123456789abcdef"

// escapes marks the ASCII bytes encoding/json escapes.
var escapes = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&'
	}
	return t
}()

func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '\\', '"':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}
