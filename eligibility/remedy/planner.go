package remedy

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Planner works out remedies with one engine. It is safe for concurrent use.
type Planner struct {
	eng   *eligibility.Engine
	rules *criteria.RuleSet
	// facts maps a CEL path to the fact.
	facts map[string]eligibility.Fact
	// secondary holds the JSON paths a fact is read from after its first.
	secondary map[string]bool
	// amounts are the JSON paths of the decimal facts.
	amounts []string
	crits   map[string]*crit
}

// crit is one criterion, with an engine for it alone: trying a candidate change
// re-evaluates only the criteria the change can move.
type crit struct {
	index int
	c     criteria.Criterion
	reads eligibility.Reads
	// eng evaluates the criterion alone (with the finding criteria it reads);
	// findings holds those finding IDs, the only ones its records may carry.
	eng      *eligibility.Engine
	findings []string
}

// New returns a Planner for e's rule set. It compiles each criterion into an engine
// of its own (one rule set per criterion, with the parameters it reads), which takes
// about as long as compiling the rule set once more.
func New(e *eligibility.Engine) (*Planner, error) {
	if e == nil {
		return nil, errors.New("remedy: nil engine")
	}
	rs := e.RuleSet()
	p := &Planner{eng: e, rules: rs, facts: map[string]eligibility.Fact{}, secondary: map[string]bool{}, crits: map[string]*crit{}}
	for _, f := range eligibility.Facts() {
		p.facts[f.Path] = f
		if f.Type == "decimal" {
			p.amounts = append(p.amounts, f.JSON[0])
		}
		for _, j := range f.JSON[1:] {
			p.secondary[j] = true
		}
	}
	for i, c := range rs.Criteria {
		reads, _ := e.Reads(c.ID)
		cr := &crit{index: i, c: c, reads: reads}
		sub := &criteria.RuleSet{Name: rs.Name, Document: rs.Document, Title: rs.Title, Effective: rs.Effective}
		ids := append([]string{c.ID}, reads.Findings...)
		params := map[string]bool{}
		for _, id := range ids {
			if sc, ok := rs.Criterion(id); ok && !slices.ContainsFunc(sub.Criteria, func(x criteria.Criterion) bool { return x.ID == id }) {
				sub.Criteria = append(sub.Criteria, sc)
				r, _ := e.Reads(id)
				for _, name := range r.Params {
					params[name] = true
				}
			}
		}
		for _, prm := range rs.Parameters {
			if params[prm.Name] {
				sub.Parameters = append(sub.Parameters, prm)
			}
		}
		se, err := eligibility.New(sub)
		if err != nil {
			return nil, fmt.Errorf("remedy: compiling %s alone: %w", c.ID, err)
		}
		cr.eng = se
		// The findings its records may carry: those its criteria read (a data
		// criterion may read its own).
		for _, sc := range sub.Criteria {
			r, _ := e.Reads(sc.ID)
			for _, f := range r.Findings {
				if !slices.Contains(cr.findings, f) {
					cr.findings = append(cr.findings, f)
				}
			}
		}
		p.crits[c.ID] = cr
	}
	return p, nil
}

// session is one call's scratch: a Batch per criterion engine, and the counts.
type session struct {
	pl      *Planner
	ctx     context.Context
	batches map[string]*eligibility.Batch
	// evals counts the evaluations of criteria alone, for tests.
	evals int
	// memo holds the outcomes already computed, by criterion, date and the values
	// of what the criterion reads: candidates, their checks and the plan's rounds
	// ask the same question again and again.
	memo map[string]memoized
}

type memoized struct {
	outcome eligibility.Outcome
	missing []string
	ok      bool
}

func (pl *Planner) session(ctx context.Context) *session {
	return &session{pl: pl, ctx: ctx, batches: map[string]*eligibility.Batch{}}
}

// outcome evaluates one criterion alone on q at date at. A record the engine refuses
// (a candidate the validation rejects) reports ok false.
func (s *session) outcome(id string, q *eligibility.Project, at eligibility.Date) (eligibility.Outcome, []string, bool) {
	cr := s.pl.crits[id]
	key := s.pl.memoKey(cr, q, at)
	if m, hit := s.memo[key]; hit {
		return m.outcome, slices.Clone(m.missing), m.ok
	}
	o, missing, ok := s.evaluateAlone(cr, id, q, at)
	if s.memo == nil {
		s.memo = map[string]memoized{}
	}
	s.memo[key] = memoized{o, missing, ok}
	return o, slices.Clone(missing), ok
}

