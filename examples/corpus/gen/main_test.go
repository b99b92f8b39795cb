package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// checkedIn is the corpus in the repository, beside this command.
const checkedIn = "../projects"

// The checked-in corpus is exactly what the generator writes: regenerate it into a
// temporary directory and compare, file by file, byte for byte. If this fails after a
// deliberate change to the generator, run `go run ./examples/corpus/gen` and check
// the README's worked-example figures.
func TestCheckedInCorpusIsGenerated(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir}, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), "wrote 240 projects (seed 579)")

	want, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.Len(t, want, 240)
	got, err := filepath.Glob(filepath.Join(checkedIn, "*.json"))
	require.NoError(t, err)
	require.Equal(t, names(want), names(got), "the checked-in corpus has exactly the generated files")
	var differ []string
	for _, f := range want {
		generated, err := os.ReadFile(f)
		require.NoError(t, err)
		stored, err := os.ReadFile(filepath.Join(checkedIn, filepath.Base(f)))
		require.NoError(t, err)
		if !bytes.Equal(generated, stored) {
			differ = append(differ, filepath.Base(f))
		}
	}
	if len(differ) > 0 {
		t.Errorf("%d checked-in files differ from the generated ones (first: %v); run `go run ./examples/corpus/gen`",
			len(differ), differ[:min(len(differ), 5)])
	}
}

// Stale corpus files go, so the directory holds exactly the corpus after a run; files
// of other kinds stay.
func TestRunReplacesTheCorpusFiles(t *testing.T) {
	dir := t.TempDir()
	stale, err := encode(&eligibility.Project{ID: "JL761-99999", Category: "ai"})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "JL761-99999.json"), stale, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("kept"), 0o644))
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-seed", "7", "-n", "3", "-out", dir}, &stdout, &stderr), stderr.String())
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	require.NoError(t, err)
	assert.Equal(t, []string{"JL761-00001.json", "JL761-00002.json", "JL761-00003.json", "notes.txt"}, names(files))
}

// JSON files gen did not write are not deleted: gen refuses, naming them, and touches
// nothing, unless -force.
func TestRunRefusesOtherJSONFiles(t *testing.T) {
	tests := []struct{ name, data string }{
		{"my-project.json", `{"id":"P-1","category":"ai"}`},
		{"JL761-00001.json", `{"id":"P-1","category":"ai"}`}, // a corpus name, not a corpus project
		{"JL761-00002.json", `not JSON`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			f := filepath.Join(dir, tt.name)
			require.NoError(t, os.WriteFile(f, []byte(tt.data), 0o644))
			var stdout, stderr bytes.Buffer
			require.Equal(t, 1, run([]string{"-n", "3", "-out", dir}, &stdout, &stderr))
			assert.Contains(t, stderr.String(), tt.name)
			assert.Contains(t, stderr.String(), "-force")
			files, err := filepath.Glob(filepath.Join(dir, "*"))
			require.NoError(t, err)
			assert.Equal(t, []string{tt.name}, names(files), "nothing written, nothing removed")
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			assert.Equal(t, tt.data, string(data))

			require.Equal(t, 0, run([]string{"-n", "3", "-out", dir, "-force"}, &stdout, &stderr), stderr.String())
			files, err = filepath.Glob(filepath.Join(dir, "*.json"))
			require.NoError(t, err)
			assert.Equal(t, []string{"JL761-00001.json", "JL761-00002.json", "JL761-00003.json"}, names(files))
		})
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		reason string
		args   []string
		want   int
	}{
		{"an unknown flag", []string{"-seeds", "1"}, 2},
		{"a stray argument", []string{"projects"}, 2},
		{"a negative count", []string{"-n", "-1"}, 2},
		{"help is not an error", []string{"-h"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, tt.want, run(tt.args, &stdout, &stderr))
		})
	}
}

func names(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}
