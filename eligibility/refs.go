package eligibility

import (
	"slices"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
)

// refs is what one criterion's expressions read, found by walking their checked
// ASTs once, when the engine is built.
type refs struct {
	// facts are indices into schema, in schema order.
	facts []int
	// params are parameter names, in first-read order.
	params []string
	// findings are the criterion IDs of findings['…'] reads with a constant key.
	findings []string
	// asOf says whether the evaluation date is read.
	asOf bool
	// functions are the named functions called (decimal, endOfYear …), not operators.
	functions []string
}

// union returns the reads of r and s together, r's first.
func (r refs) union(s refs) refs {
	u := refs{facts: appendNew(slices.Clone(r.facts), s.facts), params: appendNew(slices.Clone(r.params), s.params),
		findings: appendNew(slices.Clone(r.findings), s.findings), asOf: r.asOf || s.asOf,
		functions: appendNew(slices.Clone(r.functions), s.functions)}
	slices.Sort(u.facts)
	return u
}

// appendNew appends each element of add that dst does not hold yet.
func appendNew[T comparable](dst, add []T) []T {
	for _, x := range add {
		if !slices.Contains(dst, x) {
			dst = append(dst, x)
		}
	}
	return dst
}

// collectRefs adds what a checked expression reads to r.
func (r *refs) collect(checked *cel.Ast) {
	root := ast.NavigateAST(checked.NativeRep())
	for _, e := range ast.MatchDescendants(root, ast.KindMatcher(ast.SelectKind)) {
		path, ok := selectPath(e)
		if !ok {
			continue
		}
		switch head, rest, _ := strings.Cut(path, "."); head {
		case varProject:
			if i := slices.IndexFunc(schema, func(f fact) bool { return f.path == rest }); i >= 0 && !slices.Contains(r.facts, i) {
				r.facts = append(r.facts, i)
			}
		case varParams:
			if !slices.Contains(r.params, rest) {
				r.params = append(r.params, rest)
			}
		}
	}
	for _, e := range ast.MatchDescendants(root, ast.KindMatcher(ast.IdentKind)) {
		if e.AsIdent() == varAsOf {
			r.asOf = true
		}
	}
	for _, e := range ast.MatchDescendants(root, ast.KindMatcher(ast.CallKind)) {
		call := e.AsCall()
		if name := call.FunctionName(); !strings.HasPrefix(name, "_") && !strings.HasPrefix(name, "@") &&
			!slices.Contains(r.functions, name) {
			r.functions = append(r.functions, name)
		}
		if call.FunctionName() != operators.Index || len(call.Args()) != 2 {
			continue
		}
		target, key := call.Args()[0], call.Args()[1]
		if target.Kind() != ast.IdentKind || target.AsIdent() != varFindings || key.Kind() != ast.LiteralKind {
			continue
		}
		if id, ok := key.AsLiteral().(types.String); ok && !slices.Contains(r.findings, string(id)) {
			r.findings = append(r.findings, string(id))
		}
	}
	slices.Sort(r.facts)
}

// selectPath returns "a.b.c" for a select chain rooted at an identifier.
func selectPath(e ast.Expr) (string, bool) {
	var parts []string
	for e.Kind() == ast.SelectKind {
		parts = append(parts, e.AsSelect().FieldName())
		e = e.AsSelect().Operand()
	}
	if e.Kind() != ast.IdentKind {
		return "", false
	}
	parts = append(parts, e.AsIdent())
	slices.Reverse(parts)
	return strings.Join(parts, "."), true
}

// iterates reports whether a checked expression contains a comprehension (exists,
// all, map, filter …), the only construct whose cost grows with the record.
func iterates(checked *cel.Ast) bool {
	root := ast.NavigateAST(checked.NativeRep())
	return len(ast.MatchDescendants(root, ast.KindMatcher(ast.ComprehensionKind))) > 0
}
