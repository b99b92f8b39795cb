package remedy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
	"github.com/jilin761/intake/examples/corpus"
)

// TestRemediesMatchSchema validates the remedies of every sample project and of a
// slice of the corpus against the published schema (eligibility/schema), with a
// validator other than the library that wrote it.
func TestRemediesMatchSchema(t *testing.T) {
	data, err := os.ReadFile("../schema/remedies.schema.json")
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	id := doc.(map[string]any)["$id"].(string)
	require.NoError(t, c.AddResource(id, doc))
	s, err := c.Compile(id)
	require.NoError(t, err)

	pl, err := remedy.New(eligibility.Default())
	require.NoError(t, err)
	projects := corpus.Generate(5, 200)
	files, _ := filepath.Glob("../../examples/projects/*.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := eligibility.DecodeProject(data)
		require.NoError(t, err)
		projects = append(projects, p)
	}
	for _, p := range projects {
		r, err := pl.Remedies(context.Background(), p, corpus.AsOf())
		require.NoError(t, err)
		out, err := json.Marshal(r)
		require.NoError(t, err)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		require.NoError(t, err)
		require.NoError(t, s.Validate(v), "%s: %s", p.ID, out)
	}
}
