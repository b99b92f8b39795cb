package eligibility

import (
	"context"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types/ref"
)

// straight is a program without comprehensions. Its cost is within its small static
// estimate, so it finishes in microseconds and a context has nothing to interrupt
// inside it: EvaluateContext checks the context between criteria, and ContextEval is
// plain Eval here. cel-go's ContextEval allocates an interrupt-checking frame per
// call, which made a verdict under a deadline (every request of a service) cost 108
// allocations instead of 39.
type straight struct{ cel.Program }

func (p straight) ContextEval(_ context.Context, input any) (ref.Val, *cel.EvalDetails, error) {
	return p.Eval(input)
}