// memoKey identifies what an evaluation of cr alone depends on: the criterion, the
// date, and the JSON of the facts and findings it reads. Validation reads the rest of
// the record too, but a candidate only ever changes what the criterion reads, and
// one session evaluates one record.
func (pl *Planner) memoKey(cr *crit, q *eligibility.Project, at eligibility.Date) string {
	var b strings.Builder
	b.WriteString(cr.c.ID)
	b.WriteByte(0)
	b.WriteString(at.String())
	for _, f := range cr.reads.Facts {
		for _, j := range pl.facts[f].JSON {
			b.WriteByte(0)
			if v, ok := get(q, j); ok {
				keyValue(&b, v)
			}
		}
	}
	// Validation ties some facts together (a portion within the total, a subtype
	// of the category): those are in every key.
	b.WriteByte(1)
	b.WriteString(string(q.Category) + "/" + string(q.Subtype))
	for _, j := range pl.amounts {
		b.WriteByte(0)
		if v, ok := get(q, j); ok {
			keyValue(&b, v)
		}
	}
	for _, id := range cr.findings {
		b.WriteByte(0)
		if f, ok := q.Findings[id]; ok && f.Met != nil {
			b.WriteString(strconv.FormatBool(*f.Met))
		}
	}
	return b.String()
}

func (s *session) evaluateAlone(cr *crit, id string, q *eligibility.Project, at eligibility.Date) (eligibility.Outcome, []string, bool) {
	b := s.batches[id]
	if b == nil {
		b = cr.eng.NewBatch()
		s.batches[id] = b
	}
	r := *q
	if len(q.Findings) > 0 {
		r.Findings = make(map[string]eligibility.Finding, len(cr.findings))
		for _, f := range cr.findings {
			if v, ok := q.Findings[f]; ok {
				r.Findings[f] = v
			}
		}
	}
	s.evals++
	v, err := b.Evaluate(s.ctx, &r, at)
	if err != nil {
		return "", nil, false
	}
	for _, res := range v.Results {
		if res.ID == id {
			return res.Outcome, slices.Clone(res.Missing), true
		}
	}
	return "", nil, false
}

// resolves reports whether the criterion passes, or does not apply, on q at date at.
func (s *session) resolves(id string, q *eligibility.Project, at eligibility.Date) bool {
	o, _, ok := s.outcome(id, q, at)
	return ok && (o == eligibility.Pass || o == eligibility.NotApplicable)
}

// evaluate is the full engine's verdict on q at date at: the plan keeps verdicts
// across evaluations, so not a Batch's.
func (s *session) evaluate(q *eligibility.Project, at eligibility.Date) (*eligibility.Verdict, error) {
	return s.pl.eng.EvaluateContext(s.ctx, q, at)
}

// decisive reports whether the verdict counts as done: eligible.
func decisive(v *eligibility.Verdict) bool { return v.Decision == eligibility.Eligible }

// Remedies evaluates p on asOf and works out what it must do. A record that does not
// validate returns the same error as Evaluate.
func (pl *Planner) Remedies(ctx context.Context, p *eligibility.Project, asOf eligibility.Date) (*Remedies, error) {
	v, err := pl.eng.EvaluateContext(ctx, p, asOf)
	if err != nil {
		return nil, err
	}
	return pl.ForVerdict(ctx, p, v)
}

// ForVerdict works out the remedies of a verdict the caller already has: v must be
// the Planner's engine's verdict on p.
func (pl *Planner) ForVerdict(ctx context.Context, p *eligibility.Project, v *eligibility.Verdict) (*Remedies, error) {
	s := pl.session(ctx)
	out := &Remedies{ProjectID: v.ProjectID, ProjectName: v.ProjectName, RuleSet: v.RuleSet, AsOf: v.AsOf,
		Decision: v.Decision, ConfirmingAuthority: v.ConfirmingAuthority}
	for _, r := range v.Results {
		if r.Strength != criteria.Mandatory || (r.Outcome != eligibility.Fail && r.Outcome != eligibility.OutcomeUndetermined) {
			continue
		}
		out.Fixes = append(out.Fixes, s.fix(p, v, r))
	}
	plan, err := s.plan(p, v, out.Fixes)
	if err != nil {
		return nil, err
	}
	out.Plan = plan
	if v.Decision == eligibility.Undetermined {
		out.Questions = s.questions(p, v)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
