//go:build unix

package report_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
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
// encoding was read right), and it must render (a screenshot of real size and more
// than one colour).
//
// It needs Debian's chromium (apt-get install chromium) and skips without it, unless
// INTAKE_REQUIRE_BROWSER is set: CI installs chromium and sets it, so a broken
// install fails the build instead of silently skipping the check. -short skips it
// too, since it starts a browser.
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
