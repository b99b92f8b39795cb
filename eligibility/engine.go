package eligibility

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

// Engine evaluates projects against one compiled rule set.
//
// Build it once with [New] (or take [Default]) and share it: an Engine is immutable
// and safe for concurrent use by any number of goroutines. There is no zero value
// to use; a nil or zero Engine is a programming error.
type Engine struct {
	rules       *criteria.RuleSet
	ruleSetHash string
	costLimit   uint64
	// ruleSetCostLimit bounds what one evaluation's criteria spend together.
	ruleSetCostLimit uint64
	criteria         []compiled
	// byCategory holds, per category, the indices of the criteria to evaluate; the
	// others are reported not applicable without running their expressions.
	byCategory map[category.Category][]int
	// epochs hold the parameter values, one entry per span of dates in which none
	// changes, in date order.
	epochs []epoch
	// unknowns[i] is the value of schema fact i when the record does not state it.
	unknowns      []ref.Val
	incidentsFact int
	// incidentUnknowns are the unknowns of incident fields; see namedIncidents.
	incidentUnknowns []ref.Val
	// scratch recycles evaluations' working state; see scratch.
	scratch sync.Pool
	// findingIndex maps the ID of each criterion that takes a finding to its position
	// in findingIDs and findingUnknowns: every finding-basis criterion, and every
	// data criterion that reads its own finding (for an entry of a 等 list that the
	// list does not name; see takesFinding).
	findingIndex map[string]int
	findingIDs   []string
	// dataFindings holds the IDs of the data criteria that take a finding.
	dataFindings    map[string]struct{}
	findingUnknowns []ref.Val
	// absent names each unknown a record can produce, by ID.
	absent map[int64]absence
	// made maps each unknown above to its one ID, so that explaining a result needs
	// no cel-go call that allocates (Unknown.IDs) unless cel-go merged unknowns.
	made map[*types.Unknown]int64
	// phrased is the words of every criterion in each epoch (by epoch index), and
	// byYear those in each evaluation year for the criteria whose words depend on
	// the evaluation date; see phrasing.
	phrased []*textSet
	byYear  []yearTexts
	// dated lists the criteria whose words depend on the evaluation date itself.
	dated []int
}

// compiled is a criterion with its programs.
type compiled struct {
	criteria.Criterion
	applies cel.Program // nil: always applies
	require cel.Program
	// appliesReads and requireReads are what the two expressions read; reads is
	// both together.
	appliesReads, requireReads, reads refs
	// appliesCost and requireCost are the worst-case cost estimates.
	appliesCost, requireCost uint64
	// appliesInputs and inputs are the inputs a result lists: those of appliesWhen
	// when it makes the criterion not applicable, those of both otherwise.
	appliesInputs, inputs []inputDef
	// textParams are the parameters its summary and message name; datedText says
	// they also name the evaluation date.
	textParams []string
	datedText  bool
}

