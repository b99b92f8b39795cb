package eligibility

import (
	"encoding/json"
	"reflect"
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

// sameInput compares every field of Input: a field added to Input must be added
// there, or a verdict's JSON would copy a parameter's input that no longer holds it.
func TestSameInputComparesEveryField(t *testing.T) {
	known := []string{"Name", "Label", "Value", "Items", "ItemCount", "Codes", "Unit", "Missing", "By", "On", "Note"}
	typ := reflect.TypeFor[Input]()
	var fields []string
	for i := range typ.NumField() {
		fields = append(fields, typ.Field(i).Name)
	}
	assert.Equal(t, known, fields, "compare the new field in sameInput (escaped.go), then list it here")
	base := Input{Name: "params.x", Label: criteria.Text{Zh: "甲", En: "a"}, Value: "1", Unit: "years"}
	for _, change := range []func(*Input){
		func(in *Input) { in.Name = "params.y" }, func(in *Input) { in.Label.En = "b" },
		func(in *Input) { in.Value = "2" }, func(in *Input) { in.Items = []string{} },
		func(in *Input) { in.ItemCount = 1 }, func(in *Input) { in.Codes = "carrier" },
		func(in *Input) { in.Unit = "" }, func(in *Input) { in.Missing = true },
		func(in *Input) { in.By = "b" }, func(in *Input) { in.On = criteria.NewDate(2020, 1, 1) },
		func(in *Input) { in.Note = "n" },
	} {
		in := base
		change(&in)
		assert.False(t, sameInput(&in, &base), "%+v", in)
	}
	in := base
	assert.True(t, sameInput(&in, &base))
}
