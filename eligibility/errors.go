package eligibility

import (
	"errors"

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
