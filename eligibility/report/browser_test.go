//go:build unix

package report_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility/report"
)

// findChromium returns Debian's chromium, or the first chromium on PATH.
func findChromium() (string, bool) {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", true
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path, true
		}
	}
	return "", false
}

// runChromium runs headless chromium on a page with the given extra flags and
// returns its standard output. The browser is sandboxed from the network and from
// the machine's profile (a fresh user-data-dir and HOME), and the whole process
// group is killed when the context ends, since chromium forks helpers that would
// otherwise outlive it.
func runChromium(ctx context.Context, t *testing.T, browser, page string, flags ...string) []byte {
	t.Helper()
	home := t.TempDir()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--hide-scrollbars", "--mute-audio",
		"--user-data-dir=" + filepath.Join(home, "profile"),
	}, flags...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, browser, args...)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_CACHE_HOME="+home)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "chromium did not finish in time; stderr:\n%s", stderr.String())
	require.NoError(t, err, "chromium failed; stderr:\n%s", stderr.String())
	return stdout.Bytes()
}

// TestHTMLInChromium opens the sample report in a real browser: it must parse as
// the page we meant (the DOM chromium builds holds the decision, the failing clause
// quoted from the letter and the provenance hashes, with the Chinese intact, so the
// encoding was read right); it must render (a screenshot of real size and more than
// one colour); its Chinese must be drawn in a CJK font, not as the boxes a browser
// draws for characters no font has; and its A4 print must be a document to sign
// (few pages, each numbered, the project ID on every page after the first, the
// signature block).
//
// It needs Debian's chromium and a CJK font (apt-get install chromium
// fonts-noto-cjk, and poppler-utils for pdftotext) and skips without chromium,
// unless INTAKE_REQUIRE_BROWSER is set: CI installs them and sets it, so a broken
// install fails the build instead of silently skipping the check. Without a CJK font
// the test fails: a report whose Chinese prints as boxes is not a report. -short
// skips it, since it starts a browser.
func TestHTMLInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser; skipped with -short")
	}
	browser, ok := findChromium()
	if !ok {
		if os.Getenv("INTAKE_REQUIRE_BROWSER") != "" {
			t.Fatal("chromium not installed, and INTAKE_REQUIRE_BROWSER is set: apt-get install chromium")
		}
		t.Skip("chromium not installed: apt-get install chromium")
	}

	v := verdictOf(t, sampleProject)
	var page bytes.Buffer
	require.NoError(t, report.HTML(&page, v, report.Options{Lang: report.Chinese}))
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(file, page.Bytes(), 0o644))

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	t.Run("dump-dom", func(t *testing.T) {
		dom := string(runChromium(ctx, t, browser, file, "--dump-dom"))
		for _, want := range []struct{ text, reason string }{
			{`<html lang="zh-CN">`, "the language survives parsing"},
			{"<title>入库审查结论 · JL761-BD-2020-0417</title>", "the title, in Chinese: the page was decoded as UTF-8"},
			{`<span class="decision ineligible">不符合入库标准</span>`, "the decision"},
			{`id="clause-bd-4"`, "the failing clause's section"},
			{"项目总投资额度不小于500万元。", "the letter's text of 一(一)4"},
			{"项目总投资额度小于500万元，不符合一(一)4", "the failure message"},
			{"findings.BD-3b", "what is missing"},
			{v.Provenance.RuleSetHash, "the rule-set hash"},
			{v.Provenance.ProjectHash, "the project hash"},
		} {
			assert.True(t, strings.Contains(dom, want.text), "the rendered DOM lacks %q (%s)", want.text, want.reason)
		}
		assert.NotContains(t, dom, "\uFFFD", "no replacement characters: nothing was mis-decoded")
	})

	t.Run("screenshot", func(t *testing.T) {
		shot := filepath.Join(dir, "report.png")
		runChromium(ctx, t, browser, file, "--screenshot="+shot, "--window-size=1100,1600")
		f, err := os.Open(shot)
		require.NoError(t, err, "chromium wrote no screenshot")
		defer f.Close()
		info, err := f.Stat()
		require.NoError(t, err)
		img, err := png.Decode(f)
		require.NoError(t, err, "the screenshot is a PNG")
		assert.Equal(t, image.Pt(1100, 1600), img.Bounds().Size(), "the screenshot has the window's size")
		assert.Greater(t, info.Size(), int64(20_000), "a page of text and tables, not a blank screen")
		assert.Greater(t, colours(img, 64), 8, "the page renders text, borders and the decision's colours")
		t.Logf("screenshot: %s (%d bytes)", shot, info.Size())
	})

	t.Run("cjk-font", func(t *testing.T) {
		checkCJKGlyphs(ctx, t, browser, dir, fontStack(t, page.String()))
	})

	t.Run("print", func(t *testing.T) {
		pdf := filepath.Join(dir, "report.pdf")
		runChromium(ctx, t, browser, file, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
		data, err := os.ReadFile(pdf)
		require.NoError(t, err, "chromium wrote no PDF")
		pages := pdfPages(t, data)
		// One failing clause and one undetermined one, every applicable result, the
		// parameters, the provenance and the signature block: three A4 pages (the
		// print ran to five before it had a print stylesheet worth the name).
		assert.LessOrEqual(t, pages, 3, "the sample report prints on at most 3 A4 pages")
		pdftotext, err := exec.LookPath("pdftotext")
		if err != nil {
			if os.Getenv("INTAKE_REQUIRE_BROWSER") != "" {
				t.Fatal("pdftotext not installed, and INTAKE_REQUIRE_BROWSER is set: apt-get install poppler-utils")
			}
			t.Skip("pdftotext not installed (apt-get install poppler-utils): the printed pages' text is not checked")
		}
		for n := 1; n <= pages; n++ {
			out, err := exec.CommandContext(ctx, pdftotext, "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), pdf, "-").Output()
			require.NoError(t, err)
			text := string(out)
			assert.Contains(t, text, fmt.Sprintf("第 %d 页，共 %d 页", n, pages), "page %d is numbered", n)
			if n > 1 {
				assert.Contains(t, text, "入库审查结论 · JL761-BD-2020-0417", "page %d names the report and the project", n)
			}
			if n == pages {
				for _, want := range []string{"审查意见", "审查人（签字）", "复核人（签字）", "审查单位（盖章）"} {
					assert.Contains(t, text, want, "the last page has the signature block")
				}
			}
		}
		t.Logf("print: %s (%d pages)", pdf, pages)
	})
}

// fontStack is the font-family list of the report's body text.
func fontStack(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)\bbody \{[^}]*?font: [0-9.]+px/[0-9.]+ ([^;]+);`).FindStringSubmatch(page)
	require.NotNil(t, m, "the report's stylesheet sets the body font")
	return strings.Join(strings.Fields(m[1]), " ")
}

// checkCJKGlyphs draws three different Chinese characters in the report's fonts and
// compares them. Drawn in a CJK font they differ; with no font that has them, the
// browser draws the same .notdef box for each, and the report's Chinese would print
// as a row of identical boxes while every DOM check still passed.
func checkCJKGlyphs(ctx context.Context, t *testing.T, browser, dir, fonts string) {
	t.Helper()
	const cell = 150
	chars := []string{"审", "查", "结"}
	var spans strings.Builder
	for i, c := range chars {
		fmt.Fprintf(&spans, `<span style="left:%dpx">%s</span>`, i*cell, c)
	}
	page := `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><style>` +
		`body{margin:0;background:#fff}span{position:absolute;top:10px;font:100px/1 ` + fonts + `;color:#000}` +
		`</style><body>` + spans.String() + `</body></html>`
	file := filepath.Join(dir, "glyphs.html")
	require.NoError(t, os.WriteFile(file, []byte(page), 0o644))
	shot := filepath.Join(dir, "glyphs.png")
	runChromium(ctx, t, browser, file, "--screenshot="+shot, fmt.Sprintf("--window-size=%d,%d", cell*len(chars), cell))
	f, err := os.Open(shot)
	require.NoError(t, err, "chromium wrote no screenshot")
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)

	glyphs := make([][]byte, len(chars))
	for i := range chars {
		var ink int
		for y := 0; y < cell; y++ {
			for x := i * cell; x < (i+1)*cell; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				dark := (r+g+b)/3 < 0x8000
				if dark {
					ink++
				}
				glyphs[i] = append(glyphs[i], map[bool]byte{true: 1}[dark])
			}
		}
		require.Greater(t, ink, 100, "%q is drawn at all", chars[i])
	}
	hint := "Chinese renders as boxes: no CJK font. Install one (Debian: apt-get install fonts-noto-cjk)"
	if out, err := exec.CommandContext(ctx, "fc-list", ":lang=zh", "family").Output(); err == nil {
		n := 0
		if fonts := strings.TrimSpace(string(out)); fonts != "" {
			n = len(strings.Split(fonts, "\n"))
		}
		hint += fmt.Sprintf("; fc-list :lang=zh finds %d font families", n)
	}
	for i := 1; i < len(chars); i++ {
		require.False(t, bytes.Equal(glyphs[0], glyphs[i]), "%q and %q are drawn the same. %s", chars[0], chars[i], hint)
	}
}

// pdfPages reads the page count of a PDF chromium wrote: its page tree's /Count.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	m := regexp.MustCompile(`/Type /Pages\b[^>]*?/Count (\d+)|/Count (\d+)[^>]*?/Type /Pages\b`).FindSubmatch(pdf)
	require.NotNil(t, m, "the PDF has a page tree")
	n, err := strconv.Atoi(string(append(m[1], m[2]...)))
	require.NoError(t, err)
	return n
}

// colours counts the distinct colours of img, stopping at limit.
func colours(img image.Image, limit int) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}
