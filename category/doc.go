// Package category holds the typed enumerations of the intake library for
// "761" intelligent-information-network projects under Jilin Province's
// letter 吉政数办函〔2020〕579号 (2020-07-10): the four project [Category]
// values and their [Subtype] values, project [Stage], the provincial
// [Authority] bodies and reporting [Channel] of 二.1/二.2 with the routing
// between them ([Category.ConfirmingAuthority], [RouteOf]), the
// [ReportingUnit] values the letter addresses, the [Carrier] companies of
// 二.2, the applicant facts [LegalForm], [EnterpriseKind] and
// [IncidentKind], the kind of an identifier node ([IdentifierNodeKind]), and
// the letter's open lists, which end in 等: [BigDataContent],
// [FiveGTechnology] and [IntranetTechnology] (see lists.go for how a code
// the list does not name is handled).
//
// # Codes and names
//
// Every type is a named string type whose zero value "" means unset; "" is
// never valid. The value is its code: short, lower-case ASCII, stable across
// releases, and the JSON contract of every record that uses these types.
// Chinese and English names (Chinese, English, and a few type-specific
// accessors) are for display and may be reworded; compare codes, never names.
//
// Each type has the same small method set: IsValid; String, which returns
// the code, or "%!Type(raw)" for an invalid value in the manner of
// time.Weekday, and never panics; Chinese and English; MarshalText and
// UnmarshalText; a ParseType function; and a function listing its values in
// a documented order, which returns a new slice on every call.
//
// # Lenient decoding, strict parsing
//
// UnmarshalText is deliberately lenient: it accepts any string, so a record
// with several bad fields still decodes and validation can then report every
// problem at once instead of the decoder stopping at the first. Check decoded
// values with IsValid. The ParseType functions are strict: they accept exact
// codes only and return a *[ParseError], which lists the valid codes and
// matches [ErrUnknownCode] under [errors.Is]; for a near miss it also names
// the code that was probably meant (ParseError.Closest). MarshalText refuses
// to write an invalid value (the error also matches [ErrUnknownCode]) and
// writes the zero value as empty text.
//
// # Concurrency
//
// Values are immutable and the package has no mutable state, so everything
// here is safe for concurrent use.
package category
