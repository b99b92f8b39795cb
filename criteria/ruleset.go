package criteria

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"
)

// RuleSet is a named, dated set of parameters and criteria: the whole of a policy as
// the engine runs it. The criteria are kept in the order verdicts report them.
//
// A RuleSet is plain data. Derive a policy variant by cloning one and editing the
// copy; the engine compiles a rule set once and never reads it again, so editing a
// rule set after building an engine from it does not change that engine.
type RuleSet struct {
	// Name identifies the rule set in verdicts, e.g. "jilin-761-intake-2020".
	Name string `json:"name"`
	// Document is the source document, e.g. "吉政数办函〔2020〕579号".
	Document string `json:"document"`
	// Title is the source document's title.
	Title string `json:"title,omitempty"`
	// Effective is the date the document took effect.
	Effective Date `json:"effective"`
	// Parameters are the named policy values the criteria read as params.<name>.
	Parameters []Parameter `json:"parameters"`
	// Criteria are the rules, in report order.
	Criteria []Criterion `json:"criteria"`
}

// Criterion returns the criterion with the given ID.
func (rs *RuleSet) Criterion(id string) (Criterion, bool) {
	i := slices.IndexFunc(rs.Criteria, func(c Criterion) bool { return c.ID == id })
	if i < 0 {
		return Criterion{}, false
	}
	return rs.Criteria[i], true
}

// Parameter returns the parameter with the given name.
func (rs *RuleSet) Parameter(name string) (Parameter, bool) {
	i := slices.IndexFunc(rs.Parameters, func(p Parameter) bool { return p.Name == name })
	if i < 0 {
		return Parameter{}, false
	}
	return rs.Parameters[i], true
}

// SetParameter replaces every value of the named parameter with v, in force on every
// date; it is the one-line policy change ("the floor goes to 10 million"). The value
// must have the parameter's type.
func (rs *RuleSet) SetParameter(name string, v Value) error {
	p, err := rs.settable(name, v)
	if err != nil {
		return err
	}
	p.Values = []DatedValue{{Value: v}}
	return nil
}

// SetParameterFrom makes v the named parameter's value from date from on, dropping
// any later values: "the floor goes to 10 million on 1 January 2022". Earlier dates
// keep their values.
func (rs *RuleSet) SetParameterFrom(name string, from Date, v Value) error {
	if err := from.Check(); err != nil {
		return fmt.Errorf("criteria: parameter %q from %d-%d-%d: %w: %w", name, from.Year, from.Month, from.Day, ErrInvalidRuleSet, err)
	}
	p, err := rs.settable(name, v)
	if err != nil {
		return err
	}
	keep := slices.IndexFunc(p.Values, func(dv DatedValue) bool { return !dv.From.Before(from) })
	if keep >= 0 {
		p.Values = p.Values[:keep]
	}
	p.Values = append(p.Values, DatedValue{From: from, Value: v})
	return nil
}

func (rs *RuleSet) settable(name string, v Value) (*Parameter, error) {
	i := slices.IndexFunc(rs.Parameters, func(p Parameter) bool { return p.Name == name })
	if i < 0 {
		return nil, fmt.Errorf("criteria: rule set %q has no parameter %q: %w", rs.Name, name, ErrInvalidRuleSet)
	}
	p := &rs.Parameters[i]
	if v.Type() != p.Type {
		return nil, fmt.Errorf("criteria: parameter %q is a %s, not a %s: %w", name, p.Type, v.Type(), ErrInvalidRuleSet)
	}
	if err := p.CheckValue(v); err != nil {
		var problems Problems
		problems.AddErr(fmt.Sprintf("parameters[%d] (%s).value", i, name), err)
		return nil, problems.Err("criteria: invalid parameter value", ErrInvalidRuleSet)
	}
	if err := checkParameterValueSize(v); err != nil {
		var problems Problems
		problems.AddErr(fmt.Sprintf("parameters[%d] (%s).value", i, name), err)
		return nil, problems.Err("criteria: invalid parameter value", ErrInvalidRuleSet)
	}
	// Values may share a backing array with a clone's original: copy before editing.
	p.Values = slices.Clone(p.Values)
	return p, nil
}

