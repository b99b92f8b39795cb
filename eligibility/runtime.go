package eligibility

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"
)

// The types in this file carry one record through CEL without reflection or maps:
// field access goes straight to a slice index chosen when the engine was built, and a
// fact the record does not state comes back as a CEL unknown whose ID names the fact.
// CEL's own three-valued logic then does the rest (false && unknown is false,
// true && unknown is unknown), which is exactly catalogue note 8.

// unknownIDs partition the IDs of the unknowns the engine makes, so that an unknown
// result can be traced back to the facts it came from.
const (
	// factID + i is the unknown of schema fact i.
	factID = 1 << 20
	// findingID + i is the unknown of the engine's i-th finding criterion.
	findingID = 2 << 20
	// incidentID + n*len(incidentFacts) + f is field f of incident n, for the first
	// namedIncidents incidents; field f of every later incident shares the ID of
	// n = namedIncidents.
	incidentID = 3 << 20
)

// namedIncidents is how many incidents get unknowns of their own. cel-go copies the
// set of IDs each time it merges two unknowns, so thousands of distinct IDs made
// II-11 quadratic (10,000 incidents of unknown severity took seconds); past this
// many, a missing field is reported once for all later incidents.
const namedIncidents = 16

// object is a CEL struct value whose fields are an index of values.
type object struct {
	typ  *types.Type
	vals []ref.Val
}

func (o *object) ConvertToNative(t reflect.Type) (any, error) {
	return nil, fmt.Errorf("%s cannot be converted to %v", o.typ.TypeName(), t)
}

func (o *object) ConvertToType(t ref.Type) ref.Val {
	if t == types.TypeType {
		return o.typ
	}
	return types.NewErr("type conversion error from %s to %v", o.typ.TypeName(), t)
}

func (o *object) Equal(other ref.Val) ref.Val { return types.Bool(o == other) }
func (o *object) Type() ref.Type              { return o.typ }
func (o *object) Value() any                  { return o }

// record is one evaluation's view of a project: the root of project.* in CEL.
// It loads facts lazily, on first read, and keeps them for the other criteria.
type record struct {
	object
	eng      *Engine
	in       input
	findings findingsValue
	// display caches facts written out for results' inputs; see shown.
	display []string
}

func (r *record) Value() any { return r }

// fact returns schema fact i of the record, or its unknown when not stated.
func (r *record) fact(i int) ref.Val {
	if v := r.vals[i]; v != nil {
		return v
	}
	var v ref.Val
	if i == r.eng.incidentsFact {
		v = r.incidents()
	} else {
		v = schema[i].get(&r.in)
	}
	if v == nil {
		v = r.eng.unknowns[i]
	}
	r.vals[i] = v
	return v
}

// incidents builds project.incidents: a list of intake.Incident whose unstated
// fields are unknowns naming the incident, e.g. incidents[2].major.
func (r *record) incidents() ref.Val {
	list := r.in.p.Incidents
	if list == nil {
		return nil
	}
	elems := make([]ref.Val, len(list))
	objects := make([]object, len(list)) // one allocation, not one per incident
	vals := make([]ref.Val, len(list)*len(incidentFacts))
	for n := range list {
		fields := vals[n*len(incidentFacts) : (n+1)*len(incidentFacts)]
		for f, def := range incidentFacts {
			fields[f] = def.get(&list[n])
			if fields[f] == nil {
				fields[f] = r.eng.incidentUnknowns[min(n, namedIncidents)*len(incidentFacts)+f]
			}
		}
		objects[n] = object{typ: celIncidentType, vals: fields}
		elems[n] = &objects[n]
	}
	return types.NewRefValList(types.DefaultTypeAdapter, elems)
}

// findingsValue is the CEL map findings: criterion ID → the reviewer's finding. A
// finding criterion without a finding reads as an unknown naming it; any other key is
// an error, which the engine's build-time checks make unreachable for its own rules.
type findingsValue struct {
	r *record
}

var findingsType = types.NewMapType(types.StringType, types.BoolType)

func (f *findingsValue) lookup(id string) (ref.Val, bool) {
	i, ok := f.r.eng.findingIndex[id]
	if !ok {
		return nil, false
	}
	if finding, ok := f.r.in.p.Findings[id]; ok && finding.Met != nil {
		return types.Bool(*finding.Met), true
	}
	return f.r.eng.findingUnknowns[i], true
}

// FindStringKey is cel-go's fast path for constant string keys: findings['BD-3a'].
func (f *findingsValue) FindStringKey(key string) (any, bool) { return f.lookup(key) }

func (f *findingsValue) Find(key ref.Val) (ref.Val, bool) {
	s, ok := key.(types.String)
	if !ok {
		return types.MaybeNoSuchOverloadErr(key), false
	}
	return f.lookup(string(s))
}

func (f *findingsValue) Get(key ref.Val) ref.Val {
	if v, ok := f.Find(key); ok {
		return v
	}
	return types.NewErr("findings: %v is not a reviewer-finding criterion of this rule set", key)
}

// Contains reports whether a finding was given for the key.
func (f *findingsValue) Contains(key ref.Val) ref.Val {
	s, ok := key.(types.String)
	if !ok {
		return types.MaybeNoSuchOverloadErr(key)
	}
	_, given := f.r.in.p.Findings[string(s)]
	return types.Bool(given)
}

