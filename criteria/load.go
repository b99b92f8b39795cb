package criteria

import (
	"fmt"
	"io/fs"

	"go.yaml.in/yaml/v3"
)

// LoadFS reads the rule-set file name from fsys, as [Load] reads its contents. The
// package never opens a path itself: a program passes os.DirFS(dir), a test an
// fstest.MapFS or an embed.FS, so the library does no I/O of its own choosing.
//
// A read error wraps the fs error (errors.Is(err, fs.ErrNotExist) holds for a
// missing file); a bad file gives the error of [Load], prefixed with name.
func LoadFS(fsys fs.FS, name string, bases ...*RuleSet) (*RuleSet, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("criteria: loading a rule set: %w", err)
	}
	rs, err := Load(data, bases...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rs, nil
}

// Load reads a rule set from YAML or JSON: either a full rule set, read by [Parse],
// or a [Variant] (see [IsVariant]), read by [ParseVariant] and applied to the rule set
// it names. That base is the first of bases with the name, or else the embedded
// default rule set ([Default]) if it has the name; so a variant of the default needs
// no bases. Errors match [ErrInvalidRuleSet] and list every problem, a variant's own
// and those against its base together.
func Load(data []byte, bases ...*RuleSet) (*RuleSet, error) {
	if !IsVariant(data) {
		return Parse(data)
	}
	v, p, err := parseVariant(data)
	if err != nil {
		return nil, err
	}
	if base := findBase(v.Base, bases); base != nil {
		return v.apply(base, p)
	}
	if v.Base != "" {
		known := []string{Default().Name}
		for _, b := range bases {
			if b != nil && b.Name != known[0] {
				known = append(known, b.Name)
			}
		}
		p.Add("base", "no rule set %s is known here; a variant can derive from %q", quoteShort(v.Base), known)
	}
	return nil, p.Err(variantPrefix(v.Name), ErrInvalidRuleSet)
}

// findBase returns the first of bases named name, else the default rule set if it
// is, else nil.
func findBase(name string, bases []*RuleSet) *RuleSet {
	for _, b := range bases {
		if b != nil && b.Name == name {
			return b
		}
	}
	if def := Default(); def.Name == name {
		return def
	}
	return nil
}

// IsVariant reports whether data is a variant rather than a full rule set: a YAML or
// JSON mapping with a top-level "base" key, or with another key only a variant has
// (replace, remove, add, addParameters, removeParameters) or a parameters mapping
// (a rule set lists its parameters), so that a variant missing its base is reported
// as such rather than as a rule set with unknown keys. Malformed data is not a
// variant; [Parse] then reports what is wrong with it.
func IsVariant(data []byte) bool {
	if len(data) > MaxRuleSetBytes {
		return false // Parse refuses it, unread
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return false
	}
	root := doc.Content[0]
	// The top-level keys a variant may have and a rule set may not.
	for _, key := range []string{"base", "replace", "remove", "add", "addParameters", "removeParameters"} {
		if mappingValue(root, key) != nil {
			return true
		}
	}
	params := mappingValue(root, "parameters")
	return params != nil && params.Kind == yaml.MappingNode
}