// New compiles every criterion of rs once, type-checking each expression to bool, and
// returns an Engine ready to evaluate projects. rs is copied: later edits to it do not
// affect the Engine.
//
// A broken rule set returns a *ValidationError matching ErrInvalidRuleSet that names
// every bad criterion by ID and field, e.g.
// "criteria[5] (BD-4).require: undeclared reference to 'projet'".
func New(rs *criteria.RuleSet, opts ...Option) (*Engine, error) {
	if rs == nil {
		return nil, fmt.Errorf("eligibility: %w: nil rule set", ErrInvalidRuleSet)
	}
	cfg := defaultConfig()
	for _, opt := range opts {
		if err := opt(&cfg); err != nil {
			return nil, fmt.Errorf("eligibility: %w", err)
		}
	}
	if err := rs.Validate(); err != nil {
		return nil, err
	}
	rs = rs.Clone()
	slots := paramSlots(rs.Parameters)
	env, err := newEnv(slots)
	if err != nil {
		return nil, fmt.Errorf("eligibility: building the CEL environment: %w", err)
	}
	b := builder{env: env, cfg: cfg, sizes: &sizeEstimator{paramSizes: paramSizes(rs.Parameters)}}
	e := &Engine{
		rules:            rs,
		ruleSetHash:      rs.Hash(),
		costLimit:        cfg.costLimit,
		ruleSetCostLimit: cfg.ruleSetCostLimit,
		criteria:         make([]compiled, len(rs.Criteria)),
		byCategory:       map[category.Category][]int{},
		epochs:           epochs(rs.Parameters),
		unknowns:         make([]ref.Val, len(schema)),
		incidentsFact:    slices.IndexFunc(schema, func(f fact) bool { return f.path == "incidents" }),
		findingIndex:     map[string]int{},
		dataFindings:     map[string]struct{}{},
	}
	for i := range schema {
		// Facts read from the same JSON fields share one unknown, so that a missing
		// field is named once (investment.completed and investment.completedBlank).
		if j := slices.IndexFunc(schema[:i], func(f fact) bool { return slices.Equal(f.json, schema[i].json) }); j >= 0 {
			e.unknowns[i] = e.unknowns[j]
			continue
		}
		e.unknowns[i] = types.NewUnknown(int64(factID+i), nil)
	}
	e.scratch.New = e.newScratch
	for i := range (namedIncidents + 1) * len(incidentFacts) {
		e.incidentUnknowns = append(e.incidentUnknowns, types.NewUnknown(int64(incidentID+i), nil))
	}

	var problems criteria.Problems
	for i, c := range rs.Criteria {
		path := criteria.Path(i, c.ID)
		cc := compiled{Criterion: c}
		if c.AppliesWhen != "" {
			cc.applies, cc.appliesCost = b.compile(c.AppliesWhen, &problems, path+".appliesWhen", &cc.appliesReads)
		}
		cc.require, cc.requireCost = b.compile(c.Require, &problems, path+".require", &cc.requireReads)
		cc.reads = cc.appliesReads.union(cc.requireReads)
		e.criteria[i] = cc
		if takesFinding(&cc) {
			if c.Basis != criteria.Finding {
				e.dataFindings[c.ID] = struct{}{}
			}
			e.findingIndex[c.ID] = len(e.findingIDs)
			e.findingIDs = append(e.findingIDs, c.ID)
			e.findingUnknowns = append(e.findingUnknowns, types.NewUnknown(int64(findingID+len(e.findingIDs)-1), nil))
		}
	}
	if problems.Len() == 0 {
		checkTotalCost(e.criteria, cfg.ruleSetCostLimit, &problems)
	}
	if problems.Len() == 0 {
		// What a broken expression reads is unknown; reporting its parameters as
		// unread would only add noise to the real problem.
		e.checkReads(&problems)
		e.checkApplicability(&problems)
		e.checkTexts(&problems)
	}
	if err := problems.Err("eligibility: invalid rule set", ErrInvalidRuleSet); err != nil {
		return nil, err
	}
	e.absent = e.absences()
	e.made = map[*types.Unknown]int64{}
	for _, vals := range [][]ref.Val{e.unknowns, e.incidentUnknowns, e.findingUnknowns} {
		for _, v := range vals {
			u := v.(*types.Unknown)
			e.made[u] = u.IDs()[0]
		}
	}
	for i := range e.criteria {
		c := &e.criteria[i]
		c.appliesInputs = e.inputDefs(c.appliesReads)
		c.inputs = e.inputDefs(c.reads)
		if c.datedText {
			e.dated = append(e.dated, i)
		}
	}
	e.phrased = make([]*textSet, len(e.epochs))
	e.byYear = make([]yearTexts, len(e.epochs))
	for i := range e.epochs {
		e.phrased[i] = e.phrase(&e.epochs[i], e.epochs[i].from)
	}
	for _, cat := range category.Categories() {
		for i, c := range e.criteria {
			if c.Category == "" || c.Category == cat {
				e.byCategory[cat] = append(e.byCategory[cat], i)
			}
		}
	}
	return e, nil
}

// takesFinding reports whether a reviewer's finding can be given for c: c is decided
// by one, or it is a data criterion whose expressions read findings['<its ID>'],
// which the default rule set's criteria over the letter's open lists (BD-1a, II-2a,
// II-3a) and II-4 do for an entry the data alone cannot decide.
func takesFinding(c *compiled) bool {
	return c.Basis == criteria.Finding || slices.Contains(c.reads.findings, c.ID)
}

