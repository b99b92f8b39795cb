package eligibility

import (
	"math"
	"math/rand/v2"
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
	// Every scale the fast path takes, at the edges of int64 and of 18 digits.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		coef := rng.Int64N(1_000_000_000_000_000_000) / int64(1+rng.IntN(1_000_000))
		if rng.IntN(2) == 0 {
			coef = -coef
		}
		d := decimal.New(coef, int32(rng.IntN(41)-20)) // positive exponents too: decimal.New(5, 6)
		assert.Equal(t, d.String(), formatDecimal(d), "%d e%d", coef, d.Exponent())
	}
	for _, d := range []decimal.Decimal{decimal.New(math.MaxInt64, -18), decimal.New(math.MinInt64+1, -18),
		decimal.New(999_999_999_999_999_999, -18), decimal.New(-5, -19), decimal.New(-5, -2),
		decimal.New(5, 6), decimal.New(-5, 17), decimal.New(5, 18), decimal.New(0, 7), decimal.New(99, 16),
		decimal.New(999_999_999_999_999_999, 1), decimal.New(math.MaxInt64, 1)} {
		assert.Equal(t, d.String(), formatDecimal(d))
	}
}

// The project hash and the inputs write every amount of every record, so writing
// one must not allocate.
func TestAppendDecimalDoesNotAllocate(t *testing.T) {
	for _, d := range []decimal.Decimal{decimal.RequireFromString("-123456789012345.678"), decimal.New(5, 6)} {
		buf := make([]byte, 0, 64)
		assert.Zero(t, testing.AllocsPerRun(100, func() { buf = appendDecimal(buf[:0], d) }), d.String())
		assert.Equal(t, d.String(), string(buf))
	}
}

// compareDecimals is decimal.Cmp with an int64 fast path: it must agree with Cmp
// everywhere, at and past the edges of that path.
func TestCompareDecimalsAgreesWithCmp(t *testing.T) {
	values := []decimal.Decimal{decimal.Zero, decimal.New(0, -2), decimal.New(0, 3),
		decimal.New(math.MaxInt64, 0), decimal.New(-math.MaxInt64, -18), decimal.New(999_999_999_999_999_999, 0),
		decimal.New(999_999_999_999_999_999, -18), decimal.New(1, 18), decimal.New(1, -19), decimal.New(1, 19),
		decimal.RequireFromString("5000000"), decimal.RequireFromString("5000000.00"), decimal.RequireFromString("4999999.99"),
		decimal.RequireFromString("1000000000000000000000.5"), decimal.RequireFromString("-0.5")}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		coef := rng.Int64N(1_000_000_000_000_000_000) / int64(1+rng.IntN(1_000_000_000))
		if rng.IntN(3) == 0 {
			coef = -coef
		}
		values = append(values, decimal.New(coef, int32(rng.IntN(41)-20)))
	}
	for i, a := range values {
		for _, b := range values[max(0, i-40) : i+1] {
			assert.Equal(t, a.Cmp(b), compareDecimals(a, b), "%s vs %s", a, b)
			assert.Equal(t, b.Cmp(a), compareDecimals(b, a), "%s vs %s", b, a)
		}
	}
	// Equal amounts at different scales, the case of every threshold.
	assert.Zero(t, compareDecimals(decimal.RequireFromString("5000000.00"), decimal.New(5, 6)))
}
