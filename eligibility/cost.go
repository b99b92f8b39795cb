package eligibility

import (
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
)

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

func (s *sizeEstimator) EstimateCallCost(function, overloadID string, target *cost.AstNode, args []cost.AstNode) *cost.CallEstimate {
	return nil
}
