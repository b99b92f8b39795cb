package criteria

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/jilin761/intake/category"
)

// Variant is a policy change written as a difference from a base rule set: new
// parameter values, criteria replaced in part, removed or added. An analyst asking
// "what if the floor goes to 10 million?" writes a variant of a few lines instead of
// copying the 47 criteria of the base, so the change reads as what it is and keeps
// following the base when the base is reworded.
//
// The file form, read by [ParseVariant], is
//
//	base: jilin-761-intake-2020         # the base rule set's name; required
//	name: floor-10m                     # the derived rule set's name; required
//	description: {zh: …, en: …}         # optional
//	effective: 2021-01-01               # optional; default: the base's
//	parameters:                         # new values for base parameters
//	  minTotalInvestment: {value: "10000000"}                    # on every date
//	  incidentLookbackYears: {from: 2022-01-01, value: "5"}      # from a date on, earlier values kept
//	  minBigDataShare:                                           # the whole history
//	    values: [{value: "0.5"}, {from: 2022-01-01, value: "0.6"}]
//	addParameters: [ … ]                # new parameters, as in a rule-set file
//	removeParameters: [ … ]             # base parameters to drop
//	replace:                            # fields of base criteria; fields not given are kept
//	  - id: BD-5a
//	    category: ""                    # "" makes the criterion apply to every category
//	    require: …
//	remove: [GEN-3]                     # base criteria to drop
//	add: [ … ]                          # new criteria, as in a rule-set file, appended
//
// A Variant is plain data; [Variant.Apply] derives the rule set and never changes
// the base.
type Variant struct {
	// Base is the name of the rule set the variant applies to. Apply refuses any
	// other, so a variant written for one policy cannot silently edit another.
	Base string `json:"base"`
	// Name is the derived rule set's name, as verdicts will report it. It must
	// differ from Base, or verdicts under the two could not be told apart.
	Name string `json:"name"`
	// Description says what the variant changes and why, in Chinese and English.
	Description Text `json:"description,omitzero"`
	// Effective, when not zero, is the derived rule set's effective date.
	Effective Date `json:"effective,omitzero"`
	// Parameters give base parameters new values, in name order.
	Parameters []ParameterOverride `json:"parameters,omitempty"`
	// AddParameters are new parameters, appended after the base's; an added
	// criterion may read them.
	AddParameters []Parameter `json:"addParameters,omitempty"`
	// RemoveParameters names base parameters to drop (the engine refuses a
	// parameter no criterion reads, so removing a criterion may need this).
	RemoveParameters []string `json:"removeParameters,omitempty"`
	// Replace changes fields of base criteria in place, keeping their position.
	Replace []CriterionPatch `json:"replace,omitempty"`
	// Remove names base criteria to drop.
	Remove []string `json:"remove,omitempty"`
	// Add are new criteria, appended after the base's in the order given.
	Add []Criterion `json:"add,omitempty"`
}

// ParameterOverride gives a base parameter new values.
//
// The values are kept as written ([WrittenValue]) because only the base rule set
// knows the parameter's type; [Variant.Apply] reads them with it and reports a value
// of the wrong type there.
type ParameterOverride struct {
	// Name is the base parameter's name.
	Name string `json:"name"`
	// Values are the new values in date order. Unless KeepEarlier, they replace the
	// parameter's whole history.
	Values []WrittenValue `json:"values"`
	// KeepEarlier keeps the base values in force before the first new value's date,
	// as [RuleSet.SetParameterFrom] does: "the floor goes to 10 million on
	// 1 January 2022" leaves 2020 and 2021 alone.
	KeepEarlier bool `json:"keepEarlier,omitempty"`
}

// valuePath locates the j-th value in the file: "parameters.x.value" for the one-value
// forms, "parameters.x.values[j].value" for a history.
func (o ParameterOverride) valuePath(j int) string {
	if len(o.Values) == 1 && (o.KeepEarlier || o.Values[0].From.IsZero()) {
		return "parameters." + o.Name + ".value"
	}
	return fmt.Sprintf("parameters.%s.values[%d].value", o.Name, j)
}

