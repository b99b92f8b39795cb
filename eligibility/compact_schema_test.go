package eligibility_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/internal/schemagen"
)

// Every compact verdict of the byte-identity samples matches $defs/CompactVerdict of
// the verdict schema, and a full verdict does not (it has members the compact form
// leaves out).
func TestCompactVerdictsMatchSchema(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("schema", schemagen.VerdictFile))
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	id, _ := doc.(map[string]any)["$id"].(string)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(id, doc))
	compact, err := c.Compile(id + "#/$defs/CompactVerdict")
	require.NoError(t, err)

	verdicts := marshalSamples(t)
	for i, v := range verdicts {
		if i%7 != 0 && i > 100 { // validation is slow; every seventh past the samples
			continue
		}
		out, err := v.AppendJSON(nil, eligibility.Compact)
		require.NoError(t, err)
		require.NoError(t, validate(compact, out), v.ProjectID)
	}
	full, err := json.Marshal(verdicts[0])
	require.NoError(t, err)
	require.Error(t, validate(compact, full), "the full form is not the compact one")
}
