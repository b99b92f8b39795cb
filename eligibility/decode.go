package eligibility

import (
	"bytes"
	"context"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/criteria"
)

var projectType = reflect.TypeFor[Project]()

// DecodeProject decodes one project record from JSON and checks everything about it
// that does not depend on a rule set, reporting every problem at once; it is
// [Engine.DecodeProject] without the rule set's own check, that each finding is keyed
// by one of its reviewer-finding criteria. Use the method where an engine is at hand.
func DecodeProject(data []byte) (*Project, error) {
	return decode(context.Background(), nil, data)
}

// DecodeProjectContext is [DecodeProject] stopping when ctx is cancelled or past its
// deadline; the error then matches ctx.Err().
func DecodeProjectContext(ctx context.Context, data []byte) (*Project, error) {
	return decode(ctx, nil, data)
}

// DecodeProject decodes one project record from JSON and validates it as [Engine.Validate]
// does: it is the one entry point for a record that arrives as JSON, and it accepts
// exactly what the published schema (eligibility/schema/project.schema.json) accepts,
// and enforces besides the rules JSON Schema cannot express (listed in the schema's
// description and in the README, "The contract: one definition").
//
// Every problem comes at once, in one *ValidationError matching ErrInvalidProject,
// each at its JSON path and sorted by path: problems of shape ("applicant.creditCod:
// unknown field", "investment.total: a JSON number is not an amount") together with
// problems of value ("stage: unknown code", "applicant.creditCode: check character").
// At most criteria.MaxListedProblems are listed; the rest are counted.
//
// The record is read strictly: a field the record does not have, a key given twice,
// a key in another case, null, an empty string where a code or text is expected, an
// amount not in the canonical form (digits, optionally a point and more digits: no
// sign, exponent, leading zero or JSON number), text that is not UTF-8 and an escaped
// lone surrogate ("\ud800") are errors. JSON that is not well-formed gives a
// *SyntaxError naming line, column and byte offset.
func (e *Engine) DecodeProject(data []byte) (*Project, error) {
	return decode(context.Background(), e, data)
}

// DecodeProjectContext is [Engine.DecodeProject] stopping when ctx is cancelled or past
// its deadline; the error then matches ctx.Err().
func (e *Engine) DecodeProjectContext(ctx context.Context, data []byte) (*Project, error) {
	return decode(ctx, e, data)
}

// SyntaxError reports input that is not well-formed JSON in UTF-8, where it stops
// being so. It matches ErrInvalidProject.
type SyntaxError struct {
	// Line and Column locate the offending character, from 1; Column counts
	// characters, not bytes.
	Line, Column int
	// Offset is the byte offset of the offending character, from 0.
	Offset int64
	// Err says what is wrong; for JSON syntax it is the *json.SyntaxError.
	Err error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s: line %d, column %d (byte offset %d): %s",
		invalidProject, e.Line, e.Column, e.Offset, strings.TrimPrefix(e.Err.Error(), "json: "))
}

// Unwrap returns the cause.
func (e *SyntaxError) Unwrap() error { return e.Err }

// Is matches ErrInvalidProject.
func (e *SyntaxError) Is(target error) bool { return target == ErrInvalidProject }

func syntaxErrorAt(data []byte, offset int, err error) *SyntaxError {
	offset = min(max(offset, 0), len(data))
	prefix := data[:offset]
	line := bytes.Count(prefix, []byte{'\n'}) + 1
	lineStart := bytes.LastIndexByte(prefix, '\n') + 1
	return &SyntaxError{Line: line, Column: utf8.RuneCount(prefix[lineStart:]) + 1, Offset: int64(offset), Err: err}
}

