// Package schemagen builds the published input and output contract of the eligibility
// package: JSON Schemas (draft 2020-12) of the project record ([eligibility.Project])
// and the verdict ([eligibility.Verdict]), reflected from the Go types with
// github.com/invopop/jsonschema so that the schema cannot say other than the decoder.
//
// Reflection alone would publish the Go representation; Generate adjusts it to the
// JSON contract:
//
//   - amounts and other decimals are strings with a decimal-number pattern, never JSON
//     numbers, because many JSON libraries read numbers as binary floating point; a
//     record's amounts follow eligibility.AmountPattern, exactly the decoder's form;
//   - the project schema states every rule of the decoder and validation that JSON
//     Schema can express (a subtype within its category, the default rule set's
//     finding criteria, the input limits) and lists the rest in its description
//     (UnexpressibleRules);
//   - dates are strings of format date with a YYYY-MM-DD pattern;
//   - every code type is an enum listing every valid code, taken from the category
//     package and the eligibility and criteria constants, with its Chinese and
//     English names;
//   - descriptions are the Go doc comments of the fields, read from source, and
//     titles are the fields' Chinese terms (titles.go);
//   - objects are closed (additionalProperties: false) and a field is required exactly
//     when its JSON tag has neither omitempty nor omitzero.
//
// The checked-in files under eligibility/schema are written by the command in
// cmd/schemagen, run by `go generate ./eligibility`; eligibility's tests regenerate
// them in memory and fail when the files are stale.
package schemagen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/invopop/jsonschema"
	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// The schema files, as named under eligibility/schema.
const (
	ProjectFile = "project.schema.json"
	VerdictFile = "verdict.schema.json"
)

// File is one generated schema file.
type File struct {
	// Name is the file name, ProjectFile or VerdictFile.
	Name string
	// Data is the schema, indented JSON ending in a newline.
	Data []byte
}

// Patterns of the string forms. They are anchored: JSON Schema patterns are not.
const (
	// amount is how a record states an amount, the decoder's one canonical form.
	amount = eligibility.AmountPattern
	// signedDecimal is a decimal in a verdict, where a custom rule set's parameter may
	// be negative.
	signedDecimal = `^-?[0-9]+(\.[0-9]+)?$`
	// datePattern is YYYY-MM-DD; format "date" (RFC 3339 full-date) also rejects
	// 2021-02-29 for validators that assert formats.
	// Year 0000 is RFC 3339's but not the decoder's (criteria.MinYear is 1).
	datePattern = `^([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`
	// criterionID is the form criteria.RuleSet.Validate accepts for an ID.
	criterionID = `^[A-Za-z][A-Za-z0-9-]*$`
	// creditCode is the unified social credit code as stored: 18 characters of the GB
	// 32100 alphabet (no I, O, S, V or Z), upper case, digits in positions 3–8. The
	// engine also checks both check characters.
	creditCode = `^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$`
	// divisionCode is a six-digit GB/T 2260 code.
	divisionCode = `^[0-9]{6}$`
)

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	dateType    = reflect.TypeFor[criteria.Date]()
	formAmount  = reflect.TypeFor[eligibility.FormAmount]()
	valueType   = reflect.TypeFor[criteria.Value]()
)

// Generate builds the project and verdict schemas. srcRoot is the module's root
// directory (the one holding go.mod), whose package directories are read for the doc
// comments that become descriptions; from eligibility/ it is "..".
func Generate(srcRoot string) ([]File, error) {
	projectType := reflect.TypeFor[eligibility.Project]()
	module, ok := strings.CutSuffix(projectType.PkgPath(), "/eligibility")
	if !ok {
		return nil, fmt.Errorf("schemagen: cannot derive the module path from %q", projectType.PkgPath())
	}
	docs := newDocIndex(srcRoot, module, computedFields())
	list, err := enums()
	if err != nil {
		return nil, fmt.Errorf("schemagen: %w", err)
	}
	g := &generator{docs: docs, module: module, enums: map[reflect.Type]enum{}}
	for _, e := range list {
		g.enums[e.typ] = e
	}

	var files []File
	for _, t := range []target{g.projectTarget(), g.verdictTarget(), g.remediesTarget()} {
		s, err := g.build(t)
		if err != nil {
			return nil, fmt.Errorf("schemagen: %s: %w", t.file, err)
		}
		data, err := encode(s)
		if err != nil {
			return nil, fmt.Errorf("schemagen: %s: %w", t.file, err)
		}
		files = append(files, File{Name: t.file, Data: data})
	}
	return files, nil
}

