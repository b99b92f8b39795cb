package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// writeJSON writes what encoding/json wrote (encodeJSON), byte for byte: one record
// or many, none, the full form and the compact one, and text JSON escapes.
func TestWriteJSONIsEncodingJSON(t *testing.T) {
	engine := eligibility.Default()
	all := sampleVerdicts(t, engine)
	odd := *all[0].verdict
	odd.ProjectName = "<b>甲&乙</b>\u2028\"引号\""
	all = append(all, evaluated{label: "odd", verdict: &odd})
	for _, c := range []struct {
		name     string
		verdicts []evaluated
		single   bool
	}{
		{"one", all[:1], true},
		{"odd one", all[len(all)-1:], true},
		{"many", all, false},
		{"none", nil, false},
		{"bad single", nil, true},
	} {
		for _, compact := range []bool{false, true} {
			var want, got bytes.Buffer
			require.NoError(t, encodeJSON(&want, c.verdicts, c.single, compact))
			require.NoError(t, writeJSON(&got, engine, c.verdicts, c.single, compact))
			require.Equal(t, want.String(), got.String(), "%s, compact %v", c.name, compact)
		}
	}
}

// BenchmarkWriteJSON is -format json for the sample projects: the engine's writer
// and json.Indent against encoding/json's Encoder.
func BenchmarkWriteJSON(b *testing.B) {
	engine := eligibility.Default()
	all := sampleVerdicts(b, engine)
	var out bytes.Buffer
	b.Run("engine", func(b *testing.B) {
		for b.Loop() {
			out.Reset()
			if err := writeJSON(&out, engine, all, false, false); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(all)), "ns/verdict")
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			out.Reset()
			if err := encodeJSON(&out, all, false, false); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(all)), "ns/verdict")
	})
}

// sampleVerdicts evaluates the sample projects on the submission date.
func sampleVerdicts(t testing.TB, engine *eligibility.Engine) []evaluated {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(projectsDir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var all []evaluated
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := eligibility.DecodeProject(data)
		require.NoError(t, err, f)
		v, err := engine.Evaluate(p, criteria.MustParseDate("2020-07-20"))
		require.NoError(t, err, f)
		all = append(all, evaluated{label: f, project: p, verdict: v})
	}
	return all
}
