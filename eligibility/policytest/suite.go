package policytest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Suite is a loaded, checked set of fixtures and the engines to run them with. It is
// immutable after [LoadSuite] and safe for concurrent use.
type Suite struct {
	// Name is the suite file's name in its file system.
	Name string
	// Fixtures are the fixtures in file order.
	Fixtures []Fixture
	engine   *eligibility.Engine
}

// Fixture is one test case: a project, an evaluation date, optional parameter values
// and what is expected.
type Fixture struct {
	// Name names the fixture in reports; unique in its suite.
	Name string
	// Source says where the project came from: its file, "inline", and "+ patch"
	// when the fixture patches it.
	Source string
	// Project is the project as evaluated (after any patch).
	Project *eligibility.Project
	// AsOf is the evaluation date.
	AsOf eligibility.Date
	// Parameters are values that replace the rule set's for this fixture, on every
	// date, by name.
	Parameters map[string]criteria.Value
	// Expect is what the fixture asserts.
	Expect Expectation
	engine *eligibility.Engine
}

// Expectation is what a fixture asserts. Only what is listed is checked, so a
// fixture about BD-4 does not break when GEN-5 is reworded.
type Expectation struct {
	// Decision, when not empty, is the expected decision.
	Decision eligibility.Decision `json:"decision,omitempty"`
	// Outcomes maps criterion IDs to their expected outcomes.
	Outcomes map[string]eligibility.Outcome `json:"outcomes,omitempty"`
	// Missing maps criterion IDs to the exact missing-fact paths expected of an
	// undetermined result.
	Missing map[string][]string `json:"missing,omitempty"`
}

// suiteFile is the YAML form of a suite.
type suiteFile struct {
	RuleSet  string        `yaml:"ruleset"`
	AsOf     string        `yaml:"asOf"`
	Fixtures []fixtureFile `yaml:"fixtures"`
}

type fixtureFile struct {
	Name       string               `yaml:"name"`
	Project    yaml.Node            `yaml:"project"`
	Patch      yaml.Node            `yaml:"patch"`
	AsOf       string               `yaml:"asOf"`
	Parameters map[string]yaml.Node `yaml:"parameters"`
	Expect     expectFile           `yaml:"expect"`
}

type expectFile struct {
	Decision string              `yaml:"decision"`
	Outcomes map[string]string   `yaml:"outcomes"`
	Missing  map[string][]string `yaml:"missing"`
}

// LoadSuite reads the suite file name from fsys and prepares it to run. The format:
//
//	ruleset: rulesets/floor-10m.yaml   # optional: a rule set or variant file in fsys,
//	                                   # relative to the suite; default: the default rule set
//	asOf: 2020-07-20                   # optional: the fixtures' default evaluation date
//	fixtures:
//	  - name: floor exactly 10 million passes
//	    project: projects/bigdata.json # a JSON (or YAML) file relative to the suite, or an inline mapping
//	    patch:                         # optional: an RFC 7386 merge patch; null removes a field
//	      investment: {total: "10000000.00", bigDataPortion: "6000000.00"}
//	    asOf: 2020-07-20               # required here if the suite sets none
//	    parameters: {minBigDataShare: "0.6"}   # optional: values for this fixture only
//	    expect:
//	      decision: eligible
//	      outcomes: {BD-4: pass, BD-1b: pass}  # only what is listed is asserted
//	      missing: {GEN-3: [investment.completed]}
//
// Decoding is strict, and everything is checked before anything runs: each project
// decodes strictly and passes the engine's validation, every criterion ID and
// parameter exists in the rule set, every outcome and decision is a known code, every
// date is real, and no project path leaves fsys. Every problem is reported at once in
// a *criteria.ValidationError matching [ErrInvalidSuite]; a rule set that does not
// load or compile is reported by its own error, wrapped (see [ErrInvalidSuite]).
func LoadSuite(fsys fs.FS, name string) (*Suite, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("policytest: loading a suite: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f suiteFile
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("empty document")
		}
		return nil, fmt.Errorf("policytest: %w: %s: %w", ErrInvalidSuite, name, err)
	}

	s := &Suite{Name: name}
	l := &loader{fsys: fsys, dir: path.Dir(name), engines: map[string]*eligibility.Engine{}}
	rs := criteria.Default()
	if f.RuleSet != "" {
		file, ok := l.resolve(f.RuleSet)
		if !ok {
			return nil, fmt.Errorf("policytest: %w: %s: ruleset %q is outside the suite's file system", ErrInvalidSuite, name, f.RuleSet)
		}
		if rs, err = criteria.LoadFS(fsys, file); err != nil {
			return nil, fmt.Errorf("policytest: %w: %s: ruleset: %w", ErrInvalidSuite, name, err)
		}
	}
	if s.engine, err = eligibility.New(rs); err != nil {
		return nil, fmt.Errorf("policytest: %w: %s: ruleset %s: %w", ErrInvalidSuite, name, rs.Name, err)
	}
	l.rules = rs
	l.engines[""] = s.engine

	var p criteria.Problems
	var suiteAsOf eligibility.Date
	if f.AsOf != "" {
		if suiteAsOf, err = criteria.ParseDate(f.AsOf); err != nil {
			p.AddErr("asOf", err)
		}
	}
	if len(f.Fixtures) == 0 {
		p.Add("fixtures", "at least one fixture is required")
	}
	names := map[string]int{}
	for i := range f.Fixtures {
		ff := &f.Fixtures[i]
		at := fmt.Sprintf("fixtures[%d]", i)
		if ff.Name != "" {
			at += " (" + ff.Name + ")"
		}
		if j, dup := names[ff.Name]; dup && ff.Name != "" {
			p.Add(at+".name", "duplicates fixtures[%d]", j)
		}
		names[ff.Name] = i
		s.Fixtures = append(s.Fixtures, l.fixture(ff, at, suiteAsOf, &p))
	}
	if err := p.Err("policytest: invalid suite "+name, ErrInvalidSuite); err != nil {
		return nil, err
	}
	return s, nil
}