// decodeWalk is the full walk, which finds and names every problem; decode
// (fastdecode.go) runs it only when the fast path cannot vouch for the record.
func decodeWalk(ctx context.Context, e *Engine, data []byte) (*Project, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("eligibility: decoding stopped: %w", err)
	}
	if !json.Valid(data) {
		var v any // Unmarshal says what is wrong, and where
		err := json.Unmarshal(data, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			at := int(se.Offset) // the count of bytes read, the offending one included
			if at < len(data) || strings.Contains(se.Error(), "invalid") {
				at--
			}
			return nil, syntaxErrorAt(data, at, se)
		}
		return nil, syntaxErrorAt(data, len(data), err)
	}
	if kind := jsonKind(data); kind != "object" {
		return nil, fmt.Errorf("eligibility: %w: want a project record (a JSON object), got %s", ErrInvalidProject, article(kind))
	}
	w := walker{ctx: ctx}
	var p Project
	w.value(data, reflect.ValueOf(&p).Elem(), "", fieldRules{})
	if w.err != nil {
		return nil, fmt.Errorf("eligibility: decoding stopped: %w", w.err)
	}
	if w.problems.Len() == 0 {
		// The walk checks every value the record has; what is left is text it does not
		// read, in a key, say. encoding/json would replace it with U+FFFD silently.
		if at, what := badText(data); at >= 0 {
			return nil, syntaxErrorAt(data, at, errors.New(what))
		}
	}
	// A field the walk refused was left unset; Shadow keeps the value checks from
	// reporting it again as missing.
	w.problems.Shadow()
	e.check(&p, &w.problems)
	if err := invalid(&w.problems); err != nil {
		return nil, err
	}
	return &p, nil
}

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	decimalType         = reflect.TypeFor[decimal.Decimal]()
	formAmountType      = reflect.TypeFor[FormAmount]()
)

// walker decodes a record into a value of its Go type while it records every problem
// at its JSON path. It reads what encoding/json would, but refuses what encoding/json
// lets through: null, keys in another case, duplicate keys (encoding/json keeps the
// last silently), invalid UTF-8 and lone surrogates (it writes U+FFFD silently).
//
// Its cost is linear in the input: each value is scanned once per level of the Project
// type above it, a fixed depth, and nothing the walk does depends on a value's size
// beyond reading it once (an amount is refused by its length before it is parsed).
type walker struct {
	ctx      context.Context
	err      error // the context's error, once it has stopped the walk
	steps    int
	problems criteria.Problems
}

// fieldRules are what a struct field's tag adds to the rules of its type.
type fieldRules struct {
	// nonEmpty: the field is a plain string, where "" and absent are one value, so an
	// empty string would be dropped silently.
	nonEmpty bool
}

// stopped checks the context every 256 values, which costs nothing measurable.
func (w *walker) stopped() bool {
	if w.err != nil {
		return true
	}
	w.steps++
	if w.steps&255 == 0 {
		w.err = w.ctx.Err()
	}
	return w.err != nil
}