// generator holds what both schemas share. It lives for one Generate call.
type generator struct {
	docs   *docIndex
	module string
	enums  map[reflect.Type]enum
}

// target is one schema to build.
type target struct {
	file               string
	typ                reflect.Type
	title, description string
	// decimal is the $defs entry for decimal.Decimal.
	decimal *jsonschema.Schema
	titles  map[string]string
	// refine adds what reflection cannot know: patterns, key constraints.
	refine func(root *jsonschema.Schema) error
}

func (g *generator) projectTarget() target {
	return target{
		file:  ProjectFile,
		typ:   reflect.TypeFor[eligibility.Project](),
		title: "“761”工程智能信息网项目入库申报记录 / \"761\" project record",
		description: "吉林省“761”工程智能信息网项目的入库申报记录，按吉政数办函〔2020〕579号判定能否入库。\n\n" +
			"The record of one project submitted for intake into Jilin Province's \"761\" project library " +
			"under 吉政数办函〔2020〕579号: every fact the criteria read. " +
			"Absent is not false: omit a fact the record does not state (do not send null or an empty string); " +
			"the one exception is investment.completed, a 三.2 form field, where \"\" says the form left it blank. " +
			"the criteria that need it are then undetermined and the verdict names it as missing. " +
			"Amounts are yuan as decimal strings (\"5000000.00\"), never JSON numbers; dates are YYYY-MM-DD. " +
			"Facts irrelevant to the project's category are ignored. " +
			fmt.Sprintf("A list holds at most %d items and a string at most %d bytes of UTF-8 (the engine's input limits). ",
				eligibility.MaxListLength, eligibility.MaxStringBytes) +
			"Field names, codes and these forms are stable within a major version.\n\n" +
			"The engine's decoder (eligibility.Engine.DecodeProject) accepts exactly what this schema accepts, " +
			"and refuses besides what JSON Schema cannot express:\n" + bullets(UnexpressibleRules()),
		decimal: &jsonschema.Schema{
			Type:    "string",
			Pattern: amount,
			Title:   "金额或数值（字符串形式的精确小数）",
			Description: "An exact, non-negative decimal written as a JSON string in its one canonical form: " +
				"a whole number without a leading zero, optionally a point and 1 to " +
				fmt.Sprint(eligibility.MaxAmountScale) + " more digits (\"5000000.00\", \"0.5\"), at most 10^18. " +
				"No sign, exponent, grouping or spaces. Amounts are yuan; convert 万元 by multiplying by 10,000. " +
				"Never a JSON number, which many decoders read as binary floating point.",
			Examples: []any{"5000000.00"},
		},
		titles: projectTitles(),
		refine: func(root *jsonschema.Schema) error {
			findings, err := field(root, "findings")
			if err != nil {
				return err
			}
			findings.PropertyNames = findingIDs()
			maxProps := uint64(eligibility.MaxListLength)
			findings.MaxProperties = &maxProps
			root.AllOf = append(root.AllOf, subtypesByCategory()...)
			year, err := field(root, "applicant", "selfAssessment", "year")
			if err != nil {
				return err
			}
			year.Minimum, year.Maximum = "1", "9999"
			code, err := field(root, "applicant", "creditCode")
			if err != nil {
				return err
			}
			code.Description += " This schema checks the code's alphabet and form; the engine also checks both " +
				"check characters (GB 32100), which JSON Schema cannot express, and refuses lower case."
			for _, path := range [][]string{
				{"id"}, {"name"}, {"applicant", "name"}, {"identifierNode", "kind"}, {"platform", "level"},
				{"incidents", "[]", "description"}, {"findings", "*", "by"}, {"findings", "*", "note"},
			} {
				s, err := field(root, path...)
				if err != nil {
					return err
				}
				// encoding/json reads "" as absent for these fields; the contract says
				// to leave the key out.
				one := uint64(1)
				s.MinLength = &one
			}
			for path, pattern := range map[string]string{
				"applicant.creditCode":           creditCode,
				"applicant.registrationDivision": divisionCode,
			} {
				s, err := field(root, strings.Split(path, ".")...)
				if err != nil {
					return err
				}
				s.Pattern = pattern
			}
			// The engine's input limits, which bound every rule's cost.
			maxItems := uint64(eligibility.MaxListLength)
			// MaxStringBytes counts bytes and maxLength characters: the bound is
			// necessary, not sufficient (UnexpressibleRules).
			maxLength := uint64(eligibility.MaxStringBytes)
			each(root, func(s *jsonschema.Schema) {
				switch {
				case s.Type == "array":
					s.MaxItems = &maxItems
				case s.Type == "string" && s.Enum == nil && s.Pattern == "" && s.Format == "":
					s.MaxLength = &maxLength
				}
			})
			return nil
		},
	}
}

