// Package creditcode validates the Chinese unified social credit code
// (统一社会信用代码) defined by GB 32100-2015.
//
// # Structure
//
// A code has 18 characters drawn from the 31-character set
// "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, S, V or Z); each character's
// value is its index in that set.
//
//	position  1      registration-authority code (登记管理部门代码), e.g. 9 市场监管, Y 其他
//	position  2      entity-type code (机构类别代码), e.g. under 9: 1 企业, 2 个体工商户
//	positions 3–8    GB/T 2260 division code of the issuing authority (six digits)
//	positions 9–17   organisation code (GB 11714): 8-character body + its own check character
//	position  18     check character over positions 1–17
//
// # What is validated
//
// [Parse] checks, in this order, and reports only the first problem found:
//
//  1. the length is 18 characters ([ErrLength]);
//  2. every character is in the 31-character set ([ErrCharacter]; the error
//     names the position and the character);
//  3. positions 3–8 are digits ([ErrDivision]);
//  4. the organisation-code check character at position 17 (GB 11714:
//     weights 3,7,9,10,5,8,4,2 over positions 9–16, letters valued A=10 … Z=35
//     over the full Latin alphabet, C = 11 − (Σ mod 11), 10 → X, 11 → 0)
//     ([ErrOrganizationCheck]);
//  5. the check character at position 18 (weights 3^(i−1) mod 31, check value
//     (31 − Σ mod 31) mod 31) ([ErrCheckCharacter]).
//
// Every error is an [*Error] and matches [ErrInvalid] as well as the sentinel
// for its [Reason] under [errors.Is].
//
// The registration-authority and entity-type codes are only checked against
// the character set: later amendments keep adding authority codes (2, 3, 4, 6,
// 7, 8, A, N, …), so a fixed list would reject legal codes. The division code
// is only checked for being six digits, not looked up in GB/T 2260.
//
// Some real codes issued during the early Fujian pilot fail the position-18
// check (for example 91350211M0000XUF46). Parse rejects them with
// [ErrCheckCharacter], whose message says "check character mismatch" and gives
// the expected and actual character, so callers can tell such a code apart
// from input that is not a credit code at all and decide how to treat it.
//
// The sample code printed in the standard, 91350100M000100Y4Z, is itself wrong:
// Z is not in the character set, and the correct code is 91350100M000100Y43.
//
// # Normalisation
//
// Before validation Parse removes every white-space character (as defined by
// [unicode.IsSpace], which includes the ideographic space U+3000) and every
// ASCII hyphen-minus '-' anywhere in the input, which also trims surrounding
// space, and upper-cases ASCII letters a–z. Nothing else is changed: full-width
// digits and letters (０-９, Ａ-Ｚ) and other dashes are reported as characters
// outside the set; invalid UTF-8 bytes are replaced by U+FFFD. A [Code]
// returned by Parse is always in normalised form, so "91 220101 ma14xj7t68"
// and "91220101MA14XJ7T68" parse to the same Code.
//
// Positions in errors are 1-based and count characters of the normalised code,
// i.e. the removed separators are not counted; [Error.Input] holds the input
// exactly as it was given.
//
// # Division code
//
// Positions 3–8 ([Code.Division]) hold the division of the authority that
// ISSUED the code. The code never changes, so when an entity later moves to
// another city or province the division in its code stays the old one: do not
// use it as the entity's current location.
//
// # Concurrency
//
// The package keeps no mutable state (the exported sentinel errors are never
// modified) and all functions and methods are safe for concurrent use. Parsing
// an already-normalised valid code does not allocate.
package creditcode
