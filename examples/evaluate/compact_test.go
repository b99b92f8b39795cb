package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// -compact writes each verdict in the library's compact form, indented as -format
// json indents the full one.
func TestCompact(t *testing.T) {
	const file = "bigdata-eligible-changchun-datacenter.json"
	p, err := eligibility.DecodeProject([]byte(readSample(t, file)))
	require.NoError(t, err)
	v, err := eligibility.Default().Evaluate(p, criteria.MustParseDate("2020-07-20"))
	require.NoError(t, err)
	compact, err := v.AppendJSON(nil, eligibility.Compact)
	require.NoError(t, err)
	var want bytes.Buffer
	require.NoError(t, json.Indent(&want, compact, "", "  "))

	r := runCmd(t, "", "-asof", "2020-07-20", "-format", "json", "-compact", sample(file))
	require.Equal(t, 0, r.status, r.stderr)
	assert.Equal(t, want.String()+"\n", r.stdout)

	r = runCmd(t, "", "-asof", "2020-07-20", "-json", "-compact", sample(file), sample(file))
	require.Equal(t, 0, r.status, r.stderr)
	var list []json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &list))
	require.Len(t, list, 2)
	var got bytes.Buffer
	require.NoError(t, json.Compact(&got, list[1]))
	assert.Equal(t, string(compact), got.String())

	r = runCmd(t, "", "-asof", "2020-07-20", "-compact", sample(file))
	assert.Equal(t, 2, r.status)
	assert.Contains(t, r.stderr, "-compact")
}