// each calls fn for root and every schema under it: properties, items, map values and
// $defs. Each shared definition is visited once.
func each(root *jsonschema.Schema, fn func(*jsonschema.Schema)) {
	var visit func(s *jsonschema.Schema)
	visit = func(s *jsonschema.Schema) {
		if s == nil || s == jsonschema.TrueSchema || s == jsonschema.FalseSchema {
			return
		}
		fn(s)
		if s.Properties != nil {
			for _, p := range s.Properties.FromOldest() {
				visit(p)
			}
		}
		visit(s.Items)
		visit(s.AdditionalProperties)
	}
	visit(root)
	for _, name := range slices.Sorted(maps.Keys(root.Definitions)) {
		visit(root.Definitions[name])
	}
}

func (g *generator) verdictTarget() target {
	return target{
		file:  VerdictFile,
		typ:   reflect.TypeFor[eligibility.Verdict](),
		title: "入库判定结论 / Intake verdict",
		description: "一个项目在一个评估日按吉政数办函〔2020〕579号得出的入库判定结论。\n\n" +
			"The structured answer for one project on one evaluation date: the decision, the confirming " +
			"authority and reporting channel, and every criterion's outcome with its stable ID, the letter's " +
			"clause reference and a message in Chinese and English. " +
			"Field names, decision and outcome codes, criterion IDs and references are stable within a major " +
			"version; fields may be added; message wording may change. " +
			"Decimals are strings and dates are YYYY-MM-DD.",
		decimal: &jsonschema.Schema{
			Type:        "string",
			Pattern:     signedDecimal,
			Title:       "精确小数（字符串）",
			Description: "An exact decimal written as a JSON string (\"5000000\", \"0.5\"), never a JSON number.",
		},
		titles: verdictTitles(),
		refine: func(root *jsonschema.Schema) error {
			for _, path := range [][]string{{"failing", "[]"}, {"undetermined", "[]"}, {"advisories", "[]"}, {"results", "[]", "id"}} {
				s, err := field(root, path...)
				if err != nil {
					return err
				}
				s.Type, s.Ref = "", "#/$defs/CriterionID"
			}
			root.Definitions["CriterionID"] = criterionIDSchema()
			pv, ok := root.Definitions["ParameterValue"]
			if !ok {
				return errors.New("no $defs entry ParameterValue")
			}
			// The value's form follows the parameter's type.
			for _, v := range []struct {
				typ   criteria.ParameterType
				value *jsonschema.Schema
			}{
				{criteria.DecimalParameter, ref("Decimal")},
				{criteria.IntParameter, &jsonschema.Schema{Type: "integer"}},
				{criteria.StringParameter, &jsonschema.Schema{Type: "string"}},
				{criteria.ListParameter, &jsonschema.Schema{Type: "array", Items: &jsonschema.Schema{Type: "string"}}},
			} {
				pv.AllOf = append(pv.AllOf, &jsonschema.Schema{
					If:   object("type", &jsonschema.Schema{Const: string(v.typ)}),
					Then: object("value", v.value),
				})
			}
			return addCompact(root)
		},
	}
}

