package remedy

import (
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// fixedPaths are the facts an applicant cannot change by acting on the project:
// what it is and who it is (where it is registered, its legal form and kind, its
// carrier group) and its history. A stated one is never revised; a missing one may be
// stated, truly. The table is about the record, not about any rule set's criteria.
var fixedPaths = map[string]bool{
	"category":                       true,
	"subtype":                        true,
	"stage":                          true,
	"applicant.registrationDivision": true,
	"applicant.creditCode":           true,
	"applicant.legalForm":            true,
	"applicant.enterpriseKind":       true,
	"applicant.carrier":              true,
	"incidents":                      true,
}

func fixed(path string) bool {
	if fixedPaths[path] {
		return true
	}
	return strings.HasPrefix(path, "incidents[")
}

// env is what candidates are computed from: the criterion's parameters in force and
// the other facts it reads.
type env struct {
	cr   *crit
	q    *eligibility.Project
	asOf eligibility.Date
	// amounts, ratios, ints, strs and lists are the values of the parameters read.
	amounts, ratios []decimal.Decimal
	ints            []int64
	strs            []string
	lists           [][]string
	// listCodes names the code list of each of lists (criteria.Parameter.Codes).
	listCodes []string
	// decimals and dates are the values of other facts of those types it reads.
	decimals []decimal.Decimal
	// amounts of the record the criterion does not read, tried last: validation
	// ties some together (a big-data portion may not exceed the total).
	others []decimal.Decimal
	dates  []eligibility.Date
}

func (s *session) env(cr *crit, q *eligibility.Project, asOf eligibility.Date) *env {
	e := &env{cr: cr, q: q, asOf: asOf}
	for _, name := range cr.reads.Params {
		prm, ok := s.pl.rules.Parameter(name)
		if !ok {
			continue
		}
		dv, ok := prm.ValueAt(asOf)
		if !ok {
			continue
		}
		v := dv.Value
		switch {
		case v.Type() == criteria.DecimalParameter:
			d, _ := v.Decimal()
			if prm.Unit == "ratio" {
				e.ratios = append(e.ratios, d)
			} else {
				e.amounts = append(e.amounts, d)
			}
		case v.Type() == criteria.IntParameter:
			n, _ := v.Int()
			e.ints = append(e.ints, n)
		case v.Type() == criteria.StringParameter:
			str, _ := v.Str()
			e.strs = append(e.strs, str)
		case v.Type() == criteria.ListParameter:
			l, _ := v.List()
			e.lists = append(e.lists, l)
			e.listCodes = append(e.listCodes, prm.Codes)
		}
	}
	for _, path := range cr.reads.Facts {
		f := s.pl.facts[path]
		for _, j := range f.JSON {
			t, ok := typeAt(j)
			if !ok {
				continue
			}
			val, ok := get(q, j)
			if !ok {
				continue
			}
			switch kindOf(t) {
			case kindDecimal:
				if d, ok := amountOf(val); ok {
					e.decimals = append(e.decimals, d)
				}
			case kindDate:
				if d := val.Interface().(criteria.Date); !d.IsZero() {
					e.dates = append(e.dates, d)
				}
			case kindIncidents:
				for _, in := range q.Incidents {
					if !in.Date.IsZero() {
						e.dates = append(e.dates, in.Date)
					}
				}
			}
		}
	}
	for _, f := range s.pl.facts {
		if f.Type != "decimal" || slices.Contains(cr.reads.Facts, f.Path) {
			continue
		}
		if val, ok := get(q, f.JSON[0]); ok {
			if d, ok := amountOf(val); ok {
				e.others = append(e.others, d)
			}
		}
	}
	slices.SortFunc(e.others, decimal.Decimal.Cmp)
	return e
}

// merge adds what o's criterion reads to e, for answers that must cross the
// boundaries of several criteria.
func (e *env) merge(o *env) {
	e.amounts = append(e.amounts, o.amounts...)
	e.ratios = append(e.ratios, o.ratios...)
	e.ints = append(e.ints, o.ints...)
	e.strs = append(e.strs, o.strs...)
	e.lists = append(e.lists, o.lists...)
	e.listCodes = append(e.listCodes, o.listCodes...)
	e.decimals = append(e.decimals, o.decimals...)
	e.dates = append(e.dates, o.dates...)
}

var cent = decimal.New(1, -2)

// candidates lists values to try at path, nearest the current value first (for a
// missing value: in the order that finds the boundary first).
func (e *env) candidates(path string, t reflect.Type, cur reflect.Value, missing bool) []reflect.Value {
	var out []reflect.Value
	switch kindOf(t) {
	case kindBool:
		if missing {
			return []reflect.Value{reflect.ValueOf(ptr(true)), reflect.ValueOf(ptr(false))}
		}
		return []reflect.Value{reflect.ValueOf(ptr(!cur.Elem().Bool()))}
	case kindDecimal:
		return e.decimalCandidates(t, cur, missing)
	case kindDate:
		return e.dateCandidates(cur, missing)
	case kindText:
		if missing || strings.TrimSpace(*cur.Interface().(*string)) == "" {
			out = append(out, reflect.ValueOf(ptr("…")))
		}
		if missing {
			out = append(out, reflect.ValueOf(ptr("")))
		}
		return out
	case kindCode:
		codes := codeLists[t]()
		if t == reflect.TypeFor[category.Subtype]() && e.q.Category.IsValid() {
			// Validation takes only a subtype of the record's category.
			codes = strs(e.q.Category.Subtypes)()
		}
		first, rest := []string{}, []string{}
		for _, c := range codes {
			if !missing && c == cur.String() {
				continue
			}
			if e.inLists(c) {
				first = append(first, c)
			} else {
				rest = append(rest, c)
			}
		}
		for _, c := range append(first, rest...) {
			out = append(out, reflect.ValueOf(c).Convert(t))
		}
		return out
	case kindString:
		seen := map[string]bool{}
		add := func(c string) {
			if c == "" || seen[c] || (!missing && c == cur.String()) {
				return
			}
			seen[c] = true
			out = append(out, reflect.ValueOf(c).Convert(t))
		}
		for _, str := range e.strs {
			// A prefix of digits is tried as a six-digit division code too: that is
			// the form the record's division fields take.
			if len(str) < 6 && strings.Trim(str, "0123456789") == "" {
				add(str + strings.Repeat("0", 6-len(str)))
			}
			add(str)
		}
		for _, l := range e.lists {
			for _, c := range l {
				add(c)
			}
		}
		return out
	case kindList:
		var base []string
		if !missing {
			base = listOf(cur)
		}
		codes := e.listCodesFor(t)
		for _, c := range codes {
			if !slices.Contains(base, c) {
				out = append(out, newList(t, append(slices.Clone(base), c)))
			}
		}
		if len(codes) == 0 {
			out = append(out, newList(t, append(slices.Clone(base), "…")))
		}
		if missing {
			out = append(out, newList(t, nil))
		}
		return out
	case kindIncidents:
		if !missing {
			return nil
		}
		out = append(out, reflect.ValueOf([]eligibility.Incident{}))
		for _, k := range category.IncidentKinds() {
			out = append(out, reflect.ValueOf([]eligibility.Incident{{Date: e.asOf, Kind: k, Major: ptr(true)}}))
		}
		return out
	}
	return nil
}

// name names a code by the code list of the first list parameter holding it, or
// else of the first whose code list knows it (a code that does not count is named
// like those that do), or quotes it.
func (e *env) name(code string) criteria.Text {
	for i, l := range e.lists {
		if slices.Contains(l, code) {
			return criteria.FormatCode(e.listCodes[i], code)
		}
	}
	for _, codes := range e.listCodes {
		if n, ok := criteria.CodeName(codes, code); ok {
			return n
		}
	}
	return criteria.Quote(code)
}

// listCodesFor lists the codes to try adding to a list of type t: those of the list
// parameters the criterion reads, then, for a list of a code type, the type's other
// codes (a rule set may count a code without a parameter naming it).
func (e *env) listCodesFor(t reflect.Type) []string {
	var codes []string
	for _, l := range e.lists {
		for _, c := range l {
			if !slices.Contains(codes, c) {
				codes = append(codes, c)
			}
		}
	}
	if all, ok := codeLists[t.Elem()]; ok {
		for _, c := range all() {
			if !slices.Contains(codes, c) {
				codes = append(codes, c)
			}
		}
	}
	return codes
}

// nameOf names a code of type t: as name does, or else by the type's own names.
func (e *env) nameOf(t reflect.Type, code string) criteria.Text {
	if n := e.name(code); n != criteria.Quote(code) {
		return n
	}
	return codeName(t, code)
}

func (e *env) inLists(c string) bool {
	for _, l := range e.lists {
		if slices.Contains(l, c) {
			return true
		}
	}
	return false
}

// decimalCandidates lists amounts for an amount field of type t; a blank form
// amount is filled like a missing one.
func (e *env) decimalCandidates(t reflect.Type, cur reflect.Value, missing bool) []reflect.Value {
	raw := slices.Clone(e.amounts)
	for _, o := range e.decimals {
		raw = append(raw, o)
		for _, r := range e.ratios {
			raw = append(raw, o.Mul(r))
			if !r.IsZero() {
				raw = append(raw, o.DivRound(r, 8))
			}
		}
	}
	raw = append(raw, decimal.Zero)
	var vals []decimal.Decimal
	for _, x := range raw {
		for _, y := range []decimal.Decimal{x.RoundCeil(2), x.RoundFloor(2)} {
			vals = append(vals, y, y.Add(cent), y.Sub(cent))
		}
	}
	c, stated := amountOf(cur)
	missing = missing || !stated
	vals = slices.DeleteFunc(vals, func(d decimal.Decimal) bool { return d.IsNegative() || (!missing && d.Equal(c)) })
	slices.SortFunc(vals, func(a, b decimal.Decimal) int {
		if missing {
			return a.Cmp(b)
		}
		return a.Sub(c).Abs().Cmp(b.Sub(c).Abs())
	})
	vals = slices.CompactFunc(vals, func(a, b decimal.Decimal) bool { return a.Equal(b) })
	for _, o := range e.others {
		if missing || !o.Equal(c) {
			vals = append(vals, o)
		}
	}
	out := make([]reflect.Value, 0, len(vals))
	for _, d := range vals {
		if v, ok := newAmount(t, d); ok {
			out = append(out, v)
		}
	}
	return out
}

func (e *env) dateCandidates(cur reflect.Value, missing bool) []reflect.Value {
	raw := []eligibility.Date{e.asOf}
	if slices.Contains(e.cr.reads.Functions, "endOfYear") {
		raw = append(raw, criteria.EndOfYear(e.asOf))
	}
	if slices.Contains(e.cr.reads.Functions, "yearsBefore") {
		for _, n := range e.ints {
			raw = append(raw, criteria.YearsBefore(e.asOf, int(n)))
		}
	}
	raw = append(raw, e.dates...)
	var vals []eligibility.Date
	for _, d := range raw {
		vals = append(vals, d, addDays(d, 1), addDays(d, -1))
	}
	var c eligibility.Date
	if !missing {
		c = cur.Interface().(criteria.Date)
	}
	vals = slices.DeleteFunc(vals, func(d eligibility.Date) bool { return !missing && d == c })
	slices.SortFunc(vals, func(a, b eligibility.Date) int {
		if missing {
			return b.Time().Compare(a.Time())
		}
		return durAbs(a, c).Cmp(durAbs(b, c))
	})
	vals = slices.Compact(vals)
	out := make([]reflect.Value, len(vals))
	for i, d := range vals {
		out[i] = reflect.ValueOf(d)
	}
	return out
}

func addDays(d eligibility.Date, n int) eligibility.Date {
	return criteria.DateOf(d.Time().AddDate(0, 0, n))
}

func durAbs(a, b eligibility.Date) decimal.Decimal {
	d := a.Time().Sub(b.Time())
	if d < 0 {
		d = -d
	}
	return decimal.NewFromInt(int64(d / time.Hour))
}
