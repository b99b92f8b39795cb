package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

func TestRemediesEndpoint(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	record, err := os.ReadFile(filepath.Join("..", "projects", "bigdata-ineligible-siping-small-datacenter.json"))
	require.NoError(t, err)
	resp, body := do(t, ts, http.MethodPost, "/v1/remedies?asOf=2020-07-20", jsonContentType, record)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	var doc struct {
		Verdict  eligibility.Verdict `json:"verdict"`
		Remedies struct {
			Plan struct {
				Status string              `json:"status"`
				Text   struct{ Zh string } `json:"text"`
			} `json:"plan"`
		} `json:"remedies"`
	}
	require.NoError(t, json.Unmarshal(body, &doc))
	assert.Equal(t, eligibility.Ineligible, doc.Verdict.Decision)
	assert.Equal(t, "changes", doc.Remedies.Plan.Status)
	assert.Contains(t, doc.Remedies.Plan.Text.Zh, "须不少于 5,000,000.00 元")

	// A record that does not validate is the same problem as on /v1/evaluate.
	bad := []byte(`{"category": "bigdata", "subtype": "nonsense"}`)
	r1, b1 := do(t, ts, http.MethodPost, "/v1/remedies?asOf=2020-07-20", jsonContentType, bad)
	r2, b2 := do(t, ts, http.MethodPost, "/v1/evaluate?asOf=2020-07-20", jsonContentType, bad)
	assert.Equal(t, r2.StatusCode, r1.StatusCode)
	assert.JSONEq(t, string(b2), string(b1))

	resp, _ = do(t, ts, http.MethodPost, "/v1/remedies", jsonContentType, record)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	resp, _ = do(t, ts, http.MethodGet, "/v1/remedies?asOf=2020-07-20", "", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}

func TestFormEndpoint(t *testing.T) {
	ts := start(t, newSlowEngine(1<<20), defaultConfig()) // a wrapped engine: the planner compiles its own
	resp, body := do(t, ts, http.MethodGet, "/v1/form?category=telecom&asOf=2020-07-20", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	assert.Contains(t, string(body), `"path":"applicant.carrier"`)
	resp, _ = do(t, ts, http.MethodGet, "/v1/form?category=nonsense&asOf=2020-07-20", "", nil)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
}
