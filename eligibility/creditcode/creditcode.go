package creditcode

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// alphabet is the GB 32100-2015 character set; a character's value is its index.
const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// codeLen is the number of characters in a unified social credit code.
const codeLen = 18

// Code is a validated unified social credit code in normalised form
// (18 characters, upper case, no separators). Obtain one from [Parse].
//
// The accessors return zero values for a Code that does not have 18 bytes,
// such as the zero Code; they never panic.
type Code string

// String returns the code as an 18-character string.
func (c Code) String() string { return string(c) }

// RegistrationAuthority returns the registration-authority code (登记管理部门代码),
// position 1, e.g. '9' for market regulation (工商/市场监管) or 'Y' for others.
func (c Code) RegistrationAuthority() byte {
	if len(c) != codeLen {
		return 0
	}
	return c[0]
}

// EntityType returns the entity-type code (机构类别代码), position 2; its meaning
// depends on the registration authority (under '9': '1' enterprise, '2'
// individual business, '3' farmers' cooperative).
func (c Code) EntityType() byte {
	if len(c) != codeLen {
		return 0
	}
	return c[1]
}

// Division returns the six-digit GB/T 2260 division code in positions 3–8.
// It is the division of the authority that issued the code and does not change
// when the entity moves.
func (c Code) Division() string {
	if len(c) != codeLen {
		return ""
	}
	return string(c[2:8])
}

// OrganizationCode returns the nine-character organisation code (GB 11714) in
// positions 9–17: an eight-character body followed by its check character.
func (c Code) OrganizationCode() string {
	if len(c) != codeLen {
		return ""
	}
	return string(c[8:17])
}

// Reason classifies why a string is not a valid code.
type Reason int

// The reasons, in the order Parse checks them.
const (
	ReasonLength            Reason = iota + 1 // not 18 characters
	ReasonCharacter                           // a character outside the 31-character set
	ReasonDivision                            // a non-digit in positions 3–8
	ReasonOrganizationCheck                   // wrong organisation-code check character (position 17)
	ReasonCheckCharacter                      // wrong check character (position 18)
)

