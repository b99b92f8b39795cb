// Package policytest lets policy analysts test a rule set, or a change to one, the way
// programmers test code, and see exactly which projects a change moves.
//
// A suite is a YAML file of fixtures: a project (a file beside the suite, or written
// inline, optionally patched), an evaluation date, and the decision and criterion
// outcomes expected. [LoadSuite] reads one strictly and reports every problem at
// once; [Suite.Run] runs it under go test, one subtest per fixture, and
// [Suite.Results] runs it anywhere else. A failed expectation names the fixture, the
// criterion, what was expected, what came out and the criterion's message:
//
//	fixture "floor one fen short": BD-4 (一(一)4): want pass, got fail: total investment is below …
//
// [Suite.Coverage] says which criteria the fixtures saw and asserted pass, fail,
// undetermined and not applicable, and which they never did. [Probe] builds projects
// at, just under and just over each threshold of a rule set (the floor, the share, the
// 近三年 window, 31 December) from a base project and reports their outcomes.
// [Compare] evaluates projects under two engines and reports every decision and
// criterion outcome that moved, with totals.
//
// Variants of a rule set (see criteria.Variant) are how a change is written; a suite
// names the rule set or variant it tests with its ruleset key, so the answer to
// "what if the floor goes to 10 million?" is kept as a regression test.
//
// The package does no I/O of its own choosing (suites are read from an fs.FS the
// caller passes) and never reads the clock: every evaluation date is in the suite or
// an argument. Its results are deterministic, in file or input order.
package policytest
