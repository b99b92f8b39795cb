package criteria

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidRuleSet is matched (with [errors.Is]) by every error that reports an
// unusable rule set, whether found by [RuleSet.Validate] or by the engine compiling it.
var ErrInvalidRuleSet = errors.New("invalid rule set")

// FieldError is one problem at one place in a structured input: a rule set
// (criteria[3] (BD-4).require) or a project record (applicant.creditCode).
type FieldError struct {
	// Path locates the offending field, in the JSON/YAML names of the input.
	Path string
	// Message says what is wrong, in English.
	Message string
	// Err is the underlying cause, if any; it is returned by Unwrap.
	Err error
}

func (e *FieldError) Error() string { return e.Path + ": " + e.Message }

// Unwrap returns the underlying cause.
func (e *FieldError) Unwrap() error { return e.Err }

// ValidationError lists every problem found in one input, so a caller can fix them all
// at once instead of one per round trip.
//
// errors.Is(err, Kind) holds for its Kind sentinel (for example [ErrInvalidRuleSet]),
// and errors.As finds each *FieldError and each cause.
type ValidationError struct {
	// Prefix names the package and input, e.g. "criteria: invalid rule set".
	Prefix string
	// Kind is the sentinel this error matches.
	Kind error
	// Problems holds every problem, in the order of the input.
	Problems []*FieldError
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.Prefix)
	switch len(e.Problems) {
	case 0:
	case 1:
		b.WriteString(": ")
		b.WriteString(e.Problems[0].Error())
	default:
		fmt.Fprintf(&b, " (%d problems):", len(e.Problems))
		for _, p := range e.Problems {
			b.WriteString("\n\t")
			b.WriteString(p.Error())
		}
	}
	return b.String()
}

// Is reports whether target is the error's Kind.
func (e *ValidationError) Is(target error) bool { return target == e.Kind }

// Unwrap returns the individual problems.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// Paths returns the path of every problem, in order. Tests and forms use it to mark
// every offending field.
func (e *ValidationError) Paths() []string {
	paths := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		paths[i] = p.Path
	}
	return paths
}

// Problems collects field errors while an input is checked. The zero value is ready to
// use. It is a helper for this module's validators and for embedders writing their own.
type Problems struct {
	list []*FieldError
}

// Add records a problem at path.
func (p *Problems) Add(path, format string, args ...any) {
	p.list = append(p.list, &FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
}

// AddErr records a problem at path caused by err; the message is err's text.
func (p *Problems) AddErr(path string, err error) {
	p.list = append(p.list, &FieldError{Path: path, Message: err.Error(), Err: err})
}

// Len reports how many problems were recorded.
func (p *Problems) Len() int { return len(p.list) }

// Err returns nil when nothing was recorded, and otherwise a *ValidationError with the
// given prefix and kind holding every problem.
func (p *Problems) Err(prefix string, kind error) error {
	if len(p.list) == 0 {
		return nil
	}
	return &ValidationError{Prefix: prefix, Kind: kind, Problems: p.list}
}
