package policytest

import "errors"

// ErrInvalidSuite is matched (with errors.Is) by every error that reports a suite
// that cannot be run: a *criteria.ValidationError listing each problem by path
// (fixtures[2] (floor one fen short).expect.outcomes.BD-9), or an error wrapping
// the rule set's own when the rule set the suite names cannot be loaded or compiled
// (which then also matches criteria.ErrInvalidRuleSet).
var ErrInvalidSuite = errors.New("invalid suite")
