package eligibility

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/criteria"
)

var projectType = reflect.TypeFor[Project]()

// DecodeProject decodes one project record from JSON, strictly: a field the record
// does not have (a misspelt name, say), a key given twice, a key in another case
// ("Category") and text that is not UTF-8 are errors. Where encoding/json would stop at
// its first problem, DecodeProject reports every one, each at its JSON path
// ("applicant.creditCod: unknown field", "investment.total: … is not a decimal
// amount"), in a *ValidationError matching ErrInvalidProject.
//
// Decoding checks only the JSON's shape; [Engine.Validate] and [Engine.Evaluate] then
// check the values (codes, credit code, amounts) and report those problems the same way.
func DecodeProject(data []byte) (*Project, error) {
	if p, ok := fastDecode(data); ok {
		return p, nil
	}
	return decodeWalk(data)
}

// decodeWalk is DecodeProject's full walk, which names every problem.
func decodeWalk(data []byte) (*Project, error) {
	if !json.Valid(data) {
		var v any // Unmarshal says what is wrong, with its offset
		return nil, fmt.Errorf("eligibility: %w: %w", ErrInvalidProject, json.Unmarshal(data, &v))
	}
	if kind := jsonKind(data); kind != "object" {
		return nil, fmt.Errorf("eligibility: %w: want a project record (a JSON object), got %s", ErrInvalidProject, article(kind))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p Project
	err := dec.Decode(&p)
	// The walk finds every problem with its path, and what encoding/json lets
	// through: duplicate keys (the last silently wins) and keys in another case.
	var problems criteria.Problems
	locate(data, projectType, "", &problems)
	if perr := problems.Err(invalidProject, ErrInvalidProject); perr != nil {
		return nil, perr
	}
	if err != nil {
		return nil, fmt.Errorf("eligibility: %w: %w", ErrInvalidProject, err)
	}
	if !utf8.Valid(data) {
		// Outside any value the walk checks (in a key, say). encoding/json would
		// replace the bytes with U+FFFD silently; text from a Go caller that is not
		// UTF-8 is refused too, so JSON input is held to the same.
		return nil, fmt.Errorf("eligibility: %w: not valid UTF-8 (at byte %d)", ErrInvalidProject, invalidUTF8At(data))
	}
	return &p, nil
}

var (
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	decimalType         = reflect.TypeFor[decimal.Decimal]()
)

// locate records every problem that decoding raw into a value of type t meets, each
// at its JSON path. It follows encoding/json's rules: null is accepted anywhere,
// object keys match field names case-insensitively, and types with their own
// unmarshalling method decide for themselves.
func locate(raw []byte, t reflect.Type, path string, problems *criteria.Problems) {
	if jsonKind(raw) == "null" {
		return
	}
	if k := jsonKind(raw); k == "string" && !utf8.Valid(raw) {
		problems.Add(path, "is not valid UTF-8 (encoding/json would replace it silently)")
		return
	}
	if t.Kind() == reflect.Pointer {
		locate(raw, t.Elem(), path, problems)
		return
	}
	if pt := reflect.PointerTo(t); pt.Implements(jsonUnmarshalerType) || pt.Implements(textUnmarshalerType) {
		if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
			if t == decimalType {
				problems.Add(path, "%s is not a decimal amount; write it as a string such as \"5000000.00\"", raw)
			} else {
				problems.Add(path, "%s", strings.TrimPrefix(err.Error(), "json: "))
			}
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		members, ok := objectMembers(raw)
		if !ok {
			problems.Add(path, "want an object, got %s", article(jsonKind(raw)))
			return
		}
		fields := jsonFields(t)
		seen := map[string]bool{}
		for _, m := range members {
			f, ok := fields.lookup(m.key)
			switch {
			case !ok:
				problems.Add(join(path, m.key), "unknown field")
				continue
			case f.name != m.key:
				// encoding/json matches case-insensitively; the contract does not.
				problems.Add(join(path, m.key), "unknown field: keys are case-sensitive, did you mean %q?", f.name)
				continue
			case seen[m.key]:
				problems.Add(join(path, m.key), "duplicate key: encoding/json would keep the last value silently")
				continue
			}
			seen[m.key] = true
			locate(m.value, f.typ, join(path, f.name), problems)
		}
	case reflect.Map:
		members, ok := objectMembers(raw)
		if !ok {
			problems.Add(path, "want an object, got %s", article(jsonKind(raw)))
			return
		}
		seen := map[string]bool{}
		for _, m := range members {
			if seen[m.key] {
				problems.Add(join(path, m.key), "duplicate key: encoding/json would keep the last value silently")
				continue
			}
			seen[m.key] = true
			locate(m.value, t.Elem(), join(path, m.key), problems)
		}
	case reflect.Slice:
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			problems.Add(path, "want an array, got %s", article(jsonKind(raw)))
			return
		}
		for i, e := range elems {
			locate(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i), problems)
		}
	default:
		if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
			problems.Add(path, "want %s, got %s", goKind(t), article(jsonKind(raw)))
		}
	}
}

type member struct {
	key   string
	value json.RawMessage
}

// objectMembers returns the members of a JSON object in document order.
func objectMembers(raw json.RawMessage) ([]member, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var members []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return members, false
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return members, false
		}
		members = append(members, member{key, v})
	}
	return members, true
}

type field struct {
	name string
	typ  reflect.Type
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
		fs = append(fs, field{name: name, typ: sf.Type})
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
func jsonKind(raw json.RawMessage) string {
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

func article(kind string) string {
	switch kind {
	case "array", "object":
		return "an " + kind
	case "null", "nothing":
		return kind
	}
	return "a " + kind
}

func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return t.String()
}

// invalidUTF8At returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