// build reflects one schema and adjusts it to the contract.
func (g *generator) build(t target) (*jsonschema.Schema, error) {
	// defs holds the $defs entries of the types the mapper replaced by references.
	defs := map[string]*jsonschema.Schema{}
	computed := g.docs.computed
	r := &jsonschema.Reflector{
		Anonymous:        true, // the $id is set below, from the file's name
		ExpandedStruct:   true, // the root is the record itself, not a $ref to it
		LookupComment:    g.docs.lookup,
		AdditionalFields: func(rt reflect.Type) []reflect.StructField { return computed[rt] },
		Mapper: func(rt reflect.Type) *jsonschema.Schema {
			// A new schema on every call: the reflector writes the field's
			// description into what the mapper returns.
			switch rt {
			case decimalType:
				defs["Decimal"] = t.decimal
				return ref("Decimal")
			case dateType:
				defs["Date"] = dateSchema()
				return ref("Date")
			case formAmount:
				defs["FormAmount"] = formAmountSchema()
				return ref("FormAmount")
			case rawMessageType:
				return rawValue()
			case valueType:
				defs["Decimal"] = t.decimal
				defs["ParameterValueValue"] = valueSchema()
				return ref("ParameterValueValue")
			}
			if e, ok := g.enums[rt]; ok {
				defs[rt.Name()] = e.schema(g.docs)
				return ref(rt.Name())
			}
			switch {
			case rt.Kind() == reflect.String && rt.PkgPath() != "":
				// A code type nobody listed: publishing it as a free string would
				// silently drop its enum from the contract.
				panic(unlisted{rt, "is a named string type without an enum: add it to enums()"})
			case rt.Kind() == reflect.Struct && marshalsItself(rt) && computed[rt] == nil:
				// Its JSON is what its MarshalJSON writes, which reflection cannot see.
				panic(unlisted{rt, "has its own MarshalJSON: list what it writes in computedFields()"})
			}
			return nil
		},
	}
	s, err := reflectSchema(r, t.typ)
	if err != nil {
		return nil, err
	}
	if g.docs.err != nil {
		return nil, g.docs.err
	}
	for _, name := range slices.Sorted(maps.Keys(defs)) {
		if _, dup := s.Definitions[name]; dup {
			return nil, fmt.Errorf("two $defs entries named %s", name)
		}
		s.Definitions[name] = defs[name]
	}
	s.ID = jsonschema.ID("https://" + g.module + "/eligibility/schema/" + t.file)
	s.Title, s.Description = t.title, t.description
	if err := t.refine(s); err != nil {
		return nil, err
	}
	if err := applyTitles(s, t.titles); err != nil {
		return nil, err
	}
	return s, nil
}

// unlisted is the panic value of the mapper for a type the generator does not know how
// to publish; reflectSchema turns it into an error.
type unlisted struct {
	t      reflect.Type
	reason string
}

// computedFields lists, for each struct type whose MarshalJSON writes members beyond its
// fields, those members as fields for the reflector to add. Each is documented by the
// method of the same name.
func computedFields() map[reflect.Type][]reflect.StructField {
	return map[reflect.Type][]reflect.StructField{
		// Result.MarshalJSON adds the explanation, derived from the other fields.
		reflect.TypeFor[eligibility.Result](): {
			{Name: "Explanation", Type: reflect.TypeFor[criteria.Text](), Tag: `json:"explanation"`},
		},
		// Verdict.MarshalJSON writes its own fields, each result with its explanation
		// as above, in one pass; it adds nothing.
		reflect.TypeFor[eligibility.Verdict](): {},
	}
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

// marshalsItself reports whether t or *t has a MarshalJSON method.
func marshalsItself(t reflect.Type) bool {
	return t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType)
}

func reflectSchema(r *jsonschema.Reflector, t reflect.Type) (s *jsonschema.Schema, err error) {
	defer func() {
		if v := recover(); v != nil {
			u, ok := v.(unlisted)
			if !ok {
				panic(v)
			}
			err = fmt.Errorf("%v %s", u.t, u.reason)
		}
	}()
	return r.ReflectFromType(t), nil
}

func ref(def string) *jsonschema.Schema { return &jsonschema.Schema{Ref: "#/$defs/" + def} }

// object is a schema that constrains one property.
func object(name string, s *jsonschema.Schema) *jsonschema.Schema {
	props := jsonschema.NewProperties()
	props.Set(name, s)
	return &jsonschema.Schema{Properties: props}
}

func dateSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type:        "string",
		Format:      "date",
		Pattern:     datePattern,
		Title:       "日期（YYYY-MM-DD）",
		Description: "A civil date, YYYY-MM-DD, with no time of day or time zone.",
		Examples:    []any{"2020-07-20"},
	}
}

func valueSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Description: "A parameter value; its form follows the parameter's type: a decimal string, a whole " +
			"number, a string or a list of strings.",
		AnyOf: []*jsonschema.Schema{
			ref("Decimal"),
			{Type: "integer"},
			{Type: "string"},
			{Type: "array", Items: &jsonschema.Schema{Type: "string"}},
		},
	}
}

// UnexpressibleRules lists the rules of the engine's decoding and validation that JSON
// Schema cannot express, in words: the project schema's description lists them, and
// so does the README (a test keeps the two the same).
func UnexpressibleRules() []string {
	return []string{
		"`applicant.creditCode`: both check characters of GB 32100 (positions 17 and 18) are right.",
		"`investment.bigDataPortion` is at most `investment.total`.",
		fmt.Sprintf("A string holds at most %s of UTF-8; `maxLength` counts characters, so it bounds only text of one-byte characters.", byteSize(eligibility.MaxStringBytes)),
		"The text is UTF-8 and holds no escaped lone surrogate (an unpaired `\\ud800`–`\\udfff`): a validator decodes the JSON first and sees U+FFFD in their place.",
		"No key appears twice in one object: a JSON parser keeps one of the values silently.",
		"A whole number (`applicant.selfAssessment.year`) is written as digits: `2019`, not `2019.0` or `2.019e3`, which JSON Schema's `integer` accepts.",
		"`findings` are keyed by the criteria of the rule set in force that take a reviewer's finding: `propertyNames` lists the default rule set's, and an engine built from another rule set takes its own.",
		fmt.Sprintf("The record's text (every string, keys of `findings` included) adds up to at most %s (`MaxRecordBytes`).", byteSize(eligibility.MaxRecordBytes)),
	}
}

// byteSize writes n bytes as people do: 64 KiB.
func byteSize(n int) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n%1024 == 0 {
		return fmt.Sprintf("%d KiB", n/1024)
	}
	return fmt.Sprintf("%d bytes", n)
}

func bullets(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("- " + l + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// findingIDs is the schema of a findings key: the ID of one of the default rule set's
// criteria that take a reviewer's finding: those decided by one, and the data
// criteria that read their own finding for what the data alone cannot decide (an
// item an open 等 list does not name, a secondary node of unstated level).
func findingIDs() *jsonschema.Schema {
	engine := eligibility.Default()
	var ids []any
	for _, c := range criteria.Default().Criteria {
		reads, _ := engine.Reads(c.ID)
		if c.Basis == criteria.Finding || slices.Contains(reads.Findings, c.ID) {
			ids = append(ids, c.ID)
		}
	}
	return &jsonschema.Schema{
		Type: "string",
		Enum: ids,
		Description: "The ID of a criterion of the default rule set that takes a reviewer's finding: one a " +
			"reviewer decides (basis: finding), or a data criterion that asks for one where the data alone " +
			"cannot decide (an item its open list does not name). Any other criterion takes no finding.",
	}
}

// subtypesByCategory says, for each category, which subtypes belong to it.
func subtypesByCategory() []*jsonschema.Schema {
	var out []*jsonschema.Schema
	for _, c := range category.Categories() {
		var subs []any
		for _, s := range category.Subtypes() {
			if s.BelongsTo(c) {
				subs = append(subs, string(s))
			}
		}
		cond := object("category", &jsonschema.Schema{Const: string(c)})
		cond.Required = []string{"category"}
		out = append(out, &jsonschema.Schema{
			If:   cond,
			Then: object("subtype", &jsonschema.Schema{Enum: subs, Description: "The subtypes of category " + string(c) + "."}),
		})
	}
	return out
}

func criterionIDSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type:    "string",
		Pattern: criterionID,
		Title:   "条件编号",
		Description: "A criterion's stable ID from the criteria catalogue, e.g. BD-4. " +
			"GET /v1/criteria of examples/server, or criteria/default.yaml, lists them.",
		Examples: []any{"BD-4"},
	}
}

