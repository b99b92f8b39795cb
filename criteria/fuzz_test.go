package criteria_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
)

// FuzzRuleSetYAML feeds arbitrary bytes to Parse, which reads rule sets from many
// hands. Run it for a bounded time with
//
//	go test -run=NONE -fuzz=FuzzRuleSetYAML -fuzztime=20s ./criteria
//
// Properties: Parse never panics; it returns a rule set or an error matching
// ErrInvalidRuleSet, never both and never neither; a rule set it returns passes
// Validate; parsing is deterministic; and the rule set's JSON form, which is also
// YAML, parses back to the same rule set. (Compiling and evaluating the rules is
// FuzzRuleSet in package eligibility, which this package cannot import.)
func FuzzRuleSetYAML(f *testing.F) {
	def := criteria.DefaultSource()
	replace := func(old, new string) []byte { return bytes.Replace(def, []byte(old), []byte(new), 1) }
	for _, seed := range [][]byte{
		def,
		replace(`value: "5000000"`, `value: "10000000"`),
		replace(`value: "5000000"`, "values:\n      - {value: \"5000000\"}\n      - {from: \"2021-01-01\", value: \"1\"}"),
		replace(`value: "5000000"`, `value: 5e6`),
		replace(`value: "3"`, `value: "3.5"`),
		replace(`value: [storage, analysis, application]`, `value: [storage, [analysis]]`),
		replace(`effective: "2020-07-10"`, `effective: "2021-02-29"`),
		replace("  - id: GEN-5", "  - id: GEN-1"),
		replace("    strength: mandatory", "    strength: optional"),
		replace("    basis: data", "    basis: data\n    extra: field"),
		[]byte("name: x\n"),
		[]byte("[]"),
		[]byte(`{"name":"j","document":"d","effective":"2020-01-01","criteria":[{"id":"A-1","ref":"r","source":"s","summary":{"zh":"z","en":"e"},"strength":"encouraged","basis":"finding","require":"findings['A-1']","message":{"zh":"z","en":"e"}}]}`),
		[]byte("a: &a [*a, *a]\n"),
		[]byte(""),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := criteria.Parse(data)
		if err != nil {
			require.Nil(t, rs)
			require.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
			_, again := criteria.Parse(data)
			require.EqualError(t, again, err.Error(), "the same problems, in the same order, every time")
			return
		}
		require.NotNil(t, rs)
		require.NoError(t, rs.Validate(), "Parse returns only valid rule sets")
		again, err := criteria.Parse(data)
		require.NoError(t, err)
		require.Equal(t, rs, again, "parsing is deterministic")

		// The JSON form is a rule-set file too, and reads back to the same rule set.
		js, err := json.Marshal(rs)
		require.NoError(t, err)
		back, err := criteria.Parse(js)
		require.NoError(t, err, "the JSON form of a parsed rule set parses: %s", js)
		js2, err := json.Marshal(back)
		require.NoError(t, err)
		require.JSONEq(t, string(js), string(js2))
	})
}
