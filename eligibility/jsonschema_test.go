package eligibility_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/internal/schemagen"
	"github.com/jilin761/intake/examples/corpus"
)

// The published schemas are checked in under schema/ and validated here with a
// validator other than the library that wrote them (santhosh-tekuri/jsonschema, with
// format assertions on), against every record the repository ships and every verdict
// the engine gives for them.

// TestSchemasAreCurrent regenerates the schemas in memory and compares them byte for
// byte with the checked-in files: a change to Project, Verdict, their doc comments or
// the codes must come with `go generate ./eligibility`.
func TestSchemasAreCurrent(t *testing.T) {
	files, err := schemagen.Generate("..")
	require.NoError(t, err)
	require.Len(t, files, 3)
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join("schema", f.Name))
		require.NoError(t, err)
		assert.Equal(t, string(f.Data), string(got), "schema/%s is stale: run go generate ./eligibility", f.Name)
	}
}

// schemas compiles the checked-in schemas once per test.
type schemas struct {
	project, verdict *jsonschema.Schema
}

func compileSchemas(t *testing.T) schemas {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat() // format: date is an assertion of the contract, not a hint
	compile := func(name string) *jsonschema.Schema {
		data, err := os.ReadFile(filepath.Join("schema", name))
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		require.NoError(t, err)
		id, _ := doc.(map[string]any)["$id"].(string)
		require.NotEmpty(t, id, "%s has no $id", name)
		require.NoError(t, c.AddResource(id, doc))
		s, err := c.Compile(id)
		require.NoError(t, err, "%s is not a valid draft 2020-12 schema", name)
		return s
	}
	return schemas{project: compile(schemagen.ProjectFile), verdict: compile(schemagen.VerdictFile)}
}

// validate checks one JSON document against s.
func validate(s *jsonschema.Schema, data []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(doc)
}

// shippedRecords returns the hand-written project records the repository ships, by
// path: the sample projects and the base fixtures.
func shippedRecords(t *testing.T) map[string][]byte {
	t.Helper()
	var paths []string
	for _, pattern := range []string{"../examples/projects/*.json", "testdata/base/*.json"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		require.NotEmpty(t, m, "no files match %s", pattern)
		paths = append(paths, m...)
	}
	records := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		records[p] = data
	}
	return records
}

// TestShippedRecordsAndVerdictsMatchSchemas validates every shipped record against the
// project schema, as written and as the Go type writes it back, and every verdict the
// engine gives for it against the verdict schema, on the submission date and on dates
// that change the decisions (BD-6c's 年内, II-11's 近三年).
func TestShippedRecordsAndVerdictsMatchSchemas(t *testing.T) {
	s := compileSchemas(t)
	engine := eligibility.Default()
	for path, data := range shippedRecords(t) {
		t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) {
			require.NoError(t, validate(s.project, data), "the record as written")
			p, err := eligibility.DecodeProject(data)
			require.NoError(t, err)
			again, err := json.Marshal(p)
			require.NoError(t, err)
			require.NoError(t, validate(s.project, again), "the record as eligibility.Project marshals it")

			for _, asOf := range []string{"2020-07-20", "2021-01-15", "2024-02-29"} {
				v, err := engine.Evaluate(p, date(asOf))
				require.NoError(t, err)
				out, err := json.Marshal(v)
				require.NoError(t, err)
				require.NoError(t, validate(s.verdict, out), "the verdict on %s", asOf)
			}
		})
	}
}

