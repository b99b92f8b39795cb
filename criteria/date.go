package criteria

import (
	"errors"
	"fmt"
	"time"
)

// Date is a civil date (year, month, day) with no time of day or time zone, as the
// letter and the forms speak of dates. Its JSON and text form is YYYY-MM-DD.
//
// The zero value means "not stated"; [Date.IsZero] reports it, so struct fields tagged
// `json:",omitzero"` drop it. Dates are values: compare them with [Date.Before],
// [Date.After] and ==.
//
// The type is hand-written rather than imported because the well-known civil.Date lives
// in the cloud.google.com/go root module, whose dependency graph is far larger than
// this library; the 60 lines here are the whole of what is needed.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// dateLayout is the only accepted text form, so that a stored verdict reads the same
// in every system that keeps it.
const dateLayout = "2006-01-02"

// NewDate returns the date y-m-d, normalising out-of-range values the way [time.Date]
// does (so NewDate(2021, 2, 29) is 1 March 2021). Use [MakeDate] for a date typed in
// or received, which must not be normalised silently.
func NewDate(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// The years a Date may have: those of the YYYY-MM-DD form. Before year 1 the text
// form has no meaning (and the standard library writes a sign), after 9999 it has
// five digits.
const (
	MinYear = 1
	MaxYear = 9999
)

// ErrInvalidDate is matched by the error of a date that does not exist or lies
// outside the years MinYear to MaxYear.
var ErrInvalidDate = errors.New("not a valid date")

// MakeDate returns the date y-m-d, or an error matching [ErrInvalidDate] when there
// is no such day (month 13, 29 February 2021) or the year is outside [MinYear] to
// [MaxYear]. Unlike [NewDate] it never normalises.
func MakeDate(year int, month time.Month, day int) (Date, error) {
	d := Date{Year: year, Month: month, Day: day}
	if err := d.Check(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// Check returns nil for the zero Date ("not stated") and for a day that exists in
// the years [MinYear] to [MaxYear]; otherwise an error matching [ErrInvalidDate]
// that says what is wrong. A Date built as a struct literal by a Go caller is not
// checked until then; validation in this module calls Check on every date.
func (d Date) Check() error {
	switch {
	case d.IsZero():
		return nil
	case d.Year < MinYear || d.Year > MaxYear:
		return fmt.Errorf("year %d is outside %d to %d: %w", d.Year, MinYear, MaxYear, ErrInvalidDate)
	case d.Month < time.January || d.Month > time.December:
		return fmt.Errorf("month %d is not 1 to 12: %w", int(d.Month), ErrInvalidDate)
	case d.Day < 1 || d.Day > daysIn(d.Year, d.Month):
		return fmt.Errorf("%d-%02d has no day %d: %w", d.Year, int(d.Month), d.Day, ErrInvalidDate)
	}
	return nil
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses a YYYY-MM-DD date. It rejects dates that do not exist
// (2021-02-29) instead of normalising them, and year 0000; the error matches
// [ErrInvalidDate].
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil || t.Year() < MinYear {
		return Date{}, fmt.Errorf("criteria: date %q is not a valid YYYY-MM-DD date: %w", s, ErrInvalidDate)
	}
	return DateOf(t), nil
}

// MustParseDate is like [ParseDate] but panics on error; it is meant for tests and
// package-level constants written by hand.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero value, meaning "not stated".
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d. It is how dates reach CEL, as
// timestamps that compare correctly with one another.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Time().After(e.Time()) }

// String returns d as YYYY-MM-DD, or "" for the zero value.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(dateLayout)
}

// MarshalText implements [encoding.TextMarshaler].
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// EndOfYear returns 31 December of d's year: the last day 年内 (within the year)
// allows, as BD-6c reads it.
func EndOfYear(d Date) Date { return Date{Year: d.Year, Month: time.December, Day: 31} }

// YearsBefore returns the same month and day n years before d; 29 February becomes
// 1 March when that year has none (catalogue note 4: the 近三年 window). It does not
// check n; [YearsBeforeChecked] does.
func YearsBefore(d Date, n int) Date { return NewDate(d.Year-n, d.Month, d.Day) }

// YearsBeforeChecked is [YearsBefore] for a number of years read from a rule set: it
// refuses a negative n (a window reaching into the future) and one beyond [MaxYear]
// (which no look-back needs, and where calendar arithmetic would wrap round),
// instead of computing a wrong date silently. The result may lie before year
// [MinYear], where no stated date can be: a window from there holds every one.
func YearsBeforeChecked(d Date, n int64) (Date, error) {
	if err := d.Check(); err != nil {
		return Date{}, err
	}
	if n < 0 || n > MaxYear {
		return Date{}, fmt.Errorf("%d years before %s: the number of years must be 0 to %d", n, d, MaxYear)
	}
	return YearsBefore(d, int(n)), nil
}