// String returns a short English description of r.
func (r Reason) String() string {
	switch r {
	case ReasonLength:
		return "wrong length"
	case ReasonCharacter:
		return "invalid character"
	case ReasonDivision:
		return "invalid division code"
	case ReasonOrganizationCheck:
		return "organization code check character mismatch"
	case ReasonCheckCharacter:
		return "check character mismatch"
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// Sentinel errors for use with [errors.Is]. Every [*Error] matches ErrInvalid
// and the sentinel of its Reason; each of the specific sentinels also matches
// ErrInvalid.
var (
	ErrInvalid           = errors.New("creditcode: invalid unified social credit code")
	ErrLength            = fmt.Errorf("%w: %v", ErrInvalid, ReasonLength)
	ErrCharacter         = fmt.Errorf("%w: %v", ErrInvalid, ReasonCharacter)
	ErrDivision          = fmt.Errorf("%w: %v", ErrInvalid, ReasonDivision)
	ErrOrganizationCheck = fmt.Errorf("%w: %v", ErrInvalid, ReasonOrganizationCheck)
	ErrCheckCharacter    = fmt.Errorf("%w: %v", ErrInvalid, ReasonCheckCharacter)
)

// Error describes why an input is not a valid code.
type Error struct {
	// Input is the string exactly as passed to Parse or CheckCharacter.
	Input string
	// Reason is the first problem found.
	Reason Reason
	// Pos is the 1-based position, counted in characters of the normalised
	// code, of the offending character; 0 for ReasonLength.
	Pos int
	// Want is what was expected: the length for ReasonLength, the check
	// character for ReasonOrganizationCheck and ReasonCheckCharacter, and
	// empty otherwise.
	Want string
	// Got is what was found: the length for ReasonLength, otherwise the
	// offending character.
	Got string
}

// Error implements the error interface.
func (e *Error) Error() string {
	switch e.Reason {
	case ReasonLength:
		return fmt.Sprintf("creditcode: %q: wrong length: want %s characters, got %s", e.Input, e.Want, e.Got)
	case ReasonCharacter:
		return fmt.Sprintf("creditcode: %q: invalid character %q at position %d", e.Input, e.Got, e.Pos)
	case ReasonDivision:
		return fmt.Sprintf("creditcode: %q: invalid division code: non-digit %q at position %d", e.Input, e.Got, e.Pos)
	case ReasonOrganizationCheck, ReasonCheckCharacter:
		return fmt.Sprintf("creditcode: %q: %v at position %d: want %s, got %s", e.Input, e.Reason, e.Pos, e.Want, e.Got)
	}
	return fmt.Sprintf("creditcode: %q: %v", e.Input, e.Reason)
}

// Unwrap returns the sentinel for e.Reason, so that errors.Is(err, ErrLength)
// etc. and errors.Is(err, ErrInvalid) work.
func (e *Error) Unwrap() error {
	switch e.Reason {
	case ReasonLength:
		return ErrLength
	case ReasonCharacter:
		return ErrCharacter
	case ReasonDivision:
		return ErrDivision
	case ReasonOrganizationCheck:
		return ErrOrganizationCheck
	case ReasonCheckCharacter:
		return ErrCheckCharacter
	}
	return ErrInvalid
}

// Parse normalises s and validates it as a unified social credit code.
//
// Normalisation removes all white space (unicode.IsSpace) and ASCII hyphens
// anywhere in s and upper-cases ASCII letters; nothing else is changed. The
// normalised string is then checked for, in order: length 18, characters in
// the set 0-9 A-Y without I O S V Z, digits in positions 3–8, the organisation
// code check character (position 17) and the check character (position 18).
// Only the first problem is reported, as an [*Error].
func Parse(s string) (Code, error) {
	n := normalize(s)

	// Length, counted in characters (not bytes) so that stray non-ASCII
	// input is reported sensibly.
	if cnt := utf8.RuneCountInString(n); cnt != codeLen {
		return "", &Error{Input: s, Reason: ReasonLength, Want: strconv.Itoa(codeLen), Got: strconv.Itoa(cnt)}
	}
	if pos, got := firstInvalid(n); pos > 0 {
		return "", &Error{Input: s, Reason: ReasonCharacter, Pos: pos, Got: got}
	}
	// From here on n is 18 ASCII bytes from the alphabet.
	for i := 2; i < 8; i++ {
		if c := n[i]; c < '0' || c > '9' {
			return "", &Error{Input: s, Reason: ReasonDivision, Pos: i + 1, Got: n[i : i+1]}
		}
	}
	if want := orgCheck(n[8:16]); n[16] != want {
		return "", &Error{Input: s, Reason: ReasonOrganizationCheck, Pos: 17, Want: string(want), Got: n[16:17]}
	}
	if want := checkChar(n[:17]); n[17] != want {
		return "", &Error{Input: s, Reason: ReasonCheckCharacter, Pos: 18, Want: string(want), Got: n[17:18]}
	}
	return Code(n), nil
}

// CheckCharacter returns the check character (position 18) for the first 17
// characters of a code. first17 must be exactly 17 characters from the
// character set, upper case, without separators; it is not normalised, and the
// division and organisation-code check are not validated. Errors are [*Error]
// with ReasonLength or ReasonCharacter.
func CheckCharacter(first17 string) (byte, error) {
	if cnt := utf8.RuneCountInString(first17); cnt != codeLen-1 {
		return 0, &Error{Input: first17, Reason: ReasonLength, Want: strconv.Itoa(codeLen - 1), Got: strconv.Itoa(cnt)}
	}
	if pos, got := firstInvalid(first17); pos > 0 {
		return 0, &Error{Input: first17, Reason: ReasonCharacter, Pos: pos, Got: got}
	}
	return checkChar(first17), nil
}

// OrganizationCheckCharacter returns the GB 11714 check character (position 17)
// for the 8-character organisation-code body (positions 9–16). body must be 8
// characters from the character set, upper case; errors are [*Error] with
// ReasonLength or ReasonCharacter. With [CheckCharacter] it builds valid codes, for
// test data.
func OrganizationCheckCharacter(body string) (byte, error) {
	if cnt := utf8.RuneCountInString(body); cnt != 8 {
		return 0, &Error{Input: body, Reason: ReasonLength, Want: "8", Got: strconv.Itoa(cnt)}
	}
	if pos, got := firstInvalid(body); pos > 0 {
		return 0, &Error{Input: body, Reason: ReasonCharacter, Pos: pos, Got: got}
	}
	return orgCheck(body), nil
}

// value returns the value of c in the alphabet, or -1.
func value(c byte) int {
	return strings.IndexByte(alphabet, c)
}

// firstInvalid returns the 1-based character position and the text of the
// first character of s that is not in the alphabet, or 0, "".
func firstInvalid(s string) (int, string) {
	pos := 0
	for i := 0; i < len(s); {
		pos++
		c := s[i]
		if c < utf8.RuneSelf {
			if value(c) < 0 {
				return pos, s[i : i+1]
			}
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		return pos, s[i : i+size]
	}
	return 0, ""
}

// checkChar computes the position-18 check character of s (17 characters
// from the alphabet).
func checkChar(s string) byte {
	// Wi = 3^(i-1) mod 31.
	weights := [codeLen - 1]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i, w := range weights {
		sum += value(s[i]) * w
	}
	return alphabet[(31-sum%31)%31]
}

// orgCheck computes the GB 11714 check character for the 8-character
// organisation-code body s. Letters are valued A=10 … Z=35 over the full
// Latin alphabet, not by their index in the credit-code alphabet.
func orgCheck(s string) byte {
	weights := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		c := s[i]
		v := int(c - '0')
		if c >= 'A' {
			v = int(c-'A') + 10
		}
		sum += v * w
	}
	switch r := 11 - sum%11; r {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + r)
	}
}

// normalize removes white space and ASCII hyphens, upper-cases ASCII letters
// and replaces invalid UTF-8 bytes by U+FFFD. It returns s itself, without
// allocating, when s needs no change.
func normalize(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			case 'a' <= c && c <= 'z':
				b.WriteByte(c - 'a' + 'A')
			default:
				b.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// An invalid byte becomes U+FFFD, so that removing a separator
			// can never join invalid bytes into a valid character.
			b.WriteRune(utf8.RuneError)
		case !unicode.IsSpace(r):
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
