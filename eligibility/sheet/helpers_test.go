package sheet_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/sheet"
)

var asOf = criteria.MustParseDate("2020-07-20")

func workbook(t testing.TB) *sheet.Workbook {
	t.Helper()
	w, err := sheet.New(eligibility.Default())
	require.NoError(t, err)
	return w
}

// loadProjects decodes every JSON record matching the glob.
func loadProjects(t testing.TB, glob string) []*eligibility.Project {
	t.Helper()
	files, err := filepath.Glob(glob)
	require.NoError(t, err)
	require.NotEmpty(t, files, glob)
	var out []*eligibility.Project
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := eligibility.DecodeProject(b)
		require.NoError(t, err, f)
		out = append(out, p)
	}
	return out
}

func writeTemplate(t testing.TB, w *sheet.Workbook, ps []*eligibility.Project) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, w.WriteTemplate(&buf, ps))
	return buf.Bytes()
}

func readBack(t testing.TB, w *sheet.Workbook, data []byte) ([]sheet.Row, error) {
	t.Helper()
	return w.Read(context.Background(), bytes.NewReader(data))
}
