// Package remedy goes from a verdict to action: for a project that is not eligible,
// what to change, the smallest set of changes that makes it eligible, and, for an
// undetermined one, which question to ask first. It also lists the form a kind of
// project must fill.
//
// The letter asks the cities, for every new project, to 逐个调度梳理，列出问题清单
// (三.1). [Planner.Remedies] answers it for one record on one date:
//
//   - a [Fix] per failing or undetermined mandatory criterion: the changes that make
//     it pass, each naming the fact by its Chinese term and JSON path with the target
//     computed from the parameters in force ("项目总投资（investment.total）
//     4,999,999.99 元，须不少于 5,000,000.00 元（差 0.01 元）"), the document to
//     complete, the commitment to sign, the finding to obtain and from whom (the
//     confirming authority of 二.1), the date from which time alone cures it (an
//     incident leaving 近三年), or, plainly, that nothing within the applicant's
//     control does;
//   - the [Plan]: the smallest set of changes that together make the project
//     eligible, or "eligible once these findings are given as met";
//   - for an undetermined project, the [Question]s, ranked: first those whose answer
//     alone decides the project, then those that could make it ineligible, then the
//     rest, each with what every answer would decide.
//
// Nothing here is keyed by the default rule set's criterion IDs: candidates come
// from what each criterion reads (eligibility.Engine.Reads, the result's inputs):
// its facts, their Go types (a list of any string code type; an amount, which a
// form amount may leave blank) and codes, and the parameters in force it compares them
// with (a floor, a ratio of another fact, a list of codes, a count of years,
// 31 December of the evaluation year). So variants and added criteria get remedies
// too, and where no candidate makes a criterion pass the fix says so ("no automatic
// remedy") rather than inventing one. A code that leaves a criterion to a reviewer
// (other, on an open 等 list) makes the finding the remedy, and [Planner.Form]
// marks such a code with the finding it asks for. Two small tables are about the record, not the
// rules: which facts an applicant cannot change (where it is registered, its legal
// form and kind, its carrier, its history), and how to word the act that makes a
// yes-or-no fact true (编制完成项目建议书).
//
// Every remedy is verified: a candidate is kept only if re-evaluating the changed
// record makes the criterion pass, and a plan only if the full engine finds the
// changed record eligible and finds it not eligible without any one of its changes.
// Trying candidates evaluates the criteria they touch alone, each compiled by
// [New] into an engine of its own: a criterion's outcome depends on nothing but what
// it reads, so this gives the outcomes the full engine would, for a fraction of the
// cost.
//
// Like the engine, the package does no I/O and never reads the clock.
package remedy
