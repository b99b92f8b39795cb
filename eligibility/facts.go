package eligibility

import (
	"slices"

	"cel.dev/cel-go/common/types"

	"github.com/jilin761/intake/criteria"
)

// Fact describes one record fact a rule can read: tools that work from a verdict to
// the record (what to change, what a form must collect) need the JSON field behind a
// CEL path and its name in domain words.
type Fact struct {
	// Path is the CEL path under project, as in Input.Name ("investment.total").
	Path string `json:"path"`
	// JSON lists the record's JSON fields the fact is read from, the first being the
	// one to write ("applicant.division" is read from applicant.registrationDivision,
	// or else from applicant.creditCode).
	JSON []string `json:"json"`
	// Label names the fact in Chinese and English.
	Label criteria.Text `json:"label"`
	// Type is the type the expressions see: bool, decimal, string, date, list (of
	// strings) or incidents.
	Type string `json:"type"`
}

// Facts lists every fact a rule can read, in the order of the Project type.
func Facts() []Fact {
	out := make([]Fact, len(schema))
	for i, f := range schema {
		out[i] = Fact{Path: f.path, JSON: slices.Clone(f.json), Label: criteria.Text{Zh: f.name.zh, En: f.name.en}, Type: factType(f.typ)}
	}
	return out
}

func factType(t *types.Type) string {
	switch {
	case t == celDecimalType:
		return "decimal"
	case t == types.BoolType:
		return "bool"
	case t == types.StringType:
		return "string"
	case t == types.TimestampType:
		return "date"
	case t.IsExactType(types.NewListType(celIncidentType)):
		return "incidents"
	default:
		return "list"
	}
}
