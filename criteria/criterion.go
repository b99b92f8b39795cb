package criteria

import (
	"fmt"

	"github.com/jilin761/intake/category"
)

// Strength says whether failing a criterion makes a project ineligible.
type Strength string

const (
	// Mandatory criteria decide eligibility: failing one makes the project ineligible.
	Mandatory Strength = "mandatory"
	// Encouraged criteria encode the letter's 鼓励 clauses. They never fail a project;
	// one known to be unmet is reported as an advisory.
	Encouraged Strength = "encouraged"
)

// IsValid reports whether s is one of the defined strengths.
func (s Strength) IsValid() bool { return s == Mandatory || s == Encouraged }

// Basis says where the facts that decide a criterion come from.
type Basis string

const (
	// Data criteria are decided from facts in the project record.
	Data Basis = "data"
	// Finding criteria are qualitative judgments: a reviewer decides them and passes the
	// result in as a finding keyed by the criterion's ID. The library never guesses one.
	Finding Basis = "finding"
)

// IsValid reports whether b is one of the defined bases.
func (b Basis) IsValid() bool { return b == Data || b == Finding }

// Text is a short text in Chinese and English. Chinese is authoritative; the English
// is a working translation.
type Text struct {
	Zh string `json:"zh" yaml:"zh"`
	En string `json:"en" yaml:"en"`
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t == Text{} }

// Criterion is one atomic, separately nameable requirement of the letter, as data.
//
// ID and Ref are stable: verdicts, tests and auditors cite them. The wording of
// Summary and Message may be improved at any time.
type Criterion struct {
	// ID is the catalogue identifier, e.g. "BD-4". A new criterion gets a new ID.
	ID string `json:"id" yaml:"id"`
	// Category is the project category the criterion belongs to; empty means it is
	// considered for every category. The engine skips other categories' criteria
	// without evaluating them.
	Category category.Category `json:"category,omitempty" yaml:"category,omitempty"`
	// Ref is the clause in the letter's own numbering, e.g. "一(一)4".
	Ref string `json:"ref" yaml:"ref"`
	// Source is the clause text in Chinese, quoted from the letter.
	Source string `json:"source" yaml:"source"`
	// Summary states the atomic requirement this criterion checks.
	Summary Text `json:"summary" yaml:"summary"`
	// Strength is mandatory or encouraged.
	Strength Strength `json:"strength" yaml:"strength"`
	// Basis is data or a reviewer's finding.
	Basis Basis `json:"basis" yaml:"basis"`
	// AppliesWhen is a CEL expression of type bool saying when the criterion applies
	// within its category; empty means always.
	AppliesWhen string `json:"appliesWhen,omitempty" yaml:"appliesWhen,omitempty"`
	// Require is the CEL expression of type bool that must hold.
	Require string `json:"require" yaml:"require"`
	// Message is what a verdict says when the requirement fails.
	Message Text `json:"message" yaml:"message"`
}

// validate records the criterion's structural problems under path.
func (c *Criterion) validate(p *Problems, path string) {
	if !validID(c.ID) {
		p.Add(path+".id", "%q is not a criterion ID (letters, digits and '-', starting with a letter)", c.ID)
	}
	if c.Category != "" && !c.Category.IsValid() {
		p.Add(path+".category", "unknown category %q", string(c.Category))
	}
	required := []struct{ field, value string }{
		{"ref", c.Ref},
		{"source", c.Source},
		{"summary.zh", c.Summary.Zh},
		{"summary.en", c.Summary.En},
		{"require", c.Require},
		{"message.zh", c.Message.Zh},
		{"message.en", c.Message.En},
	}
	for _, r := range required {
		if r.value == "" {
			p.Add(path+"."+r.field, "required")
		}
	}
	for _, e := range []struct{ field, expr string }{{"appliesWhen", c.AppliesWhen}, {"require", c.Require}} {
		if len(e.expr) > MaxExpressionBytes {
			p.Add(path+"."+e.field, "%d bytes exceeds the limit of %d", len(e.expr), MaxExpressionBytes)
		}
	}
	if !c.Strength.IsValid() {
		p.Add(path+".strength", "%q is not %q or %q", string(c.Strength), Mandatory, Encouraged)
	}
	if !c.Basis.IsValid() {
		p.Add(path+".basis", "%q is not %q or %q", string(c.Basis), Data, Finding)
	}
}

// MaxExpressionBytes bounds an expression's length. The longest default rule is a
// few hundred bytes; the bound keeps a hostile rule set from compiling megabytes of
// CEL or nesting arithmetic the cost estimate undercounts.
const MaxExpressionBytes = 4096

// Path returns the location of the i-th criterion for error messages:
// "criteria[3] (BD-4)".
func Path(i int, id string) string {
	if id == "" {
		return fmt.Sprintf("criteria[%d]", i)
	}
	return fmt.Sprintf("criteria[%d] (%s)", i, id)
}

func validID(id string) bool {
	if id == "" || !isLetter(id[0]) {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '-' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
