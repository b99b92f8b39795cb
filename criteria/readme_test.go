package criteria_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
)

// The README's criteria table is written for people; this test keeps its ID, ref,
// category, strength and basis columns equal to the default rule set.
func TestReadmeTableMatchesDefault(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	var rows [][]string
	for _, line := range strings.Split(string(b), "\n") {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) == 6 && validCatalogueID(cells[0]) {
			rows = append(rows, cells)
		}
	}
	rs := criteria.Default()
	require.Len(t, rows, len(rs.Criteria))
	for i, c := range rs.Criteria {
		cat := string(c.Category)
		if cat == "" {
			cat = "every category"
		}
		assert.Equal(t, []string{c.ID, c.Ref, cat, string(c.Strength), string(c.Basis)}, rows[i][:5])
	}
}

func validCatalogueID(s string) bool {
	for _, prefix := range []string{"BD-", "AI-", "II-", "TC-", "GEN-"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
