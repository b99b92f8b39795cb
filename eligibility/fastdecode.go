package eligibility

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math/bits"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/criteria"
)

// decode is DecodeProject and its variants: the fast path for a record it can vouch
// for, then the checks of values every record gets; the full walk otherwise.
func decode(ctx context.Context, e *Engine, data []byte) (*Project, error) {
	p, _, _, err := decodeChecked(ctx, e, data)
	return p, err
}

// decodeChecked is decode, and, when the fast path took the record, the record as
// the checks of values read it: evaluating it need not check it again (checked).
func decodeChecked(ctx context.Context, e *Engine, data []byte) (p *Project, in input, checked bool, err error) {
	if err := ctx.Err(); err != nil {
		return nil, input{}, false, fmt.Errorf("eligibility: decoding stopped: %w", err)
	}
	ok := false
	if len(data) <= fastDecodeLimit {
		p, ok = fastDecode(data)
	}
	if !ok {
		p, err = decodeWalk(ctx, e, data)
		return p, input{}, false, err
	}
	// What the walk does after a walk that found nothing.
	var problems criteria.Problems
	problems.Shadow()
	in = e.check(p, &problems)
	if err := invalid(&problems); err != nil {
		return nil, input{}, false, err
	}
	return p, in, true, nil
}

// fastDecodeLimit is the largest record the fast path takes. It does not look at the
// context, so it only takes what it reads in well under a millisecond: a typical
// record is 1–3 KB, and a larger one takes the walk, which stops when the context
// does.
const fastDecodeLimit = 16 << 10

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
// in a valid record, so any of them sends it down the walk, as does an amount, a form
// amount or a year not in the walk's form. A type the walk decodes by a rule of its
// own (decimal.Decimal, FormAmount, a year) is decoded here by that rule, never by its
// own UnmarshalJSON, which may be more lenient (FormAmount's reads "-1e3").
func fastDecode(data []byte) (*Project, bool) {
	if !plainRecord(data) {
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
	jsonv2.WithUnmarshalers(jsonv2.JoinUnmarshalers(
		jsonv2.UnmarshalFromFunc(unmarshalAmount),
		jsonv2.UnmarshalFromFunc(unmarshalFormAmount),
		jsonv2.UnmarshalFromFunc(unmarshalYear),
	)),
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
	if en, _ := amountForm(s); en != "" {
		return &errNotPlain
	}
	v, err := decimal.NewFromString(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// unmarshalFormAmount takes a 三.2 form amount as walker.formAmount does: a string of
// white space only is a field left blank, anything else an amount in the canonical
// form, optionally negative (FormAmountPattern).
func unmarshalFormAmount(dec *jsontext.Decoder, a *FormAmount) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	if tok.Kind() != '"' {
		return &errNotPlain
	}
	v, en, _ := parseFormAmount(tok.String())
	if en != "" {
		return &errNotPlain // the walk names the problem
	}
	*a = v
	return nil
}

// unmarshalYear takes a year as the walk does: a JSON integer from 1 to 9999
// written as digits.
func unmarshalYear(dec *jsontext.Decoder, n *int) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	raw := tok.String()
	if tok.Kind() != '0' || len(raw) > 4 || !allDigits(raw) || raw[0] == '0' {
		return &errNotPlain
	}
	*n = 0
	for _, c := range []byte(raw) {
		*n = *n*10 + int(c-'0')
	}
	return nil
}

// blankable are the members whose value may be "": the form texts, pointers where a
// stated blank differs from no statement, and the form amount investment.completed,
// where "" is a field left blank. No other member of the record has these names but
// selfAssessment.completed, a bool, so the strict decoder refuses "" under them
// anywhere else.
var blankable = [...]string{`"constructionScale"`, `"progress"`, `"responsiblePerson"`, `"completed"`}

// plainRecord reports whether data holds no null, no \u escape and no "" but a form
// text's stated blank (onlyBlankForms): the screen before the fast path. It reads
// data a word of 8 bytes at a time, and a word of which no byte is ASCII (Chinese
// text) in one test, since each of the three begins with an ASCII byte. It says
// what the three searches with bytes.Contains say (TestPlainRecordIsTheThreeSearches),
// in about a third of their time.
func plainRecord(data []byte) bool {
	const highs = 0x8080808080808080
	i := 0
	for ; i+11 <= len(data); i += 8 {
		w0 := binary.LittleEndian.Uint64(data[i:])
		if w0&highs == highs {
			continue
		}
		w1 := binary.LittleEndian.Uint64(data[i+1:])
		if bytesAre(w0, '\\')&bytesAre(w1, 'u') != 0 {
			return false
		}
		w2, w3 := binary.LittleEndian.Uint64(data[i+2:]), binary.LittleEndian.Uint64(data[i+3:])
		if bytesAre(w0, 'n')&bytesAre(w1, 'u')&bytesAre(w2, 'l')&bytesAre(w3, 'l') != 0 {
			return false
		}
		for pairs := bytesAre(w0, '"') & bytesAre(w1, '"'); pairs != 0; pairs &= pairs - 1 {
			if !blankForm(data, i+bits.TrailingZeros64(pairs)/8) {
				return false
			}
		}
	}
	for ; i < len(data); i++ {
		rest := data[i:]
		if bytes.HasPrefix(rest, []byte(`\u`)) || bytes.HasPrefix(rest, []byte("null")) ||
			bytes.HasPrefix(rest, []byte(`""`)) && !blankForm(data, i) {
			return false
		}
	}
	return true
}

// bytesAre returns the high bit of each byte of w that is c, and no other bit: the
// exact form of the zero-byte test, which has no carry from one byte to the next.
func bytesAre(w uint64, c byte) uint64 {
	const lows, highs = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	t := w ^ uint64(c)*0x0101010101010101
	return ^((t&lows + lows) | t) & highs
}

// blankForm reports whether the "" at data[at:] is the value of a form text.
func blankForm(data []byte, at int) bool {
	before := bytes.TrimRight(data[:at], " \t\r\n")
	if !bytes.HasSuffix(before, []byte(":")) {
		return false
	}
	before = bytes.TrimRight(before[:len(before)-1], " \t\r\n")
	for _, name := range blankable {
		if bytes.HasSuffix(before, []byte(name)) {
			return true
		}
	}
	return false
}
