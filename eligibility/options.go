package eligibility

import (
	"errors"
	"fmt"
)

// Version is the library's version, recorded in every verdict's provenance so a
// stored verdict says which implementation reached it. It follows CHANGELOG.md.
const Version = "0.3.0"

// DefaultCostLimit is the default per-criterion cost limit, in CEL cost units (about
// one unit per operation, so roughly 10–50 ms of CPU here). The default rules cost a
// few hundred units on a typical record and at most a few hundred thousand on a
// record at the input limits (10,000 incidents); the limit is there to stop a
// custom rule that would otherwise run for minutes.
const DefaultCostLimit uint64 = 1_000_000

// Option configures New. Zero options give the documented defaults.
type Option func(*config) error

type config struct {
	costLimit        uint64
	ruleSetCostLimit uint64
}

func defaultConfig() config {
	return config{costLimit: DefaultCostLimit, ruleSetCostLimit: DefaultRuleSetCostLimit}
}

// WithCostLimit sets the per-criterion cost limit (default [DefaultCostLimit]). New
// refuses a rule set in which any expression's worst-case estimated cost, on a record
// at the input limits, exceeds it; at run time an expression that exceeds it stops
// with an error matching [ErrCostLimit]. The limit must be positive.
func WithCostLimit(limit uint64) Option {
	return func(c *config) error {
		if limit == 0 {
			return errors.New("WithCostLimit: the limit must be positive")
		}
		c.costLimit = limit
		return nil
	}
}

// ErrCostLimit is matched when an expression exceeds the cost limit, estimated at
// New (the rule set is refused) or actual at evaluation (a *CriterionError).
var ErrCostLimit = errors.New("cost limit exceeded")

// Input limits. A record beyond them is bad input: they bound the worst-case cost of
// every rule, so a hostile record cannot make evaluation slow.
const (
	// MaxListLength bounds every list in a record (incidents, technologies, …).
	MaxListLength = 10_000
	// MaxStringBytes bounds every string in a record.
	MaxStringBytes = 64 << 10
	// MaxAmountScale bounds the decimal places of an amount; amounts themselves are
	// at most 10^18 yuan.
	MaxAmountScale = 30
	// maxDecimalDigits bounds a decimal that CEL arithmetic produces: a custom rule
	// multiplying amounts by themselves would otherwise grow numbers, and time,
	// without bound while the cost estimate counts one operation per product.
	maxDecimalDigits = 1000
)

// costLimitError wraps ErrCostLimit, so that errors.Is finds it in New's error as
// the doc of ErrCostLimit promises.
func costLimitError(estimate, limit uint64) error {
	return fmt.Errorf("worst-case cost %d exceeds the limit %d: %w", estimate, limit, ErrCostLimit)
}
