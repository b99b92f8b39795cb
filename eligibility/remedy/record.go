package remedy

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// kind is what a JSON field of the record holds, read from its Go type, so that a
// fact added to eligibility.Project is handled without a table here.
type kind uint8

const (
	kindOther kind = iota
	kindBool
	kindDecimal // an amount: *decimal.Decimal, or a pointer to an amount type (amountType)
	kindDate
	kindText   // *string: free text a form field holds
	kindString // string: a division code, or a code without a type of its own
	kindCode   // a category code type
	kindList   // a slice of strings or of a string code type
	kindIncidents
)

var (
	boolPtrType   = reflect.TypeFor[*bool]()
	decimalPtr    = reflect.TypeFor[*decimal.Decimal]()
	dateType      = reflect.TypeFor[criteria.Date]()
	stringPtrType = reflect.TypeFor[*string]()
	incidentsType = reflect.TypeFor[[]eligibility.Incident]()
	projectType   = reflect.TypeFor[eligibility.Project]()
)

// codeLists gives the codes of each code type of the category package a record holds.
var codeLists = map[reflect.Type]func() []string{
	reflect.TypeFor[category.Category]():       strs(category.Categories),
	reflect.TypeFor[category.Subtype]():        strs(category.Subtypes),
	reflect.TypeFor[category.Stage]():          strs(category.Stages),
	reflect.TypeFor[category.ReportingUnit]():  func() []string { return append(strs(category.ReportingUnits)(), string(category.ReportingUnitOther)) },
	reflect.TypeFor[category.LegalForm]():      strs(category.LegalForms),
	reflect.TypeFor[category.EnterpriseKind](): strs(category.EnterpriseKinds),
	reflect.TypeFor[category.Carrier]():        func() []string { return append(strs(category.Carriers)(), string(category.CarrierNone)) },
	reflect.TypeFor[category.IncidentKind]():   strs(category.IncidentKinds),
	// The open 等 lists' codes, other included: it is a code a record may state,
	// which leaves the criterion to a reviewer.
	reflect.TypeFor[category.BigDataContent]():     strs(category.BigDataContents),
	reflect.TypeFor[category.FiveGTechnology]():    strs(category.FiveGTechnologies),
	reflect.TypeFor[category.IntranetTechnology](): strs(category.IntranetTechnologies),
	reflect.TypeFor[category.IdentifierNodeKind](): strs(category.IdentifierNodeKinds),
}

func strs[T ~string](list func() []T) func() []string {
	return func() []string {
		l := list()
		out := make([]string, len(l))
		for i, c := range l {
			out[i] = string(c)
		}
		return out
	}
}

// named is a code type with names.
type named interface {
	Chinese() string
	English() string
}

// codeName names a code of the field's type, or of a list fact, in both languages.
func codeName(t reflect.Type, code string) criteria.Text {
	if t != nil && t.Kind() == reflect.String && t != reflect.TypeFor[string]() {
		if n, ok := reflect.ValueOf(code).Convert(t).Interface().(named); ok && n.Chinese() != "" {
			return criteria.Text{Zh: n.Chinese(), En: n.English()}
		}
	}
	return criteria.Quote(code)
}

// segment is one step of a JSON path: a field name and, for a list element, its index.
type segment struct {
	name  string
	index int // -1: not an element
}

// factPaths holds the parsed JSON paths of every fact, built once at package
// initialisation and only read after.
var factPaths = func() map[string][]segment {
	m := map[string][]segment{}
	for _, f := range eligibility.Facts() {
		for _, j := range f.JSON {
			segs, err := parseSegments(j)
			if err == nil {
				m[j] = segs
			}
		}
	}
	return m
}()

func parsePath(path string) ([]segment, error) {
	if segs, ok := factPaths[path]; ok {
		return segs, nil
	}
	return parseSegments(path)
}

func parseSegments(path string) ([]segment, error) {
	var segs []segment
	for _, part := range strings.Split(path, ".") {
		s := segment{name: part, index: -1}
		if i := strings.IndexByte(part, '['); i >= 0 && strings.HasSuffix(part, "]") {
			n, err := strconv.Atoi(part[i+1 : len(part)-1])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("remedy: path %q: bad index", path)
			}
			s = segment{name: part[:i], index: n}
		}
		segs = append(segs, s)
	}
	return segs, nil
}

// fieldByJSON finds the struct field with the JSON name.
func fieldByJSON(t reflect.Type, name string) (int, bool) {
	if m, ok := jsonFields[t]; ok {
		i, ok := m[name]
		return i, ok
	}
	return 0, false
}

