package eligibility

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validRecords are the project records of the repository: the samples, the base
// fixtures and the generated corpus's files.
func validRecords(t testing.TB) map[string][]byte {
	t.Helper()
	records := map[string][]byte{}
	for _, pattern := range []string{
		filepath.Join("..", "examples", "projects", "*.json"),
		filepath.Join("..", "examples", "corpus", "projects", "*.json"),
		filepath.Join("testdata", "base", "*.json"),
	} {
		files, err := filepath.Glob(pattern)
		require.NoError(t, err)
		require.NotEmpty(t, files, pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			records[f] = b
		}
	}
	return records
}

// A valid record takes the fast path, and it decodes to what the full walk decodes.
func TestFastDecodeTakesValidRecords(t *testing.T) {
	for name, data := range validRecords(t) {
		fast, ok := fastDecode(data)
		require.True(t, ok, "%s went down the walk", name)
		walked, err := decodeWalk(context.Background(), nil, data)
		require.NoError(t, err, name)
		require.Equal(t, walked, fast, name)
	}
}

// requireSameDecode checks that DecodeProject's answer for data, fast path or not, is
// the full walk's: the same project, or the same error.
func requireSameDecode(t *testing.T, name string, data []byte) (fast bool) {
	t.Helper()
	for _, e := range []*Engine{nil, Default()} {
		got, gotErr := decode(context.Background(), e, data)
		want, wantErr := decodeWalk(context.Background(), e, data)
		if wantErr != nil {
			require.Error(t, gotErr, "%s: the fast path took what the walk refuses (%v):\n%s", name, wantErr, data)
			require.Equal(t, wantErr.Error(), gotErr.Error(), name)
			continue
		}
		require.NoError(t, gotErr, name)
		require.Equal(t, want, got, name)
	}
	_, fast = fastDecode(data)
	return fast
}

// The fast path is never more lenient than the walk, and never answers otherwise:
// whatever the input, DecodeProject gives the walk's project or the walk's error.
// Mutations of the valid records probe it with what the walk refuses: keys in
// another case, given twice or unknown, null, empty strings, escapes, amounts and
// years in other forms, bytes that are not UTF-8, codes that do not exist, and
// random damage.
func TestFastDecodeAnswersAsTheWalk(t *testing.T) {
	edits := []func(r *rand.Rand, b []byte) []byte{
		func(_ *rand.Rand, b []byte) []byte { return b },
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"category"`), []byte(`"Category"`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"name"`), []byte(`"name":"x","name"`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte { return bytes.Replace(b, []byte(`"name"`), []byte(`"nmae"`), 1) },
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"total": "`), []byte(`"total": "-`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"total": "`), []byte(`"total": "0`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"total": "`), []byte(`"total": "1234567890123456789`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"total": "[0-9.]*"`).ReplaceAll(b, []byte(`"total": 5000000`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"total": "[0-9.]*"`).ReplaceAll(b, []byte(`"total": "5e6"`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"total": "[0-9.]*"`).ReplaceAll(b, []byte(`"total": "1000000000000000000.000"`))
		},
		func(_ *rand.Rand, b []byte) []byte { // the form amount in every form the walk reads or refuses
			return regexp.MustCompile(`"total": "[0-9.]*"`).ReplaceAll(b, []byte(`"total": "1", "completed": "-1e3"`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"completed": "[^"]*"`).ReplaceAll(b, []byte(`"completed": "-1200000.50"`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"completed": "[^"]*"`).ReplaceAll(b, []byte(`"completed": "+5000000"`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"completed": "[^"]*"`).ReplaceAll(b, []byte(`"completed": "--5"`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"completed": "[^"]*"`).ReplaceAll(b, []byte(`"completed": " \t　"`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"completed": "[^"]*"`).ReplaceAll(b, []byte(`"completed": 2019.5`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"completed": "[^"]*"`).ReplaceAll(b, []byte(`"completed": ".5"`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"applicant": {`), []byte(`"applicant": {"selfAssessment": {"completed": ""},`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"applicant": {`), []byte(`"applicant": {"selfAssessment": {"year": 2e3},`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"applicant": {`), []byte(`"applicant": {"selfAssessment": {"year": 20190},`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"applicant": {`), []byte(`"applicant": {"selfAssessment": {"year": 2019, "completed": true},`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte { return bytes.Replace(b, []byte(`: true`), []byte(`: null`), 1) },
		func(_ *rand.Rand, b []byte) []byte { return bytes.Replace(b, []byte(`: "`), []byte(`: "\ud800`), 1) },
		func(_ *rand.Rand, b []byte) []byte { return bytes.Replace(b, []byte(`: "`), []byte(`: "\u00e9`), 1) },
		func(_ *rand.Rand, b []byte) []byte { return bytes.Replace(b, []byte(`: "`), []byte(`: "\xff`), 1) },
		func(_ *rand.Rand, b []byte) []byte { return bytes.Replace(b, []byte(`: true`), []byte(`: "true"`), 1) },
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"stage": "`), []byte(`"stage": "x`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"creditCode": "9`), []byte(`"creditCode": "8`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"on": "2020-07-16"`), []byte(`"on": "2020-7-16"`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"findings": {`), []byte(`"findings": {"XX-1": {"met": true},`), 1)
		},
		func(_ *rand.Rand, b []byte) []byte { return append(b, '{', '}') },
		func(_ *rand.Rand, b []byte) []byte { return append([]byte("\xef\xbb\xbf"), b...) },
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"(name|category|plannedStart|on|by|creditCode)": "[^"]*"`).ReplaceAll(b, []byte(`"$1": ""`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return regexp.MustCompile(`"(progress|responsiblePerson)": "[^"]*"`).ReplaceAll(b, []byte(`"$1": ""`))
		},
		func(_ *rand.Rand, b []byte) []byte {
			return bytes.Replace(b, []byte(`"form": {`), []byte(`"form": {"progress": "", "progress": "",`), 1)
		},
		func(r *rand.Rand, b []byte) []byte { // delete a byte
			i := r.IntN(len(b))
			return append(b[:i:i], b[i+1:]...)
		},
		func(r *rand.Rand, b []byte) []byte { // overwrite a byte with a JSON-significant one
			b = bytes.Clone(b)
			b[r.IntN(len(b))] = `{}[]":,0-.e\ntfA`[r.IntN(16)]
			return b
		},
	}
	r := rand.New(rand.NewPCG(14, 761))
	tried, fast := 0, 0
	for name, data := range validRecords(t) {
		for _, edit := range edits {
			tried++
			if requireSameDecode(t, name, edit(r, data)) {
				fast++
			}
		}
	}
	assert.Less(t, fast, tried/2, "the mutations hardly probe the fast path")
	assert.Greater(t, fast, tried/20, "the fast path hardly runs")
}

// BenchmarkDecodeChoice compares, on the sample record, the ways to decode a
// record strictly: the full walk, the fast path (go-json-experiment/json), and
// encoding/json tuned as far as it goes: Unmarshal with unknown fields refused and
// a UTF-8 check, which still lets duplicate keys and keys in another case through,
// and the token scan it would need to find them (BENCHMARKS.md).
func BenchmarkDecodeChoice(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "examples", "projects", "bigdata-eligible-changchun-datacenter.json"))
	require.NoError(b, err)
	b.Run("walk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeWalk(context.Background(), nil, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("v2-fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := fastDecode(data); !ok {
				b.Fatal("refused")
			}
		}
	})
	b.Run("v1-unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			var p Project
			if err := dec.Decode(&p); err != nil || !utf8.Valid(data) {
				b.Fatal(err)
			}
		}
	})
	b.Run("v1-token-scan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			dec := json.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := dec.Token(); err != nil {
					break
				}
			}
		}
	})
}

