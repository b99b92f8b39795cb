package eligibility_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/creditcode"
	"github.com/jilin761/intake/eligibility/internal/schemagen"
	"github.com/jilin761/intake/examples/corpus"
)

// The contract tests send the same records to the engine's decoder
// (Engine.DecodeProject, shape and values) and to a draft 2020-12 validator of the
// published project schema (santhosh-tekuri/jsonschema, format assertion on), and
// require the same answer: accepted by both, or refused by both at the same paths.
// The only differences allowed are the rules JSON Schema cannot express
// (schemagen.UnexpressibleRules), each recognised here independently of the decoder.

// schemaPaths lists the record paths a schema validation error names, in the
// decoder's notation (applicant.creditCode, incidents[2].date): the location of each
// leaf error, plus the member a required, additionalProperties or propertyNames error
// is about.
func schemaPaths(doc any, err error) []string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var paths []string
	add := func(p string) {
		if !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if k, ok := e.ErrorKind.(*kind.PropertyNames); ok {
			// v6.0.3 reports a propertyNames error at a sibling's location; findings
			// is the one object whose keys the schema constrains.
			add("findings." + cutKey(k.Property))
			return
		}
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		loc := e.InstanceLocation
		switch k := e.ErrorKind.(type) {
		case *kind.Required:
			for _, m := range k.Missing {
				add(recordPath(doc, append(slices.Clone(loc), m)))
			}
		case *kind.AdditionalProperties:
			for _, m := range k.Properties {
				add(recordPath(doc, append(slices.Clone(loc), m)))
			}
		default:
			add(recordPath(doc, loc))
		}
	}
	walk(ve)
	slices.Sort(paths)
	return paths
}

