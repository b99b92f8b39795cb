package eligibility

import (
	"context"
	"slices"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

// Checks is what New learnt about a rule set beyond its errors: the worst-case cost
// of every expression and the facts no criterion reads. An analyst reads it after
// editing a rule set; nothing here stops the engine from working.
type Checks struct {
	// Costs lists the worst-case cost estimate of every expression, in rule order,
	// on a record at the input limits. New refuses any above the cost limit.
	Costs []Cost `json:"costs"`
	// CostLimit is the limit the costs were checked against.
	CostLimit uint64 `json:"costLimit"`
	// UnreadFacts lists, by JSON path, the record facts no criterion reads: a rule
	// set that ignores a fact the form collects may have lost a clause.
	UnreadFacts []string `json:"unreadFacts,omitempty"`
}

// Cost is one expression's worst-case cost estimate.
type Cost struct {
	ID       string `json:"id"`
	Field    string `json:"field"`
	Estimate uint64 `json:"estimate"`
}

// Checks reports the engine's static findings about its rule set.
func (e *Engine) Checks() Checks {
	c := Checks{CostLimit: e.costLimit}
	read := map[int]bool{}
	for _, cc := range e.criteria {
		if cc.applies != nil {
			c.Costs = append(c.Costs, Cost{ID: cc.ID, Field: "appliesWhen", Estimate: cc.appliesCost})
		}
		c.Costs = append(c.Costs, Cost{ID: cc.ID, Field: "require", Estimate: cc.requireCost})
		for _, f := range cc.reads.facts {
			read[f] = true
		}
	}
	// Two facts may come from one field (investment.completed): it is unread only
	// when neither is read.
	readPaths := map[string]bool{}
	for i, f := range schema {
		for _, path := range f.json {
			readPaths[path] = readPaths[path] || read[i]
		}
	}
	for _, f := range schema {
		for _, path := range f.json {
			if !readPaths[path] && !slices.Contains(c.UnreadFacts, path) {
				c.UnreadFacts = append(c.UnreadFacts, path)
			}
		}
	}
	return c
}

// checkApplicability refuses a criterion whose appliesWhen is false for every
// project it could meet: every subtype and stage of its category (of every category
// when it has none). An unstated subtype or stage is one of these, unknown, so it
// adds no case of its own. A guard like project.subtype == 'product'
// on a bigdata criterion compiles, yet the criterion could never be applied, which
// is surely a slip in the rule set.
func (e *Engine) checkApplicability(problems *criteria.Problems) {
	ep := &e.epochs[len(e.epochs)-1]
	for i := range e.criteria {
		c := &e.criteria[i]
		if c.applies == nil {
			continue
		}
		cats := category.Categories()
		if c.Category != "" {
			cats = []category.Category{c.Category}
		}
		if !slices.ContainsFunc(cats, func(cat category.Category) bool { return e.canApply(c, cat, ep) }) {
			problems.Add(criteria.Path(i, c.ID)+".appliesWhen",
				"can never be true for %s: it is false for every subtype and stage", categoryList(cats))
		}
	}
}

// canApply reports whether c's guard is true or unknown for some project of cat
// that states at most its subtype and stage.
func (e *Engine) canApply(c *compiled, cat category.Category, ep *epoch) bool {
	for _, sub := range cat.Subtypes() {
		for _, stage := range category.Stages() {
			p := &Project{Category: cat, Subtype: sub, Stage: stage}
			rec := &record{object: object{typ: celProjectType, vals: make([]ref.Val, len(schema))}, eng: e, in: input{p: p}}
			rec.findings.r = rec
			act := &activation{r: rec, params: ep.params, asOf: types.Timestamp{Time: e.rules.Effective.Time()}}
			val, err := eval(context.Background(), c.applies, c.appliesCost, act, c.ID, "appliesWhen")
			if err != nil || val != types.False {
				return true
			}
		}
	}
	return false
}

func categoryList(cats []category.Category) string {
	if len(cats) == 1 {
		return "category " + string(cats[0])
	}
	return "any category"
}

// Reads is what one criterion's expressions read, found from their checked ASTs.
type Reads struct {
	// Facts are record facts by CEL path, which is also their JSON path
	// ("investment.total"; "applicant.division" is read from
	// applicant.registrationDivision or the credit code).
	Facts []string `json:"facts,omitempty"`
	// Params are parameter names.
	Params []string `json:"params,omitempty"`
	// Findings are the criterion IDs of the findings read.
	Findings []string `json:"findings,omitempty"`
	// AsOf says whether the evaluation date is read.
	AsOf bool `json:"asOf,omitempty"`
	// Functions are the named functions called (decimal, endOfYear, isBlank …).
	Functions []string `json:"functions,omitempty"`
}

// Reads returns what the criterion with the given ID reads, for tools that work
// on rule sets (which parameters a threshold change touches, which facts a form
// must collect).
func (e *Engine) Reads(id string) (Reads, bool) {
	i := slices.IndexFunc(e.criteria, func(c compiled) bool { return c.ID == id })
	if i < 0 {
		return Reads{}, false
	}
	r := e.criteria[i].reads
	out := Reads{Params: slices.Clone(r.params), Findings: slices.Clone(r.findings), AsOf: r.asOf, Functions: slices.Clone(r.functions)}
	for _, f := range r.facts {
		out.Facts = append(out.Facts, schema[f].path)
	}
	return out, true
}
