package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRemediesText(t *testing.T) {
	r := runCmd(t, "", "-remedies", sample("bigdata-ineligible-siping-small-datacenter.json"), sample("telecom-undetermined-tower-provincial.json"))
	require.Equal(t, 0, r.status, r.stderr)
	assert.Contains(t, r.stdout, "整改方案\n  完成以下 2 项后，项目即符合入库标准（已复核）：")
	assert.Contains(t, r.stdout, "项目总投资（investment.total）4,800,000.00 元，须不少于 5,000,000.00 元（差 200,000.00 元）")
	assert.Contains(t, r.stdout, "待补充（按先后排列）\n  1. 建设资质（applicant.qualified）：为 是 时：符合入库标准")

	r = runCmd(t, "", "-remedies", "-lang", "en", sample("telecom-ineligible-non-carrier-indoor-coverage.json"))
	require.Equal(t, 0, r.status, r.stderr)
	assert.Contains(t, r.stdout, "none within the applicant's control")

	// Without the flag, nothing changes.
	r = runCmd(t, "", sample("bigdata-ineligible-siping-small-datacenter.json"))
	assert.NotContains(t, r.stdout, "整改方案")
}

func TestRemediesJSON(t *testing.T) {
	r := runCmd(t, "", "-json", "-remedies", sample("bigdata-ineligible-siping-small-datacenter.json"))
	require.Equal(t, 0, r.status, r.stderr)
	var doc struct {
		Verdict struct {
			Decision string `json:"decision"`
		} `json:"verdict"`
		Remedies struct {
			Plan struct {
				Status  string `json:"status"`
				Changes []struct {
					Path  string          `json:"path"`
					Value json.RawMessage `json:"value"`
				} `json:"changes"`
			} `json:"plan"`
		} `json:"remedies"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
	assert.Equal(t, "ineligible", doc.Verdict.Decision)
	assert.Equal(t, "changes", doc.Remedies.Plan.Status)
	require.Len(t, doc.Remedies.Plan.Changes, 2)
	assert.Equal(t, "investment.total", doc.Remedies.Plan.Changes[1].Path)
	assert.JSONEq(t, `"5000000"`, string(doc.Remedies.Plan.Changes[1].Value))
}

func TestRemediesReports(t *testing.T) {
	for _, f := range []struct{ format, fix, provide string }{
		{"md", "## 整改事项", "## 待补充"},
		{"html", `<section id="fix">`, `<section id="provide">`},
	} {
		r := runCmd(t, "", "-remedies", "-format", f.format, sample("telecom-undetermined-tower-provincial.json"))
		require.Equal(t, 0, r.status, r.stderr)
		assert.Contains(t, r.stdout, f.fix)
		assert.Contains(t, r.stdout, f.provide)
	}
}
