package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// The pages in a real browser: headless Chromium, driven by chromedp, fills the check
// page's form for an eligible, an ineligible and an undetermined sample, submits it,
// reads the decision, the failing clause and the remedy from the DOM, switches to
// English, checks that Chinese is drawn by a CJK font rather than as boxes and that a
// screenshot is a real rendering, and does the same with scripting disabled.
//
// It needs Debian's chromium and a CJK font (apt-get install chromium
// fonts-noto-cjk). Without chromium it skips, unless INTAKE_REQUIRE_BROWSER is set, as
// .ci/run sets it; -short skips it. INTAKE_SCREENSHOTS=DIR keeps the screenshots.

func browserPath(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser; skipped with -short")
	}
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("INTAKE_REQUIRE_BROWSER") != "" {
		t.Fatal("chromium not installed, and INTAKE_REQUIRE_BROWSER is set: apt-get install chromium fonts-noto-cjk")
	}
	t.Skip("chromium not installed: apt-get install chromium fonts-noto-cjk")
	return ""
}

// newBrowser starts one headless Chromium for the test, with a fresh profile and
// nothing that reaches the network by itself.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := browserPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1280, 1600),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	require.NoError(t, chromedp.Do(bctx), "chromium starts")
	return bctx
}

// tab opens a new tab; with noScript, the page's scripts do not run.
func tab(t *testing.T, browser context.Context, noScript bool) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if noScript {
		require.NoError(t, chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		})))
	}
	return ctx
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	require.NoError(t, err, "reading %s", sel)
	return strings.TrimSpace(s)
}

