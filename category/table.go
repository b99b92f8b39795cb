package category

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jilin761/intake/internal/textdist"
)

// ErrUnknownCode is matched, via [errors.Is], by every error this package
// returns for a code that is not one of a type's valid codes: the errors of
// the ParseType functions and of MarshalText on an invalid value.
var ErrUnknownCode = errors.New("category: unknown code")

// ParseError reports a string that is not a valid code of the named type.
// It unwraps to [ErrUnknownCode].
type ParseError struct {
	Type  string   // the Go type name, e.g. "Category"
	Value string   // the rejected input, verbatim
	Valid []string // every valid code of Type, in the type's documented order
	// Closest is the valid code nearest to Value, if one is near enough to be
	// what was meant (a typo, another case, a space for a hyphen), else "".
	Closest string
}

// Error names the type and the value and lists the valid codes, so a caller
// can show it to the person who typed the code without further lookup.
func (e *ParseError) Error() string {
	what := fmt.Sprintf("unknown %s %q", e.Type, e.Value)
	if e.Value == "" {
		what = "empty " + e.Type
	}
	if e.Closest != "" {
		what += fmt.Sprintf("; did you mean %q?", e.Closest)
	}
	return fmt.Sprintf("category: %s (valid: %s)", what, strings.Join(e.Valid, ", "))
}

// closest returns the code of valid nearest to s by edit distance, ignoring
// case and treating spaces and underscores as hyphens, when it is within a
// third of the code's length (at least one edit); else "". Ties go to the
// earlier code.
func closest(s string, valid []string) string {
	norm := strings.NewReplacer(" ", "-", "_", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
	if norm == "" {
		return ""
	}
	best, bestDist := "", -1
	for _, v := range valid {
		d := textdist.Distance(norm, v)
		if d <= max(1, len(v)/3) && (bestDist < 0 || d < bestDist) {
			best, bestDist = v, d
		}
	}
	return best
}

// Unwrap returns [ErrUnknownCode].
func (e *ParseError) Unwrap() error { return ErrUnknownCode }

// marshalError is returned by MarshalText for an invalid value. It is not a
// ParseError because nothing was parsed: the value was built (or leniently
// decoded) by the caller and is being written out.
type marshalError struct{ typ, value string }

func (e *marshalError) Error() string {
	return fmt.Sprintf("category: cannot marshal invalid %s %q", e.typ, e.value)
}

func (e *marshalError) Unwrap() error { return ErrUnknownCode }

// row is one value of an enum type: its code, display names and any
// type-specific data x.
type row[T ~string, X any] struct {
	code     T
	zh, en   string
	unlisted bool // valid, but left out of the type's list function (e.g. "other")
	x        X
}

// table is the shared machinery behind every enum type of the package. Each
// type has one table, built at package initialisation and never modified, so
// lookups need no locking.
type table[T ~string, X any] struct {
	typ   string // Go type name, for String and errors
	rows  []row[T, X]
	index map[T]int
}

// newTable panics on an empty or duplicate code: that is a mistake in this
// package's source, caught by any test run.
func newTable[T ~string, X any](typ string, rows []row[T, X]) *table[T, X] {
	t := &table[T, X]{typ: typ, rows: rows, index: make(map[T]int, len(rows))}
	for i, r := range rows {
		if r.code == "" || r.zh == "" || r.en == "" {
			panic(fmt.Sprintf("category: %s row %d incomplete", typ, i))
		}
		if _, dup := t.index[r.code]; dup {
			panic(fmt.Sprintf("category: duplicate %s code %q", typ, r.code))
		}
		t.index[r.code] = i
	}
	return t
}

func (t *table[T, X]) get(v T) (row[T, X], bool) {
	i, ok := t.index[v]
	if !ok {
		return row[T, X]{}, false
	}
	return t.rows[i], true
}

func (t *table[T, X]) valid(v T) bool { _, ok := t.index[v]; return ok }

func (t *table[T, X]) str(v T) string {
	if t.valid(v) {
		return string(v)
	}
	return "%!" + t.typ + "(" + string(v) + ")"
}

func (t *table[T, X]) zh(v T) string { r, _ := t.get(v); return r.zh }
func (t *table[T, X]) en(v T) string { r, _ := t.get(v); return r.en }
func (t *table[T, X]) extra(v T) X   { r, _ := t.get(v); return r.x }

func (t *table[T, X]) listed(v T) bool {
	r, ok := t.get(v)
	return ok && !r.unlisted
}

func (t *table[T, X]) marshal(v T) ([]byte, error) {
	if v == "" {
		return []byte{}, nil // unset stays unset: "" in JSON, dropped by omitempty
	}
	if !t.valid(v) {
		return nil, &marshalError{typ: t.typ, value: string(v)}
	}
	return []byte(v), nil
}

func (t *table[T, X]) parse(s string) (T, error) {
	if t.valid(T(s)) {
		return T(s), nil
	}
	valid := make([]string, len(t.rows))
	for i, r := range t.rows {
		valid[i] = string(r.code)
	}
	return "", &ParseError{Type: t.typ, Value: s, Valid: valid, Closest: closest(s, valid)}
}

// list returns the listed values in table order, in a fresh slice the caller
// may modify.
func (t *table[T, X]) list() []T {
	out := make([]T, 0, len(t.rows))
	for _, r := range t.rows {
		if !r.unlisted {
			out = append(out, r.code)
		}
	}
	return out
}

// unmarshal is the lenient decoder shared by every UnmarshalText: it stores
// whatever it is given, so validation can later report all bad fields at once.
func unmarshal[T ~string](p *T, text []byte) error {
	*p = T(text)
	return nil
}
