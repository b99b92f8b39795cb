package creditcode_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility/creditcode"
)

// Test vectors copied from domain-facts §1 (GB 32100-2015), plus a few extra
// cases. want == 0 means valid.
type parseCase struct {
	input  string
	want   creditcode.Reason
	pos    int    // expected Error.Pos (only when want != 0)
	wantCh string // expected Error.Want (only when non-empty)
	got    string // expected Error.Got (only when non-empty)
	reason string
}

var parseCases = []parseCase{
	// Valid real codes (both checks).
	{input: "91110000600037341L", reason: "real code, valid under both checks"},
	{input: "91350100M000100Y43", reason: "corrected form of the standard's printed sample"},
	{input: "914403001922038216", reason: "real code, all digits"},
	{input: "91110000100017707H", reason: "中国电信集团有限公司"},
	{input: "121200004013590816", reason: "authority 1 (机构编制)"},
	{input: "92340602MA2PBMEM24", reason: "individual business (92), letters in organisation code"},
	{input: "9135010557098120XJ", reason: "organisation check character X (remainder 10)"},
	{input: "9131000063159284XQ", reason: "organisation check character X, Shanghai"},
	{input: "91310115MA1K3BTP2B", reason: "real code with letters in organisation code"},
	// Made-up Jilin codes.
	{input: "91220101MA14XJ7T68", reason: "Jilin: 长春 220101, enterprise"},
	{input: "91220200MA0QK3R853", reason: "Jilin: 吉林市 220200"},
	{input: "92220581MA17HN4W8L", reason: "Jilin: 梅河口 220581, individual business"},
	{input: "93222401MA0L2P6DXL", reason: "Jilin: 延吉 222401, cooperative, org check X"},
	{input: "91220000MA0Y8C5U1R", reason: "Jilin: province-level 220000"},
	{input: "Y1220100MA14XJ7T64", reason: "authority Y (其他) is legal under the standard"},
	// Normalisation.
	{input: "91220101ma14xj7t68", reason: "lower case is upper-cased"},
	{input: "91 220101 MA14XJ7T68", reason: "inner spaces are removed"},
	{input: "  91220101-MA14XJ7T6-8\t\n", reason: "surrounding white space and hyphens are removed"},
	{input: "91220101\u3000MA14XJ7T68\u00a0", reason: "ideographic space and NBSP count as white space"},
	// Wrong check character.
	{input: "91220101MA14XJ7T60", want: creditcode.ReasonCheckCharacter, pos: 18, wantCh: "8", got: "0", reason: "wrong check character"},
	{input: "91220200MA0QK3R85A", want: creditcode.ReasonCheckCharacter, pos: 18, wantCh: "3", got: "A", reason: "wrong check character (letter)"},
	{input: "91110000600037341N", want: creditcode.ReasonCheckCharacter, pos: 18, wantCh: "L", got: "N", reason: "wrong check character on a real code"},
	{input: "91350211M0000XUF46", want: creditcode.ReasonCheckCharacter, pos: 18, wantCh: "R", got: "6", reason: "real early Fujian pilot code that fails the 18th check"},
	{input: "91220101ma14xj7t6a", want: creditcode.ReasonCheckCharacter, pos: 18, wantCh: "8", got: "A", reason: "Got is reported in normalised form"},
	// Characters outside the set.
	{input: "92220581MAI7HN4W8L", want: creditcode.ReasonCharacter, pos: 11, got: "I", reason: "I is not in the set"},
	{input: "93222401MO0L2P6DXL", want: creditcode.ReasonCharacter, pos: 10, got: "O", reason: "O is not in the set"},
	{input: "91220000MA0Y8C5U1Z", want: creditcode.ReasonCharacter, pos: 18, got: "Z", reason: "Z is not in the set"},
	{input: "91350100M000100Y4Z", want: creditcode.ReasonCharacter, pos: 18, got: "Z", reason: "the standard's printed sample is wrong; Z is outside the set"},
	{input: "91220101MA14XJ7T6_", want: creditcode.ReasonCharacter, pos: 18, got: "_", reason: "punctuation"},
	{input: "91 220101 MA1S XJ7T68", want: creditcode.ReasonCharacter, pos: 12, got: "S", reason: "position counts normalised characters, not separators"},
	{input: "９1220101MA14XJ7T68", want: creditcode.ReasonCharacter, pos: 1, got: "９", reason: "full-width digit is not normalised; length counts characters"},
	{input: "91220101MA14XJ7T6\xff", want: creditcode.ReasonCharacter, pos: 18, got: "\ufffd", reason: "invalid UTF-8 byte is reported as U+FFFD"},
	{input: "00\xc9 \xa100000000000000", want: creditcode.ReasonCharacter, pos: 3, got: "\ufffd", reason: "removing a space must not join invalid bytes into a character (found by fuzzing)"},
	{input: "91A2010IMA14XJ7T68", want: creditcode.ReasonCharacter, pos: 8, got: "I", reason: "character set is checked before the division"},
	// Length.
	{input: "91220101MA14XJ7T6", want: creditcode.ReasonLength, wantCh: "18", got: "17", reason: "17 characters"},
	{input: "91220101MA14XJ7T681", want: creditcode.ReasonLength, wantCh: "18", got: "19", reason: "19 characters"},
	{input: "", want: creditcode.ReasonLength, wantCh: "18", got: "0", reason: "empty"},
	{input: "  - ", want: creditcode.ReasonLength, wantCh: "18", got: "0", reason: "only separators"},
	{input: "0000000000000000Ƽ", want: creditcode.ReasonLength, wantCh: "18", got: "17", reason: "18 bytes but 17 characters (found by fuzzing)"},
	{input: "91220101MA14XJ7T6中", want: creditcode.ReasonCharacter, pos: 18, got: "中", reason: "18 characters, 20 bytes"},
	{input: "91220101MA14XJ7T6I9", want: creditcode.ReasonLength, wantCh: "18", got: "19", reason: "length is checked before the character set"},
	// Division.
	{input: "91A20101MA14XJ7T68", want: creditcode.ReasonDivision, pos: 3, got: "A", reason: "letter in the division code"},
	{input: "9122010AMA14XJ7T68", want: creditcode.ReasonDivision, pos: 8, got: "A", reason: "letter at the end of the division code"},
	// Organisation-code check.
	{input: "91220102MA14XJ7T90", want: creditcode.ReasonOrganizationCheck, pos: 17, wantCh: "6", got: "9", reason: "18th character right, embedded organisation check wrong"},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.input, func(t *testing.T) {
			c, err := creditcode.Parse(tc.input)
			assert.Equal(t, tc.want == 0, refValid(refNormalize(tc.input)), "reference disagrees with the table: %s", tc.reason)
			if tc.want == 0 {
				require.NoError(t, err, tc.reason)
				assert.Len(t, string(c), 18, tc.reason)
				assert.Equal(t, refNormalize(tc.input), c.String(), tc.reason)
				return
			}
			require.Error(t, err, tc.reason)
			assert.Empty(t, c, tc.reason)
			var e *creditcode.Error
			require.ErrorAs(t, err, &e, tc.reason)
			assert.Equal(t, tc.input, e.Input, tc.reason)
			assert.Equal(t, tc.want, e.Reason, tc.reason)
			assert.Equal(t, tc.pos, e.Pos, tc.reason)
			if tc.wantCh != "" {
				assert.Equal(t, tc.wantCh, e.Want, tc.reason)
			}
			if tc.got != "" {
				assert.Equal(t, tc.got, e.Got, tc.reason)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "creditcode: "), tc.reason)
			r, p := refReason(refNormalize(tc.input))
			assert.Equal(t, tc.want, r, "reference reason: %s", tc.reason)
			assert.Equal(t, tc.pos, p, "reference position: %s", tc.reason)
		})
	}
}

