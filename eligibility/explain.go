package eligibility

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"github.com/shopspring/decimal"

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
	// Value is the value (amounts with every digit, dates YYYY-MM-DD, lists joined
	// by ", "); empty when Missing. A record's text is cut after MaxEchoBytes bytes
	// and a list after MaxEchoItems items, each marked with its full length
	// ("… (65536 bytes)", "… (10000 items)"); a parameter's value is in full.
	Value string `json:"value,omitempty"`
	// Items are the items of a list the record states, so that a list of one item
	// "a, b" and one of the two items "a" and "b" can be told apart; Value joins
	// them. They are bounded as Value is: the first MaxEchoItems, each cut after
	// MaxEchoBytes bytes; none for an empty list. (A parameter's list is of codes,
	// which hold no comma.)
	Items []string `json:"items,omitempty"`
	// ItemCount is the length of a list cut to its first MaxEchoItems items, and 0
	// when Items holds every item.
	ItemCount int `json:"itemCount,omitempty"`
	// Codes names the code list the value's codes belong to ("carrier",
	// "reportingUnit" …; criteria.CodeLists), so that words for people name each
	// code (criteria.CodeName) instead of printing it; empty for other values.
	Codes string `json:"codes,omitempty"`
	// Unit is "yuan" for amounts and a parameter's unit otherwise, or empty.
	Unit string `json:"unit,omitempty"`
	// Missing says the record does not state the fact, or no finding was given.
	Missing bool `json:"missing,omitempty"`
	// By, On and Note echo a reviewer's finding: who gave it, when and why (By and
	// Note cut as Value is).
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
	codes string // the code list of the values, or ""
	// items returns the items of a fact holding a list of strings, or is nil.
	items func(*Project) []string
	// quiet leaves the input out of a result while it is missing: a data
	// criterion's own finding, asked for only when the data cannot decide (an item
	// an open list does not name), and a second fact read from the same JSON field
	// as the one before it. The result's missing paths still name what is missing.
	quiet bool
	// twin is the fact that follows from the same JSON field, or -1: a missing fact
	// whose twin is known is left out too (a completed investment left blank shows
	// as blank, not also as not stated).
	twin int
	// words are the name and label escaped for a verdict's JSON, or nil, and
	// byCode, for a fact holding one code, the input in its JSON forms for each
	// code (see codeInputs).
	words  *inputWords
	byCode map[string]*fixedInput
}

// listFacts reads the record facts that are lists of strings straight from the
// project: going through the CEL list would box every item.
var listFacts = map[string]func(*Project) []string{
	"bigDataContent":        func(p *Project) []string { return codeStrings(p.BigDataContent) },
	"fiveG.technologies":    func(p *Project) []string { return codeStrings(p.FiveG.Technologies) },
	"fiveG.scenarios":       func(p *Project) []string { return p.FiveG.Scenarios },
	"intranet.technologies": func(p *Project) []string { return codeStrings(p.Intranet.Technologies) },
}

// codeStrings returns a list of codes as the strings a verdict shows; the result
// is the caller's.
func codeStrings[T ~string](codes []T) []string {
	if codes == nil {
		return nil
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = string(c)
	}
	return out
}

// factCodes names the code list of each record fact that holds codes.
var factCodes = map[string]string{
	"category":                 "category",
	"subtype":                  "subtype",
	"stage":                    "stage",
	"reportingUnit":            "reportingUnit",
	"applicant.legalForm":      "legalForm",
	"applicant.enterpriseKind": "enterpriseKind",
	"applicant.carrier":        "carrier",
	"bigDataContent":           "bigDataContent",
	"fiveG.technologies":       "fiveGTechnology",
	"intranet.technologies":    "intranetTechnology",
	"identifierNode.kind":      "identifierNode",
	"platform.level":           "platformLevel",
}