// TestCorpusMatchesSchemas validates the checked-in corpus and a generated one of a few
// hundred projects, which cover every category, subtype, stage and code and amounts at
// the thresholds, against the project schema, and the verdict of each generated one on
// the corpus's evaluation date against the verdict schema.
func TestCorpusMatchesSchemas(t *testing.T) {
	s := compileSchemas(t)
	files, err := filepath.Glob("../examples/corpus/projects/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files, "the checked-in corpus")
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, validate(s.project, data), "%s, as checked in", f)
	}

	// Checking 300 verdicts of some 50 kB each is most of this package's test time under
	// -race, so it is spread over parallel subtests; a compiled schema is safe for
	// concurrent use.
	projects := corpus.Generate(761, 300)
	const chunks = 4
	for c := range chunks {
		t.Run(fmt.Sprintf("generated/%d-of-%d", c+1, chunks), func(t *testing.T) {
			t.Parallel()
			engine := eligibility.Default()
			for i := c; i < len(projects); i += chunks {
				p := projects[i]
				record, err := json.Marshal(p)
				require.NoError(t, err)
				require.NoError(t, validate(s.project, record), "%s", p.ID)
				v, err := engine.Evaluate(p, corpus.AsOf())
				require.NoError(t, err, "%s", p.ID)
				out, err := json.Marshal(v)
				require.NoError(t, err)
				require.NoError(t, validate(s.verdict, out), "the verdict of %s", p.ID)
			}
		})
	}
}

// TestGoldenVerdictsMatchSchema validates the golden verdicts, the stored form a
// consumer reads back.
func TestGoldenVerdictsMatchSchema(t *testing.T) {
	s := compileSchemas(t)
	files, err := filepath.Glob("testdata/golden/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.NoError(t, validate(s.verdict, data), f)
	}
}

// TestProjectSchemaRejects pins what the contract refuses, and that the engine's own
// decoding refuses it too: the decoder accepts exactly the schema's forms
// (contract_test.go tests the agreement on many more records).
func TestProjectSchemaRejects(t *testing.T) {
	s := compileSchemas(t)
	base, err := os.ReadFile(filepath.Join("testdata", "base", "bigdata.json"))
	require.NoError(t, err)
	require.NoError(t, validate(s.project, base))

	tests := []struct {
		name string
		// edit changes the base record, decoded as generic JSON.
		edit func(r map[string]any)
		// wantAt is the instance location the schema reports or, quoted, a text the
		// report contains.
		wantAt string
		// engineRejects says whether DecodeProject or Engine.Validate also refuse it.
		engineRejects bool
		why           string
	}{
		{"money as a JSON number", func(r map[string]any) { obj(r, "investment")["total"] = json.Number("30000000.00") },
			"/investment/total", true,
			"amounts are decimal strings in the contract; a JSON number is read as binary floating point by many decoders"},
		{"money with an exponent", func(r map[string]any) { obj(r, "investment")["total"] = "3e7" },
			"/investment/total", true, "the contract's decimal form is plain digits"},
		{"negative money", func(r map[string]any) { obj(r, "investment")["total"] = "-1.00" },
			"/investment/total", true, "amounts are not negative"},
		{"a completed investment that is no number", func(r map[string]any) { obj(r, "investment")["completed"] = "none yet" },
			"/investment/completed", true, "a form amount is a decimal or blank"},
		{"unknown category code", func(r map[string]any) { r["category"] = "big-data" },
			"/category", true, "codes are an enum"},
		{"unknown subtype code", func(r map[string]any) { r["subtype"] = "data-centre" },
			"/subtype", true, "codes are an enum"},
		{"unknown incident kind", func(r map[string]any) {
			r["incidents"] = []any{map[string]any{"date": "2019-01-01", "kind": "fire"}}
		}, "/incidents/0/kind", true, "codes are an enum"},
		{"code in the wrong case", func(r map[string]any) { r["stage"] = "New-Start" },
			"/stage", true, "codes are exact, lower case"},
		{"empty code", func(r map[string]any) { r["reportingUnit"] = "" },
			"/reportingUnit", true, "an unknown fact is an absent key, not an empty string"},
		{"null fact", func(r map[string]any) { obj(r, "investment")["completedVerified"] = nil },
			"/investment/completedVerified", true, "an unknown fact is an absent key, not null"},
		{"unknown field", func(r map[string]any) { obj(r, "applicant")["creditCod"] = "x" },
			"/applicant", true, "objects are closed: a misspelt name must not be silently dropped"},
		{"unknown top-level field", func(r map[string]any) { r["budget"] = "1" },
			"", true, "objects are closed"},
		{"missing category", func(r map[string]any) { delete(r, "category") },
			"", true, "category decides which criteria apply"},
		{"date not YYYY-MM-DD", func(r map[string]any) { obj(r, "preparation")["plannedStart"] = "2020/09/15" },
			"/preparation/plannedStart", true, "dates are YYYY-MM-DD"},
		{"date that does not exist", func(r map[string]any) { obj(r, "preparation")["plannedStart"] = "2021-02-29" },
			"/preparation/plannedStart", true, "format date asserts a real calendar date"},
		{"finding without met", func(r map[string]any) { obj(r, "findings")["BD-2"] = map[string]any{"by": "x"} },
			"/findings/BD-2", true, "met is the finding itself"},
		{"finding keyed by a malformed ID", func(r map[string]any) { obj(r, "findings")["BD 2"] = map[string]any{"met": true} },
			// santhosh-tekuri/jsonschema v6.0.3 reports a propertyNames failure at a
			// sibling's location, so the test looks for the key in the message.
			"'BD 2'", true, "findings are keyed by criterion ID"},
		{"boolean as a string", func(r map[string]any) { obj(r, "preparation")["fundingSecured"] = "true" },
			"/preparation/fundingSecured", true, "booleans are JSON booleans"},
		{"list over the input limit", func(r map[string]any) {
			r["bigDataContent"] = slices.Repeat([]any{"storage"}, eligibility.MaxListLength+1)
		}, "/bigDataContent", true, "the engine's input limits bound every rule's cost"},
		{"malformed credit code", func(r map[string]any) { obj(r, "applicant")["creditCode"] = "91220101MA1567AD5" },
			"/applicant/creditCode", true, "18 characters of the GB 32100 alphabet"},
	}
	engine := eligibility.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r map[string]any
			dec := json.NewDecoder(bytes.NewReader(base))
			dec.UseNumber()
			require.NoError(t, dec.Decode(&r))
			tt.edit(r)
			data, err := json.Marshal(r)
			require.NoError(t, err)

			err = validate(s.project, data)
			var ve *jsonschema.ValidationError
			require.ErrorAs(t, err, &ve, "the schema must reject it: %s", tt.why)
			if strings.HasPrefix(tt.wantAt, "'") {
				assert.Contains(t, ve.Error(), tt.wantAt)
			} else {
				assert.Contains(t, instanceLocations(ve), tt.wantAt, "%s", ve)
			}

			p, err := eligibility.DecodeProject(data)
			if err == nil {
				err = engine.Validate(p)
			}
			if tt.engineRejects {
				assert.ErrorIs(t, err, eligibility.ErrInvalidProject, "the engine refuses it too")
			} else {
				assert.NoError(t, err, "the engine tolerates it; only the contract refuses it")
			}
		})
	}
}