// value decodes raw, one well-formed JSON value, into v, at path.
func (w *walker) value(raw []byte, v reflect.Value, path string, rules fieldRules) {
	if w.stopped() {
		return
	}
	kind := jsonKind(raw)
	if kind == "null" {
		w.problems.AddText(path, "null 不是值：记录未载明的，请省略该键", "null is not a value: leave the key out when the record does not state it")
		return
	}
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		elem := reflect.New(t.Elem())
		before := w.problems.Len()
		w.value(raw, elem.Elem(), path, fieldRules{}) // a pointer to "" is a stated blank
		if w.problems.Len() == before {
			v.Set(elem) // a refused value stays unset, so no later check reads it
		}
		return
	}
	switch {
	case t == decimalType:
		w.amount(raw, v, path)
		return
	case t == formAmountType:
		w.formAmount(raw, v, path)
		return
	case reflect.PointerTo(t).Implements(textUnmarshalerType) || t.Kind() == reflect.String:
		s, ok := w.text(raw, path, kind)
		if !ok {
			return
		}
		if s == "" && (rules.nonEmpty || t.Kind() != reflect.String) {
			w.problems.AddText(path, "为空：空字符串不是值（记录未载明的，请省略该键）", "is empty: an empty string is not a value (leave out a key the record does not state)")
			return
		}
		if tu, ok := v.Addr().Interface().(encoding.TextUnmarshaler); ok {
			if err := tu.UnmarshalText([]byte(s)); err != nil {
				// Only a date refuses text; its error would quote all of it.
				w.problems.AddText(path, quote(s)+" 不是有效日期：请写成 YYYY-MM-DD，且为实际存在的日期", quote(s)+" is not a valid date: write YYYY-MM-DD, a day that exists")
			}
			return
		}
		v.SetString(s)
		return
	case reflect.PointerTo(t).Implements(jsonUnmarshalerType):
		// A type that decides for itself; the record types have none today.
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			w.problems.AddText(path, "无法解读该值："+strings.TrimPrefix(err.Error(), "json: "), strings.TrimPrefix(err.Error(), "json: "))
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		fields, ok := recordFields[t]
		if !ok {
			fields = jsonFields(t)
		}
		w.object(raw, path, func(key string, value []byte, keyPath string) {
			f, ok := fields.lookup(key)
			switch {
			case !ok:
				w.problems.AddText(keyPath, "未知字段", "unknown field")
			case f.name != key:
				// encoding/json matches case-insensitively; the contract does not.
				w.problems.AddText(keyPath, fmt.Sprintf("未知字段：字段名区分大小写，应为 %q", f.name), fmt.Sprintf("unknown field: keys are case-sensitive, did you mean %q?", f.name))
			default:
				w.value(value, v.FieldByIndex(f.index), keyPath, f.rules)
			}
		})
	case reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(t))
		}
		w.object(raw, path, func(key string, value []byte, keyPath string) {
			elem := reflect.New(t.Elem()).Elem()
			w.value(value, elem, keyPath, fieldRules{})
			v.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), elem)
		})
	case reflect.Slice:
		if kind != "array" {
			w.problems.AddText(path, "应为数组，实为"+kindZh(kind), "want an array, got "+article(kind))
			return
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		_, _ = dec.Token() // [
		list := reflect.MakeSlice(t, 0, 0)
		for i := 0; dec.More() && !w.stopped(); i++ {
			var elem json.RawMessage
			if err := dec.Decode(&elem); err != nil {
				w.problems.AddText(path, "无法解读该值："+strings.TrimPrefix(err.Error(), "json: "), strings.TrimPrefix(err.Error(), "json: "))
				return
			}
			list = reflect.Append(list, reflect.Zero(t.Elem()))
			w.value(elem, list.Index(i), path+"["+strconv.Itoa(i)+"]", fieldRules{})
		}
		v.Set(list)
	case reflect.Bool:
		if kind != "boolean" {
			w.problems.AddText(path, "应为 true 或 false，实为"+kindZh(kind), "want true or false, got "+article(kind))
			return
		}
		v.SetBool(raw[0] == 't')
	case reflect.Int:
		w.year(raw, v, path, kind)
	default:
		w.problems.AddText(path, fmt.Sprintf("无法解码为 %v", t), fmt.Sprintf("cannot decode into %v", t)) // no record type has one
	}
}

