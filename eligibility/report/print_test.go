package report_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility/report"
)

// TestPrintedPage pins what the printed page adds, in each language: the running
// header with the project ID and the page numbers in @page margin boxes, and the
// signature block. TestHTMLInChromium checks the same on the printed PDF.
func TestPrintedPage(t *testing.T) {
	v := verdictOf(t, sampleProject)
	for _, tc := range []struct {
		lang report.Lang
		want []string
	}{
		{report.Chinese, []string{
			`@top-left { content: "入库审查结论 · JL761-BD-2020-0417";`,
			`@bottom-right { content: "第 " counter(page) " 页，共 " counter(pages) " 页";`,
			"<h2>审查与签字</h2>", "审查意见", "审查人（签字）", "复核人（签字）", "审查单位（盖章）",
		}},
		{report.English, []string{
			`@top-left { content: "Intake verdict · JL761-BD-2020-0417";`,
			`@bottom-right { content: "Page " counter(page) " of " counter(pages) "";`,
			"<h2>Review and signature</h2>", "Reviewer&#39;s opinion", "Reviewed by (signature)", "Reviewing unit (seal)",
		}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			page := render(t, "html", v, report.Options{Lang: tc.lang})
			for _, w := range tc.want {
				assert.Contains(t, page, w)
			}
			assert.Contains(t, page, "@page :first { @top-left { content: none; } }", "the first page has the title itself")
			assert.Less(t, strings.Index(page, `id="signature"`), strings.Index(page, "<footer>"), "the signature block ends the report")
		})
	}
}

// TestPrintedPageEscaping checks a project ID cannot break out of the stylesheet's
// strings: html/template escapes it for CSS there, as it does for HTML elsewhere.
func TestPrintedPageEscaping(t *testing.T) {
	v := verdictOf(t, sampleProject)
	v.ProjectID = `x"; } body { display: none } </style><script>alert(1)</script>`
	page := render(t, "html", v, report.Options{})
	style := page[strings.Index(page, "<style>"):strings.Index(page, "</style>")]
	m := regexp.MustCompile(`@top-left \{ content: "((?:[^"\\]|\\.)*)";`).FindStringSubmatch(style)
	require.NotNil(t, m, "the running header is one CSS string: %s", style)
	assert.NotContains(t, m[1], `"`)
	assert.NotContains(t, m[1], "<")
	assert.NotContains(t, page, "<script>")
	assert.Equal(t, 1, strings.Count(page, "</style>"))
}