// WrittenValue is a parameter value as a file writes it, before a rule set says its
// type: the text of a scalar ("10000000", "3", "22"), or a list of strings.
type WrittenValue struct {
	// From is the date the value takes effect; zero means from the start.
	From Date `json:"from,omitzero"`
	// Scalar is the text of a scalar value.
	Scalar string `json:"scalar,omitempty"`
	// List is a list value; IsList says a list was written (an empty list is one).
	List   []string `json:"list,omitempty"`
	IsList bool     `json:"isList,omitempty"`
}

// read converts the written value to a value of type t.
func (w WrittenValue) read(t ParameterType) (Value, error) {
	switch {
	case t == ListParameter && !w.IsList:
		return Value{}, errors.New("a list of strings is required")
	case t == ListParameter:
		return ListValue(w.List...), nil
	case w.IsList:
		return Value{}, fmt.Errorf("a %s scalar is required, not a list", t)
	}
	return parseValue(t, w.Scalar)
}

// CriterionPatch replaces some fields of one base criterion. A nil field (or, in a
// [TextPatch], a nil language) is kept from the base; a non-nil one replaces it, even
// with the empty string — which is how a criterion is made to apply to every category
// (Category "") or always (AppliesWhen ""). The ID cannot change: a changed rule is
// still the same clause to auditors; a new rule is added with a new ID.
type CriterionPatch struct {
	ID          string             `json:"id" yaml:"id"`
	Category    *category.Category `json:"category,omitempty" yaml:"category"`
	Ref         *string            `json:"ref,omitempty" yaml:"ref"`
	Source      *string            `json:"source,omitempty" yaml:"source"`
	Summary     TextPatch          `json:"summary,omitzero" yaml:"summary"`
	Strength    *Strength          `json:"strength,omitempty" yaml:"strength"`
	Basis       *Basis             `json:"basis,omitempty" yaml:"basis"`
	AppliesWhen *string            `json:"appliesWhen,omitempty" yaml:"appliesWhen"`
	Require     *string            `json:"require,omitempty" yaml:"require"`
	Message     TextPatch          `json:"message,omitzero" yaml:"message"`
}

// TextPatch replaces one or both languages of a [Text].
type TextPatch struct {
	Zh *string `json:"zh,omitempty" yaml:"zh"`
	En *string `json:"en,omitempty" yaml:"en"`
}

func (t TextPatch) isZero() bool { return t.Zh == nil && t.En == nil }

func (t TextPatch) apply(to *Text) {
	if t.Zh != nil {
		to.Zh = *t.Zh
	}
	if t.En != nil {
		to.En = *t.En
	}
}

// isZero reports whether the patch changes nothing.
func (c *CriterionPatch) isZero() bool {
	return c.Category == nil && c.Ref == nil && c.Source == nil && c.Summary.isZero() && c.Strength == nil &&
		c.Basis == nil && c.AppliesWhen == nil && c.Require == nil && c.Message.isZero()
}

// apply writes the patch's fields over c.
func (c *CriterionPatch) apply(to *Criterion) {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	if c.Category != nil {
		to.Category = *c.Category
	}
	set(&to.Ref, c.Ref)
	set(&to.Source, c.Source)
	c.Summary.apply(&to.Summary)
	if c.Strength != nil {
		to.Strength = *c.Strength
	}
	if c.Basis != nil {
		to.Basis = *c.Basis
	}
	set(&to.AppliesWhen, c.AppliesWhen)
	set(&to.Require, c.Require)
	c.Message.apply(&to.Message)
}