func (f *findingsValue) given() []string {
	ids := make([]string, 0, len(f.r.in.p.Findings))
	for id := range f.r.in.p.Findings {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func (f *findingsValue) Iterator() traits.Iterator {
	return types.NewStringList(types.DefaultTypeAdapter, f.given()).(traits.Iterable).Iterator()
}

func (f *findingsValue) Size() ref.Val { return types.Int(len(f.r.in.p.Findings)) }

func (f *findingsValue) ConvertToNative(t reflect.Type) (any, error) {
	return nil, fmt.Errorf("findings cannot be converted to %v", t)
}

func (f *findingsValue) ConvertToType(t ref.Type) ref.Val {
	if t == types.TypeType {
		return findingsType
	}
	return types.NewErr("type conversion error from findings to %v", t)
}

func (f *findingsValue) Equal(other ref.Val) ref.Val { return types.Bool(f == other) }
func (f *findingsValue) Type() ref.Type              { return findingsType }
func (f *findingsValue) Value() any                  { return f }

// activation resolves the four top-level names without building a map.
type activation struct {
	r      *record
	params *object
	// asOf is boxed once per evaluation, not on every reference.
	asOf ref.Val
	// spent is the cost of the expressions evaluated so far; see charge.
	spent uint64
}

func (a *activation) ResolveName(name string) (any, bool) {
	switch name {
	case varProject:
		return a.r, true
	case varFindings:
		return &a.r.findings, true
	case varParams:
		return a.params, true
	case varAsOf:
		return a.asOf, true
	}
	return nil, false
}

func (a *activation) Parent() interpreter.Activation { return nil }

// The names expressions see.
const (
	varProject  = "project"
	varFindings = "findings"
	varParams   = "params"
	varAsOf     = "asOf"
)

// provider tells the type checker and the interpreter about intake.Project and its
// nested objects, intake.Incident and intake.Params. Every field is a precomputed
// getter; everything else is delegated to cel-go's own registry.
type provider struct {
	types.Provider
	structs map[string]map[string]*types.FieldType
}

func (p *provider) FindStructType(name string) (*types.Type, bool) {
	if _, ok := p.structs[name]; ok {
		return types.NewTypeTypeWithParam(types.NewObjectType(name)), true
	}
	return p.Provider.FindStructType(name)
}

func (p *provider) FindStructFieldNames(name string) ([]string, bool) {
	if fields, ok := p.structs[name]; ok {
		names := make([]string, 0, len(fields))
		for n := range fields {
			names = append(names, n)
		}
		slices.Sort(names)
		return names, true
	}
	return p.Provider.FindStructFieldNames(name)
}

func (p *provider) FindStructFieldType(structType, field string) (*types.FieldType, bool) {
	if fields, ok := p.structs[structType]; ok {
		ft, ok := fields[field]
		return ft, ok
	}
	return p.Provider.FindStructFieldType(structType, field)
}

// NewValue refuses to build intake objects in expressions: rules read records, they
// do not make them.
func (p *provider) NewValue(name string, fields map[string]ref.Val) ref.Val {
	if _, ok := p.structs[name]; ok {
		return types.NewErr("%s values cannot be constructed in an expression", name)
	}
	return p.Provider.NewValue(name, fields)
}

// newProvider builds the object types from the schema: a path a.b.c makes
// intake.Project.a an object of type intake.A, and so on down to the leaf.
func newProvider(base types.Provider, params []paramSlot) *provider {
	p := &provider{Provider: base, structs: map[string]map[string]*types.FieldType{}}
	add := func(typeName, field string, ft *types.FieldType) {
		if p.structs[typeName] == nil {
			p.structs[typeName] = map[string]*types.FieldType{}
		}
		if _, exists := p.structs[typeName][field]; !exists {
			p.structs[typeName][field] = ft
		}
	}
	always := func(any) bool { return true }
	passThrough := func(o any) (any, error) { return o, nil }
	for i, f := range schema {
		parts := strings.Split(f.path, ".")
		parent := celProjectType.TypeName()
		for _, part := range parts[:len(parts)-1] {
			child := "intake." + strings.ToUpper(part[:1]) + part[1:]
			// Intermediate objects are the record itself under another type name:
			// a select on them costs one function call and no allocation.
			add(parent, part, &types.FieldType{Type: types.NewObjectType(child), IsSet: always, GetFrom: passThrough})
			parent = child
		}
		add(parent, parts[len(parts)-1], &types.FieldType{
			Type: f.typ,
			// has(project.x.y) tests whether the record states the fact.
			IsSet:   func(o any) bool { return !types.IsUnknown(o.(*record).fact(i)) },
			GetFrom: func(o any) (any, error) { return o.(*record).fact(i), nil },
		})
	}
	for f, def := range incidentFacts {
		add(celIncidentType.TypeName(), def.name, &types.FieldType{
			Type:    def.typ,
			IsSet:   func(o any) bool { return !types.IsUnknown(o.(*object).vals[f]) },
			GetFrom: func(o any) (any, error) { return o.(*object).vals[f], nil },
		})
	}
	p.structs[celParamsType.TypeName()] = map[string]*types.FieldType{}
	for i, prm := range params {
		add(celParamsType.TypeName(), prm.name, &types.FieldType{
			Type:    prm.typ,
			IsSet:   always,
			GetFrom: func(o any) (any, error) { return o.(*object).vals[i], nil },
		})
	}
	return p
}

// celProjectType is the CEL type of the variable project.
var celProjectType = types.NewObjectType("intake.Project")

// celParamsType is the CEL type of the variable params.
var celParamsType = types.NewObjectType("intake.Params")