// TestProjectSchemaAccepts pins codes and forms the contract must keep accepting:
// the codes that are valid but not listed by their type's list function, and an
// amount with no fraction.
func TestProjectSchemaAccepts(t *testing.T) {
	s := compileSchemas(t)
	tests := []struct {
		name   string
		record string
	}{
		{"reporting unit other (valid, unlisted)", `{"category":"bigdata","reportingUnit":"other"}`},
		{"carrier none (valid, unlisted)", `{"category":"telecom","applicant":{"carrier":"none"}}`},
		{"whole-yuan amount", `{"category":"bigdata","investment":{"total":"5000000"}}`},
		{"only the category", `{"category":"ai"}`},
		{"empty incidents: stated, none", `{"category":"industrial-internet","incidents":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.NoError(t, validate(s.project, []byte(tt.record)))
			_, err := eligibility.DecodeProject([]byte(tt.record))
			assert.NoError(t, err, "the decoder accepts what the contract accepts")
		})
	}
}

// TestVerdictSchemaRejects checks the verdict schema is no mere description: a stored
// verdict with an unknown decision or a decimal parameter as a number does not pass.
func TestVerdictSchemaRejects(t *testing.T) {
	s := compileSchemas(t)
	v := evaluate(t, base(t, "bigdata"), submissionDate)
	good, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, validate(s.verdict, good))

	tests := []struct {
		name   string
		edit   func(r map[string]any)
		wantAt string
	}{
		{"unknown decision", func(r map[string]any) { r["decision"] = "maybe" }, "/decision"},
		{"unknown outcome", func(r map[string]any) { r["results"].([]any)[0].(map[string]any)["outcome"] = "skipped" }, "/results/0/outcome"},
		{"decimal parameter as a number", func(r map[string]any) {
			for _, p := range r["parameters"].([]any) {
				if p := p.(map[string]any); p["type"] == "decimal" {
					p["value"] = json.Number("5000000")
					return
				}
			}
			panic("no decimal parameter")
		}, "/parameters/0/value"},
		{"missing results", func(r map[string]any) { delete(r, "results") }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r map[string]any
			dec := json.NewDecoder(bytes.NewReader(good))
			dec.UseNumber()
			require.NoError(t, dec.Decode(&r))
			tt.edit(r)
			data, err := json.Marshal(r)
			require.NoError(t, err)
			var ve *jsonschema.ValidationError
			require.ErrorAs(t, validate(s.verdict, data), &ve)
			assert.Contains(t, instanceLocations(ve), tt.wantAt, "%s", ve)
		})
	}
}

// TestVerdictContractIsStable pins the verdict's JSON names and codes of release 0.1.0
// at the schema level. Fields may be added within a major version; none of these may
// be renamed or removed, the required ones stay required, and the decision, outcome,
// strength and basis codes are exactly these (a consumer switches on them).
func TestVerdictContractIsStable(t *testing.T) {
	var doc struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Required   []string                   `json:"required"`
		Defs       map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
			Required   []string                   `json:"required"`
			Enum       []string                   `json:"enum"`
		} `json:"$defs"`
	}
	data, err := os.ReadFile(filepath.Join("schema", schemagen.VerdictFile))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &doc))

	pins := []struct {
		where            string
		properties       map[string]json.RawMessage
		required         []string
		fields, requires []string
	}{
		{"Verdict", doc.Properties, doc.Required,
			[]string{"projectId", "projectName", "decision", "category", "subtype", "confirmingAuthority", "channel",
				"ruleSet", "document", "asOf", "parameters", "failing", "undetermined", "advisories", "results"},
			[]string{"decision", "category", "confirmingAuthority", "channel", "ruleSet", "document", "asOf", "parameters", "results"}},
		{"Result", doc.Defs["Result"].Properties, doc.Defs["Result"].Required,
			[]string{"id", "ref", "strength", "basis", "outcome", "missing", "message"},
			[]string{"id", "ref", "strength", "basis", "outcome", "message"}},
		{"ParameterValue", doc.Defs["ParameterValue"].Properties, doc.Defs["ParameterValue"].Required,
			[]string{"name", "type", "value", "from"}, []string{"name", "type", "value"}},
		{"Text", doc.Defs["Text"].Properties, doc.Defs["Text"].Required,
			[]string{"zh", "en"}, []string{"zh", "en"}},
	}
	for _, pin := range pins {
		for _, f := range pin.fields {
			assert.Contains(t, pin.properties, f, "%s.%s is part of the stable verdict contract", pin.where, f)
		}
		for _, f := range pin.requires {
			assert.Contains(t, pin.required, f, "%s.%s must stay required", pin.where, f)
		}
	}
	for def, codes := range map[string][]string{
		"Decision": {"eligible", "ineligible", "undetermined"},
		"Outcome":  {"pass", "fail", "undetermined", "not-applicable"},
		"Strength": {"mandatory", "encouraged"},
		"Basis":    {"data", "finding"},
	} {
		assert.Equal(t, codes, doc.Defs[def].Enum, "the %s codes are stable", def)
	}
}

// obj returns the object at key, creating it if absent.
func obj(r map[string]any, key string) map[string]any {
	if m, ok := r[key].(map[string]any); ok {
		return m
	}
	m := map[string]any{}
	r[key] = m
	return m
}

// instanceLocations lists every instance location of a validation error and its causes,
// as JSON pointers.
func instanceLocations(ve *jsonschema.ValidationError) []string {
	var locs []string
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		loc := ""
		for _, seg := range e.InstanceLocation {
			loc += "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(seg)
		}
		if !slices.Contains(locs, loc) {
			locs = append(locs, loc)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return locs
}
