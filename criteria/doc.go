// Package criteria holds the policy as data: criteria, parameters and rule sets.
//
// A [Criterion] is one atomic requirement of 吉政数办函〔2020〕579号 with a stable ID
// (BD-1a … GEN-5), the clause it encodes in the letter's own numbering and words, an
// applies-when and a requirement written in CEL, and its failure message in Chinese
// and English. A [RuleSet] bundles criteria with named [Parameter] values (the
// 5,000,000-yuan floor, the 50% share, the three-year window, the carriers …), so a
// policy change is a parameter edit, never an edit of an expression.
//
// [Default] returns the embedded default rule set, every catalogue criterion in one
// YAML file (default.yaml) that an auditor can read clause by clause, source text
// beside expression. [Parse] reads a rule set from YAML with strict decoding and
// reports every structural problem at once. The eligibility package compiles rule
// sets and evaluates projects against them.
//
// To change a threshold:
//
//	rs := criteria.Default()
//	err := rs.SetParameter("minTotalInvestment", criteria.DecimalValue(decimal.RequireFromString("10000000")))
//	engine, err := eligibility.New(rs)
//
// The default rule set is also checked in as a document for auditors, CATALOGUE.md,
// written by report.Catalogue (package eligibility/report) and rebuilt by `go
// generate ./criteria`; a test fails when it is stale. [RuleSet.Hash] is the hash
// verdicts record in their provenance, and the catalogue prints it, so a verdict can
// be tied to the exact rules that reached it.
//
// IDs, references and parameter names are stable; summaries and messages may be
// reworded. Rule sets are plain values with no shared state: clone one to derive a
// variant. The package has no mutable package-level state.
package criteria