// validate records the patch's own problems: those that do not depend on the base.
func (c *CriterionPatch) validate(p *Problems, path string) {
	if !validID(c.ID) {
		p.Add(path+".id", "%s is not a criterion ID (letters, digits and '-', starting with a letter)", quoteShort(c.ID))
	}
	checkLength(p, path+".id", c.ID, MaxNameBytes)
	for _, f := range []struct {
		field string
		value *string
		limit int
	}{{"ref", c.Ref, MaxNameBytes}, {"source", c.Source, MaxTextBytes}, {"summary.zh", c.Summary.Zh, MaxTextBytes},
		{"summary.en", c.Summary.En, MaxTextBytes}, {"message.zh", c.Message.Zh, MaxTextBytes}, {"message.en", c.Message.En, MaxTextBytes}} {
		if f.value != nil {
			checkLength(p, path+"."+f.field, *f.value, f.limit)
		}
	}
	if c.Category != nil && *c.Category != "" && !c.Category.IsValid() {
		p.Add(path+".category", "unknown category %q (write \"\" for every category)", string(*c.Category))
	}
	if c.Strength != nil && !c.Strength.IsValid() {
		p.Add(path+".strength", "%q is not %q or %q", string(*c.Strength), Mandatory, Encouraged)
	}
	if c.Basis != nil && !c.Basis.IsValid() {
		p.Add(path+".basis", "%q is not %q or %q", string(*c.Basis), Data, Finding)
	}
	// These fields are required in a criterion, so replacing one with "" can only
	// be a mistake; appliesWhen and category may be emptied on purpose.
	required := []struct {
		field string
		value *string
	}{
		{"ref", c.Ref}, {"source", c.Source}, {"summary.zh", c.Summary.Zh}, {"summary.en", c.Summary.En},
		{"require", c.Require}, {"message.zh", c.Message.Zh}, {"message.en", c.Message.En},
	}
	for _, r := range required {
		if r.value != nil && *r.value == "" {
			p.Add(path+"."+r.field, "must not be empty")
		}
	}
}

// variantFile is the YAML form of a variant.
type variantFile struct {
	Base             string                           `yaml:"base"`
	Name             string                           `yaml:"name"`
	Description      Text                             `yaml:"description"`
	Effective        string                           `yaml:"effective"`
	Parameters       map[string]parameterOverrideFile `yaml:"parameters"`
	AddParameters    []parameterFile                  `yaml:"addParameters"`
	RemoveParameters []string                         `yaml:"removeParameters"`
	Replace          []CriterionPatch                 `yaml:"replace"`
	Remove           []string                         `yaml:"remove"`
	Add              []Criterion                      `yaml:"add"`
}

// parameterOverrideFile is one entry of a variant's parameters: value (on every
// date), from and value (from a date on), or values (the whole history).
type parameterOverrideFile struct {
	From   string           `yaml:"from"`
	Value  yaml.Node        `yaml:"value"`
	Values []datedValueFile `yaml:"values"`
}

// ParseVariant reads a variant from YAML (or JSON). Decoding is strict, as for rule
// sets: an unknown key is an error, since a misspelt "require" in a replace would
// otherwise silently change nothing. Every problem that does not depend on the base
// is reported at once, by path, in a *ValidationError matching [ErrInvalidRuleSet];
// [Variant.Apply] reports the rest (unknown IDs and parameters, value types).
func ParseVariant(data []byte) (*Variant, error) {
	v, p, err := parseVariant(data)
	if err != nil {
		return nil, err
	}
	if err := p.Err(variantPrefix(v.Name), ErrInvalidRuleSet); err != nil {
		return nil, err
	}
	return v, nil
}

func variantPrefix(name string) string { return "criteria: invalid variant " + quoteOrNone(name) }

