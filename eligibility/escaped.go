package eligibility

import (
	"fmt"
	"strings"

	"github.com/jilin761/intake/criteria"
)

// Most of a verdict's full JSON is the rule set's words: each criterion's
// requirement (written twice, in its member and in its explanation), its messages,
// its inputs' labels (twice too), the parameters in force, and the results of the
// criteria of other categories, which are those words alone. They are the same in
// every verdict of an epoch, and escaping them was half the time of writing a
// verdict, so the engine escapes them once, when it phrases an epoch, and
// Engine.AppendVerdict copies them. A piece is copied only for a result or an input whose fields are still the
// very texts it was escaped from, compared by value (for the engine's own strings
// a comparison of two pointers): a verdict a caller has changed, or one another
// engine made, has its changed parts escaped, and the bytes are those of
// Verdict.AppendJSON in every case.

// AppendVerdict appends v's JSON in the given form to dst, byte for byte what
// v.AppendJSON(dst, form) appends. For a verdict e made, it copies the rule set's
// words (requirements, messages, labels, the parameters, whole results of other
// categories' criteria) as e escaped them once instead of escaping them again,
// which makes writing the full form about four times as fast, with no allocation;
// a service or a batch job that writes verdicts should write them this way, into a
// buffer it reuses. v may come from anywhere: what e did not escape, or what
// differs from what it escaped, is escaped as AppendJSON escapes it. Safe for
// concurrent use.
func (e *Engine) AppendVerdict(dst []byte, v *Verdict, form VerdictForm) ([]byte, error) {
	if form > Compact {
		return dst, errUnknownForm(form)
	}
	return appendVerdict(dst, v, form, e.wordsOf(v))
}

func errUnknownForm(form VerdictForm) error {
	return fmt.Errorf("eligibility: unknown verdict form %d", form)
}

// wordsOf returns the text set e phrases a verdict on v.AsOf with, or nil when v is
// not of e's rule set or its date is no date e evaluates on.
func (e *Engine) wordsOf(v *Verdict) *textSet {
	if e == nil || v == nil || v.RuleSet != e.rules.Name || v.Provenance.RuleSetHash != e.ruleSetHash ||
		v.AsOf.IsZero() || v.AsOf.Check() != nil {
		return nil
	}
	ep, epi := e.epochAt(v.AsOf)
	if len(ep.missing) > 0 {
		return nil
	}
	return e.textsAt(epi, v.AsOf)
}

// resultWords is one criterion's words in one text set, JSON-escaped.
type resultWords struct {
	// template is the result the pieces below were made from (its ID to its
	// requirement, and its message, that of a result not applicable), with the
	// messages of a result that fails and one that passes.
	template   *Result
	fail, pass criteria.Text
	// head is a result from `{"id":` to its requirement's closing brace, as
	// appendResultHead writes it in the full form, and req its requirement's
	// two texts; nil when a text was not valid UTF-8.
	head []byte
	req  escapedText
	// failJSON, passJSON and naJSON are the messages of a result that fails,
	// passes and does not apply, as putTextPair writes them.
	failJSON, passJSON, naJSON []byte
	// openZh and openEn are the explanation's opening sentence (Result.opening).
	openZh, openEn []byte
	// bare is the whole full form of a result not applicable that lists no
	// inputs (a criterion of another category): most results of every verdict;
	// compactBare the compact form of any result not applicable, and compactHead
	// the opening of any other (`{"id":"…"`).
	bare, compactBare, compactHead []byte
	// applies and reads define the inputs of a result not applicable and of any
	// other (compiled.inputsFor), and fixedApplies and fixedReads, by the same
	// index, hold those inputs that are the same in every verdict of the text set's
	// epoch (the parameters), or nil.
	applies, reads           []inputDef
	fixedApplies, fixedReads []*fixedInput
}

// fixedInput is an input every verdict of an epoch lists alike, a parameter's, in
// its JSON forms: its member of the full form and its phrase in the explanation.
type fixedInput struct {
	in     Input
	json   []byte
	zh, en []byte
}

// inputMatch is what a result's input has of the escaped words: its definition,
// when the input has its name and label, and its fixed form, when it is that.
type inputMatch struct {
	def   *inputDef
	fixed *fixedInput
}

// fixedInputs returns, for each of defs, its fixed form in epoch ep, or nil.
func fixedInputs(defs []inputDef, ep *epoch) []*fixedInput {
	out := make([]*fixedInput, len(defs))
	if len(ep.missing) > 0 {
		return out // no verdict is reached in this epoch
	}
	for k := range defs {
		d := &defs[k]
		if d.kind != inputParam || d.words == nil {
			continue
		}
		out[k] = newFixedInput(d, ep.shown[d.index])
	}
	return out
}