// object calls member for each member of the JSON object raw, in document order,
// after refusing keys given twice and keys that are not valid text.
func (w *walker) object(raw []byte, path string, member func(key string, value []byte, keyPath string)) {
	if k := jsonKind(raw); k != "object" {
		w.problems.AddText(path, "应为对象，实为"+kindZh(k), "want an object, got "+article(k))
		return
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	_, _ = dec.Token() // {
	seen := map[string]bool{}
	for dec.More() && !w.stopped() {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return // raw is well-formed: not reached
		}
		key, _ := tok.(string)
		rawKey := raw[before:dec.InputOffset()]
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return // not reached either
		}
		keyPath := join(path, quoteKey(key)) // a megabyte of key makes no path
		switch {
		case !utf8.Valid(rawKey):
			w.problems.AddText(join(path, quoteKey(strings.ToValidUTF8(key, "\uFFFD"))), "键不是有效的 UTF-8 编码（encoding/json 会悄然替换）", "the key is not valid UTF-8 (encoding/json would replace it silently)")
		case hasLoneSurrogate(rawKey):
			w.problems.AddText(keyPath, "键含有转义的孤立代理项，不是任何字符（encoding/json 会悄然替换为 U+FFFD）", "the key holds an escaped lone surrogate, which is no character (encoding/json would replace it with U+FFFD silently)")
		case seen[key]:
			w.problems.AddText(keyPath, "重复的键：encoding/json 会悄然保留最后一个值", "duplicate key: encoding/json would keep the last value silently")
		default:
			seen[key] = true
			member(key, value, keyPath)
		}
	}
}

// text unquotes a JSON string, refusing what would not read back as written.
func (w *walker) text(raw []byte, path, kind string) (string, bool) {
	if kind != "string" {
		w.problems.AddText(path, "应为字符串，实为"+kindZh(kind), "want a string, got "+article(kind))
		return "", false
	}
	if !utf8.Valid(raw) {
		w.problems.AddText(path, "不是有效的 UTF-8 编码（encoding/json 会悄然替换）", "is not valid UTF-8 (encoding/json would replace it silently)")
		return "", false
	}
	if hasLoneSurrogate(raw) {
		w.problems.AddText(path, "含有转义的孤立代理项（未配对的 \\ud800–\\udfff），不是任何字符；encoding/json 会悄然替换为 U+FFFD", "holds an escaped lone surrogate (\\ud800–\\udfff unpaired), which is no character; encoding/json would replace it with U+FFFD silently")
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		w.problems.AddText(path, "无法解读该字符串："+strings.TrimPrefix(err.Error(), "json: "), strings.TrimPrefix(err.Error(), "json: "))
		return "", false
	}
	return s, true
}

// amount decodes an amount in the canonical form. Every check on its length comes
// before the one parse, of at most 50 characters (10^18 with 30 zero places): a
// numeral of a million digits costs one scan, not big.Int's quadratic conversion.
func (w *walker) amount(raw []byte, v reflect.Value, path string) {
	kind := jsonKind(raw)
	if kind == "number" {
		w.problems.AddText(path, "JSON 数字不是金额：请写成十进制数字字符串，如 \"5000000.00\"（许多解码器把数字读作二进制浮点数）", "a JSON number is not an amount: write it as a decimal string such as \"5000000.00\" (many decoders read a number as binary floating point)")
		return
	}
	s, ok := w.text(raw, path, kind)
	if !ok {
		return
	}
	if problem, zh := amountForm(s); problem != "" {
		w.problems.AddText(path, quote(s)+" "+zh, quote(s)+" "+problem)
		return
	}
	d, err := decimal.NewFromString(s)
	if err != nil { // the form excludes it
		w.problems.AddText(path, quote(s)+" 不是金额", quote(s)+" is not a decimal amount")
		return
	}
	v.Set(reflect.ValueOf(d))
}

// formAmount decodes a 三.2 form amount (the completed investment): an amount in the
// canonical form, which may be negative, or white space only for a field left blank.
// A defective value on the form fails GEN-3 as a verdict; only text that is no
// amount at all is bad input.
func (w *walker) formAmount(raw []byte, v reflect.Value, path string) {
	kind := jsonKind(raw)
	if kind == "number" {
		w.problems.AddText(path, "JSON 数字不是金额：请写成十进制数字字符串，如 \"5000000.00\"；表单未填的写 \"\"", "a JSON number is not an amount: write it as a decimal string such as \"5000000.00\", or \"\" for a form field left blank")
		return
	}
	s, ok := w.text(raw, path, kind)
	if !ok {
		return
	}
	a, en, zh := parseFormAmount(s)
	if en != "" {
		w.problems.AddText(path, zh, en)
		return
	}
	v.Set(reflect.ValueOf(a))
}