// parseVariant decodes a variant and checks what it can without a base. It returns
// the problems beside the variant, so that Derive can add the base's problems to them
// and report all at once; a parameter entry with problems is left without values and
// a replace with a malformed ID is skipped, so that applying the variant adds no
// noise about them. The error is for a document that does not decode at all.
//
// Keys the variant format does not have and values of the wrong shape are problems
// like the others, by path, all at once; only a file that is not YAML at all, or is
// beyond [MaxRuleSetBytes], is an error without a variant.
func parseVariant(data []byte) (*Variant, *Problems, error) {
	if err := checkDecodedSize(data); err != nil {
		return nil, nil, fmt.Errorf("criteria: %w: variant: %w", ErrInvalidRuleSet, err)
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("empty document")
		}
		return nil, nil, fmt.Errorf("criteria: %w: variant: %w", ErrInvalidRuleSet, err)
	}
	p := &Problems{}
	checkKeys(&doc, reflect.TypeFor[variantFile](), "", p)
	var f variantFile
	if err := doc.Decode(&f); err != nil && p.Len() == 0 {
		// checkKeys reports every shape the decoder refuses, by path; this is a
		// last resort for one it does not foresee.
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, nil, fmt.Errorf("criteria: %w: variant: %w", ErrInvalidRuleSet, err)
		}
		for _, msg := range te.Errors {
			p.Add("(document)", "%s", msg)
		}
	}
	v := &Variant{
		Base:             f.Base,
		Name:             f.Name,
		Description:      f.Description,
		RemoveParameters: f.RemoveParameters,
		Replace:          f.Replace,
		Remove:           f.Remove,
		Add:              f.Add,
	}
	switch {
	case f.Base == "":
		p.Add("base", "required: the name of the rule set this variant changes")
	case f.Name == f.Base:
		p.Add("name", "must differ from the base's name %s, or verdicts under the two could not be told apart", quoteShort(f.Base))
	}
	if f.Name == "" {
		p.Add("name", "required")
	}
	checkLength(p, "base", f.Base, MaxNameBytes)
	checkLength(p, "name", f.Name, MaxNameBytes)
	checkText(p, "description", f.Description)
	for _, l := range []struct {
		field string
		n     int
	}{{"replace", len(f.Replace)}, {"remove", len(f.Remove)}, {"add", len(f.Add)}} {
		if l.n > MaxCriteria {
			p.Add(l.field, "%d entries exceed the limit of %d", l.n, MaxCriteria)
		}
	}
	if n := len(f.Parameters) + len(f.AddParameters) + len(f.RemoveParameters); n > MaxParameters {
		p.Add("parameters", "%d parameter entries exceed the limit of %d", n, MaxParameters)
	}
	if f.Effective != "" {
		d, err := ParseDate(f.Effective)
		if err != nil {
			p.AddErr("effective", err)
		}
		v.Effective = d
	}

	names := make([]string, 0, len(f.Parameters))
	for name := range f.Parameters {
		names = append(names, name)
	}
	slices.Sort(names) // a map has no order; report and apply in name order
	for _, name := range names {
		v.Parameters = append(v.Parameters, readOverride(name, f.Parameters[name], p))
	}

	added := map[string]int{}
	for i, pf := range f.AddParameters {
		path := fmt.Sprintf("addParameters[%d] (%s)", i, shortName(pf.Name))
		prm := readParameter(pf, path, p)
		prm.validate(p, path)
		if j, dup := added[prm.Name]; dup {
			p.Add(path+".name", "duplicates addParameters[%d]", j)
		}
		added[prm.Name] = i
		v.AddParameters = append(v.AddParameters, prm)
	}
	checkIDList(p, "removeParameters", f.RemoveParameters, validIdent)

	nulls := checkNulls(data, p)
	replaced := map[string]int{}
	for i := range f.Replace {
		c := &f.Replace[i]
		path := fmt.Sprintf("replace[%d] (%s)", i, shortName(c.ID))
		c.validate(p, path)
		if c.isZero() && !nulls[i] && !hasPathUnder(p, path) {
			p.Add(path, "changes nothing: give at least one field to replace")
		}
		if j, dup := replaced[c.ID]; dup {
			p.Add(path+".id", "duplicates replace[%d]; put every change to a criterion in one entry", j)
		}
		replaced[c.ID] = i
	}
	checkIDList(p, "remove", f.Remove, validID)
	for i, id := range f.Remove {
		if j, ok := replaced[id]; ok && slices.Index(f.Remove, id) == i {
			p.Add(fmt.Sprintf("remove[%d] (%s)", i, shortName(id)), "is also replaced by replace[%d]; a criterion is either replaced or removed", j)
		}
	}
	ids := map[string]int{}
	for i := range f.Add {
		c := &f.Add[i]
		path := fmt.Sprintf("add[%d] (%s)", i, shortName(c.ID))
		c.validate(p, path)
		if j, dup := ids[c.ID]; dup {
			p.Add(path+".id", "duplicates add[%d]", j)
		}
		ids[c.ID] = i
	}
	return v, p, nil
}

func quoteOrNone(s string) string {
	if s == "" {
		return "(unnamed)"
	}
	return quoteShort(s)
}