func TestErrorMessages(t *testing.T) {
	cases := []struct {
		input  string
		msg    string
		reason string
	}{
		{"91220101MA14XJ7T60", `creditcode: "91220101MA14XJ7T60": check character mismatch at position 18: want 8, got 0`, "example message from the brief"},
		{"91350211M0000XUF46", `creditcode: "91350211M0000XUF46": check character mismatch at position 18: want R, got 6`, "real Fujian pilot code must say check character mismatch, not 'not a code'"},
		{"91220102MA14XJ7T90", `creditcode: "91220102MA14XJ7T90": organization code check character mismatch at position 17: want 6, got 9`, "organisation check gives want and got"},
		{"92220581MAI7HN4W8L", `creditcode: "92220581MAI7HN4W8L": invalid character "I" at position 11`, "character error names position and character"},
		{"91A20101MA14XJ7T68", `creditcode: "91A20101MA14XJ7T68": invalid division code: non-digit "A" at position 3`, "division error names position and character"},
		{"91220101MA14XJ7T6", `creditcode: "91220101MA14XJ7T6": wrong length: want 18 characters, got 17`, "length error"},
	}
	for _, tc := range cases {
		_, err := creditcode.Parse(tc.input)
		require.Error(t, err, tc.reason)
		assert.Equal(t, tc.msg, err.Error(), tc.reason)
	}
}

