package eligibility

import (
	"bytes"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/shopspring/decimal"
)

// fastDecode is the strict decoder's fast path: one pass of a strict decoder over a
// record that is very likely valid. It refuses, rather than explains, anything the
// full walk (decode.go) might report, and the caller then runs the walk, which finds
// and names every problem; so the fast path can only be stricter than the walk, never
// more lenient, and a valid record costs one strict decode instead of the walk.
//
// github.com/go-json-experiment/json (the module form of encoding/json/v2, without
// GOEXPERIMENT) refuses by default what encoding/json lets through: duplicate names,
// names in another case and invalid UTF-8; unknown members are refused by option.
// What remains is screened out before decoding: null, \u escapes (which can hide a
// lone surrogate) and empty strings other than a form text's stated blank are rare
// in a valid record, so any of them sends it down the walk, as does an amount that is
// not plainly digits.
func fastDecode(data []byte) (*Project, bool) {
	if bytes.Contains(data, []byte("null")) || bytes.Contains(data, []byte(`\u`)) || !onlyBlankForms(data) {
		return nil, false
	}
	var p Project
	if err := jsonv2.Unmarshal(data, &p, fastOptions); err != nil {
		return nil, false
	}
	return &p, true
}

var fastOptions = jsonv2.JoinOptions(
	jsonv2.RejectUnknownMembers(true),
	jsonv2.WithUnmarshalers(jsonv2.UnmarshalFromFunc(unmarshalAmount)),
)

// errNotPlain sends an amount in any other form down the walk, which says what is
// wrong with it.
var errNotPlain = jsonv2.SemanticError{}

func unmarshalAmount(dec *jsontext.Decoder, d *decimal.Decimal) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	if tok.Kind() != '"' {
		return &errNotPlain
	}
	s := tok.String()
	if !isPlainAmount(s) {
		return &errNotPlain
	}
	v, err := decimal.NewFromString(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// isPlainAmount reports whether s is an amount in its canonical form, digits,
// optionally a point and more digits, no leading zero, at most 30 digits on either
// side: ^(0|[1-9][0-9]{0,29})(\.[0-9]{1,30})?$, without a regular expression's cost.
func isPlainAmount(s string) bool {
	whole, frac, point := s, "", false
	if i := strings.IndexByte(s, '.'); i >= 0 {
		whole, frac, point = s[:i], s[i+1:], true
	}
	if len(whole) == 0 || len(whole) > 30 || len(frac) > 30 || point && len(frac) == 0 {
		return false
	}
	if whole[0] == '0' && len(whole) > 1 {
		return false
	}
	for _, part := range [2]string{whole, frac} {
		for i := range len(part) {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	return true
}

// blankable are the members whose value may be "": the form texts, pointers where a
// stated blank differs from no statement. No other member of the record has these
// names, so the strict decoder refuses "" under them anywhere else.
var blankable = [...]string{`"constructionScale"`, `"progress"`, `"responsiblePerson"`}

// onlyBlankForms reports whether every "" in data is the value of a form text. It
// errs towards false (a "" it cannot place, such as the end of "a\""), which sends
// the record down the walk.
func onlyBlankForms(data []byte) bool {
	for rest, at := data, 0; ; {
		i := bytes.Index(rest, []byte(`""`))
		if i < 0 {
			return true
		}
		at += i
		before := bytes.TrimRight(data[:at], " \t\r\n")
		if !bytes.HasSuffix(before, []byte(":")) {
			return false
		}
		before = bytes.TrimRight(before[:len(before)-1], " \t\r\n")
		ok := false
		for _, name := range blankable {
			if bytes.HasSuffix(before, []byte(name)) {
				ok = true
			}
		}
		if !ok {
			return false
		}
		at += 2
		rest = data[at:]
	}
}