// builder holds what compiling a rule set's expressions needs.
type builder struct {
	env   *cel.Env
	cfg   config
	sizes *sizeEstimator
}

// compile type-checks one expression to bool, bounds its worst-case cost and plans
// it, recording any problem and what the expression reads.
func (b *builder) compile(expr string, problems *criteria.Problems, path string, reads *refs) (cel.Program, uint64) {
	env := b.env
	ast, iss := env.Compile(expr)
	if iss.Err() != nil {
		problems.Add(path, "%s", strings.TrimSpace(iss.Err().Error()))
		return nil, 0
	}
	if ast.OutputType() != cel.BoolType {
		problems.Add(path, "must evaluate to bool but got %v", ast.OutputType())
		return nil, 0
	}
	estimate, err := env.EstimateCost(ast, b.sizes)
	if err != nil {
		problems.AddErr(path, err)
		return nil, 0
	}
	if estimate.Max > b.cfg.costLimit {
		problems.AddErr(path, costLimitError(estimate.Max, b.cfg.costLimit))
		return nil, 0
	}
	// The estimate bounds the cost on any record within the input limits, so an
	// expression without loops cannot exceed it. One that iterates is tracked at run
	// time as well, as a second line of defence: tracking allocates on every
	// operation, which is why it is not spent on every expression.
	prg, err := env.Program(ast, programOptions(b.cfg, iterates(ast))...)
	if err != nil {
		problems.AddErr(path, err)
		return nil, 0
	}
	if !iterates(ast) {
		prg = straight{prg}
	}
	reads.collect(ast)
	return prg, estimate.Max
}

// checkReads rejects what compiles yet cannot be right: a findings key that is not
// a finding criterion of the rule set (it could never be supplied), and a parameter
// no criterion reads (a policy value that silently does nothing).
func (e *Engine) checkReads(problems *criteria.Problems) {
	read := map[string]bool{}
	for i, c := range e.criteria {
		for _, id := range c.reads.findings {
			if _, ok := e.findingIndex[id]; !ok {
				problems.Add(criteria.Path(i, c.ID)+".require",
					"findings['%s'] can never be supplied: %s is not a criterion with basis %q, nor the criterion reading it", id, id, criteria.Finding)
			}
		}
		for _, p := range c.reads.params {
			read[p] = true
		}
	}
	for i, p := range e.rules.Parameters {
		if !read[p.Name] {
			problems.Add(fmt.Sprintf("parameters[%d] (%s)", i, p.Name), "no criterion reads it")
		}
	}
}

var defaultEngine = sync.OnceValues(func() (*Engine, error) { return New(criteria.Default()) })

// Default returns the Engine for the embedded default rule set, built on first use
// and shared. It panics only if the embedded rule set does not compile, which the
// package's tests rule out.
func Default() *Engine {
	e, err := defaultEngine()
	if err != nil {
		panic("eligibility: embedded default rule set does not compile: " + err.Error())
	}
	return e
}

// RuleSet returns a copy of the rule set the Engine was built from.
func (e *Engine) RuleSet() *criteria.RuleSet { return e.rules.Clone() }

// Evaluate decides project p on the evaluation date asOf and returns the verdict.
//
// The return contract:
//   - a *Verdict and a nil error whenever p is valid input, whatever the decision:
//     ineligible is a verdict, not an error;
//   - a nil Verdict and a *ValidationError matching ErrInvalidProject when p is bad
//     input (or asOf is the zero Date), naming every offending field;
//   - a nil Verdict and a *CriterionError matching ErrEvaluation if an expression
//     fails at run time, which only a misbehaving custom rule set can cause.
//
// Evaluate neither reads the clock nor does I/O, and does not modify p; the same
// project, date and rule set always give the same verdict.
func (e *Engine) Evaluate(p *Project, asOf Date) (*Verdict, error) {
	return e.EvaluateContext(context.Background(), p, asOf)
}

// EvaluateContext is Evaluate under a context: it stops with ctx's error (wrapped,
// matching context.Canceled or context.DeadlineExceeded) when ctx is done, checked
// between criteria and inside long comprehensions.
func (e *Engine) EvaluateContext(ctx context.Context, p *Project, asOf Date) (*Verdict, error) {
	return e.evaluate(ctx, p, asOf, nil)
}

