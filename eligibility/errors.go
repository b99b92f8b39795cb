package eligibility

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/jilin761/intake/criteria"
)

var (
	// ErrInvalidProject is matched by every error that reports unusable project input.
	// The error is a *ValidationError listing every offending field by JSON path.
	ErrInvalidProject = errors.New("invalid project")

	// ErrInvalidRuleSet is matched by every error that reports an unusable rule set,
	// from New or from criteria.Parse. It is criteria.ErrInvalidRuleSet.
	ErrInvalidRuleSet = criteria.ErrInvalidRuleSet

	// ErrNoParameterValue is matched when the evaluation date is before the first
	// value of a dated parameter: the rule set does not say what was in force then.
	ErrNoParameterValue = errors.New("no parameter value in force")

	// ErrEvaluation is matched when a criterion's expression fails at run time, which
	// only a rule set that type-checks yet misbehaves can cause. The error is a
	// *CriterionError naming the criterion.
	ErrEvaluation = errors.New("criterion evaluation failed")
)

// ValidationError lists every problem in one input; see criteria.ValidationError.
type ValidationError = criteria.ValidationError

// FieldError is one problem at one field; see criteria.FieldError.
type FieldError = criteria.FieldError

// CriterionError reports a criterion whose expression failed at run time.
type CriterionError struct {
	// ID is the criterion's ID.
	ID string
	// Field is "appliesWhen" or "require".
	Field string
	// Err is the CEL error.
	Err error
}

func (e *CriterionError) Error() string {
	return "eligibility: criterion " + e.ID + " " + e.Field + ": " + e.Err.Error()
}

// Unwrap returns the CEL error.
func (e *CriterionError) Unwrap() error { return e.Err }

// Is matches ErrEvaluation.
func (e *CriterionError) Is(target error) bool { return target == ErrEvaluation }

// invalid returns nil, or the *ValidationError of a project record listing its
// problems sorted by path, so that one record gives one error whatever the order the
// checks ran in.
func invalid(problems *criteria.Problems) error {
	err := problems.Err(invalidProject, ErrInvalidProject)
	if ve, ok := err.(*ValidationError); ok {
		slices.SortStableFunc(ve.Problems, func(a, b *FieldError) int { return comparePaths(a.Path, b.Path) })
	}
	return err
}

// comparePaths orders JSON paths step by step, list indices by number:
// incidents[2] comes before incidents[10], and a field before the fields under it.
func comparePaths(a, b string) int {
	for a != "" && b != "" {
		sa, ra := pathStep(a)
		sb, rb := pathStep(b)
		ia, errA := strconv.Atoi(strings.Trim(sa, "[]"))
		ib, errB := strconv.Atoi(strings.Trim(sb, "[]"))
		var c int
		if strings.HasPrefix(sa, "[") && strings.HasPrefix(sb, "[") && errA == nil && errB == nil {
			c = cmp.Compare(ia, ib)
		} else {
			c = strings.Compare(sa, sb)
		}
		if c != 0 {
			return c
		}
		a, b = ra, rb
	}
	return cmp.Compare(len(a), len(b))
}

// pathStep splits the first step off a path: a name, or an index "[3]".
func pathStep(path string) (step, rest string) {
	path = strings.TrimPrefix(path, ".")
	if path == "" {
		return "", ""
	}
	end := len(path)
	if path[0] == '[' {
		if i := strings.IndexByte(path, ']'); i >= 0 {
			end = i + 1
		}
	} else if i := strings.IndexAny(path, ".["); i >= 0 {
		end = i
	}
	return path[:end], path[end:]
}
