package eligibility

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility/creditcode"
)

// Validate checks a project record against the engine's schema and rule set without
// evaluating it. It returns nil, or a *ValidationError matching ErrInvalidProject that
// names every offending field by JSON path. Evaluate runs the same checks.
//
// Bad input is a code that does not exist, a subtype of another category, a
// malformed credit code or division, a negative amount, a big-data portion above the
// total, or a finding for a criterion that takes none. A missing fact is not bad
// input: it leaves the criteria that need it undetermined.
func (e *Engine) Validate(p *Project) error {
	if p == nil {
		return errNilProject
	}
	var problems criteria.Problems
	e.check(p, &problems)
	return problems.Err(invalidProject, ErrInvalidProject)
}

var errNilProject = fmt.Errorf("eligibility: %w: nil project", ErrInvalidProject)

const invalidProject = "eligibility: invalid project"

// check records every problem of p and returns what it derived.
func (e *Engine) check(p *Project, problems *criteria.Problems) input {
	in := input{p: p}
	code := func(path string, valid bool, value string) {
		if value != "" && !valid {
			problems.Add(path, "unknown code %q", value)
		}
	}
	switch {
	case p.Category == "":
		problems.Add("category", "required")
	case !p.Category.IsValid():
		problems.Add("category", "unknown code %q", string(p.Category))
	}
	switch {
	case p.Subtype == "":
	case !p.Subtype.IsValid():
		problems.Add("subtype", "unknown code %q", string(p.Subtype))
	case p.Category.IsValid() && !p.Subtype.BelongsTo(p.Category):
		problems.Add("subtype", "%q is a subtype of %s, not of %s", string(p.Subtype), p.Subtype.Category(), p.Category)
	}
	code("stage", p.Stage.IsValid(), string(p.Stage))
	code("reportingUnit", p.ReportingUnit.IsValid(), string(p.ReportingUnit))

	a := &p.Applicant
	if a.CreditCode != "" {
		cc, err := creditcode.Parse(a.CreditCode)
		if err != nil {
			problems.AddErr("applicant.creditCode", err)
		} else {
			in.division = cc.Division()
		}
	}
	if a.RegistrationDivision != "" {
		if !isDivisionCode(a.RegistrationDivision) {
			problems.Add("applicant.registrationDivision", "%q is not a six-digit GB/T 2260 division code", a.RegistrationDivision)
		}
		in.division = a.RegistrationDivision
	}
	code("applicant.legalForm", a.LegalForm.IsValid(), string(a.LegalForm))
	code("applicant.enterpriseKind", a.EnterpriseKind.IsValid(), string(a.EnterpriseKind))
	code("applicant.carrier", a.Carrier.IsValid(), string(a.Carrier))
	if sa := a.SelfAssessment; sa != nil && sa.Score != nil && sa.Score.IsNegative() {
		problems.Add("applicant.selfAssessment.score", "must not be negative, got %s", sa.Score)
	}

	inv := &p.Investment
	for _, amount := range []struct {
		path string
		d    *decimal.Decimal
	}{
		{"investment.total", inv.Total},
		{"investment.bigDataPortion", inv.BigDataPortion},
		{"investment.completed", inv.Completed},
	} {
		if amount.d != nil && amount.d.IsNegative() {
			problems.Add(amount.path, "must not be negative, got %s", amount.d)
		}
	}
	if inv.Total != nil && !inv.Total.IsNegative() && inv.BigDataPortion != nil && inv.BigDataPortion.GreaterThan(*inv.Total) {
		problems.Add("investment.bigDataPortion", "%s exceeds the total investment %s", inv.BigDataPortion, inv.Total)
	}

	for i, inc := range p.Incidents {
		code(fmt.Sprintf("incidents[%d].kind", i), inc.Kind.IsValid(), string(inc.Kind))
	}

	checkSizes(p, problems)

	ids := make([]string, 0, len(p.Findings))
	for id := range p.Findings {
		ids = append(ids, id)
	}
	slices.Sort(ids) // report in a stable order, whatever the map's
	for _, id := range ids {
		path := "findings." + id
		if _, ok := e.findingIndex[id]; !ok {
			problems.Add(path, "rule set %q has no reviewer-finding criterion %q", e.rules.Name, id)
			continue
		}
		if p.Findings[id].Met == nil {
			problems.Add(path+".met", "required: true if the reviewer found the requirement met, false if not")
		}
	}
	return in
}

func isDivisionCode(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkSizes enforces the input limits that bound every rule's cost, and rejects
// text that is not UTF-8 (JSON input never is; a Go caller's may be).
func checkSizes(p *Project, problems *criteria.Problems) {
	text := func(path, s string) {
		switch {
		case len(s) > MaxStringBytes:
			problems.Add(path, "%d bytes exceeds the limit of %d", len(s), MaxStringBytes)
		case !utf8.ValidString(s):
			problems.Add(path, "is not valid UTF-8")
		}
	}
	list := func(path string, l []string) {
		if len(l) > MaxListLength {
			problems.Add(path, "%d items exceed the limit of %d", len(l), MaxListLength)
			return
		}
		for i, s := range l {
			text(fmt.Sprintf("%s[%d]", path, i), s)
		}
	}
	optional := func(path string, s *string) {
		if s != nil {
			text(path, *s)
		}
	}
	text("id", p.ID)
	text("name", p.Name)
	text("applicant.name", p.Applicant.Name)
	list("bigDataContent", p.BigDataContent)
	list("fiveG.technologies", p.FiveG.Technologies)
	list("fiveG.scenarios", p.FiveG.Scenarios)
	list("intranet.technologies", p.Intranet.Technologies)
	text("identifierNode.kind", p.IdentifierNode.Kind)
	text("platform.level", p.Platform.Level)
	optional("form.constructionScale", p.Form.ConstructionScale)
	optional("form.progress", p.Form.Progress)
	optional("form.responsiblePerson", p.Form.ResponsiblePerson)
	if len(p.Incidents) > MaxListLength {
		problems.Add("incidents", "%d items exceed the limit of %d", len(p.Incidents), MaxListLength)
	} else {
		for i := range p.Incidents {
			text(fmt.Sprintf("incidents[%d].description", i), p.Incidents[i].Description)
		}
	}
	if len(p.Findings) > MaxListLength {
		problems.Add("findings", "%d findings exceed the limit of %d", len(p.Findings), MaxListLength)
	}
	for id, f := range p.Findings {
		text("findings."+id+".by", f.By)
		text("findings."+id+".note", f.Note)
	}
}