// buffers is memory a Batch lends to its next verdict: the verdict itself and the
// backing arrays of its inputs, missing paths and ID lists.
type buffers struct {
	verdict Verdict
	inputs  []Input
	missing []string
	ids     []string
}

// evaluate is EvaluateContext writing into buf when it is not nil.
func (e *Engine) evaluate(ctx context.Context, p *Project, asOf Date, buf *buffers) (*Verdict, error) {
	if p == nil {
		return nil, errNilProject
	}
	var problems criteria.Problems
	in := e.check(p, &problems)
	checkAsOf(asOf, &problems)
	if err := problems.Err(invalidProject, ErrInvalidProject); err != nil {
		return nil, err
	}
	return e.evaluateInput(ctx, in, asOf, buf)
}

// evaluateInput is evaluate after the checks: in is the record as they read it, and
// asOf a date.
func (e *Engine) evaluateInput(ctx context.Context, in input, asOf Date, buf *buffers) (*Verdict, error) {
	p := in.p
	ep, epi := e.epochAt(asOf)
	if len(ep.missing) > 0 {
		return nil, fmt.Errorf("eligibility: %w: on %s rule set %q has no value for %s",
			ErrNoParameterValue, asOf, e.rules.Name, strings.Join(ep.missing, ", "))
	}
	ts := e.textsAt(epi, asOf)
	sc := e.scratch.Get().(*scratch)
	defer e.putScratch(sc)
	rec := &sc.rec
	rec.in = in
	act := &sc.act
	act.params, act.asOf, act.spent = ep.params, types.Timestamp{Time: asOf.Time()}, 0

	var v *Verdict
	var params []ParameterValue
	var results []Result
	var inputs []Input
	var missing, ids []string
	if buf != nil {
		v = &buf.verdict
		params, results = v.Parameters[:0], v.Results[:0]
		inputs, missing, ids = buf.inputs[:0], buf.missing[:0], buf.ids
	} else {
		v = new(Verdict)
	}
	route, _ := category.RouteOf(p.Category)
	*v = Verdict{
		ProjectID:           p.ID,
		ProjectName:         p.Name,
		Category:            p.Category,
		Subtype:             p.Subtype,
		ConfirmingAuthority: route.Confirmer,
		Channel:             route.Channel,
		RuleSet:             e.rules.Name,
		Document:            e.rules.Document,
		AsOf:                asOf,
		Parameters:          append(params, ep.used...),
		Provenance: Provenance{
			Library:     modulePath,
			Version:     Version,
			RuleSetHash: e.ruleSetHash,
			ProjectHash: sc.canon.hash(p),
		},
		Results: append(results, ts.template...),
	}
	// Decide every criterion first, so that the inputs and missing paths, which
	// depend on the outcomes, are allocated once and at their exact size.
	run := e.byCategory[p.Category]
	decided := sc.decided[:len(run)]
	unknownIDs := sc.unknownIDs[:0]
	inputCount, missingCount := 0, 0
	for k, i := range run {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("eligibility: evaluation stopped: %w", err)
		}
		c := &e.criteria[i]
		outcome, unks, err := decide(ctx, c, act)
		if err != nil {
			return nil, err
		}
		d := decision{outcome: outcome, from: len(unknownIDs)}
		if outcome == OutcomeUndetermined {
			unknownIDs = e.appendUnknownIDs(unknownIDs, unks)
			for _, id := range unknownIDs[d.from:] {
				missingCount += len(e.absent[id].paths)
			}
		}
		d.to = len(unknownIDs)
		decided[k] = d
		inputCount += len(c.inputsFor(outcome))
	}
	sc.unknownIDs = unknownIDs
	if cap(inputs) < inputCount {
		inputs = make([]Input, 0, inputCount)
	}
	if cap(missing) < missingCount {
		missing = make([]string, 0, missingCount)
	}
	asOfText := asOf.String()
	for k, i := range run {
		c := &e.criteria[i]
		res := &v.Results[i]
		d := &decided[k]
		res.Outcome = d.outcome
		tx := &ts.texts[i]
		if len(tx.adjustments) > 0 && d.outcome != NotApplicable {
			res.Adjustments = slices.Clone(tx.adjustments)
		}
		start := len(inputs)
		inputs = rec.inputs(c.inputsFor(d.outcome), ep, asOfText, inputs)
		res.Inputs = inputs[start:len(inputs):len(inputs)]
		switch d.outcome {
		case Pass:
			res.Message = tx.pass
		case Fail:
			res.Message = tx.message
		case OutcomeUndetermined:
			start := len(missing)
			missing, res.Message = e.explain(tx, unknownIDs[d.from:d.to], missing)
			res.Missing = missing[start:len(missing):len(missing)]
		}
	}
	v.Failing, v.Undetermined, v.Advisories, ids = listOutcomes(v.Results, ids)
	if buf != nil {
		buf.inputs, buf.missing, buf.ids = inputs, missing, ids
	}
	switch {
	case len(v.Failing) > 0:
		v.Decision = Ineligible
	case len(v.Undetermined) > 0:
		v.Decision = Undetermined
	default:
		v.Decision = Eligible
	}
	return v, nil
}

