package remedy

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/criteria"
)

// This file holds every formatting choice of the package's sentences, so that it can
// switch in one place to a shared parameter-value formatter.

// amount writes an amount in yuan with two decimals and thousands separators:
// 4999999.99 → "4,999,999.99".
func amount(d decimal.Decimal) string { return groupDigits(d.StringFixed(2)) }

func groupDigits(s string) string {
	sign, whole, frac := "", s, ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	if i := strings.IndexByte(whole, '.'); i >= 0 {
		whole, frac = whole[:i], whole[i:]
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + frac
}

// joinNames joins names with the enumeration comma in Chinese and ", " in English.
func joinNames(names []criteria.Text) criteria.Text {
	zh := make([]string, len(names))
	en := make([]string, len(names))
	for i, n := range names {
		zh[i], en[i] = n.Zh, n.En
	}
	return criteria.Text{Zh: strings.Join(zh, "、"), En: strings.Join(en, ", ")}
}

// yesNo names a boolean answer.
func yesNo(b bool) criteria.Text {
	if b {
		return criteria.Text{Zh: "是", En: "yes"}
	}
	return criteria.Text{Zh: "否", En: "no"}
}

// metWords names a finding.
func metWords(b bool) criteria.Text {
	if b {
		return criteria.Text{Zh: "认定符合", En: "met"}
	}
	return criteria.Text{Zh: "认定不符合", En: "not met"}
}

func text(zh, en string) criteria.Text { return criteria.Text{Zh: zh, En: en} }

func itoa(n int) string { return strconv.Itoa(n) }