// loader holds what reading one suite's fixtures needs.
type loader struct {
	fsys  fs.FS
	dir   string
	rules *criteria.RuleSet
	// engines caches an engine per set of fixture parameters, keyed by their
	// canonical text; "" is the suite's own.
	engines map[string]*eligibility.Engine
}

// resolve turns a path relative to the suite file into a path in fsys, refusing one
// that climbs out of it.
func (l *loader) resolve(rel string) (string, bool) {
	p := path.Join(l.dir, rel)
	return p, !path.IsAbs(rel) && fs.ValidPath(p)
}

func (l *loader) fixture(ff *fixtureFile, at string, suiteAsOf eligibility.Date, p *criteria.Problems) Fixture {
	fx := Fixture{Name: ff.Name, AsOf: suiteAsOf}
	if ff.Name == "" {
		p.Add(at+".name", "required")
	}
	switch {
	case ff.AsOf != "":
		d, err := criteria.ParseDate(ff.AsOf)
		if err != nil {
			p.AddErr(at+".asOf", err)
		}
		fx.AsOf = d
	case suiteAsOf.IsZero():
		p.Add(at+".asOf", "required: the fixture's evaluation date (or set asOf for the whole suite)")
	}

	fx.engine = l.engines[""]
	if len(ff.Parameters) > 0 {
		fx.Parameters, fx.engine = l.parameters(ff.Parameters, at+".parameters", p)
	}
	fx.Expect = l.expectation(&ff.Expect, at+".expect", p)
	fx.Project, fx.Source = l.project(ff, at, p)
	if fx.Project != nil && fx.engine != nil {
		if err := fx.engine.Validate(fx.Project); err != nil {
			addNested(p, at+".project", err)
		}
	}
	return fx
}

// project reads the fixture's project, from its file or inline, and applies its
// patch.
func (l *loader) project(ff *fixtureFile, at string, p *criteria.Problems) (*eligibility.Project, string) {
	var data []byte
	var source string
	switch ff.Project.Kind {
	case 0:
		p.Add(at+".project", "required: a project file or an inline project")
		return nil, ""
	case yaml.ScalarNode:
		source = ff.Project.Value
		file, ok := l.resolve(ff.Project.Value)
		if !ok {
			p.Add(at+".project", "%q is outside the suite's file system", ff.Project.Value)
			return nil, source
		}
		b, err := fs.ReadFile(l.fsys, file)
		if err != nil {
			p.AddErr(at+".project", err)
			return nil, source
		}
		data = b
		if ext := path.Ext(file); ext == ".yaml" || ext == ".yml" {
			var n yaml.Node
			if err := yaml.Unmarshal(b, &n); err != nil {
				p.AddErr(at+".project", err)
				return nil, source
			}
			if data, err = nodeJSON(&n); err != nil {
				p.AddErr(at+".project", err)
				return nil, source
			}
		}
	case yaml.MappingNode:
		source = "inline"
		b, err := nodeJSON(&ff.Project)
		if err != nil {
			p.AddErr(at+".project", err)
			return nil, source
		}
		data = b
	default:
		p.Add(at+".project", "want a file path or an inline mapping")
		return nil, ""
	}
	if ff.Patch.Kind != 0 {
		source += " + patch"
		b, err := patchJSON(data, &ff.Patch)
		if err != nil {
			p.AddErr(at+".patch", err)
			return nil, source
		}
		data = b
	}
	proj, err := eligibility.DecodeProject(data)
	if err != nil {
		addNested(p, at+".project", err)
		return nil, source
	}
	return proj, source
}

