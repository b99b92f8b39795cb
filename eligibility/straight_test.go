package eligibility_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/jilin761/intake/eligibility"
)

// A deadline costs an evaluation next to nothing: only the criteria with
// comprehensions, a handful, run under cel-go's interrupt-checking frame, so a verdict
// under a deadline allocates a few times more than one under context.Background
// (it was 108 against 39 for the bigdata fixture, when every criterion ran under it).
func TestDeadlineCostsFewAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts under the race detector are not the program's")
	}
	e := eligibility.Default()
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	for _, name := range categories {
		p := base(t, name)
		background := testing.AllocsPerRun(20, func() { _, _ = e.Evaluate(p, submissionDate) })
		deadline := testing.AllocsPerRun(20, func() { _, _ = e.EvaluateContext(ctx, p, submissionDate) })
		assert.LessOrEqual(t, deadline, background+8, name)
	}
}
