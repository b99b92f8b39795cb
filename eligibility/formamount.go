package eligibility

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// FormAmount is an amount of yuan as written in a 三.2 form field: an amount, or the
// field left blank. It is the type of Investment.Completed, the one amount that is a
// form field (核实项目完成投资): a form may state it wrongly, and a wrong or blank
// amount is then a defective form, which fails GEN-3 as a verdict naming the value,
// rather than a malformed record. So unlike the other amounts it may be negative.
//
// In JSON it is a decimal string ("1200000.00"), or a string of white space only
// ("") for a field left blank; text that is not a number at all is bad input. The
// zero value is the amount 0.
type FormAmount struct {
	amount decimal.Decimal
	blank  bool
}

// NewFormAmount returns the form amount d.
func NewFormAmount(d decimal.Decimal) *FormAmount { return &FormAmount{amount: d} }

// BlankFormAmount returns a form amount left blank.
func BlankFormAmount() *FormAmount { return &FormAmount{blank: true} }

// Amount returns the amount, and false when the field was left blank.
func (a FormAmount) Amount() (decimal.Decimal, bool) { return a.amount, !a.blank }

// IsBlank reports whether the field was left blank.
func (a FormAmount) IsBlank() bool { return a.blank }

// String returns the amount as decimal.Decimal writes it, or "" when blank.
func (a FormAmount) String() string {
	if a.blank {
		return ""
	}
	return a.amount.String()
}

// MarshalJSON writes the amount as a decimal string, or "" when blank.
func (a FormAmount) MarshalJSON() ([]byte, error) {
	if a.blank {
		return []byte(`""`), nil
	}
	return a.amount.MarshalJSON()
}

// UnmarshalJSON reads what decimal.Decimal reads, and a string of white space only
// (Unicode white space, as for the other 三.2 fields) as blank.
func (a *FormAmount) UnmarshalJSON(data []byte) error {
	if isBlankString(data) {
		*a = FormAmount{blank: true}
		return nil
	}
	var d decimal.Decimal
	if err := d.UnmarshalJSON(data); err != nil {
		return fmt.Errorf("%s is not a decimal amount; write it as a string such as \"5000000.00\", or \"\" for a form field left blank", data)
	}
	*a = FormAmount{amount: d}
	return nil
}

// isBlankString reports whether data is a JSON string of white space only.
func isBlankString(data []byte) bool {
	if len(data) < 2 || data[0] != '"' {
		return false
	}
	var s string
	return json.Unmarshal(data, &s) == nil && strings.TrimFunc(s, unicode.IsSpace) == ""
}