// newFixedInput writes the input d with the value value in its JSON forms, or
// returns nil when its text is not valid UTF-8.
func newFixedInput(d *inputDef, value string) *fixedInput {
	f := &fixedInput{in: Input{Name: d.name, Label: d.label, Value: value, Codes: d.codes, Unit: d.unit}}
	f.json = appendInputWith(nil, &f.in, Full, inputMatch{})
	s := sentence{json: true}
	s.input(&f.in, inputMatch{})
	if s.bad {
		return nil
	}
	f.zh, f.en = s.zh, s.en
	return f
}

// codeInputs writes a fact that holds one code (a category, a reporting unit, a
// legal form …) in its JSON forms for each code its list names, or returns nil for
// any other fact: most of the facts a result reads are codes.
func codeInputs(d *inputDef) map[string]*fixedInput {
	if d.kind != inputFact || d.codes == "" || d.items != nil || d.words == nil {
		return nil
	}
	codes := criteria.Codes(d.codes)
	if len(codes) == 0 {
		return nil
	}
	byCode := make(map[string]*fixedInput, len(codes))
	for _, c := range codes {
		if f := newFixedInput(d, c); f != nil {
			byCode[c] = f
		}
	}
	return byCode
}

// sameInput reports whether in is the fixed input f, every field compared
// (TestSameInputComparesEveryField).
func sameInput(in, f *Input) bool {
	return in.Name == f.Name && in.Label == f.Label && in.Value == f.Value && in.Items == nil && f.Items == nil &&
		in.ItemCount == f.ItemCount && in.Codes == f.Codes && in.Unit == f.Unit && in.Missing == f.Missing &&
		in.By == f.By && in.On == f.On && in.Note == f.Note
}

// newResultWords escapes the words of criterion i in the result template and the
// words tx.
func (e *Engine) newResultWords(i int, template *Result, tx *phrasing, ep *epoch) resultWords {
	c := &e.criteria[i]
	w := resultWords{template: template, fail: tx.message, pass: tx.pass,
		applies: c.appliesInputs, reads: c.inputs,
		fixedApplies: fixedInputs(c.appliesInputs, ep), fixedReads: fixedInputs(c.inputs, ep)}
	head, req := appendResultHead(nil, template, Full)
	open := sentence{json: true, req: req}
	template.opening(&open)
	if !req.valid || open.bad || !validText(tx.message) || !validText(tx.pass) || !validText(template.Message) {
		return w
	}
	w.head, w.req, w.openZh, w.openEn = head, req, open.zh, open.en
	w.failJSON, w.passJSON, w.naJSON = putTextPair(nil, tx.message), putTextPair(nil, tx.pass), putTextPair(nil, template.Message)
	bare := *template
	bare.Outcome, bare.Inputs, bare.Missing, bare.Adjustments = NotApplicable, nil, nil, nil
	w.bare, _ = appendResultWith(nil, &bare, Full, nil, &w)
	w.compactBare, _ = appendResultWith(nil, &bare, Compact, nil, nil)
	w.compactHead, _ = appendResultHead(nil, template, Compact)
	return w
}

// forResult returns the words of result i of a verdict phrased with ts, when r still
// holds them; nil otherwise.
func (ts *textSet) forResult(i int, r *Result) *resultWords {
	if ts == nil || i >= len(ts.words) {
		return nil
	}
	w := &ts.words[i]
	if t := w.template; w.head == nil || r.ID != t.ID || r.Ref != t.Ref || r.Strength != t.Strength ||
		r.Basis != t.Basis || r.Requirement != t.Requirement {
		return nil
	}
	return w
}

// isBare reports whether r is the result bare was written from.
func (w *resultWords) isBare(r *Result) bool {
	return r.Outcome == NotApplicable && len(r.Inputs) == 0 && len(r.Missing) == 0 && len(r.Adjustments) == 0 &&
		r.Message == w.template.Message
}

// inputs returns, for each of r's inputs, what it has of the escaped words,
// appended to buf.
func (w *resultWords) inputs(r *Result, buf []inputMatch) []inputMatch {
	defs, fixed := w.reads, w.fixedReads
	if r.Outcome == NotApplicable {
		defs, fixed = w.applies, w.fixedApplies
	}
	k := 0
	for i := range r.Inputs {
		in := &r.Inputs[i]
		var m inputMatch
		// A result lists its inputs in the order of their definitions, leaving some
		// out (see inputDef.quiet).
		for k < len(defs) {
			d := &defs[k]
			k++
			if d.name == in.Name {
				if d.words != nil && d.label == in.Label {
					m.def = d
					if f := fixed[k-1]; f != nil && sameInput(in, &f.in) {
						m.fixed = f
					} else if f := d.byCode[in.Value]; f != nil && sameInput(in, &f.in) {
						m.fixed = f
					}
				}
				break
			}
		}
		buf = append(buf, m)
	}
	return buf
}