func TestPagesInChromium(t *testing.T) {
	browser := newBrowser(t)
	ts := startWeb(t, eligibility.Default(), defaultConfig())
	shots := os.Getenv("INTAKE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}

	for _, tt := range []struct {
		sample, decision, decisionEn, failing, remedy string
	}{
		{"bigdata-eligible-changchun-datacenter.json", "符合入库标准", "eligible", "", "已符合"},
		{"bigdata-ineligible-siping-small-datacenter.json", "不符合入库标准", "ineligible", "BD-4", "5,000,000"},
		{"industrial-internet-undetermined-tonghua-platform.json", "无法判定", "undetermined", "", "逐条整改事项"},
	} {
		t.Run(strings.TrimSuffix(tt.sample, ".json"), func(t *testing.T) {
			ctx := tab(t, browser, false)
			record := readSample(t, tt.sample)
			vals := formValues(t, record)
			cat := vals["category"]
			// The form, in Chinese; choosing the category shows its fields at once.
			require.NoError(t, chromedp.Do(ctx,
				chromedp.Navigate(ts.URL+"/"),
				chromedp.WaitVisible(chromedp.CSS("#f-category")),
			))
			if cat != "bigdata" {
				_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(
					`(function(){var s=document.getElementById("f-category"); s.value=%q; s.dispatchEvent(new Event("change")); return true})()`, cat)))
				require.NoError(t, err)
			}
			require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`fieldset[data-category="`+cat+`"]`))))
			hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('fieldset[data-category="telecom"]').hidden`))
			require.NoError(t, err)
			assert.True(t, hidden, "another category's fields are hidden")

			names := pageFields(t, ts, cat)
			keys := make([]string, 0, len(vals))
			for k := range vals {
				if names[k] && k != "category" {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys)
			var steps []chromedp.Action[chromedp.Void]
			steps = append(steps, chromedp.SendKeys(chromedp.CSS("#f-asOf"), submission))
			for _, k := range keys {
				in := `fieldset:not([disabled]) [name="` + k + `"]`
				_, list := codeLists[k]
				switch {
				case list: // a box a code
					for _, c := range strings.Split(vals[k], "\n") {
						steps = append(steps, chromedp.Click(chromedp.CSS(in+`[value="`+c+`"]`)))
					}
				case strings.HasPrefix(k, nonePrefix) || strings.HasPrefix(k, blankPrefix):
					steps = append(steps, chromedp.Click(chromedp.CSS(in)))
				default:
					steps = append(steps, chromedp.SetValue(chromedp.CSS(in), vals[k]))
				}
			}
			steps = append(steps, chromedp.Click(chromedp.CSS("#submit")), chromedp.WaitVisible(chromedp.CSS("#decision-text")))
			require.NoError(t, chromedp.Do(ctx, steps...))

			assert.Equal(t, tt.decision, text(t, ctx, "#decision-text"))
			if tt.failing != "" {
				assert.Contains(t, text(t, ctx, "#failing"), tt.failing)
				assert.Contains(t, text(t, ctx, "#fail-"+tt.failing+" blockquote"), "项目总投资额度不小于500万元", "the letter's text")
			}
			assert.Contains(t, text(t, ctx, "#remedy"), tt.remedy)
			if tt.decisionEn == "undetermined" {
				assert.NotEmpty(t, text(t, ctx, "#questions"), "what to provide, ranked")
			}
			screenshot(t, ctx, filepath.Join(shots, "answer-"+tt.decisionEn+"-zh.png"))

			// English, by the page's own switch.
			require.NoError(t, chromedp.Do(ctx,
				chromedp.Click(chromedp.CSS("#lang-switch")),
				chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #decision-text`))))
			assert.Equal(t, tt.decisionEn, text(t, ctx, "#decision-text"))
			assert.Contains(t, text(t, ctx, "#remedy h2"), "Remedy plan")
			if tt.failing != "" {
				assert.Contains(t, text(t, ctx, "#fail-"+tt.failing+" blockquote"), "项目总投资额度不小于500万元", "the letter is quoted in Chinese")
			}
			screenshot(t, ctx, filepath.Join(shots, "answer-"+tt.decisionEn+"-en.png"))
		})
	}

	t.Run("scripting disabled", func(t *testing.T) {
		ctx := tab(t, browser, true)
		file := filepath.Join("..", "projects", "bigdata-ineligible-siping-small-datacenter.json")
		abs, err := filepath.Abs(file)
		require.NoError(t, err)
		// Without the script, a button shows another category's fields, keeping what
		// was typed.
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS(`fieldset[data-category="bigdata"]`)),
			chromedp.SendKeys(chromedp.CSS("#f-name"), "四平市测试项目"),
			chromedp.SetValue(chromedp.CSS("#f-category"), "telecom"),
			chromedp.Click(chromedp.CSS(`button.nojs`)),
			chromedp.WaitVisible(chromedp.CSS(`fieldset[data-category="telecom"]`)),
			chromedp.WaitNotVisible(chromedp.CSS(`fieldset[data-category="bigdata"]`)),
		))
		name, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-name")))
		require.NoError(t, err)
		assert.Equal(t, "四平市测试项目", name, "what was typed is kept")
		screenshot(t, ctx, filepath.Join(shots, "check-noscript.png"))
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS("details.json summary")),
			chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{abs}),
			chromedp.SendKeys(chromedp.CSS("#f-asOf"), submission),
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#decision-text")),
		))
		assert.Equal(t, "不符合入库标准", text(t, ctx, "#decision-text"))
		assert.Contains(t, text(t, ctx, "#failing"), "BD-4")
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS("#lang-switch")),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #decision-text`))))
		assert.Equal(t, "ineligible", text(t, ctx, "#decision-text"))

		// A form with a mistake comes back with the error next to its field.
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS("#f-investment-total")),
			chromedp.SendKeys(chromedp.CSS("#f-asOf"), submission),
			chromedp.SendKeys(chromedp.CSS("#f-investment-total"), "五百万"),
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#errors")),
		))
		assert.Contains(t, text(t, ctx, "#errors"), "investment.total")
		errNext, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#f-investment-total ~ .error`)))
		require.NoError(t, err)
		assert.Contains(t, errNext, "「项目总投资」填写有误")
		screenshot(t, ctx, filepath.Join(shots, "check-errors-noscript.png"))

		// A list of codes is ticked box by box, and a 三.2 field's box states it blank.
		in := func(id string) chromedp.CSS { return chromedp.CSS(`fieldset:not([disabled]) #` + id) }
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+"/?category=bigdata&lang=en"),
			chromedp.WaitVisible(in("f-bigDataContent-storage")),
			chromedp.SendKeys(chromedp.CSS("#f-asOf"), submission),
			chromedp.Click(in("f-bigDataContent-storage")),
			chromedp.Click(in("f-bigDataContent-analysis")),
			chromedp.Click(in("f-form-constructionScale-blank")),
			chromedp.Click(chromedp.CSS("#submit")),
			chromedp.WaitVisible(chromedp.CSS("#decision-text")),
		))
		record, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`input[name="record"]`)))
		require.NoError(t, err)
		assert.JSONEq(t, `{"category": "bigdata", "bigDataContent": ["storage", "analysis"], "form": {"constructionScale": ""}}`, record)
		assert.Contains(t, text(t, ctx, "#failing"), "GEN-1", "the form's blank construction scale fails 三.2")
	})

	t.Run("the rules page", func(t *testing.T) {
		ctx := tab(t, browser, false)
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/rules?lang=en"), chromedp.WaitVisible(chromedp.CSS("#rule-BD-4"))))
		assert.Contains(t, text(t, ctx, "#rule-BD-4"), "项目总投资额度不小于500万元")
		assert.Contains(t, text(t, ctx, "#param-minTotalInvestment"), "5,000,000")
		screenshot(t, ctx, filepath.Join(shots, "rules-en.png"))
	})

	t.Run("Chinese is drawn by a CJK font", func(t *testing.T) {
		checkCJK(t, tab(t, browser, false), ts.URL)
	})
}