// inputDefs resolves what an expression pair reads, in a stable order: record facts
// in schema order, findings, parameters, then the evaluation date.
func (e *Engine) inputDefs(r refs) []inputDef {
	var defs []inputDef
	for _, i := range r.facts {
		f := &schema[i]
		d := inputDef{kind: inputFact, index: i, name: f.path, label: criteria.Text{Zh: f.name.zh, En: f.name.en},
			codes: factCodes[f.path], items: listFacts[f.path], twin: -1}
		if n := len(defs); n > 0 && defs[n-1].kind == inputFact && slices.Equal(schema[defs[n-1].index].json, f.json) {
			d.quiet = true
			defs[n-1].twin = i
		}
		if f.typ == celDecimalType {
			d.unit = "yuan"
		}
		defs = append(defs, d)
	}
	for _, id := range r.findings {
		_, ownData := e.dataFindings[id]
		defs = append(defs, inputDef{kind: inputFinding, id: id, name: "findings." + id, quiet: ownData,
			label: criteria.Text{Zh: "评审意见（" + id + "）", En: "reviewer's finding on " + id}})
	}
	for _, name := range r.params {
		i := slices.IndexFunc(e.rules.Parameters, func(p criteria.Parameter) bool { return p.Name == name })
		p := &e.rules.Parameters[i]
		label := p.Label
		if label.IsZero() {
			label = criteria.Text{Zh: p.Name, En: p.Name}
		}
		defs = append(defs, inputDef{kind: inputParam, index: i, name: "params." + name, label: label, unit: p.Unit, codes: p.Codes})
	}
	if r.asOf {
		defs = append(defs, inputDef{kind: inputAsOf, name: varAsOf, label: criteria.Text{Zh: "评估日", En: "evaluation date"}})
	}
	for i := range defs {
		defs[i].words = newInputWords(&defs[i])
		defs[i].byCode = codeInputs(&defs[i])
	}
	return defs
}