// scratch is the per-evaluation working state: the record CEL reads, the
// activation and each criterion's decision. Nothing in a verdict points into it
// (results hold strings, not CEL values), so it is recycled through a sync.Pool,
// which keeps a nightly batch from spending its second core on collecting these.
type scratch struct {
	rec     record
	act     activation
	canon   canonical
	decided []decision // by position in the category's run
	// unknownIDs holds, in runs, the IDs of the unknowns behind each undetermined
	// result; a decision says where its run is.
	unknownIDs []int64
}

// decision is one criterion's outcome before its result is written, and for an
// undetermined one, where the IDs of its unknowns are in scratch.unknownIDs.
type decision struct {
	outcome  Outcome
	from, to int
}

func (e *Engine) newScratch() any {
	sc := &scratch{}
	sc.rec = record{object: object{typ: celProjectType, vals: make([]ref.Val, len(schema))}, eng: e}
	sc.rec.findings.r = &sc.rec
	sc.act.r = &sc.rec
	sc.decided = make([]decision, len(e.criteria))
	return sc
}

// putScratch clears what one evaluation left and returns sc to the pool.
func (e *Engine) putScratch(sc *scratch) {
	clear(sc.rec.vals)
	clear(sc.rec.display)
	sc.rec.in = input{}
	sc.act.params, sc.act.asOf = nil, nil
	e.scratch.Put(sc)
}

// epochAt returns the span of parameter values in force on d, and its index.
func (e *Engine) epochAt(d Date) (*epoch, int) {
	i, found := slices.BinarySearchFunc(e.epochs, d, func(ep epoch, d Date) int { return ep.from.Time().Compare(d.Time()) })
	if !found {
		i-- // the span that began before d; epochs[0] begins at the zero Date
	}
	return &e.epochs[i], i
}

// inputsFor returns the inputs a result with this outcome lists.
func (c *compiled) inputsFor(outcome Outcome) []inputDef {
	if outcome == NotApplicable {
		return c.appliesInputs
	}
	return c.inputs
}

// decide runs one criterion with three-valued logic (catalogue note 8): a criterion
// whose applicability is unknown passes if its requirement holds anyway and is
// undetermined otherwise. An undetermined outcome comes with the unknowns of
// appliesWhen and of require, either of which may be nil; they are not merged
// because types.MergeUnknowns copies maps (three allocations) and the explanation
// reads both anyway.
func decide(ctx context.Context, c *compiled, act *activation) (Outcome, unknowns, error) {
	var appliesUnknown *types.Unknown
	if c.applies != nil {
		val, err := eval(ctx, c.applies, c.appliesCost, act, c.ID, "appliesWhen")
		if err != nil {
			return "", unknowns{}, err
		}
		switch val := val.(type) {
		case types.Bool:
			if !val {
				return NotApplicable, unknowns{}, nil
			}
		case *types.Unknown:
			appliesUnknown = val
		}
	}
	val, err := eval(ctx, c.require, c.requireCost, act, c.ID, "require")
	if err != nil {
		return "", unknowns{}, err
	}
	switch val := val.(type) {
	case types.Bool:
		if val {
			return Pass, unknowns{}, nil
		}
		if appliesUnknown != nil {
			return OutcomeUndetermined, unknowns{appliesUnknown, nil}, nil
		}
		return Fail, unknowns{}, nil
	case *types.Unknown:
		return OutcomeUndetermined, unknowns{appliesUnknown, val}, nil
	}
	return "", unknowns{}, &CriterionError{ID: c.ID, Field: "require", Err: fmt.Errorf("evaluated to %v, not a bool", val)}
}