// jsonFields indexes the fields of every struct type a Project holds by JSON name.
// It is built once, at package initialisation, and only read after.
var jsonFields = func() map[reflect.Type]map[string]int {
	out := map[reflect.Type]map[string]int{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || out[t] != nil || t == dateType || t.PkgPath() == decimalPtr.Elem().PkgPath() {
			return
		}
		m := map[string]int{}
		out[t] = m
		for i := range t.NumField() {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if tag != "" && tag != "-" {
				m[tag] = i
			}
			walk(t.Field(i).Type)
		}
	}
	walk(projectType)
	return out
}()

// keyValue writes a value for a memo key: cheaper than JSON, and as exact.
func keyValue(b *strings.Builder, v reflect.Value) {
	switch x := v.Interface().(type) {
	case *bool:
		switch {
		case x == nil:
			b.WriteByte('n')
		case *x:
			b.WriteByte('t')
		default:
			b.WriteByte('f')
		}
	case *decimal.Decimal:
		if x != nil {
			b.WriteString(x.String())
		}
	case *string:
		if x != nil {
			b.WriteByte('s')
			b.WriteString(*x)
		}
	case string:
		b.WriteString(x)
	case criteria.Date:
		b.WriteString(x.String())
	case []string:
		if x != nil {
			b.WriteByte('[')
			for _, e := range x {
				b.WriteString(e)
				b.WriteByte(1)
			}
		}
	default:
		switch kindOf(v.Type()) {
		case kindList: // a list of a code type
			if !v.IsNil() {
				b.WriteByte('[')
				for i := range v.Len() {
					b.WriteString(v.Index(i).String())
					b.WriteByte(1)
				}
			}
			return
		case kindDecimal: // a form amount: absent, blank or an amount
			if d, ok := amountOf(v); ok {
				b.WriteString(d.String())
			} else if blankAmount(v) {
				b.WriteByte('b')
			}
			return
		}
		if v.Kind() == reflect.String {
			b.WriteString(v.String())
			return
		}
		b.Write(jsonValue(v))
	}
}

// typeAt returns the Go type of the JSON path in a Project.
func typeAt(path string) (reflect.Type, bool) {
	segs, err := parsePath(path)
	if err != nil {
		return nil, false
	}
	t := projectType
	for _, s := range segs {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil, false
		}
		i, ok := fieldByJSON(t, s.name)
		if !ok {
			return nil, false
		}
		t = t.Field(i).Type
		if s.index >= 0 {
			if t.Kind() != reflect.Slice {
				return nil, false
			}
			t = t.Elem()
		}
	}
	return t, true
}

func kindOf(t reflect.Type) kind {
	switch {
	case t == boolPtrType:
		return kindBool
	case t == decimalPtr || amountType(t):
		return kindDecimal
	case t == dateType:
		return kindDate
	case t == stringPtrType:
		return kindText
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return kindList
	case t == incidentsType:
		return kindIncidents
	case codeLists[t] != nil:
		return kindCode
	case t.Kind() == reflect.String:
		return kindString
	}
	return kindOther
}

// amounter is an amount type other than decimal.Decimal: a form amount, which may
// be left blank (eligibility.FormAmount). Amount returns false for a blank one.
type amounter interface {
	Amount() (decimal.Decimal, bool)
}

var (
	amounterType    = reflect.TypeFor[amounter]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
)

// amountType reports whether t is a pointer to an amount type that reads a decimal
// string from JSON: remedies write it that way, so they need no constructor of it.
func amountType(t reflect.Type) bool {
	return t.Kind() == reflect.Pointer && t.Implements(amounterType) && t.Implements(unmarshalerType)
}

// amountOf returns the amount an amount field holds, and false when it holds none
// (absent, or a form field left blank).
func amountOf(v reflect.Value) (decimal.Decimal, bool) {
	if !v.IsValid() || v.Kind() != reflect.Pointer || v.IsNil() {
		return decimal.Decimal{}, false
	}
	switch a := v.Interface().(type) {
	case *decimal.Decimal:
		return *a, true
	case amounter:
		return a.Amount()
	}
	return decimal.Decimal{}, false
}

// blankAmount reports whether an amount field is present but left blank.
func blankAmount(v reflect.Value) bool {
	_, ok := amountOf(v)
	return !ok && v.IsValid() && v.Kind() == reflect.Pointer && !v.IsNil()
}

// newAmount returns a value of amount type t holding d.
func newAmount(t reflect.Type, d decimal.Decimal) (reflect.Value, bool) {
	if t == decimalPtr {
		return reflect.ValueOf(ptr(d)), true
	}
	n := reflect.New(t.Elem())
	if err := n.Interface().(json.Unmarshaler).UnmarshalJSON([]byte(strconv.Quote(d.String()))); err != nil {
		return reflect.Value{}, false
	}
	return n, true
}