// inputs fills the inputs of one result into buf.
func (r *record) inputs(defs []inputDef, ep *epoch, asOf string, buf []Input) []Input {
	for _, d := range defs {
		in := Input{Name: d.name, Label: d.label, Unit: d.unit, Codes: d.codes}
		switch d.kind {
		case inputFact:
			in.Value, in.Missing = r.shown(d.index)
			if in.Missing && d.quiet {
				continue
			}
			if in.Missing && d.twin >= 0 {
				if _, twinMissing := r.shown(d.twin); !twinMissing {
					continue
				}
			}
			if d.items != nil && !in.Missing {
				in.Items, in.ItemCount = echoItems(d.items(r.in.p))
			}
		case inputFinding:
			f, ok := r.in.p.Findings[d.id]
			if !ok || f.Met == nil {
				if d.quiet {
					continue
				}
				in.Missing = true
			} else {
				in.Value = strconv.FormatBool(*f.Met)
				in.By, in.On, in.Note = echoText(f.By), f.On, echoText(f.Note)
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

// A verdict echoes what it read, but never more than these bounds of it: each
// list item was once copied into the inputs and again into both languages of the
// explanation, and 1,000 items of 64 KiB made a 375 MB verdict. A text longer than
// MaxEchoBytes is cut (at a character boundary) and marked with its length, "…
// (65536 bytes)"; a list shows its first MaxEchoItems items and then its length,
// "… (10000 items)". A verdict is thereby a fixed size, plus the record's ID and
// name, whatever the record holds; the record itself, hashed in the provenance,
// keeps every byte.
const (
	// MaxEchoBytes bounds each text a verdict echoes: a fact, a list item, a
	// reviewer's name or note.
	MaxEchoBytes = 256
	// MaxEchoItems bounds the items of a list a verdict echoes.
	MaxEchoItems = 20
)

// echoText returns s, or its first MaxEchoBytes bytes (whole characters) marked
// with its length.
func echoText(s string) string {
	if len(s) <= MaxEchoBytes {
		return s
	}
	cut := MaxEchoBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

// echoItems returns a copy of the first MaxEchoItems items of list, each bounded by
// echoText, and the list's length when it is cut (0 otherwise). An empty list has no
// items (nil): that is how it reads back from JSON, where omitempty leaves it out.
func echoItems(list []string) ([]string, int) {
	if len(list) == 0 {
		return nil, 0
	}
	out := make([]string, min(len(list), MaxEchoItems))
	for i := range out {
		out[i] = echoText(list[i])
	}
	if len(out) < len(list) {
		return out, len(list)
	}
	return out, 0
}

// display writes a fact's CEL value, bounded as a verdict echoes it.
func display(v ref.Val) string { return displayBounded(v, true) }

// displayFull writes a parameter's CEL value in full: it comes from the rule set,
// whose own limits bound it, and a reader of the verdict needs every code of it.
func displayFull(v ref.Val) string { return displayBounded(v, false) }

func displayBounded(v ref.Val, bound bool) string {
	switch v := v.(type) {
	case types.String:
		if bound {
			return echoText(string(v))
		}
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
		shown := n
		if bound {
			shown = min(n, MaxEchoItems)
		}
		parts := make([]string, shown, shown+1)
		for i := range shown {
			switch e := v.Get(types.Int(i)).(type) {
			case types.String:
				parts[i] = string(e)
				if bound {
					parts[i] = echoText(parts[i])
				}
			case *object:
				return strconv.Itoa(n) // incidents: the count; the records are in the input
			}
		}
		if shown < n {
			parts = append(parts, "… ("+strconv.Itoa(n)+" items)")
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
//	一(一)4 要求：项目总投资额度不小于500万元（含本数）。总投资 4,999,999.99 元；总投资下限 5,000,000 元。结论：不符合。
//
// It is built from the result's own fields when asked for (and when the verdict is
// marshalled), so evaluation does not pay for strings nobody reads.
func (r *Result) Explanation() criteria.Text {
	s := sentence{zh: make([]byte, 0, 512), en: make([]byte, 0, 512)}
	r.explain(&s, nil)
	return criteria.Text{Zh: string(s.zh), En: string(s.en)}
}

// appendExplanationJSON appends the member `,"explanation":{"zh":…,"en":…}` of a
// result's full form: the sentences of [Result.Explanation], each piece escaped
// as it is written, without building them as strings first. The Chinese is
// written in place and the English into scratch, which it returns for the next
// result. req, when set, is the requirement as the result's member already wrote
// it: copied, not escaped again. rw and matches, when not nil, are the escaped
// words of the result's criterion and of its inputs (see appendResultWith).
func (r *Result) appendExplanationJSON(dst []byte, req escapedText, scratch []byte, rw *resultWords, matches []inputMatch) ([]byte, []byte) {
	start := len(dst)
	s := sentence{zh: append(dst, `,"explanation":{"zh":"`...), en: scratch[:0], json: true, req: req, words: rw}
	r.explain(&s, matches)
	if s.bad {
		// Escaping piece by piece is escaping the whole only for valid UTF-8: a
		// piece that ends inside a character may end it with the next piece.
		return putTextPair(append(s.zh[:start], `,"explanation":`...), r.Explanation()), s.en
	}
	dst = append(s.zh, `","en":"`...)
	dst = append(dst, s.en...)
	return append(dst, `"}`...), s.en
}

// sentence is an explanation being written, in Chinese and English at once: as it
// is, or, for a verdict's JSON, JSON-escaped as appendString escapes.
// Result.explain is the one wording of both.
type sentence struct {
	zh, en []byte
	json   bool // escape each piece
	bad    bool // an escaped piece held invalid UTF-8
	req    escapedText
	// words, when not nil, holds the opening escaped (a verdict's JSON written by
	// its engine).
	words *resultWords
}

// escapedText is a criteria.Text JSON-escaped, and whether both were valid UTF-8;
// the zero value is none.
type escapedText struct {
	zh, en []byte
	set    bool
	valid  bool
}

// put writes text that is the same in both languages (a value, a reference).
func (s *sentence) put(x string) {
	if !s.json {
		s.zh = append(s.zh, x...)
		s.en = append(s.en, x...)
		return
	}
	at := len(s.zh)
	var ok bool
	s.zh, ok = appendEscaped(s.zh, x)
	s.en = append(s.en, s.zh[at:]...)
	s.bad = s.bad || !ok
}

// say writes a phrase of the wording itself, zh in Chinese and en in English. Its
// phrases are literals that need no escaping (TestPhrasesNeedNoEscaping reads
// every call), so they are copied as they are.
func (s *sentence) say(zh, en string) {
	s.zh = append(s.zh, zh...)
	s.en = append(s.en, en...)
}

// text writes t, escaped for a verdict's JSON.
func (s *sentence) text(t criteria.Text) {
	if !s.json {
		s.say(t.Zh, t.En)
		return
	}
	var okZh, okEn bool
	s.zh, okZh = appendEscaped(s.zh, t.Zh)
	s.en, okEn = appendEscaped(s.en, t.En)
	s.bad = s.bad || !okZh || !okEn
}

// raw writes bytes that need no escaping (digits, a sign, a point, a comma).
func (s *sentence) raw(b []byte) {
	s.zh = append(s.zh, b...)
	s.en = append(s.en, b...)
}

func (s *sentence) digits(n int) {
	var buf [20]byte
	s.raw(strconv.AppendInt(buf[:0], int64(n), 10))
}

// explain writes the explanation; matches, when not nil, holds for each input what
// it has of the escaped words, when s is JSON.
func (r *Result) explain(s *sentence, matches []inputMatch) {
	if s.json && s.words != nil {
		s.zh = append(s.zh, s.words.openZh...)
		s.en = append(s.en, s.words.openEn...)
	} else {
		r.opening(s)
	}
	for i := range r.Inputs {
		if i == 0 {
			s.say("依据：", " Read: ")
		} else {
			s.say("；", "; ")
		}
		var m inputMatch
		if s.json && matches != nil {
			m = matches[i]
		}
		s.input(&r.Inputs[i], m)
	}
	if len(r.Inputs) > 0 {
		s.say("。", ".")
	}
	word := r.Outcome.Words()
	if r.Outcome == Fail && r.Strength == criteria.Encouraged {
		word = criteria.Text{Zh: "未达到鼓励条件（建议，不影响结论）", En: "not met (advisory; does not affect the decision)"}
	}
	s.say("结论：", " Outcome: ")
	s.text(word)
	s.say("。", ".")
	for _, a := range r.Adjustments {
		s.say("注：", " Note: ")
		s.text(a)
		s.say("。", ".")
	}
}

// opening writes the explanation's first sentence: the clause and what it requires.
func (r *Result) opening(s *sentence) {
	s.put(r.Ref)
	s.say(" 要求：", " requires: ")
	if s.json && s.req.set {
		s.zh = append(s.zh, s.req.zh...)
		s.en = append(s.en, s.req.en...)
		s.bad = s.bad || !s.req.valid
	} else {
		s.text(r.Requirement)
	}
	s.say("。", ".")
}

// input writes what one input read; m, in a verdict's JSON, what it has of the
// escaped words: the whole phrase, or its label.
func (s *sentence) input(in *Input, m inputMatch) {
	switch {
	case m.fixed != nil:
		s.zh = append(s.zh, m.fixed.zh...)
		s.en = append(s.en, m.fixed.en...)
		return
	case m.def != nil:
		s.zh = append(s.zh, m.def.words.zh...)
		s.en = append(s.en, m.def.words.en...)
	default:
		s.text(in.Label)
	}
	if in.Missing {
		s.say(" 未填报", " not stated")
		return
	}
	switch {
	case strings.HasPrefix(in.Name, "findings."):
		switch in.Value {
		case "true":
			s.say(" 认定符合", " met")
		case "false":
			s.say(" 认定不符合", " not met")
		default:
			s.say(" ", " ")
		}
		if in.By != "" || !in.On.IsZero() {
			s.say("（", " (")
			s.givenBy(in.By, in.On)
			s.say("）", ")")
		}
		return
	case in.Unit == "yuan":
		s.say(" ", " ")
		s.groupDigits(in.Value)
		s.say(" 元", " yuan")
		return
	case in.Unit == "years":
		s.say(" ", " ")
		s.put(in.Value)
		s.say(" 年", " years")
		return
	case in.Unit == "ratio":
		if d, err := decimal.NewFromString(in.Value); err == nil {
			s.say(" ", " ")
			s.put(in.Value)
			s.say("（即 ", " (")
			s.text(criteria.FormatRatio(d))
			s.say("）", ")")
			return
		}
	case in.Name == "incidents":
		// The incidents are listed by their own inputs' facts; this one counts them.
		s.say(" ", " ")
		s.put(cmp.Or(in.Value, "0"))
		s.say(" 项", " recorded")
		return
	case in.Items != nil || in.Codes != "" || listFacts[in.Name] != nil: // an empty list has no Items
		s.say(" ", " ")
		s.itemNames(in)
		return
	case in.Value == "true":
		s.say(" 是", " yes")
		return
	case in.Value == "false":
		s.say(" 否", " no")
		return
	}
	s.say(" ", " ")
	s.put(in.Value)
}

// givenBy writes who gave a finding and when, strings.TrimSpace(by + " " + on).
func (s *sentence) givenBy(by string, on Date) {
	if on.IsZero() {
		s.put(strings.TrimSpace(by))
		return
	}
	if by = strings.TrimLeftFunc(by, unicode.IsSpace); by != "" {
		s.put(by)
		s.say(" ", " ")
	}
	var buf [16]byte
	s.raw(appendDate(buf[:0], on)) // digits and hyphens
}

// groupDigits writes an amount as criteria.GroupDigits does; the plain decimals a
// verdict's amounts are, it groups in place.
func (s *sentence) groupDigits(v string) {
	if !plainDecimal(v) {
		s.put(criteria.GroupDigits(v))
		return
	}
	var buf [64]byte
	b := buf[:0]
	if v[0] == '-' {
		b = append(b, '-')
		v = v[1:]
	}
	whole, frac := v, ""
	if i := strings.IndexByte(v, '.'); i >= 0 {
		whole, frac = v[:i], v[i:]
	}
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, whole[i])
	}
	s.raw(append(b, frac...))
}

// plainDecimal reports whether v is -?digits(.digits)?, which decimal.NewFromString
// accepts.
func plainDecimal(v string) bool {
	v = strings.TrimPrefix(v, "-")
	whole, frac, point := strings.Cut(v, ".")
	return whole != "" && allDigits(whole) && (!point || frac != "" && allDigits(frac))
}

// itemNames writes the items of a list, or one code, for people: each code by its
// name in the input's code list, anything else (free text, a code the list does not
// know) in quotation marks, so that the list “a, b” and the list “a”、“b” read
// differently. A parameter's list has no Items: its codes, which hold no comma,
// are read back from Value.
func (s *sentence) itemNames(in *Input) {
	n := 0
	item := func(it string) {
		if n > 0 {
			s.say("、", ", ")
		}
		n++
		s.text(criteria.FormatCode(in.Codes, it))
	}
	switch {
	case in.Items != nil:
		for _, it := range in.Items {
			item(it)
		}
	case in.Value == "":
	case strings.HasPrefix(in.Name, "params."):
		for it := range strings.SplitSeq(in.Value, ", ") {
			item(it)
		}
	default:
		item(in.Value) // a fact with codes and no Items holds one code
	}
	if n == 0 {
		s.say("（空）", "(none)")
		return
	}
	if in.ItemCount > 0 {
		s.say("……（共 ", ", … (")
		s.digits(in.ItemCount)
		s.say(" 项）", " items in all)")
	}
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
