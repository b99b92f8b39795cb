package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/jilin761/intake/eligibility/sheet"
)

var update = flag.Bool("update", false, "rewrite sample.xlsx from examples/projects")

func runCmd(t *testing.T, tty bool, args ...string) (int, []byte, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb, tty)
	return code, out.Bytes(), errb.String()
}

// sample.xlsx is the template filled with the sample projects, byte for byte.
func TestSampleInStep(t *testing.T) {
	files, err := filepath.Glob("../projects/*.json")
	require.NoError(t, err)
	code, got, stderr := runCmd(t, false, append([]string{"template"}, files...)...)
	require.Equal(t, 0, code, stderr)
	if *update {
		require.NoError(t, os.WriteFile("sample.xlsx", got, 0o644))
	}
	want, err := os.ReadFile("sample.xlsx")
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, got), "sample.xlsx is stale: go test ./examples/workbook -update")
}

func TestEvaluateSample(t *testing.T) {
	code, out, stderr := runCmd(t, false, "evaluate", "-asof", "2020-07-20", "sample.xlsx")
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stderr, "piped: no progress")
	f, err := excelize.OpenReader(bytes.NewReader(out))
	require.NoError(t, err)
	rows, err := f.GetRows(sheet.SheetResults)
	require.NoError(t, err)
	files, _ := filepath.Glob("../projects/*.json")
	assert.Len(t, rows, 2+len(files))

	code, _, stderr = runCmd(t, true, "evaluate", "-asof", "2020-07-20", "sample.xlsx")
	require.Equal(t, 0, code)
	assert.Contains(t, stderr, fmt.Sprintf("evaluating %d/%d", len(files), len(files)), "a terminal sees progress")
}

func TestEvaluateBadWorkbook(t *testing.T) {
	f, err := excelize.OpenFile("sample.xlsx")
	require.NoError(t, err)
	require.NoError(t, f.SetCellStr(sheet.SheetProjects, "R3", "5百万"))
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	require.NoError(t, f.SaveAs(bad))
	code, out, stderr := runCmd(t, false, "evaluate", "-asof", "2020-07-20", bad)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, `项目表单!R3: "5百万" 不是金额：请写成数字字符串，如 "5000000.00"`)
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"evaluate", "sample.xlsx"}, {"evaluate", "-asof", "2020-07-20"}} {
		code, _, stderr := runCmd(t, false, args...)
		assert.Equal(t, 2, code, args)
		assert.Contains(t, stderr, "usage:")
	}
}
