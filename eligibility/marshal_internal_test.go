package eligibility

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
)

// Every member of the verdict's types has a writer in marshal.go. A field added
// without one is still written correctly, by encoding/json, but slowly: add its
// writer to the type's map in marshal.go.
func TestMarshalPlansAreFast(t *testing.T) {
	var generic []string
	collect := func(goNames []string, flags []bool) {
		for i, g := range flags {
			if g {
				generic = append(generic, goNames[i])
			}
		}
	}
	collect(members(verdictEncoder))
	collect(members(resultEncoder))
	collect(members(inputEncoder))
	collect(members(parameterEncoder))
	collect(members(provenanceEncoder))
	assert.Empty(t, generic, "fields written by encoding/json for want of a writer in marshal.go")
	assert.NotNil(t, inputEncoder.direct, "Input's plan is no longer the one appendInput follows: update appendInput")
}

func members[T any](enc *encoder[T]) (names []string, generic []bool) {
	for _, m := range enc.members {
		names = append(names, m.goName)
		generic = append(generic, m.generic)
	}
	return names, generic
}

// A field without a writer is written as encoding/json writes it, omitempty and
// omitzero included.
func TestMarshalGenericFallback(t *testing.T) {
	type adjustment struct {
		Name string `json:"name"`
		By   int    `json:"by,omitempty"`
	}
	type record struct {
		ID          string         `json:"id"`
		Adjustments []adjustment   `json:"adjustments,omitempty"`
		When        Date           `json:"when,omitzero"`
		Count       int            `json:"count,omitempty"`
		Label       criteria.Text  `json:"label"`
		Ptr         *criteria.Text `json:"ptr,omitempty"`
		Skipped     string         `json:"-"`
		Untagged    bool
		unexported  int
	}
	enc := plan[record](map[string]writer[record]{
		"ID": {func(r *record) bool { return r.ID == "" },
			func(dst []byte, r *record, _ VerdictForm) ([]byte, error) { return putString(dst, r.ID) }},
	})
	for _, r := range []record{
		{},
		{ID: "<x>", Adjustments: []adjustment{{Name: "a&b", By: 2}}, When: criteria.NewDate(2020, 7, 20),
			Count: 3, Label: criteria.Text{Zh: "甲", En: "a"}, Ptr: &criteria.Text{}, Skipped: "no", Untagged: true, unexported: 1},
	} {
		want, err := json.Marshal(r)
		require.NoError(t, err)
		got, err := enc.append(nil, &r, Full)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))
	}
}