// recordPath writes a JSON-pointer location as a decoder path, reading the document
// to tell an array index from an object key.
func recordPath(doc any, tokens []string) string {
	var b strings.Builder
	cur := doc
	for _, tok := range tokens {
		switch c := cur.(type) {
		case []any:
			i, _ := strconv.Atoi(tok)
			fmt.Fprintf(&b, "[%d]", i)
			if i >= 0 && i < len(c) {
				cur = c[i]
			} else {
				cur = nil
			}
			continue
		case map[string]any:
			cur = c[tok]
		default:
			cur = nil
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(cutKey(tok))
	}
	return b.String()
}

// cutKey writes a key of more than 64 bytes as the decoder's paths do, quoted and
// cut, so that an error never repeats a megabyte of key.
func cutKey(key string) string {
	if len(key) <= 64 {
		return key
	}
	cut := 64
	for cut > 0 && !utf8.RuneStart(key[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(key[:cut]), len(key))
}

// decoderPaths returns the sorted, distinct paths of the decoder's problems, nil when
// it accepts the record, or fails on an error that is no *ValidationError.
func decoderPaths(t *testing.T, engine *eligibility.Engine, data []byte) []string {
	t.Helper()
	_, err := engine.DecodeProject(data)
	if err == nil {
		return nil
	}
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve, "%s", data)
	require.Zero(t, ve.Omitted, "a test record has few problems")
	speaksChinese(t, err)
	paths := slices.Compact(slices.Sorted(slices.Values(ve.Paths())))
	return paths
}

var creditCodeForm = regexp.MustCompile(`^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$`)

// beyondSchema lists the paths at which doc breaks a rule JSON Schema cannot
// express, judged from the document itself.
func beyondSchema(doc any) []string {
	r, _ := doc.(map[string]any)
	var paths []string
	if a, ok := r["applicant"].(map[string]any); ok {
		if cc, ok := a["creditCode"].(string); ok && creditCodeForm.MatchString(cc) {
			if _, err := creditcode.Parse(cc); err != nil {
				paths = append(paths, "applicant.creditCode") // a check character
			}
		}
	}
	if inv, ok := r["investment"].(map[string]any); ok {
		total, ok1 := inv["total"].(string)
		portion, ok2 := inv["bigDataPortion"].(string)
		pattern := regexp.MustCompile(eligibility.AmountPattern)
		if ok1 && ok2 && pattern.MatchString(total) && pattern.MatchString(portion) &&
			yuan(portion).GreaterThan(*yuan(total)) {
			paths = append(paths, "investment.bigDataPortion")
		}
	}
	return paths
}

// contractRecords are the records the repository ships or generates, by name: the
// base fixtures, the samples, the checked-in corpus, a generated corpus and the fuzz
// seeds that are records.
func contractRecords(t *testing.T) map[string][]byte {
	t.Helper()
	records := shippedRecords(t)
	files, err := filepath.Glob("../examples/corpus/projects/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		records[f] = data
	}
	for _, p := range corpus.Generate(1911, 200) {
		data, err := json.Marshal(p)
		require.NoError(t, err)
		records["generated/"+p.ID] = data
	}
	for i, s := range []string{
		`{}`, `{"category":"telecom"}`, `{"category":"industrial-internet","incidents":[{}]}`,
		`{"category":"bigdata","investment":{"total":"1e400","bigDataPortion":1e399}}`,
		`{"category":"ai","applicant":{"creditCode":"91220101MA14XJ7T68","registrationDivision":"210100"}}`,
		`{"category":"bigdata","findings":{"BD-3a":{"met":null}}}`,
		`{"category":"industrial-internet","incidents":[{"date":"0001-01-01","kind":"violation"},{"date":"9999-12-31"}]}`,
		`{"category":"bigdata","form":{"progress":"\u3000"},"preparation":{"plannedStart":"2020-12-31"},"stage":"new-start"}`,
	} {
		records[fmt.Sprintf("fuzz seed %d", i)] = []byte(s)
	}
	return records
}

// hostileValues are what a mutation puts in place of a value: the forms of issue 11
// and the kinds of mistake an integrator makes.
var hostileValues = []any{
	"5e6", "+5000000", "5000000.", ".5", "05", "-1", "0", "0.5", "5000000.00", "1000000000000000000",
	"1000000000000000000.5", strings.Repeat("9", 19), "0." + strings.Repeat("1", 31), "0." + strings.Repeat("0", 30),
	json.Number("5000000"), json.Number("-1"), json.Number("2019.5"), json.Number("0"), json.Number("2019"),
	nil, "", "soon", "x", "BIGDATA", true, false, map[string]any{}, []any{}, []any{"storage"}, []any{""},
	"2021-02-29", "2020-07-20", "2020/07/20", "91220101ma14xj7t68", "91220101MA14XJ7T68", "912",
	"bigdata", "ai", "telecom", "industrial-internet", "datacenter", "product", "5g", "new-start", "changchun",
	"violation", "enterprise", "220101", "22010",
}

// mutateRecord applies 1–4 random edits to a generic record: replace a value, delete or add
// a key, change a key's case, or add a finding.
func mutateRecord(r *rand.Rand, doc any) any {
	for range 1 + r.IntN(4) {
		var nodes []any // maps and slices, to edit in place
		var collect func(v any)
		collect = func(v any) {
			switch c := v.(type) {
			case map[string]any:
				nodes = append(nodes, c)
				for _, k := range slices.Sorted(func(yield func(string) bool) {
					for k := range c {
						if !yield(k) {
							return
						}
					}
				}) {
					collect(c[k])
				}
			case []any:
				nodes = append(nodes, c)
				for _, e := range c {
					collect(e)
				}
			}
		}
		collect(doc)
		node := nodes[r.IntN(len(nodes))]
		pick := func() any { // a fresh copy: a shared list could end up inside itself
			switch v := hostileValues[r.IntN(len(hostileValues))].(type) {
			case map[string]any:
				return map[string]any{}
			case []any:
				return slices.Clone(v)
			default:
				return v
			}
		}
		switch n := node.(type) {
		case []any:
			if len(n) > 0 {
				n[r.IntN(len(n))] = pick()
			}
		case map[string]any:
			keys := slices.Sorted(func(yield func(string) bool) {
				for k := range n {
					if !yield(k) {
						return
					}
				}
			})
			switch op := r.IntN(10); {
			case op < 6 && len(keys) > 0:
				n[keys[r.IntN(len(keys))]] = pick()
			case op == 6 && len(keys) > 0:
				delete(n, keys[r.IntN(len(keys))])
			case op == 7:
				n[[]string{"budget", "creditCod", "Category", "extra"}[r.IntN(4)]] = pick()
			case op == 8 && len(keys) > 0:
				k := keys[r.IntN(len(keys))]
				v := n[k]
				delete(n, k)
				n[strings.ToUpper(k[:1])+k[1:]] = v
			default:
				root, _ := doc.(map[string]any)
				f, ok := root["findings"].(map[string]any)
				if !ok {
					f = map[string]any{}
					root["findings"] = f
				}
				id := []string{"BD-2", "BD-3a", "BD-4", "BD-99", "AI-1", "II-6", "GEN-1"}[r.IntN(7)]
				if r.IntN(3) == 0 {
					f[id] = map[string]any{"by": "评审组"}
				} else {
					f[id] = map[string]any{"met": r.IntN(2) == 0}
				}
			}
		}
	}
	return doc
}

func decodeGenericJSON(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

// TestDecoderAgreesWithTheSchema is the differential test of the contract.
func TestDecoderAgreesWithTheSchema(t *testing.T) {
	s := compileSchemas(t)
	engine := eligibility.Default()
	records := contractRecords(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range records {
			if !yield(k) {
				return
			}
		}
	})
	r := rand.New(rand.NewPCG(11, 12))
	const mutants = 12
	var compared, refused, beyond int
	var disagreements []string
	for _, name := range names {
		for m := range mutants + 1 {
			data := records[name]
			label := name
			if m > 0 {
				data = mustJSON(t, mutateRecord(r, decodeGenericJSON(t, data)))
				label = fmt.Sprintf("%s, mutant %d", name, m)
			}
			doc := decodeGenericJSON(t, data)
			want := schemaPaths(doc, validate(s.project, data))
			got := decoderPaths(t, engine, data)
			extra := beyondSchema(doc)
			compared++
			if len(got) > 0 {
				refused++
			}
			// The rules the schema cannot express may add their paths to the decoder's.
			for _, p := range extra {
				if slices.Contains(got, p) && !slices.Contains(want, p) {
					want = append(want, p)
					beyond++
				}
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				disagreements = append(disagreements, fmt.Sprintf("%s:\n\tschema  %v\n\tdecoder %v\n\t%s", label, want, got, data))
			}
		}
	}
	t.Logf("%d records compared, %d refused, %d problems beyond the schema", compared, refused, beyond)
	assert.Greater(t, refused, compared/3, "the mutations make many records bad")
	assert.Less(t, refused, compared, "and leave some good")
	if len(disagreements) > 0 {
		t.Errorf("%d of %d records get different answers; the first:\n%s", len(disagreements), compared,
			strings.Join(disagreements[:min(5, len(disagreements))], "\n"))
	}
}

// The cases of issue 11, each both ways: what the decoder used to accept and the
// schema refused, and what the schema used to accept and the decoder refused.
func TestDecoderAndSchemaAgreeOnIssue11(t *testing.T) {
	s := compileSchemas(t)
	engine := eligibility.Default()
	tests := []struct {
		name   string
		record string
		paths  []string // nil: both accept
	}{
		{"an exponent", `{"category":"bigdata","investment":{"total":"5e6"}}`, []string{"investment.total"}},
		{"a plus sign", `{"category":"bigdata","investment":{"total":"+5000000"}}`, []string{"investment.total"}},
		{"a trailing point", `{"category":"bigdata","investment":{"total":"5000000."}}`, []string{"investment.total"}},
		{"a leading point", `{"category":"bigdata","investment":{"total":".5"}}`, []string{"investment.total"}},
		{"a JSON number", `{"category":"bigdata","investment":{"total":5000000}}`, []string{"investment.total"}},
		{"null for an optional fact", `{"category":"bigdata","writtenCommitment":null}`, []string{"writtenCommitment"}},
		{"an empty code", `{"category":"bigdata","stage":""}`, []string{"stage"}},
		{"an empty name", `{"category":"bigdata","name":""}`, []string{"name"}},
		{"a lowercase credit code", `{"category":"bigdata","applicant":{"creditCode":"91220101ma14xj7t68"}}`, []string{"applicant.creditCode"}},
		{"a subtype of another category", `{"category":"bigdata","subtype":"product"}`, []string{"subtype"}},
		{"a finding for a data criterion", `{"category":"bigdata","findings":{"BD-4":{"met":true}}}`, []string{"findings.BD-4"}},
		{"a finding for an unknown criterion", `{"category":"bigdata","findings":{"BD-99":{"met":true}}}`, []string{"findings.BD-99"}},
		{"a finding for a data criterion that takes its own (an item its open list does not name)",
			`{"category":"bigdata","subtype":"datacenter","bigDataContent":["other"],"findings":{"BD-1a":{"met":true}}}`, nil},
		{"a finding on a secondary node of unstated level",
			`{"category":"industrial-internet","subtype":"identifier-node","identifierNode":{"kind":"secondary-node"},"findings":{"II-4":{"met":false}}}`, nil},
		{"a completed investment left blank, and one negative: for GEN-3 to fail",
			`{"category":"ai","investment":{"completed":" "},"form":{"progress":"在建"}}`, nil},
		{"a negative completed investment", `{"category":"ai","investment":{"completed":"-100.50"}}`, nil},
		{"a completed investment that is no number", `{"category":"ai","investment":{"completed":"none yet"}}`, []string{"investment.completed"}},
		{"a completed investment with an exponent", `{"category":"ai","investment":{"completed":"-1e3"}}`, []string{"investment.completed"}},
		{"the year 0000, which RFC 3339 allows", `{"category":"bigdata","preparation":{"plannedStart":"0000-12-31"}}`, []string{"preparation.plannedStart"}},
		{"the year 0001", `{"category":"bigdata","preparation":{"plannedStart":"0001-01-01"}}`, nil},
		{"31 decimal places", `{"category":"bigdata","investment":{"total":"1.` + strings.Repeat("0", 30) + `1"}}`, []string{"investment.total"}},
		{"over 10^18", `{"category":"bigdata","investment":{"total":"1000000000000000000.01"}}`, []string{"investment.total"}},
		{"10^18 itself", `{"category":"bigdata","investment":{"total":"1000000000000000000.00"}}`, nil},
		{"30 decimal places", `{"category":"bigdata","investment":{"total":"0.` + strings.Repeat("0", 29) + `1"}}`, nil},
		{"every problem at once", `{"category":"bigdata","budget":"1","investment":{"total":"5e6"},"applicant":{"creditCode":"912"},"stage":"soon"}`,
			[]string{"applicant.creditCode", "budget", "investment.total", "stage"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.record)
			assert.Equal(t, tt.paths, schemaPaths(decodeGenericJSON(t, data), validate(s.project, data)), "the schema")
			assert.Equal(t, tt.paths, decoderPaths(t, engine, data), "the decoder")
		})
	}
}

