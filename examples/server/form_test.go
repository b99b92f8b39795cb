package main

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// ?form=compact answers each verdict in the library's compact form, on both
// endpoints and both batch formats; ?form=full is the default's answer.
func TestFormParam(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	s := samples(t)
	var records [][]byte
	var wantCompact, wantFull []byte
	for _, smp := range s {
		p, err := eligibility.DecodeProject(smp.record)
		require.NoError(t, err)
		v, err := eligibility.Default().Evaluate(p, criteria.MustParseDate(submission))
		require.NoError(t, err)
		compact, err := v.AppendJSON(nil, eligibility.Compact)
		require.NoError(t, err)

		resp, body := do(t, ts, http.MethodPost, "/v1/evaluate?asOf="+submission+"&form=compact", jsonContentType, smp.record)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		assert.Equal(t, string(compact)+"\n", string(body), smp.name)
		_, body = do(t, ts, http.MethodPost, "/v1/evaluate?asOf="+submission+"&form=full", jsonContentType, smp.record)
		assert.Equal(t, string(smp.verdict), string(body), smp.name)

		records = append(records, smp.record)
		wantCompact = append(append(wantCompact, compact...), '\n')
		wantFull = append(wantFull, smp.verdict...)
	}
	resp, body := do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission+"&form=compact", ndjsonContentType, ndjson(t, records...))
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	assert.Equal(t, string(wantCompact), string(body))
	_, body = do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, ndjsonContentType, ndjson(t, records...))
	assert.Equal(t, string(wantFull), string(body), "a batch's verdicts share one buffer: each must be written whole before the next")

	_, body = do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission+"&form=compact", jsonContentType,
		append(append([]byte("["), bytes.Join(records, []byte(","))...), ']'))
	wantArray := "[\n" + string(bytes.Join(bytes.Split(bytes.TrimSuffix(wantCompact, []byte("\n")), []byte("\n")), []byte(",\n"))) + "\n]\n"
	assert.Equal(t, wantArray, string(body))

	for _, path := range []string{"/v1/evaluate", "/v1/evaluate:batch"} {
		resp, body := do(t, ts, http.MethodPost, path+"?asOf="+submission+"&form=short", jsonContentType, s[0].record)
		prob := requireProblem(t, resp, body)
		assert.Equal(t, http.StatusBadRequest, prob.Status, path)
		assert.Contains(t, string(body), "form", path)
	}
}