// parameters reads a fixture's parameter values with the rule set's types and returns
// them with an engine built for them (shared by fixtures with the same values).
func (l *loader) parameters(nodes map[string]yaml.Node, at string, p *criteria.Problems) (map[string]criteria.Value, *eligibility.Engine) {
	names := make([]string, 0, len(nodes))
	for name := range nodes {
		names = append(names, name)
	}
	slices.Sort(names)
	values := map[string]criteria.Value{}
	rs := l.rules.Clone()
	var key strings.Builder
	ok := true
	for _, name := range names {
		n := nodes[name]
		prm, found := rs.Parameter(name)
		if !found {
			p.Add(at+"."+name, "rule set %q has no parameter %q", rs.Name, name)
			ok = false
			continue
		}
		v, err := readValue(prm.Type, &n)
		if err != nil {
			p.Add(at+"."+name, "parameter %q has type %s: %v", name, prm.Type, err)
			ok = false
			continue
		}
		values[name] = v
		if err := rs.SetParameter(name, v); err != nil {
			p.AddErr(at+"."+name, err)
			ok = false
		}
		fmt.Fprintf(&key, "%s=%s;", name, v)
	}
	if !ok {
		return values, nil
	}
	if e, cached := l.engines[key.String()]; cached {
		return values, e
	}
	e, err := eligibility.New(rs)
	if err != nil {
		p.AddErr(at, err)
		return values, nil
	}
	l.engines[key.String()] = e
	return values, e
}

// readValue reads a parameter value written in a fixture: a scalar's text for a
// decimal, int or string, a list of strings for a list.
func readValue(t criteria.ParameterType, n *yaml.Node) (criteria.Value, error) {
	if t == criteria.ListParameter {
		var list []string
		if n.Kind != yaml.SequenceNode || n.Decode(&list) != nil {
			return criteria.Value{}, errors.New("a list of strings is required")
		}
		return criteria.ListValue(list...), nil
	}
	if n.Kind != yaml.ScalarNode {
		return criteria.Value{}, fmt.Errorf("a %s scalar is required", t)
	}
	switch t {
	case criteria.DecimalParameter:
		d, err := decimal.NewFromString(n.Value)
		if err != nil {
			return criteria.Value{}, fmt.Errorf("%q is not a decimal number", n.Value)
		}
		return criteria.DecimalValue(d), nil
	case criteria.IntParameter:
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil {
			return criteria.Value{}, fmt.Errorf("%q is not a whole number", n.Value)
		}
		return criteria.IntValue(i), nil
	}
	return criteria.StringValue(n.Value), nil
}

// outcomes returns the outcome codes, in the order reports list them.
func outcomes() []eligibility.Outcome {
	return []eligibility.Outcome{eligibility.Pass, eligibility.Fail, eligibility.OutcomeUndetermined, eligibility.NotApplicable}
}

// decisions returns the decisions, in the order reports list them.
func decisions() []eligibility.Decision {
	return []eligibility.Decision{eligibility.Eligible, eligibility.Ineligible, eligibility.Undetermined}
}

func (l *loader) expectation(ef *expectFile, at string, p *criteria.Problems) Expectation {
	var e Expectation
	if ef.Decision != "" {
		e.Decision = eligibility.Decision(ef.Decision)
		if !slices.Contains(decisions(), e.Decision) {
			p.Add(at+".decision", "unknown decision %q (want one of %v)", ef.Decision, decisions())
		}
	}
	if ef.Decision == "" && len(ef.Outcomes) == 0 && len(ef.Missing) == 0 {
		p.Add(at, "asserts nothing: give a decision, outcomes or missing")
	}
	for _, id := range sortedKeys(ef.Outcomes) {
		o := eligibility.Outcome(ef.Outcomes[id])
		if _, ok := l.rules.Criterion(id); !ok {
			p.Add(at+".outcomes."+id, "rule set %q has no criterion %q", l.rules.Name, id)
		}
		if !slices.Contains(outcomes(), o) {
			p.Add(at+".outcomes."+id, "unknown outcome %q (want one of %v)", ef.Outcomes[id], outcomes())
		}
		if e.Outcomes == nil {
			e.Outcomes = map[string]eligibility.Outcome{}
		}
		e.Outcomes[id] = o
	}
	for _, id := range sortedKeys(ef.Missing) {
		if _, ok := l.rules.Criterion(id); !ok {
			p.Add(at+".missing."+id, "rule set %q has no criterion %q", l.rules.Name, id)
		}
		if o, ok := e.Outcomes[id]; ok && o != eligibility.OutcomeUndetermined {
			p.Add(at+".missing."+id, "only an undetermined result has missing facts, but outcomes says %s", o)
		}
		if e.Missing == nil {
			e.Missing = map[string][]string{}
		}
		e.Missing[id] = ef.Missing[id]
	}
	return e
}

// addNested records err at path; a validation error's own problems are recorded
// one by one under path, so that every problem keeps a path of its own
// ("fixtures[3] (…).project.applicant.creditCode").
func addNested(p *criteria.Problems, path string, err error) {
	var ve *criteria.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		p.AddErr(path, err)
		return
	}
	for _, fe := range ve.Problems {
		p.Add(path+"."+fe.Path, "%s", fe.Message)
	}
	if ve.Omitted > 0 { // the nested error listed only its first problems
		p.Add(path, "and %d more problems", ve.Omitted)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Engine returns the engine of the suite's rule set (without any fixture's
// parameters).
func (s *Suite) Engine() *eligibility.Engine { return s.engine }
