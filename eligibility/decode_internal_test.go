package eligibility

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// amountForm is the only gate before an amount is parsed. It accepts exactly what
// AmountPattern matches, and nothing it accepts is longer than 19 + 1 + 30
// characters: so decimal's big.Int parse, quadratic in the number of digits, only
// ever sees at most 50, whatever the input.
func TestAmountFormIsThePatternAndBoundsTheParse(t *testing.T) {
	pattern := regexp.MustCompile(AmountPattern)
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "0123456789.-+e "
	check := func(s string) {
		t.Helper()
		en, _ := amountForm(s)
		accepted := en == ""
		assert.Equal(t, pattern.MatchString(s), accepted, "%q", s)
		if accepted {
			assert.LessOrEqual(t, len(s), 19+1+MaxAmountScale, "%q", s)
		}
	}
	for range 20_000 {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		check(b.String())
		// Mostly digits, at lengths around the bounds.
		whole := strings.Repeat("9", r.IntN(22))
		if r.IntN(4) == 0 {
			whole = "1" + strings.Repeat("0", 18)
		}
		frac := strings.Repeat("0", r.IntN(34))
		check(whole)
		check(whole + "." + frac)
		check(whole + "." + frac + "1")
	}
	en, zh := amountForm(strings.Repeat("7", 1_000_000))
	assert.Equal(t, "exceeds the limit of 10^18", en)
	assert.Equal(t, "超过上限 10^18", zh)
}