// readOverride reads one parameters entry.
func readOverride(name string, f parameterOverrideFile, p *Problems) (o ParameterOverride) {
	before := p.Len()
	defer func() {
		if p.Len() > before {
			o.Values = nil // reported here; Apply then checks only that the name exists
		}
	}()
	path := "parameters." + shortName(name)
	o = ParameterOverride{Name: name}
	hasValue := f.Value.Kind != 0
	switch {
	case hasValue && f.Values != nil:
		p.Add(path, "give either value (with an optional from) or values, not both")
		return o
	case !hasValue && f.Values == nil:
		p.Add(path, "give value (with an optional from) or values")
		return o
	case hasValue:
		w, err := writtenValue(&f.Value)
		if err != nil {
			p.AddErr(path+".value", err)
		}
		if f.From != "" {
			d, err := ParseDate(f.From)
			if err != nil {
				p.AddErr(path+".from", err)
			}
			w.From = d
			o.KeepEarlier = true
		}
		o.Values = []WrittenValue{w}
		return o
	}
	if f.From != "" {
		p.Add(path+".from", "goes with value; each of values has its own from")
	}
	if len(f.Values) == 0 {
		p.Add(path+".values", "at least one value is required")
	}
	for j, dv := range f.Values {
		vpath := fmt.Sprintf("%s.values[%d]", path, j)
		w, err := writtenValue(&dv.Value)
		if err != nil {
			p.AddErr(vpath+".value", err)
		}
		if dv.From != "" {
			d, err := ParseDate(dv.From)
			if err != nil {
				p.AddErr(vpath+".from", err)
			}
			w.From = d
		}
		if j > 0 && !w.From.After(o.Values[j-1].From) {
			p.Add(vpath+".from", "must be a date after the previous value's (%s)", dateOrStart(o.Values[j-1].From))
		}
		o.Values = append(o.Values, w)
	}
	return o
}

// writtenValue keeps a value node's scalar text or list of strings.
func writtenValue(n *yaml.Node) (WrittenValue, error) {
	switch n.Kind {
	case 0:
		return WrittenValue{}, errors.New("required")
	case yaml.ScalarNode:
		return WrittenValue{Scalar: n.Value}, nil
	case yaml.SequenceNode:
		var list []string
		if err := n.Decode(&list); err != nil {
			return WrittenValue{}, errors.New("a list must hold strings only")
		}
		return WrittenValue{List: list, IsList: true}, nil
	}
	return WrittenValue{}, errors.New("a scalar or a list of strings is required")
}

// readParameter reads a parameter written as in a rule-set file.
func readParameter(pf parameterFile, path string, p *Problems) Parameter {
	prm := Parameter{Name: pf.Name, Type: pf.Type, Unit: pf.Unit, Ref: pf.Ref, Label: pf.Label, Description: pf.Description, Codes: pf.Codes}
	for _, b := range []struct {
		field, text string
		to          **decimal.Decimal
	}{{"min", pf.Min, &prm.Min}, {"max", pf.Max, &prm.Max}} {
		if b.text == "" {
			continue
		}
		d, err := decimal.NewFromString(b.text)
		if err != nil {
			p.Add(path+"."+b.field, "%s is not a decimal number", quoteShort(b.text))
			continue
		}
		*b.to = &d
	}
	if pf.Letter.Kind != 0 {
		v, err := decodeValue(pf.Type, &pf.Letter)
		if err != nil {
			p.AddErr(path+".letter", err)
		}
		prm.Letter = v
	}
	switch {
	case pf.Value.Kind != 0 && pf.Values != nil:
		p.Add(path, "give either value or values, not both")
	case pf.Values == nil:
		v, err := decodeValue(pf.Type, &pf.Value)
		if err != nil {
			p.AddErr(path+".value", err)
			break
		}
		prm.Values = []DatedValue{{Value: v}}
	default:
		for j, dv := range pf.Values {
			vpath := fmt.Sprintf("%s.values[%d]", path, j)
			var from Date
			if dv.From != "" {
				d, err := ParseDate(dv.From)
				if err != nil {
					p.AddErr(vpath+".from", err)
				}
				from = d
			}
			v, err := decodeValue(pf.Type, &dv.Value)
			if err != nil {
				p.AddErr(vpath+".value", err)
			}
			prm.Values = append(prm.Values, DatedValue{From: from, Value: v})
		}
	}
	return prm
}

