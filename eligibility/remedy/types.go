package remedy

import (
	"encoding/json"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Remedies is what a project must do, for one verdict: a fix for every failing or
// undetermined mandatory criterion, the plan that makes the project eligible, and,
// for an undetermined project, the questions to ask first.
//
// Its JSON form is stable like the verdict's: field names and codes never change.
type Remedies struct {
	ProjectID   string               `json:"projectId,omitempty"`
	ProjectName string               `json:"projectName,omitempty"`
	RuleSet     string               `json:"ruleSet"`
	AsOf        eligibility.Date     `json:"asOf"`
	Decision    eligibility.Decision `json:"decision"`
	// ConfirmingAuthority gives the findings the plan asks for (二.1).
	ConfirmingAuthority category.Authority `json:"confirmingAuthority"`
	// Fixes holds one entry per failing or undetermined mandatory criterion, in
	// rule order.
	Fixes []Fix `json:"fixes,omitempty"`
	// Plan is the smallest set of changes that together make the project eligible.
	Plan Plan `json:"plan"`
	// Questions ranks the missing facts and findings of an undetermined project.
	Questions []Question `json:"questions,omitempty"`
}

// Fix is what would make one criterion pass.
type Fix struct {
	ID          string              `json:"id"`
	Ref         string              `json:"ref"`
	Outcome     eligibility.Outcome `json:"outcome"`
	Requirement criteria.Text       `json:"requirement"`
	// Options are alternatives, each verified to make the criterion pass (or not
	// apply) when applied alone to the record: the first is the one the plan takes.
	Options []Option `json:"options,omitempty"`
	// None says why there is no option: the criterion turns on facts the applicant
	// cannot change (NoneOutsideControl), or no candidate change was found
	// (NoneNoAutomatic). Empty when there are options.
	None     NoneReason    `json:"none,omitempty"`
	NoneText criteria.Text `json:"noneText,omitzero"`
}

// NoneReason says why a criterion has no remedy.
type NoneReason string

const (
	// NoneOutsideControl: the criterion turns on a fact the applicant cannot change
	// (where it is registered, whether it is a carrier), and nothing else helps.
	NoneOutsideControl NoneReason = "outside-control"
	// NoneNoAutomatic: no candidate change made the criterion pass; the library does
	// not invent one.
	NoneNoAutomatic NoneReason = "no-automatic-remedy"
)

// Option is one way to make a criterion pass: all its changes together.
type Option struct {
	Changes []Change      `json:"changes"`
	Text    criteria.Text `json:"text"`
}

// ChangeKind says what a change asks of the applicant.
type ChangeKind string

const (
	// Revise changes a stated fact (raise the total investment, complete a document).
	Revise ChangeKind = "revise"
	// Provide states a fact the record does not state; the value is the one that
	// makes the criterion pass, which the applicant must be able to state truly.
	Provide ChangeKind = "provide"
	// ObtainFinding asks the confirming authority for a finding that the
	// requirement is met (a new one where the reviewer found it not met).
	ObtainFinding ChangeKind = "finding"
	// Wait is time alone: from Date on, if nothing else changes.
	Wait ChangeKind = "wait"
)

// Change is one change to the record, or the evaluation date.
type Change struct {
	Kind ChangeKind `json:"kind"`
	// Path is the record's JSON path it changes ("investment.total",
	// "findings.BD-3a"); empty for Wait.
	Path string `json:"path,omitempty"`
	// Label names the fact or finding in domain words.
	Label criteria.Text `json:"label"`
	// From is the current value as people read it; To the value after the change.
	From criteria.Text `json:"from,omitzero"`
	To   criteria.Text `json:"to,omitzero"`
	// Value is the JSON value to write at Path; omitted where any non-blank text
	// will do (a form field, an added scenario).
	Value json.RawMessage `json:"value,omitempty"`
	// Authority is who gives a finding (二.1).
	Authority category.Authority `json:"authority,omitempty"`
	// Date is when time alone cures the criterion, for Wait.
	Date eligibility.Date `json:"date,omitzero"`
	// Criteria are the IDs of the criteria the change serves.
	Criteria []string `json:"criteria"`
	// Text says the change in the applicant's words.
	Text criteria.Text `json:"text"`

	apply func(*eligibility.Project, *eligibility.Date)
	// as and res are what the change was worked out from, so a plan can word it
	// again against the original record.
	as    *assign
	res   *eligibility.Result
	round int // the plan's round that took it
}

// PlanStatus is what the plan achieves.
type PlanStatus string

const (
	// PlanNothing: the project is eligible already.
	PlanNothing PlanStatus = "already-eligible"
	// PlanFindingsOnly: eligible once the findings listed are given as met.
	PlanFindingsOnly PlanStatus = "findings-only"
	// PlanChanges: eligible after the changes listed (some may be findings or facts
	// to state).
	PlanChanges PlanStatus = "changes"
	// PlanNone: no plan: some criterion has no remedy (see Blocked).
	PlanNone PlanStatus = "none"
)

// Plan is the smallest set of changes that together make the project eligible. It is
// verified: the record with every change applied, re-evaluated by the same engine on
// the same date (or the Wait date), is eligible, and without any one change it is not.
type Plan struct {
	Status  PlanStatus `json:"status"`
	Changes []Change   `json:"changes,omitempty"`
	// Blocked lists the criteria no change can make pass, when Status is none.
	Blocked []string `json:"blocked,omitempty"`
	// AsOf is the date the plan was verified on: the evaluation date, or a later
	// one when it waits.
	AsOf eligibility.Date `json:"asOf"`
	Text criteria.Text    `json:"text"`
}

// Rank orders the questions for an undetermined project.
type Rank string

const (
	// RankDecides: whatever the answer, the project is then decided.
	RankDecides Rank = "decides"
	// RankCouldFail: some answer makes the project ineligible.
	RankCouldFail Rank = "could-fail"
	// RankOther: no answer alone decides the project or makes it ineligible.
	RankOther Rank = "other"
)

// Question is one missing fact or finding, with what each answer would decide.
type Question struct {
	Rank Rank `json:"rank"`
	// Path is the record's JSON path to fill ("findings.BD-3a" for a finding).
	Path  string        `json:"path"`
	Label criteria.Text `json:"label"`
	// Finding says the answer is a reviewer's finding, given by Authority.
	Finding   bool               `json:"finding,omitempty"`
	Authority category.Authority `json:"authority,omitempty"`
	// Criteria are the undetermined criteria that wait for it.
	Criteria []string `json:"criteria"`
	// Answers groups the hypothetical answers tried by the decision each gives.
	Answers []Answer      `json:"answers"`
	Text    criteria.Text `json:"text"`
}

// Answer is a group of answers that lead to the same decision, found by
// re-evaluating the record with each.
type Answer struct {
	Values   []criteria.Text      `json:"values"`
	Decision eligibility.Decision `json:"decision"`
	// Failing lists the criteria those answers fail.
	Failing []string `json:"failing,omitempty"`
}

// Form is every fact and finding a kind of project must state: what the rule set's
// criteria applicable to its category, subtype and stage read.
type Form struct {
	RuleSet  string            `json:"ruleSet"`
	AsOf     eligibility.Date  `json:"asOf"`
	Category category.Category `json:"category"`
	Subtype  category.Subtype  `json:"subtype,omitempty"`
	Stage    category.Stage    `json:"stage,omitempty"`
	Fields   []Field           `json:"fields"`
}

// Field is one entry of a Form.
type Field struct {
	// Path is the record's JSON path; Also lists other paths the fact may be read
	// from (the credit code for the registration division).
	Path  string        `json:"path"`
	Also  []string      `json:"also,omitempty"`
	Label criteria.Text `json:"label"`
	// Type is bool, decimal (yuan), date, text, code, string, list, incidents or
	// finding.
	Type string `json:"type"`
	// Codes are the allowed codes with their names, where the field holds codes.
	Codes []Code `json:"codes,omitempty"`
	// Authority gives a finding.
	Authority category.Authority `json:"authority,omitempty"`
	// Uses lists the criteria that read it.
	Uses []Use `json:"uses"`
}

// Code is an allowed code and its names.
type Code struct {
	Code string        `json:"code"`
	Name criteria.Text `json:"name"`
	// Finding, when set, is the criterion ID on which a record stating this code
	// then needs a reviewer's finding (findings[Finding]): other, on an open 等
	// list, is judged by a reviewer, not by the data.
	Finding string `json:"finding,omitempty"`
}

// Use is a criterion that reads a form field.
type Use struct {
	ID       string            `json:"id"`
	Ref      string            `json:"ref"`
	Strength criteria.Strength `json:"strength"`
	Summary  criteria.Text     `json:"summary"`
	// Conditional says the criterion applies only on other facts (a manufacturing
	// enterprise's self-assessment).
	Conditional bool `json:"conditional,omitempty"`
}