func TestErrorsIsAs(t *testing.T) {
	sentinels := map[creditcode.Reason]error{
		creditcode.ReasonLength:            creditcode.ErrLength,
		creditcode.ReasonCharacter:         creditcode.ErrCharacter,
		creditcode.ReasonDivision:          creditcode.ErrDivision,
		creditcode.ReasonOrganizationCheck: creditcode.ErrOrganizationCheck,
		creditcode.ReasonCheckCharacter:    creditcode.ErrCheckCharacter,
	}
	cases := []struct {
		input  string
		want   creditcode.Reason
		reason string
	}{
		{"91220101MA14XJ7T6", creditcode.ReasonLength, "17 characters"},
		{"92220581MAI7HN4W8L", creditcode.ReasonCharacter, "I outside the set"},
		{"91A20101MA14XJ7T68", creditcode.ReasonDivision, "letter in division"},
		{"91220102MA14XJ7T90", creditcode.ReasonOrganizationCheck, "organisation check wrong"},
		{"91220101MA14XJ7T60", creditcode.ReasonCheckCharacter, "18th character wrong"},
	}
	for _, tc := range cases {
		_, err := creditcode.Parse(tc.input)
		require.Error(t, err, tc.reason)
		assert.ErrorIs(t, err, creditcode.ErrInvalid, tc.reason)
		for r, s := range sentinels {
			assert.Equal(t, r == tc.want, errors.Is(err, s), "%s: errors.Is(err, sentinel for %v)", tc.reason, r)
		}
		var e *creditcode.Error
		require.ErrorAs(t, err, &e, tc.reason)
		assert.Equal(t, tc.want, e.Reason, tc.reason)
		assert.NotEmpty(t, tc.want.String(), tc.reason)
	}
	for r, s := range sentinels {
		assert.ErrorIs(t, s, creditcode.ErrInvalid, "sentinel for %v matches the umbrella", r)
		assert.True(t, strings.HasPrefix(s.Error(), "creditcode: "), "sentinel message prefix")
		for r2, s2 := range sentinels {
			if r2 != r {
				assert.NotErrorIs(t, s, s2, "sentinels are distinct")
			}
		}
	}
	assert.NotErrorIs(t, creditcode.ErrInvalid, creditcode.ErrLength, "the umbrella does not match a specific sentinel")
}

func TestAccessors(t *testing.T) {
	cases := []struct {
		input     string
		authority byte
		entity    byte
		division  string
		org       string
		reason    string
	}{
		{"91220101MA14XJ7T68", '9', '1', "220101", "MA14XJ7T6", "长春 220101"},
		{"91220200MA0QK3R853", '9', '1', "220200", "MA0QK3R85", "吉林市 220200"},
		{"92220581MA17HN4W8L", '9', '2', "220581", "MA17HN4W8", "梅河口 220581"},
		{"93222401MA0L2P6DXL", '9', '3', "222401", "MA0L2P6DX", "延吉 222401"},
		{"91220000MA0Y8C5U1R", '9', '1', "220000", "MA0Y8C5U1", "Jilin province 220000"},
		{"Y1220100MA14XJ7T64", 'Y', '1', "220100", "MA14XJ7T6", "authority Y"},
		{"91 220101 ma14xj7t68", '9', '1', "220101", "MA14XJ7T6", "accessors see the normalised form"},
	}
	for _, tc := range cases {
		c, err := creditcode.Parse(tc.input)
		require.NoError(t, err, tc.reason)
		assert.Equal(t, tc.authority, c.RegistrationAuthority(), tc.reason)
		assert.Equal(t, tc.entity, c.EntityType(), tc.reason)
		assert.Equal(t, tc.division, c.Division(), tc.reason)
		assert.Equal(t, tc.org, c.OrganizationCode(), tc.reason)
	}

	var zero creditcode.Code
	assert.NotPanics(t, func() {
		assert.Equal(t, byte(0), zero.RegistrationAuthority())
		assert.Equal(t, byte(0), zero.EntityType())
		assert.Equal(t, "", zero.Division())
		assert.Equal(t, "", zero.OrganizationCode())
		assert.Equal(t, "", zero.String())
	}, "zero Code accessors return zero values")
}

