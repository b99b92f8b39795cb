package criteria

import (
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jilin761/intake/internal/textdist"
)

// checkKeys walks a decoded YAML node against the Go type it will be decoded into
// and records, by path in the file, every key the type does not have (naming the
// closest key it does have) and every value of the wrong shape (a list where a
// mapping belongs, …). yaml.v3's strict mode stops at the first unknown key and
// names Go types ("field parametres not found in type criteria.variantFile"),
// which hides every other mistake and tells an analyst nothing they wrote.
//
// Paths follow the rest of the package: "parameters.minTotalInvestment.value",
// "replace[0] (BD-5a).require".
func checkKeys(n *yaml.Node, t reflect.Type, path string, p *Problems) {
	w := walker{p: p, expanding: map[*yaml.Node]bool{}}
	w.node(n, t, path, 0)
}

// walker is one walk of checkKeys.
type walker struct {
	p *Problems
	// expanding holds the anchors whose aliases are being walked: an anchor that
	// contains an alias to itself is a cycle, which the decoder refuses; the walk
	// does not follow it.
	expanding map[*yaml.Node]bool
	// visits bounds the walk: aliases may expand a small file into many nodes,
	// within MaxRuleSetBytes.
	visits int
}

// maxKeyDepth bounds the walk; rule-set files are a few levels deep, and the
// decoded-size check has already bounded what aliases can expand to.
const maxKeyDepth = 64

// maxKeyVisits bounds the values the walk visits, aliases expanded: the default rule
// set has about 2,000.
const maxKeyVisits = 1 << 20

var nodeType = reflect.TypeFor[yaml.Node]()

func (w *walker) node(n *yaml.Node, t reflect.Type, path string, depth int) {
	w.visits++
	if w.visits == maxKeyVisits+1 {
		// Reported rather than skipped: a key not checked would be ignored.
		w.p.Add("(document)", "more than %d values, YAML aliases expanded, exceed the limit", maxKeyVisits)
	}
	if n == nil || depth > maxKeyDepth || w.visits > maxKeyVisits {
		return
	}
	p := w.p
	if n.Kind == yaml.AliasNode {
		if w.expanding[n.Alias] {
			return
		}
		w.expanding[n.Alias] = true
		w.node(n.Alias, t, path, depth+1)
		delete(w.expanding, n.Alias)
		return
	}
	if n.Kind == yaml.DocumentNode {
		for _, c := range n.Content {
			w.node(c, t, path, depth+1)
		}
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nodeType || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null") {
		return // a raw value, read later by its own rules; or nothing, which keeps the default
	}
	at := path
	if at == "" {
		at = "(document)"
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			p.Add(at, "a mapping of keys to values is required, not %s", describe(n))
			return
		}
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			f, ok := fields[key.Value]
			if !ok {
				p.Add(join(path, key.Value), "%s", unknownKey(key.Value, t))
				continue
			}
			w.node(val, f, join(path, key.Value), depth+1)
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			p.Add(at, "a mapping is required, not %s", describe(n))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			w.node(n.Content[i+1], t.Elem(), join(path, n.Content[i].Value), depth+1)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			p.Add(at, "a list is required, not %s", describe(n))
			return
		}
		for i, item := range n.Content {
			w.node(item, t.Elem(), itemPath(path, i, item), depth+1)
		}
	default:
		if n.Kind != yaml.ScalarNode {
			p.Add(at, "a single value is required, not %s", describe(n))
		}
	}
}

// itemPath names the i-th item of a list, with its id or name when it has one:
// "replace[0] (BD-5a)", "addParameters[1] (minScore)".
func itemPath(path string, i int, item *yaml.Node) string {
	for _, key := range []string{"id", "name"} {
		if v := mappingValue(item, key); v != nil && v.Kind == yaml.ScalarNode {
			return fmt.Sprintf("%s[%d] (%s)", path, i, shortName(v.Value))
		}
	}
	return fmt.Sprintf("%s[%d]", path, i)
}

func join(path, key string) string {
	key = shortName(key)
	if path == "" {
		return key
	}
	return path + "." + key
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return "a single value"
}

// yamlFields maps the YAML keys of struct type t to their field types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	fields := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
	}
	return fields
}

// unknownKey says that key is not one of t's, and which it most likely meant.
func unknownKey(key string, t reflect.Type) string {
	best, bestDist := "", -1
	for name := range yamlFields(t) {
		d := textdist.Distance(strings.ToLower(key), strings.ToLower(name))
		if bestDist < 0 || d < bestDist || d == bestDist && name < best {
			best, bestDist = name, d
		}
	}
	if best != "" && bestDist <= max(2, len(best)/3) {
		return fmt.Sprintf("unknown key; did you mean %s?", best)
	}
	return "unknown key"
}
