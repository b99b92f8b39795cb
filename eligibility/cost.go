package eligibility

import (
	"errors"
	"fmt"

	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/jilin761/intake/criteria"
)

// DefaultRuleSetCostLimit is the default limit on the worst-case cost of a whole rule
// set: the sum, over its criteria, of each expression's estimated worst case on a
// record at the input limits. The per-criterion limit alone let 10,000 criteria in
// at 600 times the limit in sum (39 s and 8.4 GB for one evaluation). The default
// rule set's sum is about 570,000; the limit is some 17 times that, which is at most
// about half a second of CPU for one record at the input limits.
const DefaultRuleSetCostLimit uint64 = 10_000_000

// WithRuleSetCostLimit sets the limit on a rule set's total worst-case cost (default
// [DefaultRuleSetCostLimit]). New refuses a rule set whose criteria's estimates add
// up to more; at run time an evaluation whose criteria together spend more stops
// with an error matching [ErrCostLimit]. The limit must be positive.
func WithRuleSetCostLimit(limit uint64) Option {
	return func(c *config) error {
		if limit == 0 {
			return errors.New("WithRuleSetCostLimit: the limit must be positive")
		}
		c.ruleSetCostLimit = limit
		return nil
	}
}

// checkTotalCost refuses a rule set whose criteria's worst cases add up to more
// than the rule-set limit. It runs after every expression has compiled, so each
// estimate is known.
func checkTotalCost(criteria []compiled, limit uint64, problems *criteria.Problems) {
	var total uint64
	for i := range criteria {
		total += criteria[i].appliesCost + criteria[i].requireCost
	}
	if total > limit {
		problems.AddErr("criteria", fmt.Errorf("the rule set's worst-case cost %d, the sum over its %d criteria, exceeds the rule-set limit %d: %w",
			total, len(criteria), limit, ErrCostLimit))
	}
}

// charge adds what one expression spent to the evaluation's running total and
// stops the evaluation when the total passes the rule-set limit. An expression
// tracked at run time is charged what it actually spent; one that is not (it does
// not iterate) is charged its static worst case, which bounds what it can spend.
func (a *activation) charge(actual *uint64, estimate uint64, id, field string) error {
	spent := estimate
	if actual != nil {
		spent = *actual
	}
	a.spent += spent
	if limit := a.r.eng.ruleSetCostLimit; a.spent > limit {
		return &CriterionError{ID: id, Field: field,
			Err: fmt.Errorf("%w: the criteria evaluated so far cost %d, beyond the rule-set limit %d", ErrCostLimit, a.spent, limit)}
	}
	return nil
}

// sizeEstimator tells cel-go's cost estimator how large the record's values can be:
// no larger than the input limits that validation enforces, and parameters no larger
// than the largest value they take. Without it every list and string would be
// unbounded and no rule could be given a finite worst case.
type sizeEstimator struct {
	paramSizes map[string]uint64
}

func (s *sizeEstimator) EstimateSize(node cost.AstNode) *cost.SizeEstimate {
	path := node.Path()
	if len(path) == 0 {
		return nil
	}
	switch path[0] {
	case varParams:
		if len(path) == 2 {
			if n, ok := s.paramSizes[path[1]]; ok {
				return &cost.SizeEstimate{Min: 0, Max: n}
			}
		}
		return nil
	case varProject, varFindings:
		switch node.Type().Kind() {
		case types.ListKind, types.MapKind:
			return &cost.SizeEstimate{Min: 0, Max: MaxListLength}
		case types.StringKind:
			return &cost.SizeEstimate{Min: 0, Max: MaxStringBytes}
		}
	}
	return nil
}

// EstimateCallCost gives decimal(string) a cost proportional to the length of the
// text it parses: cel-go counts an unknown function as one unit whatever its
// argument, so a rule parsing 10,000 long strings was estimated at 8% of the limit
// and ran for seconds. The other functions keep cel-go's estimates.
func (s *sizeEstimator) EstimateCallCost(function, overloadID string, target *cost.AstNode, args []cost.AstNode) *cost.CallEstimate {
	if overloadID != overloadStringToDecimal || len(args) != 1 {
		return nil
	}
	size := args[0].ComputedSize()
	if size == nil {
		size = s.EstimateSize(args[0])
	}
	n := uint64(MaxStringBytes) // a string of unknown origin: the longest a record holds
	if size != nil {
		n = size.Max
	}
	return &cost.CallEstimate{CostEstimate: cost.CostEstimate{Min: 1, Max: decimalParseCost(n)}}
}

// runtimeCost charges decimal(string) at run time as EstimateCallCost does at New.
type runtimeCost struct{}

func (runtimeCost) CallCost(function, overloadID string, args []ref.Val, result ref.Val) *uint64 {
	if overloadID != overloadStringToDecimal || len(args) != 1 {
		return nil
	}
	s, ok := args[0].(types.String)
	if !ok {
		return nil
	}
	c := decimalParseCost(uint64(len(s)))
	return &c
}

// decimalParseCost is the cost of decimal(s) for a text of n bytes: one unit, plus
// one per byte parsed. Text longer than maxDecimalText is refused unparsed, so it
// costs no more than the longest text that is parsed.
func decimalParseCost(n uint64) uint64 { return 1 + min(n, maxDecimalText) }