// screenshot saves the whole page and checks it is a real rendering: a PNG of the
// window's width, of many colours, not a blank page.
func screenshot(t *testing.T, ctx context.Context, file string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(buf))
	require.NoError(t, err, "the screenshot is a PNG")
	assert.Equal(t, 1280, img.Bounds().Dx(), "the window's width")
	assert.Greater(t, img.Bounds().Dy(), 600, "a page, not a strip")
	assert.Greater(t, colours(img, 64), 16, "text, borders and colours, not a blank page")
	require.NoError(t, os.WriteFile(file, buf, 0o644))
}

// checkCJK draws three different Chinese characters in the pages' own stylesheet, each
// alone in a heading, and compares their pixels. In a CJK font they differ; with none,
// the browser draws the same .notdef box for each and every DOM check would still pass.
func checkCJK(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	chars := []string{"审", "查", "结"}
	var glyphs [][]byte
	for _, c := range chars {
		// The glyph page is the server's own: the check page's heading, with the
		// character as its title (the heading shows the page's title).
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/rules"), chromedp.WaitVisible(chromedp.CSS("main h1"))))
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(function(){var h=document.querySelector("main h1"); h.textContent=%q; h.id="glyph"; h.className="glyph"; return true})()`, c)))
		require.NoError(t, err)
		shot, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#glyph")))
		require.NoError(t, err)
		img, err := png.Decode(bytes.NewReader(shot))
		require.NoError(t, err)
		var ink int
		var bits []byte
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Min.X+min(b.Dx(), 64); x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				dark := (r+g+bl)/3 < 0x8000
				if dark {
					ink++
					bits = append(bits, 1)
				} else {
					bits = append(bits, 0)
				}
			}
		}
		require.Greater(t, ink, 20, "%q is drawn at all", c)
		glyphs = append(glyphs, bits)
	}
	hint := "Chinese renders as boxes: no CJK font. Install one (Debian: apt-get install fonts-noto-cjk)"
	for i := 1; i < len(chars); i++ {
		require.False(t, bytes.Equal(glyphs[0], glyphs[i]), "%q and %q are drawn the same. %s", chars[0], chars[i], hint)
	}
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