func TestCheckCharacter(t *testing.T) {
	cases := []struct {
		first17 string
		want    byte
		err     creditcode.Reason
		reason  string
	}{
		{"91220101MA14XJ7T6", '8', 0, "长春 example"},
		{"91350100M000100Y4", '3', 0, "standard's sample: correct check is 3, not Z"},
		{"91350211M0000XUF4", 'R', 0, "Fujian pilot code would need R"},
		{"9131000063159284X", 'Q', 0, "real code"},
		{"91220102MA14XJ7T9", '0', 0, "organisation check is not validated here"},
		{"91A20101MA14XJ7T6", 'X', 0, "division is not validated here"},
		{"91220101MA14XJ7T", 0, creditcode.ReasonLength, "16 characters"},
		{"91220101MA14XJ7T68", 0, creditcode.ReasonLength, "18 characters"},
		{"91220101ma14xj7t6", 0, creditcode.ReasonCharacter, "no normalisation: lower case rejected"},
		{"9122010IMA14XJ7T6", 0, creditcode.ReasonCharacter, "I outside the set"},
	}
	for _, tc := range cases {
		got, err := creditcode.CheckCharacter(tc.first17)
		if tc.err == 0 {
			require.NoError(t, err, tc.reason)
			assert.Equal(t, string(tc.want), string(got), tc.reason)
			assert.Equal(t, string(refCheck(tc.first17)), string(got), "reference: %s", tc.reason)
			continue
		}
		var e *creditcode.Error
		require.ErrorAs(t, err, &e, tc.reason)
		assert.Equal(t, tc.err, e.Reason, tc.reason)
		assert.ErrorIs(t, err, creditcode.ErrInvalid, tc.reason)
	}
}

func TestParseAllocations(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := creditcode.Parse("91220101MA14XJ7T68"); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs, "parsing a normalised valid code does not allocate")
	allocs = testing.AllocsPerRun(100, func() {
		if _, err := creditcode.Parse("91 220101 ma14xj7t68"); err != nil {
			t.Fatal(err)
		}
	})
	assert.LessOrEqual(t, allocs, 1.0, "normalising allocates only the normalised string")
}

// TestReferenceSweep cross-checks Parse against the reference on every
// single-character substitution of a valid code.
func TestReferenceSweep(t *testing.T) {
	const chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for _, base := range []string{"91220101MA14XJ7T68", "9135010557098120XJ", "Y1220100MA14XJ7T64"} {
		for i := 0; i < len(base); i++ {
			for j := 0; j < len(chars); j++ {
				s := base[:i] + chars[j:j+1] + base[i+1:]
				compareWithReference(t, s)
			}
		}
	}
}

