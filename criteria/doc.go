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
// Words follow the parameters. A criterion's summary and message state thresholds,
// dates and lists through placeholders ({minTotalInvestment}, {carriers|or},
// {endOfYear(asOf)}), which [RuleSet.Render] writes with the values in force on an
// evaluation date; the eligibility engine renders them once per span of dates in
// which no parameter changes. The same formatting is exported for any other text
// that states a value: [Parameter.Format] (a value as people write it, by the
// parameter's unit and code list), [FormatAmount] (500万元 / 5,000,000 yuan),
// [FormatRatio] (50%), [FormatYears], [FormatDate] (2020年12月31日 / 31 December
// 2020), [FormatList] and [FormatCodes] (长春市、吉林市和四平市 / Changchun, Jilin
// City and Siping), [CodeName] and [Quote]. A parameter may record the value the
// letter states (Letter); [Parameter.Adjustment] then says how another value departs
// from it ("本规则集将总投资下限由500万元调整为1000万元").
//
// IDs, references and parameter names are stable; summaries and messages may be
// reworded. Rule sets are plain values with no shared state: clone one to derive a
// variant. The package has no mutable package-level state.
package criteria
