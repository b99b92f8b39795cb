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
	// Message says what is wrong, in English. It is what Error returns after the path.
	Message string
	// Zh says what is wrong, in Chinese, or is "" when the validator gave no Chinese
	// text (Add and AddErr give none). A caller showing Chinese falls back to Message.
	Zh string
	// Err is the underlying cause, if any; it is returned by Unwrap.
	Err error
}

func (e *FieldError) Error() string { return e.Path + ": " + e.Message }

// Unwrap returns the underlying cause.
func (e *FieldError) Unwrap() error { return e.Err }

// Text returns the message in the language asked for: the Chinese one when zh is true
// and there is one, the English one otherwise.
func (e *FieldError) Text(zh bool) string {
	if zh && e.Zh != "" {
		return e.Zh
	}
	return e.Message
}

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
	// Problems holds the problems found, in the order of the input: every one, or the
	// first MaxListedProblems when there are more.
	Problems []*FieldError
	// Omitted counts the problems found beyond those listed. An input of a megabyte can
	// hold a hundred thousand problems; listing them all helps nobody and makes an
	// error (and a server's answer) as large as the input.
	Omitted int
}

// MaxListedProblems bounds how many problems a [ValidationError] lists; the rest are
// counted in its Omitted field.
const MaxListedProblems = 100

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.Prefix)
	switch len(e.Problems) {
	case 0:
	case 1:
		b.WriteString(": ")
		b.WriteString(e.Problems[0].Error())
	default:
		fmt.Fprintf(&b, " (%s problems):", thousands(len(e.Problems)+e.Omitted))
		for _, p := range e.Problems {
			b.WriteString("\n\t")
			b.WriteString(p.Error())
		}
	}
	if e.Omitted > 0 {
		fmt.Fprintf(&b, "\n\t… and %s more %s", thousands(e.Omitted), plural(e.Omitted, "problem", "problems"))
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

// thousands writes n with comma grouping: 131,066.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Problems collects field errors while an input is checked. The zero value is ready to
// use. It is a helper for this module's validators and for embedders writing their own.
//
// It lists at most [MaxListedProblems] problems and counts the rest, so checking a
// hostile input costs memory in proportion to that bound, not to the input.
type Problems struct {
	list    []*FieldError
	omitted int
	// shadow is how many of list were recorded before Shadow was last called.
	shadow int
}

// Add records a problem at path.
func (p *Problems) Add(path, format string, args ...any) {
	if p.keep(path) {
		p.list = append(p.list, &FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
	}
}

// AddText records a problem at path in both languages: zh in Chinese, en in English.
// The texts are used as given, not as formats.
func (p *Problems) AddText(path, zh, en string) {
	if p.keep(path) {
		p.list = append(p.list, &FieldError{Path: path, Message: en, Zh: zh})
	}
}

// AddErrText records a problem at path caused by err, with zh as its Chinese message;
// the English message is err's text.
func (p *Problems) AddErrText(path, zh string, err error) {
	if p.keep(path) {
		p.list = append(p.list, &FieldError{Path: path, Message: err.Error(), Zh: zh, Err: err})
	}
}

// AddErr records a problem at path caused by err; the message is err's text.
func (p *Problems) AddErr(path string, err error) {
	if p.keep(path) {
		p.list = append(p.list, &FieldError{Path: path, Message: err.Error(), Err: err})
	}
}

// keep reports whether a problem at path is to be listed, and counts it when it is
// beyond the bound. A problem shadowed by an earlier pass is neither.
func (p *Problems) keep(path string) bool {
	for _, fe := range p.list[:p.shadow] {
		if under(path, fe.Path) {
			return false
		}
	}
	if len(p.list) >= MaxListedProblems {
		p.omitted++
		return false
	}
	return true
}

// under reports whether path is at or below prefix: applicant.creditCode is under
// applicant, incidents[2].date under incidents[2] and incidents. The empty path is
// under only itself: it is also the path of a member with an empty key.
func under(path, prefix string) bool {
	rest, ok := strings.CutPrefix(path, prefix)
	return ok && (rest == "" || prefix != "" && (rest[0] == '.' || rest[0] == '['))
}

// Shadow makes the problems recorded so far hide later ones at the same path or below
// it. A validator that checks an input's shape and then its values calls it between
// the two passes, so that a field the first pass refused ("want a string, got a
// number") is not reported again by the second ("required"). Only listed problems
// shadow: beyond MaxListedProblems a later problem may be counted although an
// earlier, unlisted one covers it.
func (p *Problems) Shadow() { p.shadow = len(p.list) }

// Len reports how many problems were recorded, listed or not.
func (p *Problems) Len() int { return len(p.list) + p.omitted }

// Err returns nil when nothing was recorded, and otherwise a *ValidationError with the
// given prefix and kind listing the problems (at most MaxListedProblems, the rest
// counted in Omitted).
func (p *Problems) Err(prefix string, kind error) error {
	if p.Len() == 0 {
		return nil
	}
	return &ValidationError{Prefix: prefix, Kind: kind, Problems: p.list, Omitted: p.omitted}
}