func compareWithReference(t *testing.T, s string) {
	t.Helper()
	c, err := creditcode.Parse(s)
	n := refNormalize(s)
	wantReason, wantPos := refReason(n)
	if wantReason == 0 {
		if err != nil {
			t.Fatalf("Parse(%q) = %v; reference says valid", s, err)
		}
		if string(c) != n {
			t.Fatalf("Parse(%q) = %q; want %q", s, c, n)
		}
		return
	}
	var e *creditcode.Error
	if !errors.As(err, &e) {
		t.Fatalf("Parse(%q) = %q, %v; reference says %v at %d", s, c, err, wantReason, wantPos)
	}
	if e.Reason != wantReason || e.Pos != wantPos {
		t.Fatalf("Parse(%q) = %v (reason %v, pos %d); reference says %v at %d", s, err, e.Reason, e.Pos, wantReason, wantPos)
	}
	if !errors.Is(err, creditcode.ErrInvalid) {
		t.Fatalf("Parse(%q) error %v does not match ErrInvalid", s, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.input)
	}
	f.Add("91350100M000100Y4Z")
	f.Add("9131000063159284XQ")
	f.Add("y1220100ma14xj7t64")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := creditcode.Parse(s) // must not panic
		_ = c.RegistrationAuthority()
		_ = c.EntityType()
		_ = c.Division()
		_ = c.OrganizationCode()
		if err != nil {
			_ = err.Error()
		}

		// For inputs already in normalised form Parse must agree with the
		// reference exactly; for the rest, after the reference normalisation.
		if isNormalized(s) {
			if (err == nil) != refValid(s) {
				t.Fatalf("Parse(%q) error = %v; reference valid = %v", s, err, refValid(s))
			}
		}
		compareWithReference(t, s)

		// Random inputs are almost never valid; also complete the first 16
		// characters (when they look like a code) with reference check
		// characters, which must give a valid code.
		if n := refNormalize(s); len(n) >= 16 {
			head := n[:16]
			if r, _ := refReason(head + "00"); r != creditcode.ReasonLength && r != creditcode.ReasonCharacter && r != creditcode.ReasonDivision {
				first17 := head + string(refOrgCheck(head[8:]))
				full := first17 + string(refCheck(first17))
				if _, err := creditcode.Parse(full); err != nil {
					t.Fatalf("Parse(%q) of a reference-completed code = %v", full, err)
				}
			}
		}

		if err != nil {
			return
		}
		// A parsed code re-parses to itself.
		c2, err2 := creditcode.Parse(c.String())
		if err2 != nil || c2 != c {
			t.Fatalf("Parse(%q) = %q, but re-parsing gives %q, %v", s, c, c2, err2)
		}
		if got := c.String()[:2] + c.Division() + c.OrganizationCode() + c.String()[17:]; got != c.String() {
			t.Fatalf("accessors of %q reassemble to %q", c, got)
		}
		if ch, err := creditcode.CheckCharacter(c.String()[:17]); err != nil || ch != c.String()[17] {
			t.Fatalf("CheckCharacter(%q) = %q, %v; want %q", c.String()[:17], ch, err, c.String()[17])
		}
	})
}

// ---- Independent reference implementation ----
//
// A deliberately different formulation: the weights are computed by repeated
// multiplication by 3 mod 31 instead of a table, character values are looked
// up with strings.IndexRune on the rune, the organisation code is valued with
// unicode functions, and normalisation uses strings.Map.

const refCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY"

func refNormalize(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		if r >= 'a' && r <= 'z' {
			return unicode.ToUpper(r)
		}
		return r
	}, s)
}

func isNormalized(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) || r == '-' || (r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

func refCheck(first17 string) byte {
	sum, w := 0, 1
	for _, r := range first17 {
		sum = (sum + strings.IndexRune(refCharset, r)*w) % 31
		w = w * 3 % 31
	}
	return refCharset[(31-sum)%31]
}

func refOrgCheck(body string) byte {
	weights := []int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, r := range body {
		var v int
		if unicode.IsDigit(r) {
			v = int(r - '0')
		} else {
			v = int(unicode.ToUpper(r)-'A') + 10 // A=10 … Z=35
		}
		sum += v * weights[i]
	}
	c := 11 - sum%11
	if c == 10 {
		return 'X'
	}
	return "0123456789X0"[c]
}

// refReason returns the first problem with the normalised string n and its
// position (0, 0 if n is valid).
func refReason(n string) (creditcode.Reason, int) {
	rs := []rune(n)
	if len(rs) != 18 {
		return creditcode.ReasonLength, 0
	}
	for i, r := range rs {
		if r == utf8.RuneError || !strings.ContainsRune(refCharset, r) {
			return creditcode.ReasonCharacter, i + 1
		}
	}
	for i := 2; i <= 7; i++ {
		if !unicode.IsDigit(rs[i]) {
			return creditcode.ReasonDivision, i + 1
		}
	}
	if refOrgCheck(n[8:16]) != n[16] {
		return creditcode.ReasonOrganizationCheck, 17
	}
	if refCheck(n[:17]) != n[17] {
		return creditcode.ReasonCheckCharacter, 18
	}
	return 0, 0
}

func refValid(n string) bool {
	r, _ := refReason(n)
	return r == 0
}

func TestOrganizationCheckCharacter(t *testing.T) {
	for _, code := range []string{"91220101MA14XJ7T68", "91350100M000100Y43", "9135010557098120XJ", "92220581MA17HN4W8L"} {
		c, err := creditcode.OrganizationCheckCharacter(code[8:16])
		require.NoError(t, err, code)
		assert.Equal(t, code[16], c, code)
	}
	_, err := creditcode.OrganizationCheckCharacter("MA14XJ7")
	assert.ErrorIs(t, err, creditcode.ErrLength)
	_, err = creditcode.OrganizationCheckCharacter("MA14XJ7I")
	assert.ErrorIs(t, err, creditcode.ErrCharacter)
}
