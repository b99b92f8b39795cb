package remedy

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/criteria"
)

// This file holds every formatting choice of the package's sentences, so that it can
// switch in one place to a shared parameter-value formatter.

// amount writes an amount in yuan with two decimals and thousands separators, the
// form the record's amounts are compared in: 4999999.99 → "4,999,999.99" (criteria's
// FormatAmount writes 500万元, which hides the fen a remedy is about).
func amount(d decimal.Decimal) string { return criteria.GroupDigits(d.StringFixed(2)) }

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