// TestUnexpressibleRules checks that each rule the schema says it cannot express is
// enforced by the decoder on a record the schema accepts.
func TestUnexpressibleRules(t *testing.T) {
	s := compileSchemas(t)
	engine := eligibility.Default()
	long := strings.Repeat("长", eligibility.MaxStringBytes/3+1) // within maxLength, beyond the bytes
	examples := []struct {
		rule   string // a word of the rule's text
		record string
		path   string
	}{
		{"check characters", `{"category":"ai","applicant":{"creditCode":"91220101MA14XJ7T60"}}`, "applicant.creditCode"},
		{"bigDataPortion", `{"category":"bigdata","investment":{"total":"1","bigDataPortion":"2"}}`, "investment.bigDataPortion"},
		{"KiB of UTF-8", `{"category":"ai","name":"` + long + `"}`, "name"},
		{"lone surrogate", `{"category":"ai","name":"\ud800"}`, "name"},
		{"lone surrogate", "{\"category\":\"ai\",\"name\":\"\xff\"}", "name"},
		{"twice", `{"category":"ai","category":"bigdata"}`, "category"},
		{"digits", `{"category":"ai","applicant":{"selfAssessment":{"year":2019.0}}}`, "applicant.selfAssessment.year"},
		{"rule set in force", `{"category":"ai","findings":{"AI-1":{"met":true}}}`, "findings.AI-1"},
	}
	rules := schemagen.UnexpressibleRules()
	custom := customFindingEngine(t)
	for _, ex := range examples {
		t.Run(ex.rule, func(t *testing.T) {
			require.True(t, slices.ContainsFunc(rules, func(r string) bool { return strings.Contains(r, ex.rule) }),
				"a rule mentions %q", ex.rule)
			assert.NoError(t, validate(s.project, []byte(ex.record)), "the schema accepts it")
			e := engine
			if ex.rule == "rule set in force" {
				e = custom
			}
			assert.Contains(t, decoderPaths(t, e, []byte(ex.record)), ex.path, "the decoder refuses it")
		})
	}
}