// appendMessage writes a result's message. The messages of a result that fails,
// passes or does not apply are copied as they were escaped; an undetermined one
// (无法判定（缺少：…）：…) ends with the requirement, and only what comes before it
// is escaped. w may be nil.
func (w *resultWords) appendMessage(dst []byte, m criteria.Text) []byte {
	switch {
	case w == nil:
		return putTextPair(dst, m)
	case m == w.template.Message:
		return append(dst, w.naJSON...)
	case m == w.pass:
		return append(dst, w.passJSON...)
	case m == w.fail:
		return append(dst, w.failJSON...)
	}
	zh, okZh := strings.CutSuffix(m.Zh, w.template.Requirement.Zh)
	en, okEn := strings.CutSuffix(m.En, w.template.Requirement.En)
	if !okZh || !okEn {
		return putTextPair(dst, m)
	}
	// Escaping is rune by rune, so a valid text's escape is that of its two valid
	// parts, one after the other.
	mark := len(dst)
	dst, okZh = appendEscaped(append(dst, `{"zh":"`...), zh)
	dst = append(dst, w.req.zh...)
	dst, okEn = appendEscaped(append(dst, `","en":"`...), en)
	dst = append(dst, w.req.en...)
	if !okZh || !okEn {
		return putTextPair(dst[:mark], m)
	}
	return append(dst, `"}`...)
}

// inputWords is an input's name and label, escaped.
type inputWords struct {
	head   []byte // `{"name":"…","label":{"zh":"…","en":"…"}`, as appendInputWith writes it
	zh, en []byte // the label's two texts
}

// newInputWords escapes d's name and label, or returns nil when one is not valid
// UTF-8.
func newInputWords(d *inputDef) *inputWords {
	var okZh, okEn bool
	head, okName := appendEscaped(append([]byte(nil), `{"name":"`...), d.name)
	head = append(head, `","label":{"zh":"`...)
	at := len(head)
	head, okZh = appendEscaped(head, d.label.Zh)
	zhEnd := len(head)
	head = append(head, `","en":"`...)
	enAt := len(head)
	head, okEn = appendEscaped(head, d.label.En)
	enEnd := len(head)
	head = append(head, `"}`...)
	if !okName || !okZh || !okEn {
		return nil
	}
	return &inputWords{head: head, zh: head[at:zhEnd:zhEnd], en: head[enAt:enEnd:enEnd]}
}

func validText(t criteria.Text) bool {
	_, okZh := appendEscaped(nil, t.Zh)
	_, okEn := appendEscaped(nil, t.En)
	return okZh && okEn
}

// appendVerdict writes v as its plan does, its parameters and results with the
// words ts (nil for none).
func appendVerdict(dst []byte, v *Verdict, form VerdictForm, ts *textSet) ([]byte, error) {
	if ts == nil || !wordsPlan {
		return verdictEncoder.append(dst, v, form)
	}
	dst = append(dst, '{')
	first := true
	var err error
	for i := range verdictEncoder.members {
		m := &verdictEncoder.members[i]
		if m.omit != nil && m.omit(v) {
			continue // every member of a verdict is in both forms
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(dst, m.key...)
		switch m.goName {
		case "Verdict.Parameters":
			if ts.paramsJSON != nil && sameParameters(v.Parameters, ts.params) {
				dst = append(dst, ts.paramsJSON...)
				continue
			}
		case "Verdict.Results":
			dst, err = appendResults(dst, v.Results, form, ts)
			if err != nil {
				return dst, err
			}
			continue
		}
		if dst, err = m.put(dst, v, form); err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// wordsPlan says the verdict's members are all in both forms and the parameters'
// and results' have the writers appendVerdict replaces.
var wordsPlan = func() bool {
	found := 0
	for _, m := range verdictEncoder.members {
		if !m.compact || m.generic {
			return false
		}
		if m.goName == "Verdict.Parameters" || m.goName == "Verdict.Results" {
			found++
		}
	}
	return found == 2
}()

// paramsWords writes the parameters in force in ep, as every verdict of the epoch
// lists them; nil when they cannot be written.
func paramsWords(ep *epoch) []byte {
	b, err := putSlice(nil, ep.used, parameterEncoder, Full)
	if err != nil || ep.used == nil {
		return nil
	}
	return b
}

// sameParameters reports whether a verdict's parameters are those of its epoch, as
// their JSON was written: equal values (a decimal is written without its trailing
// fractional zeros, so 0.5 and 0.50 are written alike) and lists that are not empty
// (an empty list is written [] or null).
func sameParameters(got, want []ParameterValue) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := &got[i], &want[i]
		if g.Name != w.Name || g.Type != w.Type || g.From != w.From || !g.Value.Equal(w.Value) {
			return false
		}
		if g.Value.Type() == criteria.ListParameter && noItems(g.Value) {
			return false
		}
	}
	return true
}

// noItems reports whether a list value has no items, without copying it.
func noItems(list criteria.Value) bool {
	for range list.Items() {
		return false
	}
	return true
}
