package sheet_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// A record is the same after a trip through a workbook: the same Project and the
// same verdict, byte for byte.
func TestRoundTrip(t *testing.T) {
	w := workbook(t)
	for name, glob := range map[string]string{
		"samples": "../../examples/projects/*.json",
		"corpus":  "../../examples/corpus/projects/*.json",
	} {
		t.Run(name, func(t *testing.T) {
			ps := loadProjects(t, glob)
			rows, err := readBack(t, w, writeTemplate(t, w, ps))
			require.NoError(t, err)
			require.Len(t, rows, len(ps))
			for i, r := range rows {
				want := ps[i]
				assert.Equal(t, i+3, r.Row)
				if !assert.Equal(t, want, r.Project, want.ID) {
					continue
				}
				v1, err := eligibility.Default().Evaluate(want, asOf)
				require.NoError(t, err)
				v2, err := eligibility.Default().Evaluate(r.Project, asOf)
				require.NoError(t, err)
				j1, _ := json.Marshal(v1)
				j2, _ := json.Marshal(v2)
				assert.Equal(t, string(j1), string(j2), want.ID)
			}
		})
	}
}
