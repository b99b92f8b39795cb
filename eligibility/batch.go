package eligibility

import (
	"context"
	"errors"
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