// Hash returns "sha256:" and the hex SHA-256 of the rule set's canonical encoding,
// its JSON form: encoding/json writes struct fields in declaration order and
// parameter values in one normal form, so the encoding is canonical for a given
// library version, and any edit to a criterion or parameter changes the hash.
// Verdicts record it as Provenance.RuleSetHash; the catalogue prints it.
func (rs *RuleSet) Hash() string {
	b, err := json.Marshal(rs)
	if err != nil {
		// Every field marshals (Value writes each of its types); an error would be
		// a bug in this package, not something a caller could handle.
		panic("criteria: rule set does not marshal: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Clone returns a deep copy that can be edited without touching rs.
func (rs *RuleSet) Clone() *RuleSet {
	c := *rs
	c.Parameters = slices.Clone(rs.Parameters)
	for i := range c.Parameters {
		// Values are immutable (their list is never written), so the slice of them
		// is all that needs copying.
		c.Parameters[i].Values = slices.Clone(c.Parameters[i].Values)
	}
	c.Criteria = slices.Clone(rs.Criteria)
	return &c
}

// Validate checks the rule set's structure: names, IDs, references, texts, strengths,
// bases and parameter values. It reports every problem at once in a *ValidationError
// matching [ErrInvalidRuleSet]. It does not compile expressions; the engine does, and
// reports compile errors the same way.
func (rs *RuleSet) Validate() error {
	var p Problems
	if rs.Name == "" {
		p.Add("name", "required")
	}
	if rs.Document == "" {
		p.Add("document", "required")
	}
	if rs.Effective.IsZero() {
		p.Add("effective", "required")
	}
	params := make(map[string]int, len(rs.Parameters))
	for i := range rs.Parameters {
		prm := &rs.Parameters[i]
		path := fmt.Sprintf("parameters[%d] (%s)", i, shortName(prm.Name))
		prm.validate(&p, path)
		if j, dup := params[prm.Name]; dup {
			p.Add(path+".name", "duplicates parameters[%d]", j)
		}
		params[prm.Name] = i
	}
	if len(rs.Criteria) == 0 {
		p.Add("criteria", "at least one criterion is required")
	}
	ids := make(map[string]int, len(rs.Criteria))
	for i := range rs.Criteria {
		c := &rs.Criteria[i]
		path := Path(i, shortName(c.ID))
		c.validate(&p, path)
		validateTemplates(&p, path, c, params)
		if j, dup := ids[c.ID]; dup {
			p.Add(path+".id", "duplicates criteria[%d]", j)
		}
		ids[c.ID] = i
	}
	rs.checkSizes(&p)
	if err := rs.Effective.Check(); err != nil {
		p.AddErr("effective", err)
	}
	return p.Err("criteria: invalid rule set", ErrInvalidRuleSet)
}

// Rule-set limits. A rule set comes from an analyst's file or a platform's upload;
// these bound what parsing, compiling and every verdict that echoes the rule set
// can cost, whatever the file holds. Each is far above what the letter needs (the
// default rule set has 47 criteria, 15 parameters, IDs of at most 5 bytes and
// texts of at most a few hundred).
const (
	// MaxRuleSetBytes bounds a rule-set or variant file, both as written and as
	// decoded, YAML aliases expanded: 33 KB of aliases once made a 38 MB rule set.
	MaxRuleSetBytes = 4 << 20
	// MaxCriteria bounds the number of criteria of a rule set (and of a variant's
	// replace, remove and add lists).
	MaxCriteria = 1000
	// MaxParameters bounds the number of parameters of a rule set.
	MaxParameters = 1000
	// MaxParameterListLength bounds the codes of a list parameter's value.
	MaxParameterListLength = 1000
	// MaxNameBytes bounds a criterion ID, a parameter name, a rule set's name, a
	// clause reference, a unit, a code in a list parameter and a string parameter.
	MaxNameBytes = 128
	// MaxTextBytes bounds every other text: a summary, a message, a label, a
	// description, a clause's source text, a document's title.
	MaxTextBytes = 8 << 10
)

// checkLength records a problem when s is longer than limit bytes.
func checkLength(p *Problems, path, s string, limit int) {
	if len(s) > limit {
		p.Add(path, "%d bytes exceeds the limit of %d", len(s), limit)
	}
}

// checkText records a problem for each language of t longer than MaxTextBytes.
func checkText(p *Problems, path string, t Text) {
	checkLength(p, path+".zh", t.Zh, MaxTextBytes)
	checkLength(p, path+".en", t.En, MaxTextBytes)
}

// checkParameterValueSize refuses a string or list value beyond the limits.
func checkParameterValueSize(v Value) error {
	switch v.typ {
	case StringParameter:
		if len(v.str) > MaxNameBytes {
			return fmt.Errorf("%d bytes exceeds the limit of %d", len(v.str), MaxNameBytes)
		}
	case ListParameter:
		if len(v.list) > MaxParameterListLength {
			return fmt.Errorf("%d codes exceed the limit of %d", len(v.list), MaxParameterListLength)
		}
		for i, code := range v.list {
			if len(code) > MaxNameBytes {
				return fmt.Errorf("code [%d] of %d bytes exceeds the limit of %d", i, len(code), MaxNameBytes)
			}
		}
	}
	return nil
}

// checkSizes records every size limit rs exceeds.
func (rs *RuleSet) checkSizes(p *Problems) {
	checkLength(p, "name", rs.Name, MaxNameBytes)
	checkLength(p, "document", rs.Document, MaxTextBytes)
	checkLength(p, "title", rs.Title, MaxTextBytes)
	if len(rs.Parameters) > MaxParameters {
		p.Add("parameters", "%d parameters exceed the limit of %d", len(rs.Parameters), MaxParameters)
	}
	if len(rs.Criteria) > MaxCriteria {
		p.Add("criteria", "%d criteria exceed the limit of %d", len(rs.Criteria), MaxCriteria)
	}
	for i := range rs.Parameters {
		prm := &rs.Parameters[i]
		path := fmt.Sprintf("parameters[%d] (%s)", i, shortName(prm.Name))
		checkLength(p, path+".name", prm.Name, MaxNameBytes)
		checkLength(p, path+".unit", prm.Unit, MaxNameBytes)
		checkLength(p, path+".ref", prm.Ref, MaxNameBytes)
		checkText(p, path+".label", prm.Label)
		checkText(p, path+".description", prm.Description)
		for j, v := range prm.Values {
			if err := checkParameterValueSize(v.Value); err != nil {
				p.AddErr(fmt.Sprintf("%s.values[%d].value", path, j), err)
			}
		}
	}
	for i := range rs.Criteria {
		c := &rs.Criteria[i]
		path := Path(i, shortName(c.ID))
		checkLength(p, path+".id", c.ID, MaxNameBytes)
		checkLength(p, path+".ref", c.Ref, MaxNameBytes)
		checkLength(p, path+".source", c.Source, MaxTextBytes)
		checkText(p, path+".summary", c.Summary)
		checkText(p, path+".message", c.Message)
	}
}

// shortName cuts an over-long name for use in a path: a megabyte-long ID should
// not make a megabyte-long error.
func shortName(s string) string {
	if len(s) <= MaxNameBytes {
		return s
	}
	return fmt.Sprintf("%.32q… (%d bytes)", s, len(s))
}

// checkDecodedSize refuses YAML whose decoded form, aliases expanded, exceeds
// MaxRuleSetBytes. yaml.v3's own alias guard passes a fan-out of aliases to
// moderately large nodes, which expands a few kilobytes into tens of megabytes.
// The size is counted over the node tree, each anchored node once, before
// anything is decoded into Go values.
func checkDecodedSize(data []byte) error {
	if len(data) > MaxRuleSetBytes {
		return fmt.Errorf("%d bytes exceeds the limit of %d", len(data), MaxRuleSetBytes)
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil // malformed: the decoder says what is wrong
	}
	sizes := map[*yaml.Node]uint64{}
	var size func(n *yaml.Node, depth int) uint64
	size = func(n *yaml.Node, depth int) uint64 {
		if n == nil || depth > 10_000 {
			return 0
		}
		if s, ok := sizes[n]; ok {
			return s
		}
		sizes[n] = 0 // a cycle counts nothing; yaml.v3 refuses one when decoding
		s := uint64(len(n.Value)) + 1
		if n.Kind == yaml.AliasNode {
			s = size(n.Alias, depth+1)
		}
		for _, c := range n.Content {
			s += size(c, depth+1)
			if s > MaxRuleSetBytes {
				break
			}
		}
		sizes[n] = s
		return s
	}
	if s := size(&doc, 0); s > MaxRuleSetBytes {
		return fmt.Errorf("it expands to more than %d bytes (YAML aliases included), the limit", MaxRuleSetBytes)
	}
	return nil
}

// file is the YAML form of a rule set. It differs from RuleSet only in how parameter
// values are read: as raw nodes, so decimals keep every digit.
type file struct {
	Name       string          `yaml:"name"`
	Document   string          `yaml:"document"`
	Title      string          `yaml:"title"`
	Effective  string          `yaml:"effective"`
	Parameters []parameterFile `yaml:"parameters"`
	Criteria   []Criterion     `yaml:"criteria"`
}

// parameterFile is a parameter as written: either one value, in force on every date,
//
//	value: "5000000"
//
// or dated values, each in force from its date until the next:
//
//	values:
//	  - {from: 2020-07-10, value: "5000000"}
//	  - {from: 2022-01-01, value: "10000000"}
type parameterFile struct {
	Name        string           `yaml:"name"`
	Type        ParameterType    `yaml:"type"`
	Unit        string           `yaml:"unit"`
	Ref         string           `yaml:"ref"`
	Label       Text             `yaml:"label"`
	Description Text             `yaml:"description"`
	Min         string           `yaml:"min"`
	Max         string           `yaml:"max"`
	Value       yaml.Node        `yaml:"value"`
	Values      []datedValueFile `yaml:"values"`
	Codes       string           `yaml:"codes"`
	Letter      yaml.Node        `yaml:"letter"`
}

type datedValueFile struct {
	From  string    `yaml:"from"`
	Value yaml.Node `yaml:"value"`
}

// Parse reads a rule set from YAML (JSON, being YAML, works too) and validates it.
// Decoding is strict: an unknown key is an error, since a misspelt "appliesWhen"
// would otherwise silently make a criterion apply everywhere; each is reported by
// path with the key most likely meant. All structural problems are reported
// together in a *ValidationError matching [ErrInvalidRuleSet].
//
// A file beyond [MaxRuleSetBytes], as written or as decoded, is refused before it is
// decoded.
func Parse(data []byte) (*RuleSet, error) {
	if err := checkDecodedSize(data); err != nil {
		return nil, fmt.Errorf("criteria: %w: %w", ErrInvalidRuleSet, err)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("empty document")
		}
		return nil, fmt.Errorf("criteria: %w: %w", ErrInvalidRuleSet, err)
	}
	// Unknown keys and values of the wrong shape are problems by path, every one
	// (see checkKeys); a rule set with any is not read further, since a misspelt
	// appliesWhen would otherwise make its criterion apply everywhere.
	var p Problems
	checkKeys(&doc, reflect.TypeFor[file](), "", &p)
	if err := p.Err("criteria: invalid rule set", ErrInvalidRuleSet); err != nil {
		return nil, err
	}
	var f file
	if err := doc.Decode(&f); err != nil {
		return nil, fmt.Errorf("criteria: %w: %w", ErrInvalidRuleSet, err)
	}
	rs := &RuleSet{
		Name:       f.Name,
		Document:   f.Document,
		Title:      f.Title,
		Parameters: make([]Parameter, len(f.Parameters)),
		Criteria:   f.Criteria,
	}
	if f.Effective != "" {
		d, err := ParseDate(f.Effective)
		if err != nil {
			p.AddErr("effective", err)
		}
		rs.Effective = d
	}
	for i, pf := range f.Parameters {
		rs.Parameters[i] = readParameter(pf, fmt.Sprintf("parameters[%d] (%s)", i, pf.Name), &p)
	}
	if err := p.Err("criteria: invalid rule set", ErrInvalidRuleSet); err != nil {
		return nil, err
	}
	if err := rs.Validate(); err != nil {
		return nil, err
	}
	return rs, nil
}

func decodeValue(t ParameterType, n *yaml.Node) (Value, error) {
	switch {
	case n.Kind == 0:
		return Value{}, errors.New("required")
	case !t.IsValid():
		return Value{}, fmt.Errorf("cannot read a value of unknown type %q", t)
	case t == ListParameter:
		var list []string
		if n.Kind != yaml.SequenceNode || n.Decode(&list) != nil {
			return Value{}, errors.New("a list of strings is required")
		}
		return ListValue(list...), nil
	case n.Kind != yaml.ScalarNode:
		return Value{}, fmt.Errorf("a %s scalar is required", t)
	}
	return parseValue(t, n.Value)
}

//go:embed default.yaml
var defaultYAML []byte

// parsedDefault parses the embedded rule set once; Default hands out copies, so no
// caller can change what another sees.
var parsedDefault = sync.OnceValues(func() (*RuleSet, error) { return Parse(defaultYAML) })

// Default returns a fresh copy of the embedded default rule set: every criterion of
// 吉政数办函〔2020〕579号 as the criteria catalogue splits it. It panics only if the
// embedded file is broken, which the package's tests rule out.
func Default() *RuleSet {
	rs, err := parsedDefault()
	if err != nil {
		panic("criteria: embedded default rule set is broken: " + err.Error())
	}
	return rs.Clone()
}

// DefaultSource returns the embedded default rule set file, for display and for
// deriving variants from its text.
func DefaultSource() []byte { return bytes.Clone(defaultYAML) }

// quoteShort quotes s for an error message, cut to 64 characters.
func quoteShort(s string) string {
	if len(s) <= 64 {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%.64q… (%d bytes)", s, len(s))
}
