package eligibility_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/jilin761/intake/eligibility"
)

// speaksChinese fails the test for every problem of a bad record that has no Chinese
// message, and returns how many problems it checked. The hostile and contract tests
// call it on every error they get, so no English-only problem is left on the
// record's path.
func speaksChinese(t *testing.T, err error) int {
	t.Helper()
	ve, ok := errors.AsType[*eligibility.ValidationError](err)
	if !ok || !errors.Is(err, eligibility.ErrInvalidProject) {
		return 0
	}
	for _, p := range ve.Problems {
		assert.NotEmpty(t, p.Zh, "no Chinese for %s: %.200s", p.Path, p.Message)
	}
	return len(ve.Problems)
}

// The contract's records and their mutants, the differential test's inputs, raise
// problems of many kinds; each has its Chinese message.
func TestEveryRecordProblemSpeaksChinese(t *testing.T) {
	engine := eligibility.Default()
	records := contractRecords(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range records {
			if !yield(k) {
				return
			}
		}
	})
	r := rand.New(rand.NewPCG(11, 12))
	checked := map[string]bool{}
	for _, name := range names {
		for m := range 13 {
			data := records[name]
			if m > 0 {
				data = mustJSON(t, mutateRecord(r, decodeGenericJSON(t, data)))
			}
			_, err := engine.DecodeProject(data)
			speaksChinese(t, err)
			if ve, ok := errors.AsType[*eligibility.ValidationError](err); ok {
				for _, p := range ve.Problems {
					checked[fmt.Sprintf("%.12s", p.Message)] = true
				}
			}
		}
	}
	t.Logf("%d kinds of problem checked", len(checked))
	assert.Greater(t, len(checked), 5, "the mutants raise problems of many kinds")
}