func eval(ctx context.Context, prg cel.Program, estimate uint64, act *activation, id, field string) (ref.Val, error) {
	var val ref.Val
	var det *cel.EvalDetails
	var err error
	if ctx.Done() == nil {
		val, det, err = prg.Eval(act) // no deadline to watch: skip the interrupt checks
	} else {
		val, det, err = prg.ContextEval(ctx, act)
	}
	if err == nil {
		// The rule-set cost limit, at run time; see activation.charge.
		if err := act.charge(det.ActualCost(), estimate, id, field); err != nil {
			return nil, err
		}
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("eligibility: evaluation stopped in %s: %w", id, ctxErr)
		}
		if strings.Contains(err.Error(), "cost limit exceeded") {
			// cel-go reports the limit as text only; give callers a sentinel.
			err = fmt.Errorf("%w: %w", ErrCostLimit, err)
		}
		return nil, &CriterionError{ID: id, Field: field, Err: err}
	}
	switch val.(type) {
	case types.Bool, *types.Unknown:
		return val, nil
	}
	return nil, &CriterionError{ID: id, Field: field, Err: fmt.Errorf("evaluated to %v, not a bool", val)}
}

// unknowns are what made a result undetermined: the unknowns of appliesWhen and of
// require, each possibly nil.
type unknowns [2]*types.Unknown

// appendUnknownIDs appends the IDs of the unknowns behind an undetermined result, in
// ascending order and each once, as Unknown.IDs of their merge would list them.
func (e *Engine) appendUnknownIDs(dst []int64, unks unknowns) []int64 {
	from := len(dst)
	for _, u := range unks {
		if u == nil {
			continue
		}
		if id, ok := e.made[u]; ok {
			dst = append(dst, id)
		} else {
			dst = append(dst, u.IDs()...) // cel-go merged several
		}
	}
	slices.Sort(dst[from:])
	return dst[:from+len(slices.Compact(dst[from:]))]
}

// explain appends to missing the JSON paths of the facts and findings whose absence,
// by the IDs of their unknowns, made a result undetermined, and returns the message
// naming them in domain words.
func (e *Engine) explain(c *phrasing, ids []int64, missing []string) ([]string, criteria.Text) {
	if len(ids) == 1 {
		if msg, ok := c.undetermined[ids[0]]; ok {
			return append(missing, e.absent[ids[0]].paths...), msg
		}
	}
	named := make([]words, 0, 8) // on the stack unless a result misses more than 8
	for _, id := range ids {
		if a, ok := e.absent[id]; ok {
			missing = append(missing, a.paths...)
			named = append(named, a.words)
		}
	}
	return missing, undeterminedMessage(c, named)
}

// undeterminedMessage says that c is undetermined for want of the named facts and
// findings. Both languages are written into one string, one allocation, because a
// message naming several facts is built on every evaluation.
func undeterminedMessage(c *phrasing, named []words) criteria.Text {
	const (
		zhOpen, zhSep, zhClose = "无法判定（缺少：", "、", "）："
		enOpen, enSep, enClose = "undetermined (missing ", ", ", "): "
	)
	size := len(zhOpen) + len(zhClose) + len(c.summary.Zh) + len(enOpen) + len(enClose) + len(c.summary.En)
	for i, w := range named {
		size += len(w.zh) + len(w.en)
		if i > 0 {
			size += len(zhSep) + len(enSep)
		}
	}
	var b strings.Builder
	b.Grow(size)
	write := func(open, sep, close, summary string, word func(words) string) {
		b.WriteString(open)
		for i, w := range named {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(word(w))
		}
		b.WriteString(close)
		b.WriteString(summary)
	}
	write(zhOpen, zhSep, zhClose, c.summary.Zh, func(w words) string { return w.zh })
	zh := b.Len()
	write(enOpen, enSep, enClose, c.summary.En, func(w words) string { return w.en })
	text := b.String()
	return criteria.Text{Zh: text[:zh], En: text[zh:]}
}

