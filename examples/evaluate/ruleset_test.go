package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// TestRunRuleSet evaluates under a variant: a project at the letter's floor of
// 5,000,000 yuan is eligible under the letter and not under floor-10m, whose verdict
// names the variant and says how it departs from the letter.
func TestRunRuleSet(t *testing.T) {
	record := sample("bigdata-eligible-baishan-threshold-datacenter.json")
	for _, tt := range []struct {
		name, ruleSet, wantName string
		want                    eligibility.Decision
	}{
		{"the letter", "", "jilin-761-intake-2020", eligibility.Eligible},
		{"a variant", "../rulesets/floor-10m.yaml", "floor-10m", eligibility.Ineligible},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"-json", "-asof", "2020-07-20"}
			if tt.ruleSet != "" {
				args = append(args, "-ruleset", tt.ruleSet)
			}
			r := runCmd(t, "", append(args, record)...)
			require.Equal(t, 0, r.status, r.stderr)
			var v eligibility.Verdict
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &v), r.stdout)
			assert.Equal(t, tt.want, v.Decision)
			assert.Equal(t, tt.wantName, v.RuleSet)
			if tt.ruleSet != "" {
				res, ok := v.Result("BD-4")
				require.True(t, ok)
				assert.NotEmpty(t, res.Adjustments, "the result says how the variant departs from the letter")
			}
		})
	}
	t.Run("a file that is not there", func(t *testing.T) {
		r := runCmd(t, "", "-ruleset", "../rulesets/none.yaml", "-asof", "2020-07-20", record)
		assert.Equal(t, 1, r.status)
		assert.Contains(t, r.stderr, "evaluate: -ruleset:")
	})
}