// checkIDList reports malformed and repeated names in a list of IDs or parameter
// names.
func checkIDList(p *Problems, field string, list []string, valid func(string) bool) {
	seen := map[string]int{}
	for i, id := range list {
		path := fmt.Sprintf("%s[%d] (%s)", field, i, shortName(id))
		if !valid(id) {
			p.Add(path, "%s is not a valid name", quoteShort(id))
		}
		if j, dup := seen[id]; dup {
			p.Add(path, "duplicates %s[%d]", field, j)
		}
		seen[id] = i
	}
}

// checkNulls refuses a replace field written with no value ("category:" alone). YAML
// reads it as null, which would keep the base's value, while the analyst most likely
// meant the empty string ("every category"); the file must say which.
// It returns the indices of the replace entries with such a field.
func checkNulls(data []byte, p *Problems) map[int]bool {
	found := map[int]bool{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return found
	}
	replace := mappingValue(doc.Content[0], "replace")
	if replace == nil || replace.Kind != yaml.SequenceNode {
		return found
	}
	for i, item := range replace.Content {
		if item.Kind != yaml.MappingNode {
			continue
		}
		id := ""
		if n := mappingValue(item, "id"); n != nil {
			id = n.Value
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			key, val := item.Content[j], item.Content[j+1]
			if val.Kind == yaml.ScalarNode && val.ShortTag() == "!!null" {
				p.Add(fmt.Sprintf("replace[%d] (%s).%s", i, shortName(id), key.Value),
					"has no value: write \"\" to empty the field, or leave the key out to keep the base's")
				found[i] = true
			}
		}
	}
	return found
}

// mappingValue returns the value of key in a mapping node, or nil.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// Apply derives the variant's rule set from base, which it does not change. Replaced
// criteria keep their place, removed ones drop out, added ones follow the base's in
// the order given; parameters likewise. The result is named v.Name and keeps the
// base's document and title.
//
// Apply reports at once, by path in the variant file, every change that does not fit
// the base — a base of another name, an unknown criterion ID or parameter, a value
// of the wrong type, an added ID or parameter the base already has — in a
// *ValidationError matching [ErrInvalidRuleSet]. The derived rule set is validated
// as [RuleSet.Validate] does; the engine then compiles its expressions.
func (v *Variant) Apply(base *RuleSet) (*RuleSet, error) {
	return v.apply(base, &Problems{})
}

