// Package report renders a verdict as a document for the case file: a Markdown
// text or a single self-contained HTML page, in Chinese or English.
//
// A verdict's JSON is complete but written for programs. The official who signs
// an intake decision, the applicant who is told why a project was refused and the
// auditor who checks the decision years later need a page: the decision, the
// confirming authority, each failing clause quoted from 吉政数办函〔2020〕579号 with
// the values that decided it, what is still missing, every result in one table, the
// parameter values in force, and the provenance (library version and the hashes of
// the rule set and the project record) that lets anyone reproduce the verdict.
//
//	v, _ := eligibility.Default().Evaluate(&project, criteria.MustParseDate("2020-07-20"))
//	err := report.HTML(w, v, report.Options{Lang: report.Chinese})
//
// The letter's text comes from the rule set the verdict was reached under:
// [Options].RuleSet, or the default rule set when it is nil. The report checks that
// the rule set is that one (same name, same hash as the verdict's provenance), so a
// report never quotes a clause the verdict was not decided under.
//
// [Catalogue] renders a rule set itself as a Markdown document: every parameter with
// its dated values and the criteria that read it, and every criterion with the
// letter's text, its requirement, messages and expressions. criteria/CATALOGUE.md is
// the default rule set's.
//
// Output is deterministic: the same verdict, rule set and language give the same
// bytes, with no date of printing or other ambient value, so a report can be filed,
// hashed and regenerated. The HTML page needs nothing else: styles are inline, there
// are no external assets and no scripts, and it prints on A4. The package does no
// I/O beyond writing to the given writer and has no mutable package-level state.
package report
