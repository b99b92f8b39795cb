package eligibility_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// release is one "## [x.y.z] - YYYY-MM-DD" section of CHANGELOG.md.
type release struct {
	version, date string
	body          string
}

var releaseHeading = regexp.MustCompile(`(?m)^## \[([^\]]+)\](?: - (\S+))?[ \t]*$`)

// changelog splits CHANGELOG.md into its "## [...]" sections, newest first.
func changelog(t *testing.T) []release {
	t.Helper()
	data, err := os.ReadFile("../CHANGELOG.md")
	require.NoError(t, err)
	text := string(data)
	heads := releaseHeading.FindAllStringSubmatchIndex(text, -1)
	require.NotEmpty(t, heads, "CHANGELOG.md has release sections")
	var out []release
	for i, h := range heads {
		end := len(text)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		r := release{version: text[h[2]:h[3]], body: text[h[1]:end]}
		if h[4] >= 0 {
			r.date = text[h[4]:h[5]]
		}
		out = append(out, r)
	}
	return out
}

var semver = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$`)

// TestChangelogAgreesWithVersion checks the version every verdict is stamped with is the
// newest release of CHANGELOG.md, and that no change waits under [Unreleased]: a change
// that can change a verdict bumps Version with it, so one version never names two
// behaviours and the README's reproduction procedure finds the code that reached a
// stored verdict from its provenance.version alone.
func TestChangelogAgreesWithVersion(t *testing.T) {
	releases := changelog(t)
	var dated []release
	for _, r := range releases {
		if r.version == "Unreleased" {
			assert.Empty(t, strings.TrimSpace(r.body),
				"CHANGELOG.md lists unreleased changes while Version says %s: bump Version in eligibility/options.go "+
					"and turn the [Unreleased] entries into a \"## [x.y.z] - YYYY-MM-DD\" section", eligibility.Version)
			continue
		}
		require.Regexp(t, semver, r.version, "a release is a semantic version")
		require.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, r.date, "release %s is dated", r.version)
		dated = append(dated, r)
	}
	require.NotEmpty(t, dated)
	assert.Equal(t, dated[0].version, eligibility.Version, "Version is the newest release of CHANGELOG.md")
	for i := 1; i < len(dated); i++ {
		assert.Negative(t, compareSemver(dated[i].version, dated[i-1].version),
			"releases are listed newest first: %s before %s", dated[i-1].version, dated[i].version)
		assert.LessOrEqual(t, dated[i].date, dated[i-1].date, "release dates go back in time down the file")
	}
}

func compareSemver(a, b string) int {
	pa, pb := semver.FindStringSubmatch(a), semver.FindStringSubmatch(b)
	for i := 1; i <= 3; i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x - y
		}
	}
	return 0
}