// absence is how a verdict names an unknown: the JSON paths of what is missing, and
// domain words for it.
type absence struct {
	paths []string
	words words
}

// absences names every unknown a record can produce: schema facts, this rule set's
// findings and incident fields.
func (e *Engine) absences() map[int64]absence {
	absent := map[int64]absence{}
	for i := range schema {
		absent[int64(factID+i)] = absence{schema[i].json, schema[i].name}
	}
	for i, id := range e.findingIDs {
		absent[int64(findingID+i)] = absence{[]string{"findings." + id}, words{"评审意见 " + id, "a reviewer's finding on " + id}}
	}
	for n := range namedIncidents + 1 {
		for f, def := range incidentFacts {
			a := absence{[]string{fmt.Sprintf("incidents[%d].%s", n, def.name)},
				words{fmt.Sprintf("第%d项事故或违法违规记录的%s", n+1, def.text.zh), fmt.Sprintf("the %s of incident %d", def.text.en, n+1)}}
			if n == namedIncidents { // every later incident shares these unknowns
				a = absence{[]string{"incidents[*]." + def.name},
					words{fmt.Sprintf("第%d项及以后事故或违法违规记录的%s", n+1, def.text.zh),
						fmt.Sprintf("the %s of incidents %d and later", def.text.en, n+1)}}
			}
			absent[int64(incidentID+n*len(incidentFacts)+f)] = a
		}
	}
	return absent
}

// undeterminedMessages writes c's message, in the words tx, for each single fact or
// finding it reads being missing.
func (e *Engine) undeterminedMessages(c *compiled, tx *phrasing) map[int64]criteria.Text {
	ids := make([]int64, 0, len(c.reads.facts)+len(c.reads.findings))
	for _, f := range c.reads.facts {
		ids = append(ids, int64(factID+f))
	}
	for _, id := range c.reads.findings {
		if i, ok := e.findingIndex[id]; ok {
			ids = append(ids, int64(findingID+i))
		}
	}
	messages := make(map[int64]criteria.Text, len(ids))
	for _, id := range ids {
		messages[id] = undeterminedMessage(tx, []words{e.absent[id].words})
	}
	return messages
}

// listOutcomes lists, in rule order, the mandatory criteria that fail and that are
// undetermined, and the encouraged ones that fail, in one backing array: buf when it
// is large enough, which it returns for reuse.
func listOutcomes(results []Result, buf []string) (f, u, a, ids []string) {
	var failing, undetermined, advisories int
	for i := range results {
		switch listOf(&results[i]) {
		case listFailing:
			failing++
		case listUndetermined:
			undetermined++
		case listAdvisory:
			advisories++
		}
	}
	total := failing + undetermined + advisories
	if total == 0 {
		return nil, nil, nil, buf
	}
	ids = buf
	if cap(ids) < total {
		ids = make([]string, total)
	}
	ids = ids[:total]
	f = ids[:0:failing]
	u = ids[failing : failing : failing+undetermined]
	a = ids[failing+undetermined : failing+undetermined : total]
	for i := range results {
		switch r := &results[i]; listOf(r) {
		case listFailing:
			f = append(f, r.ID)
		case listUndetermined:
			u = append(u, r.ID)
		case listAdvisory:
			a = append(a, r.ID)
		}
	}
	return nilIfEmpty(f), nilIfEmpty(u), nilIfEmpty(a), ids
}

// outcomeList names the verdict list a result belongs in, if any.
type outcomeList uint8

const (
	listNone outcomeList = iota
	listFailing
	listUndetermined
	listAdvisory
)

func listOf(r *Result) outcomeList {
	switch {
	case r.Outcome == Fail && r.Strength == criteria.Mandatory:
		return listFailing
	case r.Outcome == Fail:
		return listAdvisory
	case r.Outcome == OutcomeUndetermined && r.Strength == criteria.Mandatory:
		return listUndetermined
	}
	return listNone
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