// field returns the schema of the property at path under root, following $refs
// through root's $defs on the way: a name for an object's property, "[]" for an
// array's items, "*" for a map's values. The last step is not followed, so the
// schema returned is the property's own, not a shared definition.
func field(root *jsonschema.Schema, path ...string) (*jsonschema.Schema, error) {
	s := root
	for i, name := range path {
		s = deref(root, s)
		var next *jsonschema.Schema
		switch name {
		case "[]":
			next = s.Items
		case "*":
			next = s.AdditionalProperties
		default:
			if s.Properties != nil {
				next, _ = s.Properties.Get(name)
			}
		}
		if next == nil {
			return nil, fmt.Errorf("no field %s", strings.Join(path[:i+1], "."))
		}
		s = next
	}
	return s, nil
}

// deref follows s's $ref, if it is a local one.
func deref(root, s *jsonschema.Schema) *jsonschema.Schema {
	for range 8 { // a chain of references is short; a cycle is not followed
		name, ok := strings.CutPrefix(s.Ref, "#/$defs/")
		if !ok || root.Definitions[name] == nil {
			return s
		}
		s = root.Definitions[name]
	}
	return s
}

// applyTitles sets the title of each property named in titles, by JSON path, and fails
// on a path that names no property.
func applyTitles(root *jsonschema.Schema, titles map[string]string) error {
	seen := map[string]bool{}
	var walk func(s *jsonschema.Schema, path string, depth int)
	walk = func(s *jsonschema.Schema, path string, depth int) {
		if s == nil || depth > 16 {
			return
		}
		if title, ok := titles[path]; ok && path != "" {
			s.Title = title
			seen[path] = true
		}
		s = deref(root, s)
		if s.Properties != nil {
			for name, p := range s.Properties.FromOldest() {
				walk(p, join(path, name), depth+1)
			}
		}
		walk(s.Items, path+"[]", depth+1)
		if ap := s.AdditionalProperties; ap != nil && ap != jsonschema.FalseSchema && ap != jsonschema.TrueSchema {
			walk(ap, join(path, "*"), depth+1)
		}
	}
	walk(root, "", 0)
	var unknown []string
	for path := range titles {
		if !seen[path] {
			unknown = append(unknown, path)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return fmt.Errorf("titles for paths that name no field: %s", strings.Join(unknown, ", "))
	}
	return nil
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// encode writes the schema as indented JSON ending in a newline. encoding/json escapes
// <, > and & for HTML; a schema is no HTML, so the escapes are undone to keep the
// Chinese and English text readable in a diff.
func encode(s *jsonschema.Schema) ([]byte, error) {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	data = unescapeHTML(data)
	if !json.Valid(data) {
		return nil, errors.New("the schema does not encode to valid JSON")
	}
	return append(data, '\n'), nil
}

// unescapeHTML replaces the escapes \u003c, \u003e and \u0026 by the characters
// themselves, skipping an escaped backslash so that a literal "\\u003c" stays.
func unescapeHTML(data []byte) []byte {
	var out bytes.Buffer
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' || i+1 >= len(data) {
			out.WriteByte(data[i])
			continue
		}
		if data[i+1] == 'u' && i+6 <= len(data) {
			switch string(data[i+2 : i+6]) {
			case "003c":
				out.WriteByte('<')
				i += 5
				continue
			case "003e":
				out.WriteByte('>')
				i += 5
				continue
			case "0026":
				out.WriteByte('&')
				i += 5
				continue
			}
		}
		out.Write(data[i : i+2]) // any other escape, \\ included, as it is
		i++
	}
	return out.Bytes()
}

// formAmountSchema is the $defs entry of eligibility.FormAmount, the completed
// investment as the 三.2 form states it: a decimal that may be negative (GEN-3 fails
// it), or white space only for a field left blank (GEN-3 fails that too).
func formAmountSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type:    "string",
		Pattern: eligibility.FormAmountPattern,
		Title:   "表单金额（字符串形式的精确小数，或留空）",
		Description: "An amount of yuan as a 三.2 form states it: an exact decimal written as a JSON string " +
			"(\"1200000.00\"), which may be negative, or \"\" for a field left blank. A blank, negative or " +
			"over-total amount is a defective form, which fails GEN-3; only text that is no number is refused.",
		Examples: []any{"1200000.00", ""},
	}
}
