package schemagen

import (
	"errors"
	"slices"

	"github.com/invopop/jsonschema"

	"github.com/jilin761/intake/eligibility"
)

// addCompact adds to the verdict schema's $defs the compact form of a verdict
// (eligibility.Compact): CompactVerdict, CompactResult and CompactInput, each the
// full form's definition less the members the compact form leaves out. The full
// form, the schema's root, is unchanged.
func addCompact(root *jsonschema.Schema) error {
	result, input := root.Definitions["Result"], root.Definitions["Input"]
	if result == nil || input == nil {
		return errors.New("no $defs entries Result and Input")
	}
	ci := without(input, "label", "unit", "codes")
	ci.Description = "An input of a result in a verdict's compact form: the full form's Input without its " +
		"label, unit and code list (codes), which the input's name fixes."
	cr := without(result, "ref", "strength", "basis", "requirement", "explanation")
	cr.Description = "A result in a verdict's compact form: the full form's Result without its clause, " +
		"strength, basis and requirement, which the rule set fixes for the criterion's id, and without its " +
		"explanation, which is derived from the other members. It keeps its adjustments, which qualify its message. " +
		"A not-applicable result is its id and outcome only."
	if inputs, ok := cr.Properties.Get("inputs"); ok {
		list := *inputs
		list.Items = ref("CompactInput")
		cr.Properties.Set("inputs", &list)
	}
	notApplicable := object("outcome", &jsonschema.Schema{Const: string(eligibility.NotApplicable)})
	cr.AllOf = append(cr.AllOf, &jsonschema.Schema{
		If:   notApplicable,
		Then: &jsonschema.Schema{MaxProperties: new(uint64(2))},
		Else: &jsonschema.Schema{Required: []string{"message"}},
	})
	cr.Required = []string{"id", "outcome"}

	cv := without(root, "results")
	cv.Version, cv.ID, cv.Definitions = "", "", nil
	cv.Title = "入库判定结论（紧凑形式） / Intake verdict, compact form"
	cv.Description = "A verdict in its compact form, for storage and the wire (eligibility.Compact; " +
		"the server's ?form=compact): the full form (this schema's root) less what a reader can recompute. " +
		"Its own members are the full form's; each result is a CompactResult."
	results, _ := root.Properties.Get("results")
	list := *results
	list.Items = ref("CompactResult")
	cv.Properties.Set("results", &list)
	cv.Required = slices.Clone(root.Required)

	root.Definitions["CompactInput"] = ci
	root.Definitions["CompactResult"] = cr
	root.Definitions["CompactVerdict"] = cv
	return nil
}

// without returns a copy of the object schema s without the named properties, and
// without them among its required ones.
func without(s *jsonschema.Schema, names ...string) *jsonschema.Schema {
	c := *s
	c.Properties = jsonschema.NewProperties()
	for p := s.Properties.Oldest(); p != nil; p = p.Next() {
		if !slices.Contains(names, p.Key) {
			c.Properties.Set(p.Key, p.Value)
		}
	}
	c.Required = slices.DeleteFunc(slices.Clone(s.Required), func(r string) bool { return slices.Contains(names, r) })
	c.AllOf = slices.Clone(s.AllOf)
	return &c
}
