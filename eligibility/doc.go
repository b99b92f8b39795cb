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
// verdicts that live only until the next; [Batch.EvaluateJSON] decodes and evaluates a
// record in one step. [Engine.AppendVerdict] writes a verdict's
// JSON, in the full form (json.Marshal's bytes) or the [Compact] one, into a buffer
// the caller reuses, copying the rule set's words as the engine escaped them once:
// less time than the evaluation, and no allocation.
//
// # Rules
//
// Every criterion is a pair of CEL expressions (applies-when and requirement) over
// four names: project (the record, fields named as in its JSON), findings (reviewers'
// findings keyed by criterion ID), params (the rule set's parameters) and asOf (the
// evaluation date). Money is an exact decimal type, intake.Decimal, never a double.
// Two CEL facts have no JSON field of their own: project.applicant.division (stated, or
// read from the credit code) and project.investment.completedBlank (whether the 三.2
// form left the completed investment blank, read from investment.completed).
//
// A finding is given for a criterion of basis finding, or for a data criterion that
// reads its own: the default rule set's criteria over the letter's open (等) lists read
// findings['<their ID>'] only for an entry "other", which the data cannot decide.
//
// A fact the record does not state is unknown, and CEL's three-valued logic carries it:
// false && unknown is false, true && unknown is unknown. A criterion whose requirement
// comes out unknown is undetermined and names the missing facts by JSON path; one
// whose applicability is unknown passes if its requirement holds anyway and is
// undetermined otherwise. Encouraged (鼓励) criteria never change the decision; one
// known to be unmet is an advisory. The catalogue's interpretation notes are in the
// README.
//
// # Words
//
// A result's requirement and message state the parameter values in force on the
// evaluation date: the rule set's texts name parameters in placeholders
// ({minTotalInvestment}), which New renders once per span of dates in which no
// parameter changes (see criteria.RuleSet.Render), and New refuses a text that writes
// a number as literal text. When a value in force differs from the one the letter
// states, the result says how ([Result.Adjustments]). Explanations name codes by
// their Chinese or English names and quote free text item by item.
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
// immutable after New (it caches the words of each evaluation year on first use,
// behind an atomic pointer) and safe for concurrent use; a Batch is not, so each
// goroutine takes its own. The package has no mutable package-level state.
package eligibility
