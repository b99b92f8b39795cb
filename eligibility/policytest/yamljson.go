package policytest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/jilin761/intake/eligibility"
)

// jsonNumber is the grammar of a JSON number; YAML numbers outside it (0x1F, .5,
// 1_000, .inf) are converted or refused.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// nodeJSON converts a YAML node holding a project record (or a patch of one) to JSON,
// keeping every scalar's text: an amount written 12345678.91 reaches the project
// decoder as those digits, never through a binary float, and a date stays a string.
// A YAML number where the record has an amount is written as the decimal string the
// record's contract asks for, so that analysts need not quote amounts in YAML.
func nodeJSON(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, n, reflect.TypeFor[eligibility.Project]()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var (
	decimalType    = reflect.TypeFor[decimal.Decimal]()
	formAmountType = reflect.TypeFor[eligibility.FormAmount]()
)

// member returns the type of a struct's field or a map's value named key, or nil.
func member(t reflect.Type, key string) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == nil:
	case t.Kind() == reflect.Map:
		return t.Elem()
	case t.Kind() == reflect.Struct:
		for f := range t.Fields() {
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == key {
				return f.Type
			}
		}
	}
	return nil
}

// element returns the element type of a slice type, or nil.
func element(t reflect.Type) reflect.Type {
	if t != nil && t.Kind() == reflect.Slice {
		return t.Elem()
	}
	return nil
}

// writeJSON writes n as JSON; t is the Go type n is decoded into, nil when unknown.
func writeJSON(b *bytes.Buffer, n *yaml.Node, t reflect.Type) error {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			b.WriteString("null")
			return nil
		}
		return writeJSON(b, n.Content[0], t)
	case yaml.AliasNode:
		return writeJSON(b, n.Alias, t)
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.ShortTag() == "!!merge" {
				return fmt.Errorf("line %d: keys must be plain names", k.Line)
			}
			if i > 0 {
				b.WriteByte(',')
			}
			key, _ := json.Marshal(k.Value)
			b.Write(key)
			b.WriteByte(':')
			if err := writeJSON(b, v, member(t, k.Value)); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, e := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, e, element(t)); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		return writeScalar(b, n, t)
	default:
		return fmt.Errorf("line %d: unsupported YAML node", n.Line)
	}
	return nil
}

func writeScalar(b *bytes.Buffer, n *yaml.Node, t reflect.Type) error {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if (t == decimalType || t == formAmountType) && (n.ShortTag() == "!!int" || n.ShortTag() == "!!float") {
		var num bytes.Buffer
		if err := writeScalar(&num, n, nil); err != nil {
			return err
		}
		s, _ := json.Marshal(num.String()) // the decoder judges the form
		b.Write(s)
		return nil
	}
	switch n.ShortTag() {
	case "!!null":
		b.WriteString("null")
		return nil
	case "!!bool":
		var v bool
		if err := n.Decode(&v); err != nil {
			return err
		}
		b.WriteString(strconv.FormatBool(v))
		return nil
	case "!!int", "!!float":
		if jsonNumber.MatchString(n.Value) {
			b.WriteString(n.Value)
			return nil
		}
		if n.ShortTag() == "!!int" {
			var v int64
			if err := n.Decode(&v); err == nil {
				b.WriteString(strconv.FormatInt(v, 10))
				return nil
			}
		}
		return fmt.Errorf("line %d: %q is not a number JSON can carry; quote it", n.Line, n.Value)
	}
	s, _ := json.Marshal(n.Value) // strings, dates (!!timestamp) and anything else, as written
	b.Write(s)
	return nil
}

// decodeGeneric decodes JSON into maps, slices and json.Numbers, keeping numbers'
// digits.
func decodeGeneric(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// mergePatch applies an RFC 7386 JSON merge patch: an object merges key by key, null
// deletes a key, anything else replaces. It is how a fixture states "this project,
// but with total 4,999,999.99" or "but without a total".
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
			continue
		}
		t[k] = mergePatch(t[k], v)
	}
	return t
}

// patchJSON applies a merge patch written in YAML to a JSON document.
func patchJSON(doc []byte, patch *yaml.Node) ([]byte, error) {
	if patch.Kind != yaml.MappingNode {
		return nil, errors.New("a patch is a mapping of the fields to change (null removes one)")
	}
	pj, err := nodeJSON(patch)
	if err != nil {
		return nil, err
	}
	p, err := decodeGeneric(pj)
	if err != nil {
		return nil, err
	}
	t, err := decodeGeneric(doc)
	if err != nil {
		return nil, err
	}
	return json.Marshal(mergePatch(t, p))
}