// apply derives the rule set, adding its problems to p (which may already hold the
// variant's own) and reporting all of them.
func (v *Variant) apply(base *RuleSet, p *Problems) (*RuleSet, error) {
	if base == nil {
		return nil, fmt.Errorf("criteria: %w: variant %q applied to a nil rule set", ErrInvalidRuleSet, v.Name)
	}
	switch {
	case v.Base == "" && !hasPath(p, "base"):
		p.Add("base", "required: the name of the rule set this variant changes")
	case v.Base != "" && v.Base != base.Name:
		p.Add("base", "the variant derives from %s, but the rule set is %q", quoteShort(v.Base), base.Name)
	}
	rs := base.Clone()
	rs.Name = v.Name
	if !v.Effective.IsZero() {
		rs.Effective = v.Effective
	}

	removedParams := map[string]bool{}
	for i, name := range v.RemoveParameters {
		if _, ok := base.Parameter(name); !ok {
			p.Add(fmt.Sprintf("removeParameters[%d] (%s)", i, shortName(name)), "rule set %q has no parameter %q", base.Name, shortName(name))
		}
		removedParams[name] = true
	}
	for _, o := range v.Parameters {
		path := "parameters." + shortName(o.Name)
		i := slices.IndexFunc(rs.Parameters, func(prm Parameter) bool { return prm.Name == o.Name })
		switch {
		case i < 0:
			p.Add(path, "rule set %q has no parameter %q", base.Name, shortName(o.Name))
			continue
		case removedParams[o.Name]:
			p.Add(path, "is also removed by removeParameters")
			continue
		}
		prm := &rs.Parameters[i]
		if len(o.Values) == 0 {
			continue // its form was wrong, and is reported already
		}
		values := make([]DatedValue, 0, len(o.Values))
		for j, w := range o.Values {
			val, err := w.read(prm.Type)
			if err != nil {
				p.Add(o.valuePath(j), "parameter %q has type %s: %v", o.Name, prm.Type, err)
				continue
			}
			if err := prm.CheckValue(val); err != nil {
				p.Add(o.valuePath(j), "parameter %q: %v", o.Name, err)
				continue
			}
			if err := checkParameterValueSize(val); err != nil {
				p.Add(o.valuePath(j), "parameter %q: %v", o.Name, err)
				continue
			}
			values = append(values, DatedValue{From: w.From, Value: val})
		}
		if len(values) != len(o.Values) {
			continue
		}
		if o.KeepEarlier {
			keep := slices.IndexFunc(prm.Values, func(dv DatedValue) bool { return !dv.From.Before(values[0].From) })
			if keep >= 0 {
				prm.Values = prm.Values[:keep]
			}
			prm.Values = append(prm.Values, values...)
		} else {
			prm.Values = values
		}
	}
	rs.Parameters = slices.DeleteFunc(rs.Parameters, func(prm Parameter) bool { return removedParams[prm.Name] })
	for i, prm := range v.AddParameters {
		if _, ok := base.Parameter(prm.Name); ok && !removedParams[prm.Name] {
			p.Add(fmt.Sprintf("addParameters[%d] (%s).name", i, shortName(prm.Name)), "rule set %q already has parameter %q; override its value under parameters", base.Name, prm.Name)
			continue
		}
		rs.Parameters = append(rs.Parameters, prm)
	}

	for i := range v.Replace {
		patch := &v.Replace[i]
		if !validID(patch.ID) {
			continue // reported by ParseVariant
		}
		j := slices.IndexFunc(rs.Criteria, func(c Criterion) bool { return c.ID == patch.ID })
		if j < 0 {
			p.Add(fmt.Sprintf("replace[%d] (%s).id", i, shortName(patch.ID)), "rule set %q has no criterion %q", base.Name, shortName(patch.ID))
			continue
		}
		patch.apply(&rs.Criteria[j])
	}
	removed := map[string]bool{}
	for i, id := range v.Remove {
		if _, ok := base.Criterion(id); !ok && validID(id) {
			p.Add(fmt.Sprintf("remove[%d] (%s)", i, shortName(id)), "rule set %q has no criterion %q", base.Name, shortName(id))
		}
		removed[id] = true
	}
	rs.Criteria = slices.DeleteFunc(rs.Criteria, func(c Criterion) bool { return removed[c.ID] })
	for i, c := range v.Add {
		if _, ok := base.Criterion(c.ID); ok && !removed[c.ID] {
			p.Add(fmt.Sprintf("add[%d] (%s).id", i, shortName(c.ID)), "rule set %q already has criterion %q; change it under replace", base.Name, c.ID)
			continue
		}
		rs.Criteria = append(rs.Criteria, c)
	}

	if err := p.Err(variantPrefix(v.Name), ErrInvalidRuleSet); err != nil {
		return nil, err
	}
	if err := rs.Validate(); err != nil {
		return nil, fmt.Errorf("criteria: variant %s: the derived rule set: %w", quoteOrNone(v.Name), err)
	}
	return rs, nil
}

// hasPathUnder reports whether a problem at path or inside it is recorded already:
// a replace whose only key is misspelt is reported for that key, not also for
// changing nothing.
func hasPathUnder(p *Problems, path string) bool {
	return slices.ContainsFunc(p.list, func(fe *FieldError) bool {
		return fe.Path == path || strings.HasPrefix(fe.Path, path+".")
	})
}

// hasPath reports whether a problem at path is recorded already.
func hasPath(p *Problems, path string) bool {
	return slices.ContainsFunc(p.list, func(fe *FieldError) bool { return fe.Path == path })
}

// Derive parses a variant and applies it to base: the one call an analyst's test
// needs.
//
//	rs, err := criteria.Derive(criteria.Default(), []byte(`
//	base: jilin-761-intake-2020
//	name: floor-10m
//	parameters:
//	  minTotalInvestment: {value: "10000000"}
//	`))
//
// Derive reports the variant's own problems and those against base together.
func Derive(base *RuleSet, variant []byte) (*RuleSet, error) {
	v, p, err := parseVariant(variant)
	if err != nil {
		return nil, err
	}
	return v.apply(base, p)
}