// parseFormAmount reads the text of a 三.2 form amount, for the walk and the fast
// path alike: white space only is a field left blank, anything else an amount in the
// canonical form, optionally negative (FormAmountPattern). When s is neither, it
// returns what is wrong in English and Chinese.
func parseFormAmount(s string) (a FormAmount, en, zh string) {
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return FormAmount{blank: true}, "", ""
	}
	if problem, pzh := amountForm(strings.TrimPrefix(s, "-")); problem != "" {
		return FormAmount{}, quote(s) + " " + problem + ", or \"\" for a form field left blank", quote(s) + " " + pzh + "；表单未填的写 \"\""
	}
	d, err := decimal.NewFromString(s)
	if err != nil { // the form excludes it
		return FormAmount{}, quote(s) + " is not a decimal amount", quote(s) + " 不是金额"
	}
	return FormAmount{amount: d}, "", ""
}

// FormAmountPattern is the form of a 三.2 form amount (the completed investment) in
// a record: an amount as AmountPattern writes it, optionally negative, or white
// space only for a field left blank.
const FormAmountPattern = `^(-?((0|[1-9][0-9]{0,17})(\.[0-9]{1,30})?|1000000000000000000(\.0{1,30})?)|\s*)$`

// AmountPattern is the canonical form of an amount in a record, as a regular
// expression: a whole number of at most 18 digits without a leading zero, or 10^18
// itself, optionally followed by a point and 1 to MaxAmountScale digits; the value is
// at most 10^18. It is the schema's pattern for an amount, and DecodeProject accepts
// an amount exactly when it matches.
const AmountPattern = `^((0|[1-9][0-9]{0,17})(\.[0-9]{1,30})?|1000000000000000000(\.0{1,30})?)$`

// amountForm returns what is wrong with s as an amount, in English and in Chinese, or
// "" when it is in the form of AmountPattern. It reads s once and parses nothing.
func amountForm(s string) (en, zh string) {
	const (
		form   = "is not a decimal amount: write digits, optionally a point and more digits, as a string such as \"5000000.00\" (no sign, exponent, grouping or spaces)"
		formZh = "不是金额：请写成数字字符串，如 \"5000000.00\"（可带小数点及小数位，不带符号、指数、千位分隔或空格）"
	)
	body := strings.TrimPrefix(s, "-")
	whole, frac, hasPoint := strings.Cut(body, ".")
	if !allDigits(whole) || whole == "" || hasPoint && (frac == "" || !allDigits(frac)) {
		return form, formZh
	}
	switch {
	case len(body) < len(s):
		return "must not be negative", "不得为负数"
	case len(whole) > 1 && whole[0] == '0':
		return "has a leading zero: the canonical form has none (\"0.5\", \"5000000\")", "有前导零：规范写法不带前导零（\"0.5\"、\"5000000\"）"
	case len(frac) > MaxAmountScale:
		return fmt.Sprintf("has more than %d decimal places", MaxAmountScale), fmt.Sprintf("小数位超过 %d 位", MaxAmountScale)
	case len(whole) > 19 || len(whole) == 19 && (whole != "1000000000000000000" || strings.Trim(frac, "0") != ""):
		return "exceeds the limit of 10^18", "超过上限 10^18"
	}
	return "", ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// year decodes a year: a JSON integer from 1 to 9999, written as digits.
func (w *walker) year(raw []byte, v reflect.Value, path, kind string) {
	if kind != "number" {
		w.problems.AddText(path, "应为整数，实为"+kindZh(kind), "want a whole number, got "+article(kind))
		return
	}
	if len(raw) > 4 || !allDigits(string(raw)) || raw[0] == '0' {
		w.problems.AddText(path, quote(string(raw))+" 不是用数字写的 1 至 9999 之间的年份", quote(string(raw))+" is not a year from 1 to 9999 written as digits")
		return
	}
	n := 0
	for _, c := range raw {
		n = n*10 + int(c-'0')
	}
	v.SetInt(int64(n))
}

// hasLoneSurrogate reports whether the JSON text raw holds an escaped UTF-16
// surrogate that is not half of a pair. Backslashes occur only inside strings in
// well-formed JSON, so raw need not be parsed.
func hasLoneSurrogate(raw []byte) bool {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		r, ok := escapedUnit(raw, i)
		switch {
		case !ok:
			i++ // \" \\ \n …: skip the escaped character
		case r >= 0xD800 && r <= 0xDBFF:
			if low, ok := escapedUnit(raw, i+6); !ok || low < 0xDC00 || low > 0xDFFF {
				return true
			}
			i += 11
		case r >= 0xDC00 && r <= 0xDFFF:
			return true
		default:
			i += 5
		}
	}
	return false
}

