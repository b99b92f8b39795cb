package eligibility

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// formatDecimal is decimal.String without big.Int: it must agree with it everywhere.
func TestFormatDecimalAgreesWithString(t *testing.T) {
	for _, s := range []string{
		"0", "0.00", "-0.00", "5000000", "5000000.00", "4999999.99", "0.5", "0.50", "-12.345", "12345678.91",
		"0.000000000000000001", "123456789012345678", "1234567890123456789", "99999999999999999.99",
		"1e3", "1.5e2", "-7500000.005", "100", "1000000000000000000000.5", "0.1", "-0.1",
	} {
		d := decimal.RequireFromString(s)
		assert.Equal(t, d.String(), formatDecimal(d), s)
	}
	for i := int64(-2000); i <= 2000; i += 7 {
		for exp := int32(-6); exp <= 0; exp++ {
			d := decimal.New(i*1000003, exp)
			assert.Equal(t, d.String(), formatDecimal(d))
		}
	}
}

func TestGroupDigits(t *testing.T) {
	for in, want := range map[string]string{
		"4999999.99": "4,999,999.99", "5000000": "5,000,000", "100": "100", "1000": "1,000",
		"-1234567.5": "-1,234,567.5", "0.5": "0.5", "not a number": "not a number",
	} {
		assert.Equal(t, want, groupDigits(in), in)
	}
}
