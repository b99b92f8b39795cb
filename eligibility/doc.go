// Package eligibility decides whether a "761" intelligent-information-network project
// may enter Jilin Province's project library under 吉政数办函〔2020〕579号.
//
// Build an [Engine] once from a rule set with [New], or take [Default] for the
// embedded default rule set, then call [Engine.Evaluate] for each project with the
// evaluation date. The result is a [Verdict]: the [Decision] (eligible, ineligible or
// undetermined), the confirming authority and reporting channel, and one [Result] per
// criterion with its stable ID, the letter's clause reference, the outcome, the
// missing facts when undetermined, and a message in Chinese and English.
//
//	v, err := eligibility.Default().Evaluate(&project, criteria.MustParseDate("2020-07-20"))
//	if err != nil { … } // bad input: every offending field is named
//	fmt.Println(v.Decision, v.Failing)
//
// Records arriving as JSON go through [Engine.DecodeProject], which decodes and
// validates in one step, accepts exactly what the published JSON Schema accepts, and
// reports every problem, of shape and of value, with its path; [Engine.Validate]
// checks a Go value alone; [Engine.EvaluateContext] stops on cancellation. Each result lists the facts, findings and parameters it
// read ([Result.Inputs]) and explains itself ([Result.Explanation]); the verdict's
// [Provenance] ties it to the library version, the rule set and the record by hash.
// [Engine.Checks] and [Engine.Reads] describe a compiled rule set for tools. A job
// that evaluates many projects in turn uses a [Batch] ([Engine.NewBatch]), which
// writes each verdict into the memory of the one before: twice the throughput, for
// verdicts that live only until the next.
//
// # Rules
//
// Every criterion is a pair of CEL expressions (applies-when and requirement) over
// four names: project (the record, fields named as in its JSON), findings (reviewers'
// findings keyed by criterion ID), params (the rule set's parameters) and asOf (the
// evaluation date). Money is an exact decimal type, intake.Decimal, never a double.
//
// A fact the record does not state is unknown, and CEL's three-valued logic carries it:
// false && unknown is false, true && unknown is unknown. A criterion whose requirement
// comes out unknown is undetermined and names the missing facts by JSON path; one
// whose applicability is unknown passes if its requirement holds anyway and is
// undetermined otherwise. Encouraged (鼓励) criteria never change the decision; one
// known to be unmet is an advisory. The catalogue's interpretation notes are in the
// README.
//
// # Errors
//
// Ineligible is a verdict, not an error. Errors are for input the engine cannot use:
// a *[ValidationError] matching [ErrInvalidProject] (every bad field, by JSON path) or
// [ErrInvalidRuleSet] (every bad criterion, by ID and field), and a *[CriterionError]
// matching [ErrEvaluation] if a custom rule misbehaves at run time.
//
// # Reproducibility and concurrency
//
// The package never reads the clock and does no I/O: the same project, date and rule
// set always give the same verdict, byte for byte, years later. An Engine is
// immutable after New and safe for concurrent use; a Batch is not, so each goroutine
// takes its own. The package has no mutable state.
package eligibility