// escapedUnit reads the \uXXXX escape at raw[i:], if there is one.
func escapedUnit(raw []byte, i int) (rune, bool) {
	if i+6 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range raw[i+2 : i+6] {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// badText returns the offset of the first byte that is not UTF-8, or of the first
// escaped lone surrogate, and what it is; -1 when there is none.
func badText(data []byte) (int, string) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i, "not valid UTF-8"
		}
		if r == '\\' {
			if hasLoneSurrogate(data[i:min(i+12, len(data))]) {
				return i, "an escaped lone surrogate, which is no character"
			}
			if u, ok := escapedUnit(data, i); ok && u >= 0xD800 && u <= 0xDBFF {
				i += 12
			} else {
				i += 2
			}
			continue
		}
		i += size
	}
	return -1, ""
}

type field struct {
	name  string
	index []int
	rules fieldRules
}

type fieldSet []field

// lookup finds the field for a JSON key: an exact match first, then, as
// encoding/json does, a case-insensitive one.
func (fs fieldSet) lookup(key string) (field, bool) {
	for _, f := range fs {
		if f.name == key {
			return f, true
		}
	}
	for _, f := range fs {
		if strings.EqualFold(f.name, key) {
			return f, true
		}
	}
	return field{}, false
}

// recordFields holds the fields of every struct type in a Project, computed once:
// an incident's fields are looked up for each of ten thousand incidents. It is
// written at package initialisation and only read after.
var recordFields = func() map[reflect.Type]fieldSet {
	m := map[reflect.Type]fieldSet{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if _, seen := m[t]; seen || t.Kind() != reflect.Struct || t == decimalType || reflect.PointerTo(t).Implements(textUnmarshalerType) {
			return
		}
		m[t] = jsonFields(t)
		for _, f := range m[t] {
			visit(t.FieldByIndex(f.index).Type)
		}
	}
	visit(projectType)
	return m
}()

// jsonFields lists the JSON fields of a struct type. The record types have no
// embedded structs, so none are flattened.
func jsonFields(t reflect.Type) fieldSet {
	var fs fieldSet
	for sf := range t.Fields() {
		if !sf.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		fs = append(fs, field{name: name, index: sf.Index, rules: fieldRules{nonEmpty: sf.Type.Kind() == reflect.String}})
	}
	return fs
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// jsonKind names the kind of a well-formed JSON value from its first character.
func jsonKind(raw []byte) string {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// kindZh names a JSON kind in Chinese, as article does in English.
func kindZh(kind string) string {
	switch kind {
	case "string":
		return "字符串"
	case "number":
		return "数字"
	case "boolean":
		return "布尔值"
	case "array":
		return "数组"
	case "object":
		return "对象"
	case "nothing":
		return "空"
	}
	return kind // null
}

func article(kind string) string {
	switch kind {
	case "array", "object":
		return "an " + kind
	case "null", "nothing":
		return kind
	}
	return "a " + kind
}
