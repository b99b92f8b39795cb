package criteria

import (
	"errors"
	"fmt"
	"strings"
)

// Summaries and messages state thresholds, dates and lists through placeholders,
// never as literal text, so that the words follow the rule set in force:
//
//	项目总投资额度不小于{minTotalInvestment}   → 项目总投资额度不小于500万元 (1000万元 under floor-10m)
//	the builder is {carriers|or}              → the builder is China Mobile, …, China Broadnet or China Tower
//	计划开工日期不晚于{endOfYear(asOf)}          → 计划开工日期不晚于2020年12月31日
//
// A placeholder is a parameter's name in braces: its value in force on the
// evaluation date, written as [Parameter.Format] writes it (500万元 / 5,000,000 yuan,
// 50%, 3年 / 3 years, a list by its code names joined with 和 / and). {name|or}
// joins a list with 或 / or instead. One placeholder depends on the evaluation date
// alone: {endOfYear(asOf)}, 31 December of its year (2020年12月31日 / 31 December
// 2020), written as the CEL expression that computes it. {{ and }} are literal
// braces.
//
// The language is deliberately this small: a sentence needs a value and a way to
// join a list, and anything more (conditions, arithmetic) belongs in the rule's
// CEL, where it is checked and costed. It is rendered when the engine is built,
// once per span of dates in which no parameter changes, so evaluating costs nothing
// for it.

// placeholderEndOfYear is the placeholder for the last day of the evaluation year.
// The words of a rule depend on the evaluation date only through its year, so an
// engine renders them once per year, not per date.
const placeholderEndOfYear = "endOfYear(asOf)"

// segment is a piece of a parsed template: literal text, or a placeholder.
type segment struct {
	lit  string
	name string // the parameter, or a date placeholder; "" for literal text
	conj Conjunction
}

// parseTemplate splits s into literal text and placeholders.
func parseTemplate(s string) ([]segment, error) {
	var segs []segment
	var lit strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{' && i+1 < len(s) && s[i+1] == '{', c == '}' && i+1 < len(s) && s[i+1] == '}':
			lit.WriteByte(c)
			i++
		case c == '}':
			return nil, fmt.Errorf("a lone } at byte %d: write }} for a literal brace", i)
		case c == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("the placeholder at byte %d has no closing }", i)
			}
			seg, err := parsePlaceholder(s[i+1 : i+end])
			if err != nil {
				return nil, fmt.Errorf("placeholder {%s}: %w", s[i+1:i+end], err)
			}
			if lit.Len() > 0 {
				segs = append(segs, segment{lit: lit.String()})
				lit.Reset()
			}
			segs = append(segs, seg)
			i += end
		default:
			lit.WriteByte(c)
		}
	}
	if lit.Len() > 0 {
		segs = append(segs, segment{lit: lit.String()})
	}
	return segs, nil
}

func parsePlaceholder(body string) (segment, error) {
	name, mod, hasMod := strings.Cut(body, "|")
	seg := segment{name: strings.TrimSpace(name)}
	if hasMod {
		switch strings.TrimSpace(mod) {
		case "and":
			seg.conj = And
		case "or":
			seg.conj = Or
		default:
			return segment{}, fmt.Errorf("unknown modifier %q: want and or or", mod)
		}
	}
	switch {
	case seg.name == placeholderEndOfYear:
		if hasMod {
			return segment{}, errors.New("a date takes no modifier")
		}
	case !validIdent(seg.name):
		return segment{}, fmt.Errorf("%q is neither a parameter name nor %s", seg.name, placeholderEndOfYear)
	}
	return seg, nil
}

// TemplateRefs is what a text's placeholders refer to.
type TemplateRefs struct {
	// Params are the parameters named, each once, in order of appearance.
	Params []string
	// AsOf says whether the text depends on the evaluation date itself
	// ({endOfYear(asOf)}), not only on the parameters in force on it.
	AsOf bool
}

// ParseTemplateRefs checks the placeholders of s and returns what they refer to.
func ParseTemplateRefs(s string) (TemplateRefs, error) {
	segs, err := parseTemplate(s)
	if err != nil {
		return TemplateRefs{}, err
	}
	var r TemplateRefs
	for _, seg := range segs {
		switch seg.name {
		case "":
		case placeholderEndOfYear:
			r.AsOf = true
		default:
			if !containsString(r.Params, seg.name) {
				r.Params = append(r.Params, seg.name)
			}
		}
	}
	return r, nil
}

// Literal returns the literal text of s, its placeholders left out: what a check
// for hard-coded numbers reads.
func Literal(s string) string {
	segs, err := parseTemplate(s)
	if err != nil {
		return s
	}
	var b strings.Builder
	for _, seg := range segs {
		if seg.name == "" {
			b.WriteString(seg.lit)
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

func containsString(list []string, s string) bool {
	for _, t := range list {
		if t == s {
			return true
		}
	}
	return false
}

// Render writes the placeholders of t with the values of rs's parameters in force
// on the evaluation date asOf, each language in its own words. It returns an error
// for a malformed placeholder, an unknown parameter or one with no value on asOf.
// A text without placeholders is returned as it is.
func (rs *RuleSet) Render(t Text, asOf Date) (Text, error) {
	value := func(name string) (*Parameter, Value, error) {
		for i := range rs.Parameters {
			p := &rs.Parameters[i]
			if p.Name != name {
				continue
			}
			dv, ok := p.ValueAt(asOf)
			if !ok {
				return nil, Value{}, fmt.Errorf("parameter %q has no value on %s", name, asOf)
			}
			return p, dv.Value, nil
		}
		return nil, Value{}, fmt.Errorf("rule set %q has no parameter %q", rs.Name, name)
	}
	zh, err := render(t.Zh, asOf, value, func(t Text) string { return t.Zh })
	if err != nil {
		return Text{}, fmt.Errorf("zh: %w", err)
	}
	en, err := render(t.En, asOf, value, func(t Text) string { return t.En })
	if err != nil {
		return Text{}, fmt.Errorf("en: %w", err)
	}
	return Text{Zh: zh, En: en}, nil
}

func render(s string, asOf Date, value func(string) (*Parameter, Value, error), lang func(Text) string) (string, error) {
	if !strings.ContainsAny(s, "{}") {
		return s, nil
	}
	segs, err := parseTemplate(s)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, seg := range segs {
		switch seg.name {
		case "":
			b.WriteString(seg.lit)
		case placeholderEndOfYear:
			b.WriteString(lang(FormatDate(EndOfYear(asOf))))
		default:
			p, v, err := value(seg.name)
			if err != nil {
				return "", err
			}
			b.WriteString(lang(p.FormatAs(v, seg.conj)))
		}
	}
	return b.String(), nil
}

// validateTemplates checks the placeholders of a criterion's texts against the
// rule set's parameters.
func validateTemplates(p *Problems, path string, c *Criterion, params map[string]int) {
	for _, f := range []struct{ field, text string }{
		{"summary.zh", c.Summary.Zh}, {"summary.en", c.Summary.En},
		{"message.zh", c.Message.Zh}, {"message.en", c.Message.En},
	} {
		refs, err := ParseTemplateRefs(f.text)
		if err != nil {
			p.AddErr(path+"."+f.field, err)
			continue
		}
		for _, name := range refs.Params {
			if _, ok := params[name]; !ok {
				p.Add(path+"."+f.field, "placeholder {%s} names no parameter of the rule set", name)
			}
		}
	}
}