// customFindingEngine is an engine whose rule set has no AI-1.
func customFindingEngine(t *testing.T) *eligibility.Engine {
	t.Helper()
	rs := eligibility.Default().RuleSet()
	rs.Criteria = slices.DeleteFunc(rs.Criteria, func(c criteria.Criterion) bool { return c.ID == "AI-1" })
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	return e
}

// TestReadmeListsTheUnexpressibleRules keeps the README's list of the rules JSON
// Schema cannot express the same as the schema's.
func TestReadmeListsTheUnexpressibleRules(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	const start, end = "<!-- unexpressible rules: begin -->", "<!-- unexpressible rules: end -->"
	_, rest, ok := strings.Cut(string(readme), start)
	require.True(t, ok, "README has %s", start)
	section, _, ok := strings.Cut(rest, end)
	require.True(t, ok, "README has %s", end)
	var listed []string
	for line := range strings.SplitSeq(strings.TrimSpace(section), "\n") {
		listed = append(listed, strings.TrimPrefix(line, "- "))
	}
	assert.Equal(t, schemagen.UnexpressibleRules(), listed, "the README lists the schema's rules, in order")

	var doc map[string]any
	data, err := os.ReadFile(filepath.Join("schema", schemagen.ProjectFile))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &doc))
	for _, rule := range listed {
		assert.Contains(t, doc["description"], rule, "the schema's description")
	}
}

