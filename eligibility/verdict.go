package eligibility

import (
	"encoding/json"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

// Decision is the verdict on a project as a whole (catalogue note 8).
type Decision string

const (
	// Eligible: every applicable mandatory criterion passes.
	Eligible Decision = "eligible"
	// Ineligible: at least one applicable mandatory criterion fails.
	Ineligible Decision = "ineligible"
	// Undetermined: none fails, but at least one cannot be decided for want of a fact
	// or a reviewer's finding.
	Undetermined Decision = "undetermined"
)

// Words returns the decision as verdicts, reports and the command line word it, in
// Chinese and English.
func (d Decision) Words() criteria.Text { return decisionWords[d] }

var decisionWords = map[Decision]criteria.Text{
	Eligible:     {Zh: "符合入库标准", En: "eligible"},
	Ineligible:   {Zh: "不符合入库标准", En: "ineligible"},
	Undetermined: {Zh: "无法判定", En: "undetermined"},
}

// Outcome is the result of one criterion.
type Outcome string

const (
	// Pass: the requirement holds.
	Pass Outcome = "pass"
	// Fail: the requirement is known not to hold. For an encouraged criterion this is
	// an advisory and does not affect the decision.
	Fail Outcome = "fail"
	// OutcomeUndetermined: a fact or finding the requirement needs is missing.
	OutcomeUndetermined Outcome = "undetermined"
	// NotApplicable: the criterion does not apply to this project's category, subtype
	// or stage.
	NotApplicable Outcome = "not-applicable"
)

// Words returns the outcome as explanations and reports word it, in Chinese and
// English.
func (o Outcome) Words() criteria.Text { return outcomeWords[o] }

var outcomeWords = map[Outcome]criteria.Text{
	Pass:                {Zh: "符合", En: "met"},
	Fail:                {Zh: "不符合", En: "not met"},
	OutcomeUndetermined: {Zh: "无法判定", En: "undetermined"},
	NotApplicable:       {Zh: "不适用", En: "not applicable"},
}

// Verdict is the structured answer for one project on one date.
//
// Its JSON form is stable: field names, decision and outcome codes, criterion IDs and
// references will not change within a major version. Message wording may.
type Verdict struct {
	// ProjectID and ProjectName echo the record.
	ProjectID   string `json:"projectId,omitempty"`
	ProjectName string `json:"projectName,omitempty"`
	// Decision is eligible, ineligible or undetermined.
	Decision Decision `json:"decision"`
	// Category and Subtype echo the record.
	Category category.Category `json:"category"`
	Subtype  category.Subtype  `json:"subtype,omitempty"`
	// ConfirmingAuthority confirms intake for this category (二.1).
	ConfirmingAuthority category.Authority `json:"confirmingAuthority"`
	// Channel is the route the project must be reported by (二.1, 二.2).
	Channel category.Channel `json:"channel"`
	// RuleSet and Document name the rule set the verdict was reached under.
	RuleSet  string `json:"ruleSet"`
	Document string `json:"document"`
	// AsOf is the evaluation date the caller passed.
	AsOf Date `json:"asOf"`
	// Parameters lists the value of each rule-set parameter in force on AsOf, and
	// the date it took effect.
	Parameters []ParameterValue `json:"parameters"`
	// Provenance says which implementation, rule set and input reached the verdict.
	Provenance Provenance `json:"provenance"`
	// Failing lists the IDs of the mandatory criteria that fail, in rule order.
	Failing []string `json:"failing,omitempty"`
	// Undetermined lists the IDs of the mandatory criteria that are undetermined.
	Undetermined []string `json:"undetermined,omitempty"`
	// Advisories lists the IDs of the encouraged criteria known to be unmet.
	Advisories []string `json:"advisories,omitempty"`
	// Results holds one result per criterion of the rule set, in rule order,
	// including those not applicable to this project.
	Results []Result `json:"results"`
}

// Provenance ties a verdict to what produced it, so an auditor can reproduce it:
// the same project (ProjectHash), rule set (RuleSetHash) and evaluation date give the
// same verdict, byte for byte, with the same Version.
type Provenance struct {
	// Library is the module path of this library.
	Library string `json:"library"`
	// Version is the library's version (eligibility.Version).
	Version string `json:"version"`
	// RuleSetHash is "sha256:" and the hex SHA-256 of the rule set's canonical
	// encoding (its JSON form): any edit to a criterion or parameter changes it.
	RuleSetHash string `json:"ruleSetHash"`
	// ProjectHash is "sha256:" and the hex SHA-256 of the project's canonical
	// encoding (see [ProjectHash]): any change to a fact, finding or name changes it.
	ProjectHash string `json:"projectHash"`
}

// ParameterValue is the value of a parameter used for a verdict.
type ParameterValue struct {
	Name string                 `json:"name"`
	Type criteria.ParameterType `json:"type"`
	// Value is the value; its JSON form depends on Type (decimals are strings).
	Value criteria.Value `json:"value"`
	// From is the date the value took effect; zero (omitted) when it has always been
	// in force.
	From Date `json:"from,omitzero"`
}

// Result is the outcome of one criterion for one project.
type Result struct {
	// ID is the criterion's stable ID, e.g. "BD-4".
	ID string `json:"id"`
	// Ref is the clause in the letter's numbering, e.g. "一(一)4".
	Ref string `json:"ref"`
	// Strength is mandatory or encouraged.
	Strength criteria.Strength `json:"strength"`
	// Basis is data or a reviewer's finding.
	Basis criteria.Basis `json:"basis"`
	// Requirement states what the criterion requires.
	Requirement criteria.Text `json:"requirement"`
	// Outcome is pass, fail, undetermined or not-applicable.
	Outcome Outcome `json:"outcome"`
	// Inputs lists the facts, findings and parameters the criterion read, with their
	// values: for a criterion of another category none, for one whose appliesWhen
	// is false those of appliesWhen, otherwise all.
	Inputs []Input `json:"inputs,omitempty"`
	// Missing names, as JSON field paths of the record, the facts and findings whose
	// absence left the result undetermined.
	Missing []string `json:"missing,omitempty"`
	// Message says the outcome in Chinese and English.
	Message criteria.Text `json:"message"`
	// Adjustments say, for each parameter the criterion reads or states whose value
	// in force differs from the value the letter states, how this rule set changes
	// it: "本规则集将总投资下限由500万元调整为1000万元" / "this rule set raises the
	// floor on total investment from 5,000,000 to 10,000,000 yuan". Empty under the
	// letter's own values and for a criterion not applicable.
	Adjustments []criteria.Text `json:"adjustments,omitempty"`
}

// Eligible reports whether the decision is eligible.
func (v *Verdict) Eligible() bool { return v.Decision == Eligible }

// Result returns the result for the criterion with the given ID.
func (v *Verdict) Result(id string) (Result, bool) {
	for _, r := range v.Results {
		if r.ID == id {
			return r, true
		}
	}
	return Result{}, false
}

// FailingResults returns the results of the mandatory criteria that fail.
func (v *Verdict) FailingResults() []Result { return v.pick(v.Failing) }

// UndeterminedResults returns the results of the mandatory criteria that are
// undetermined.
func (v *Verdict) UndeterminedResults() []Result { return v.pick(v.Undetermined) }

// AdvisoryResults returns the results of the encouraged criteria known to be unmet.
func (v *Verdict) AdvisoryResults() []Result { return v.pick(v.Advisories) }

func (v *Verdict) pick(ids []string) []Result {
	out := make([]Result, 0, len(ids))
	for _, id := range ids {
		if r, ok := v.Result(id); ok {
			out = append(out, r)
		}
	}
	return out
}

// UnmarshalJSON reads the value according to its type, so stored verdicts read back.
func (pv *ParameterValue) UnmarshalJSON(data []byte) error {
	var raw struct {
		Name  string                 `json:"name"`
		Type  criteria.ParameterType `json:"type"`
		Value json.RawMessage        `json:"value"`
		From  Date                   `json:"from"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	v, err := criteria.ValueFromJSON(raw.Type, raw.Value)
	if err != nil {
		return err
	}
	*pv = ParameterValue{Name: raw.Name, Type: raw.Type, Value: v, From: raw.From}
	return nil
}
