// Package corpus generates made-up but realistic "761" project records: a corpus for
// differential tests of rule-set changes and for the policy-diff worked examples.
//
// [Generate] is deterministic: the same seed and count give the same projects, on
// every platform and Go release, because the generator carries its own pseudo-random
// source (SplitMix64) rather than math/rand, whose streams Go does not promise to
// keep. Project i depends only on the seed and i, so Generate(seed, 240) is the first
// 240 projects of Generate(seed, 10000).
//
// The projects cover the four categories, every subtype and stage, the twelve
// reporting units (and some others), applicants registered in Jilin and elsewhere with
// credit codes that pass both GB 32100 checks, amounts spread around the thresholds
// (some exactly at them), facts and reviewers' findings present, missing or negative,
// and incidents inside and outside 近三年. They are designed around the evaluation
// date [AsOf], the letter's submission date: over a few thousand projects every
// criterion of the default rule set is seen to pass, fail and be undetermined, and
// every one that can be is seen not applicable. Every project passes
// eligibility.Default().Validate.
//
// Names of companies, people and projects are invented; any likeness to a real one is
// accidental. `go run ./examples/corpus/gen` writes the 240 projects of the checked-in
// corpus in examples/corpus/projects.
package corpus
