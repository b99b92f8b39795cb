package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
	"github.com/jilin761/intake/eligibility/report"
)

func remediesOf(t *testing.T, name string) (*eligibility.Verdict, *remedy.Remedies) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "projects", name+".json"))
	require.NoError(t, err)
	p, err := eligibility.DecodeProject(data)
	require.NoError(t, err)
	pl, err := remedy.New(eligibility.Default())
	require.NoError(t, err)
	r, err := pl.Remedies(context.Background(), p, asOf)
	require.NoError(t, err)
	return verdictOf(t, name), r
}

// TestRemedyGolden renders the sections 整改事项 and 待补充 for an ineligible and an
// undetermined project, in both languages and formats.
func TestRemedyGolden(t *testing.T) {
	for _, project := range []string{sampleProject, "telecom-undetermined"} {
		v, r := remediesOf(t, project)
		for _, lang := range []report.Lang{report.Chinese, report.English} {
			for _, f := range formats {
				path := filepath.Join("testdata", "golden", fmt.Sprintf("remedies-%s.%s.%s", project, lang, f.ext))
				t.Run(filepath.Base(path), func(t *testing.T) {
					var got bytes.Buffer
					require.NoError(t, f.render(&got, v, report.Options{Lang: lang, Remedies: r}))
					if *update {
						require.NoError(t, os.WriteFile(path, got.Bytes(), 0o644))
						return
					}
					want, err := os.ReadFile(path)
					require.NoError(t, err, "missing golden file: run go test ./eligibility/report -update")
					assert.Equal(t, string(want), got.String(), "output changed: if intended, run go test ./eligibility/report -update and review the diff")
				})
			}
		}
	}
}

func TestRemedySections(t *testing.T) {
	v, r := remediesOf(t, sampleProject)
	var md bytes.Buffer
	require.NoError(t, report.Markdown(&md, v, report.Options{Remedies: r}))
	assert.Contains(t, md.String(), "## 整改事项")
	assert.Contains(t, md.String(), "## 待补充")
	assert.Contains(t, md.String(), "须不少于 5,000,000.00 元")
	md.Reset()
	require.NoError(t, report.Markdown(&md, v, report.Options{Lang: report.English, Remedies: r}))
	assert.Contains(t, md.String(), "## What to fix")
	assert.Contains(t, md.String(), "## What to provide")

	// Remedies of another verdict are refused.
	_, other := remediesOf(t, "telecom-undetermined")
	err := report.Markdown(&md, v, report.Options{Remedies: other})
	require.ErrorIs(t, err, report.ErrRemediesMismatch)
}
