package schemagen

import (
	"reflect"
	"slices"
	"testing"

	"github.com/invopop/jsonschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/eligibility"
)

// sample is a struct whose docs exercise the renaming rules of fieldDoc.
type sample struct {
	ID        string `json:"id"`
	ProjectID string `json:"projectId"`
	Total     string `json:"total"`
	Version   string `json:"version"`
	Skipped   string `json:"-"`
}

func TestFieldDoc(t *testing.T) {
	typ := reflect.TypeFor[sample]()
	tests := []struct {
		name, doc, want string
	}{
		{"the leading name is the field", "ID is the caller's identifier.", "`id` is the caller's identifier."},
		{"an all-capitals name elsewhere is a word", "ID is the criterion's stable ID.", "`id` is the criterion's stable ID."},
		{"a mixed-case name anywhere is a field", "It may not exceed Total or ProjectID.", "It may not exceed `total` or `projectId`."},
		{"a qualified name is not this struct's", "Version is eligibility.Version.", "`version` is eligibility.Version."},
		{"a doc link names something else", "Version is as [Version] says.", "`version` is as Version says."},
		{"a field without a JSON name stays", "Skipped is never written.", "Skipped is never written."},
		{"lines join, paragraphs stay", "ID is\nthe identifier.\n\nIt is echoed.", "`id` is the identifier.\n\nIt is echoed."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, fieldDoc(tt.doc, typ, nil))
		})
	}
}

func TestTypeDocDropsGoOnlySentences(t *testing.T) {
	assert.Equal(t, "Stage is the stage.", typeDoc("Stage is the stage. The zero value means unset.\n\nMore."))
}

// TestEnumsListEveryValidCode checks the enums include the codes their types' list
// functions leave out (valid but unlisted), and nothing invalid.
func TestEnumsListEveryValidCode(t *testing.T) {
	list, err := enums()
	require.NoError(t, err)
	codes := map[reflect.Type][]string{}
	for _, e := range list {
		for _, c := range e.codes {
			codes[e.typ] = append(codes[e.typ], c.code)
			assert.NotEmpty(t, c.zh, "%v %s has a Chinese name", e.typ, c.code)
			assert.NotEmpty(t, c.en, "%v %s has an English name", e.typ, c.code)
		}
	}
	assert.Contains(t, codes[reflect.TypeFor[category.ReportingUnit]()], string(category.ReportingUnitOther))
	assert.Contains(t, codes[reflect.TypeFor[category.Carrier]()], string(category.CarrierNone))
	for _, c := range codes[reflect.TypeFor[category.ReportingUnit]()] {
		assert.True(t, category.ReportingUnit(c).IsValid(), c)
	}
	assert.Equal(t, []string{"eligible", "ineligible", "undetermined"}, codes[reflect.TypeFor[eligibility.Decision]()])
}

func TestApplyTitlesRejectsUnknownPaths(t *testing.T) {
	props := jsonschema.NewProperties()
	props.Set("total", &jsonschema.Schema{Type: "string"})
	root := &jsonschema.Schema{Type: "object", Properties: props}
	err := applyTitles(root, map[string]string{"total": "总投资", "totl": "拼错"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "totl", "a renamed field must not leave its title behind silently")
	p, _ := props.Get("total")
	assert.Equal(t, "总投资", p.Title)
}

func TestUnescapeHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"a \u003c b \u0026 c \u003e d"`, `"a < b & c > d"`},
		{`"a literal \\u003c stays"`, `"a literal \\u003c stays"`},
		{`"\u4e2d and \n"`, `"\u4e2d and \n"`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(unescapeHTML([]byte(tt.in))))
	}
}

// TestGenerateIsDeterministic guards the stale-schema test against flakiness: maps in
// the reflector must not leak their order into the output.
func TestGenerateIsDeterministic(t *testing.T) {
	first, err := Generate("../../..")
	require.NoError(t, err)
	for range 3 {
		again, err := Generate("../../..")
		require.NoError(t, err)
		require.True(t, slices.EqualFunc(first, again, func(a, b File) bool { return a.Name == b.Name && string(a.Data) == string(b.Data) }))
	}
}
