package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRuleSetFlagParsing pins -ruleset and the exit status of a rule set that does not
// load: the server does not start on a rule set it cannot run.
func TestRuleSetFlagParsing(t *testing.T) {
	var stderr bytes.Buffer
	o, err := parseFlags([]string{"-ruleset", "../rulesets/floor-10m.yaml"}, &stderr)
	require.NoError(t, err)
	assert.Equal(t, "../rulesets/floor-10m.yaml", o.ruleSet)

	for _, bad := range []string{"../rulesets/none.yaml", "server.go"} {
		stderr.Reset()
		assert.Equal(t, 1, run(t.Context(), []string{"-ruleset", bad, "-addr", "127.0.0.1:0"}, &stderr), bad)
		assert.Contains(t, stderr.String(), "-ruleset", bad)
	}

	e, desc, err := loadEngine("../rulesets/floor-10m.yaml")
	require.NoError(t, err)
	assert.Equal(t, "floor-10m", e.RuleSet().Name)
	assert.Contains(t, desc.Zh, "1000万元", "the variant's own description")
}
