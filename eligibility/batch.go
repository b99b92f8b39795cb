package eligibility

import (
	"context"
	"errors"

	"github.com/jilin761/intake/criteria"
)

// A Batch evaluates projects one after another, writing each verdict into the memory
// the previous one used: the results, their inputs and missing paths, the parameter
// list and the ID lists. It is for jobs that evaluate many projects and pass each
// verdict on (marshal it, store it, compare it) before evaluating the next, such as
// a nightly re-evaluation of the whole library.
//
// Most of the cost of Engine.Evaluate is allocating its verdicts, about 16 KiB each,
// and collecting them; a Batch allocates under 1 KiB per verdict, which doubles the
// throughput of a core (BENCHMARKS.md).
//
// The price is the lifetime of the verdict: it belongs to the Batch and is
// overwritten by the next call to Evaluate. Marshal it, or copy out the values you
// keep, first: a Result copied out of it still shares its Inputs and Missing with
// the Batch. A *Verdict from Engine.Evaluate is yours to keep. A Batch is not safe for
// concurrent use: give each goroutine its own, all sharing one Engine.
type Batch struct {
	engine *Engine
	buf    buffers
}

// errNoEngine is the error of a Batch not made by Engine.NewBatch.
var errNoEngine = errors.New("eligibility: the Batch was not made by Engine.NewBatch")

// NewBatch returns a Batch that evaluates with e.
func (e *Engine) NewBatch() *Batch { return &Batch{engine: e} }

// Evaluate is Engine.EvaluateContext, with the same return contract, except that the
// verdict lives in b: it is valid until b's next Evaluate, which overwrites it.
func (b *Batch) Evaluate(ctx context.Context, p *Project, asOf Date) (*Verdict, error) {
	if b == nil || b.engine == nil {
		return nil, errNoEngine
	}
	return b.engine.evaluate(ctx, p, asOf, &b.buf)
}

// EvaluateJSON decodes a project record as Engine.DecodeProjectContext does and
// evaluates it as Evaluate does, with the errors of the two in turn (the record's
// problems, all at once, then the evaluation's), in one step: the record's values
// are checked once instead of by both, which a batch job that starts from JSON
// saves on every record. The verdict lives in b, as Evaluate's does.
func (b *Batch) EvaluateJSON(ctx context.Context, record []byte, asOf Date) (*Verdict, error) {
	if b == nil || b.engine == nil {
		return nil, errNoEngine
	}
	p, in, checked, err := decodeChecked(ctx, b.engine, record)
	switch {
	case err != nil:
		return nil, err
	case !checked:
		return b.engine.evaluate(ctx, p, asOf, &b.buf)
	}
	var problems criteria.Problems
	checkAsOf(asOf, &problems)
	if err := problems.Err(invalidProject, ErrInvalidProject); err != nil {
		return nil, err
	}
	return b.engine.evaluateInput(ctx, in, asOf, &b.buf)
}
