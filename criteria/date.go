package criteria

import (
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
// does (so NewDate(2021, 2, 29) is 1 March 2021).
func NewDate(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses a YYYY-MM-DD date. It rejects dates that do not exist
// (2021-02-29) instead of normalising them.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("criteria: date %q is not a valid YYYY-MM-DD date", s)
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
// 1 March when that year has none (catalogue note 4: the 近三年 window).
func YearsBefore(d Date, n int) Date { return NewDate(d.Year-n, d.Month, d.Day) }