// FuzzFastDecode checks on any input that DecodeProject answers as the full walk does.
// Without -fuzz it runs on the repository's records.
func FuzzFastDecode(f *testing.F) {
	for _, data := range validRecords(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { requireSameDecode(t, "fuzz", data) })
}

// plainRecord refuses what the three searches it replaced refused (null, \u, a ""
// other than a form text's blank), and takes every record they took but one with a
// run of three quotation marks: on the repository's records and on random mixes of
// the pieces that matter, at every alignment.
func TestPlainRecordRefusesWhatTheSearchesDid(t *testing.T) {
	searches := func(data []byte) bool {
		return !bytes.Contains(data, []byte("null")) && !bytes.Contains(data, []byte(`\u`)) && onlyBlankForms(data)
	}
	for name, data := range validRecords(t) {
		require.Equal(t, searches(data), plainRecord(data), name)
		require.True(t, plainRecord(data), name)
	}
	pieces := []string{"null", "nul", "ull", `\u`, `\`, "u", `""`, `"`, `"progress": `, `"completed":`, ` `, "\n", ":",
		`"name": `, "中文", "，", "a", "n", "l", "\xff", `"a\""`, "0123456789"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		got, want := plainRecord(b), searches(b)
		if got != want {
			require.False(t, got, "%q: taken, but the searches refused it", b)
			require.Contains(t, string(b), `"""`, "%q", b)
		}
	}
}

// onlyBlankForms is the search plainRecord replaced, kept as its reference.
// It reports whether every "" in data is the value of a form text. It
// errs towards false (a "" it cannot place, such as the end of "a\""), which sends
// the record down the walk.
func onlyBlankForms(data []byte) bool {
	for rest, at := data, 0; ; {
		i := bytes.Index(rest, []byte(`""`))
		if i < 0 {
			return true
		}
		at += i
		before := bytes.TrimRight(data[:at], " \t\r\n")
		if !bytes.HasSuffix(before, []byte(":")) {
			return false
		}
		before = bytes.TrimRight(before[:len(before)-1], " \t\r\n")
		ok := false
		for _, name := range blankable {
			if bytes.HasSuffix(before, []byte(name)) {
				ok = true
			}
		}
		if !ok {
			return false
		}
		at += 2
		rest = data[at:]
	}
}