// listOf returns the codes a list field holds as strings.
func listOf(v reflect.Value) []string {
	if !v.IsValid() || v.IsNil() {
		return nil
	}
	out := make([]string, v.Len())
	for i := range v.Len() {
		out[i] = v.Index(i).String()
	}
	return out
}

// newList returns a non-nil value of list type t holding codes.
func newList(t reflect.Type, codes []string) reflect.Value {
	l := reflect.MakeSlice(t, len(codes), len(codes))
	for i, c := range codes {
		l.Index(i).SetString(c)
	}
	return l
}

// get returns the value at the JSON path, and whether every step to it exists.
func get(p *eligibility.Project, path string) (reflect.Value, bool) {
	segs, err := parsePath(path)
	if err != nil {
		return reflect.Value{}, false
	}
	v := reflect.ValueOf(p).Elem()
	for _, s := range segs {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		i, ok := fieldByJSON(v.Type(), s.name)
		if !ok {
			return reflect.Value{}, false
		}
		v = v.Field(i)
		if s.index >= 0 {
			if s.index >= v.Len() {
				return reflect.Value{}, false
			}
			v = v.Index(s.index)
		}
	}
	return v, true
}

// set writes val at the JSON path of p, copying on the way every pointer and slice it
// writes through, so that a shallow copy of a project can be edited without touching
// the original.
func set(p *eligibility.Project, path string, val reflect.Value) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	v := reflect.ValueOf(p).Elem()
	for k, s := range segs {
		if v.Kind() == reflect.Pointer {
			n := reflect.New(v.Type().Elem())
			if !v.IsNil() {
				n.Elem().Set(v.Elem())
			}
			v.Set(n)
			v = n.Elem()
		}
		if v.Kind() != reflect.Struct {
			return fmt.Errorf("remedy: %s: %q is not an object", path, s.name)
		}
		i, ok := fieldByJSON(v.Type(), s.name)
		if !ok {
			return fmt.Errorf("remedy: no field %q in %s", s.name, path)
		}
		v = v.Field(i)
		if s.index >= 0 {
			if s.index >= v.Len() {
				return fmt.Errorf("remedy: %s: no element %d", path, s.index)
			}
			n := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(n, v)
			v.Set(n)
			v = n.Index(s.index)
		}
		if k == len(segs)-1 {
			v.Set(val)
		}
	}
	return nil
}

// setFinding records a finding as met, copying the map.
func setFinding(p *eligibility.Project, id string) {
	m := make(map[string]eligibility.Finding, len(p.Findings)+1)
	for k, f := range p.Findings {
		m[k] = f
	}
	m[id] = eligibility.Finding{Met: ptr(true)}
	p.Findings = m
}

func ptr[T any](v T) *T { return &v }

// jsonValue is the JSON form of a value written at a path, for callers that patch a
// record themselves.
func jsonValue(v reflect.Value) json.RawMessage {
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return nil
	}
	return b
}

// shown writes a value for people: amounts grouped, codes by name, lists joined.
func shown(t reflect.Type, v reflect.Value, name func(string) criteria.Text) criteria.Text {
	if !v.IsValid() {
		return text("未填报", "not stated")
	}
	switch kindOf(t) {
	case kindBool:
		if v.IsNil() {
			return text("未填报", "not stated")
		}
		return yesNo(v.Elem().Bool())
	case kindDecimal:
		d, ok := amountOf(v)
		switch {
		case blankAmount(v):
			return text("空白", "blank")
		case !ok:
			return text("未填报", "not stated")
		}
		a := amount(d)
		return text(a+" 元", a+" yuan")
	case kindDate:
		d := v.Interface().(criteria.Date)
		if d.IsZero() {
			return text("未填报", "not stated")
		}
		return text(d.String(), d.String())
	case kindText:
		if v.IsNil() {
			return text("未填报", "not stated")
		}
		s := *v.Interface().(*string)
		if strings.TrimSpace(s) == "" {
			return text("空白", "blank")
		}
		return text("“"+s+"”", `"`+s+`"`)
	case kindCode, kindString:
		if v.String() == "" {
			return text("未填报", "not stated")
		}
		return codeName(t, v.String())
	case kindList:
		if v.IsNil() {
			return text("未填报", "not stated")
		}
		if v.Len() == 0 {
			return text("无", "none")
		}
		names := make([]criteria.Text, v.Len())
		for i := range v.Len() {
			c := v.Index(i).String()
			// A code the parameters do not list (one that does not count) is named
			// by its type.
			if names[i] = name(c); names[i] == criteria.Quote(c) {
				names[i] = codeName(t.Elem(), c)
			}
		}
		return joinNames(names)
	}
	return text(fmt.Sprint(v.Interface()), fmt.Sprint(v.Interface()))
}