// beyondSchemaMessages mark the decoder's problems under rules the schema cannot
// express that beyondSchema does not recognise from the document, because the
// document a validator sees has lost them (duplicates, bad text) or JSON Schema reads
// the number differently (a year of 2019.0).
var beyondSchemaMessages = []string{"duplicate key", "UTF-8", "lone surrogate", "bytes exceeds the limit", "is not a year"}

// FuzzDecoderAgreesWithTheSchema is TestDecoderAgreesWithTheSchema on any bytes: every
// JSON document is accepted by both or refused by both at the same paths, but for the
// rules the schema cannot express.
func FuzzDecoderAgreesWithTheSchema(f *testing.F) {
	for _, name := range []string{"testdata/base/bigdata.json", "testdata/base/industrial-internet.json"} {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	for _, s := range []string{
		`{"category":"bigdata","budget":"1","investment":{"total":"5e6"},"applicant":{"creditCode":"912"},"stage":"soon"}`,
		`{"category":"bigdata","subtype":"product","findings":{"BD-4":{"met":true},"BD-99":{}}}`,
		`{"category":"ai","applicant":{"selfAssessment":{"year":2019,"score":"0.5"}},"incidents":[{"date":"2019-01-01"}]}`,
	} {
		f.Add([]byte(s))
	}
	var compiled *jsonschema.Schema
	engine := eligibility.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		if compiled == nil {
			compiled = compileSchemas(t).project
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil || !json.Valid(data) {
			return // not one JSON document: a syntax error, which no schema judges
		}
		if _, isObject := doc.(map[string]any); !isObject {
			return // the decoder's error for a non-object is not a *ValidationError
		}
		_, derr := engine.DecodeProject(data)
		var ve *eligibility.ValidationError
		if derr != nil && !errors.As(derr, &ve) {
			return // bad text outside any value: a *SyntaxError
		}
		var got []string
		if ve != nil {
			if ve.Omitted > 0 {
				return // only the first problems are listed
			}
			for _, p := range ve.Problems {
				if !slices.ContainsFunc(beyondSchemaMessages, func(m string) bool { return strings.Contains(p.Message, m) }) {
					got = append(got, p.Path)
				}
			}
		}
		got = slices.Compact(slices.Sorted(slices.Values(got)))
		want := schemaPaths(doc, compiled.Validate(doc))
		for _, p := range beyondSchema(doc) {
			if slices.Contains(got, p) && !slices.Contains(want, p) {
				want = append(want, p)
			}
		}
		slices.Sort(want)
		// A path the decoder dropped as beyond the schema may hide what the schema
		// reports below it (a duplicate key's value).
		if ve != nil && len(got) < len(ve.Problems) {
			return
		}
		if !slices.Equal(got, want) {
			t.Errorf("schema %v\ndecoder %v (%v)\n%s", want, got, derr, data)
		}
	})
}
