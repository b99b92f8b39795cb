package schemagen

import (
	"fmt"
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// docIndex reads the doc comments of the module's types and struct fields from source,
// one package directory at a time as the reflector asks for them. The schema
// descriptions come from these comments so that the published contract and the Go
// documentation cannot drift apart: a field's doc is written once, in project.go.
//
// invopop's own AddGoComments does the same but keys what it finds by the path it was
// given relative to the working directory, which holds only when run from the module
// root; the index is keyed by import path instead, so the generator works from
// `go generate` (run in eligibility/) and from tests alike.
type docIndex struct {
	root   string // the module's root directory
	module string // the module path
	// pkgs maps an import path to its docs, keyed "Type" and "Type.Field".
	pkgs map[string]map[string]string
	// computed are the members types write beyond their fields (computedFields).
	computed map[reflect.Type][]reflect.StructField
	// err is the first error met while loading a package; lookups cannot return one.
	err error
}

func newDocIndex(root, module string, computed map[reflect.Type][]reflect.StructField) *docIndex {
	return &docIndex{root: root, module: module, computed: computed, pkgs: map[string]map[string]string{}}
}

// lookup is the reflector's LookupComment: the description of type t (field == "") or
// of its field. A type gets its first paragraph; a field its whole doc, with the Go
// names of the struct's fields replaced by their JSON names.
func (d *docIndex) lookup(t reflect.Type, field string) string {
	docs := d.pkg(t.PkgPath())
	if field == "" {
		return typeDoc(docs[t.Name()])
	}
	return fieldDoc(docs[t.Name()+"."+field], t, d.computed[t])
}

// pkg returns the docs of the package with the given import path, loading them on first
// use; nil for a package outside the module.
func (d *docIndex) pkg(importPath string) map[string]string {
	if docs, ok := d.pkgs[importPath]; ok {
		return docs
	}
	var dir string
	switch {
	case importPath == d.module:
		dir = d.root
	case strings.HasPrefix(importPath, d.module+"/"):
		dir = filepath.Join(d.root, filepath.FromSlash(strings.TrimPrefix(importPath, d.module+"/")))
	default:
		d.pkgs[importPath] = nil
		return nil
	}
	docs, err := parseDocs(dir)
	if err != nil && d.err == nil {
		d.err = fmt.Errorf("reading the doc comments of %s: %w", importPath, err)
	}
	d.pkgs[importPath] = docs
	return docs
}

// parseDocs collects the doc comments of the types and struct fields declared in the
// non-test Go files of dir.
func parseDocs(dir string) (map[string]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	docs := map[string]string{}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				// A method documents a member that a MarshalJSON computes from it
				// (Result.Explanation).
				if recv := receiverName(fd); recv != "" {
					docs[recv+"."+fd.Name.Name] = fd.Doc.Text()
				}
				continue
			}
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				doc := ts.Doc.Text()
				if doc == "" && len(gd.Specs) == 1 {
					doc = gd.Doc.Text()
				}
				docs[ts.Name.Name] = doc
				if st, ok := ts.Type.(*ast.StructType); ok {
					structDocs(docs, ts.Name.Name, st)
				}
			}
		}
	}
	return docs, nil
}

// receiverName returns the name of the type a method is declared on, or "" for a
// function.
func receiverName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// structDocs records the doc of each field of st. A field without a doc of its own
// takes its predecessor's when that doc names it: Verdict documents ProjectID and
// ProjectName with one comment, "ProjectID and ProjectName echo the record."
func structDocs(docs map[string]string, typeName string, st *ast.StructType) {
	prev := ""
	for _, f := range st.Fields.List {
		doc := f.Doc.Text()
		if doc == "" {
			doc = f.Comment.Text()
		}
		for _, n := range f.Names {
			d := doc
			if d == "" && mentions(prev, n.Name) {
				d = prev
			}
			docs[typeName+"."+n.Name] = d
			prev = d
		}
	}
}

// mentions reports whether text contains word as a whole word.
func mentions(text, word string) bool {
	return regexp.MustCompile(`\b` + regexp.QuoteMeta(word) + `\b`).MatchString(text)
}

// render turns a doc comment into plain text: doc links lose their brackets, lines are
// not wrapped, paragraphs are separated by a blank line. rename, if not nil, rewrites
// the plain text of paragraphs and list items (not links or code).
func render(doc string, rename func(string) string) string {
	p := comment.Parser{LookupSym: func(string, string) bool { return true }}
	d := p.Parse(doc)
	if rename != nil {
		renameBlocks(d.Content, rename)
	}
	pr := comment.Printer{TextWidth: -1}
	return strings.TrimSpace(string(pr.Text(d)))
}

func renameBlocks(blocks []comment.Block, rename func(string) string) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *comment.Paragraph:
			renameText(b.Text, rename)
		case *comment.List:
			for _, item := range b.Items {
				renameBlocks(item.Content, rename)
			}
		}
	}
}

func renameText(text []comment.Text, rename func(string) string) {
	for i, t := range text {
		switch t := t.(type) {
		case comment.Plain:
			text[i] = comment.Plain(rename(string(t)))
		case comment.Italic:
			text[i] = comment.Italic(rename(string(t)))
		}
	}
}

// zeroValueUnset is a sentence of the type docs that describes the Go value, not the
// JSON (where unset is an absent key), and is dropped from the schema.
const zeroValueUnset = " The zero value means unset."

// typeDoc is a type's description: the first paragraph of its doc.
func typeDoc(doc string) string {
	text, _, _ := strings.Cut(render(doc, nil), "\n\n")
	return strings.ReplaceAll(text, zeroValueUnset, "")
}

// fieldDoc is a field's description: its doc, with the Go names of t's fields written
// as their JSON names in backquotes. A name is left alone where it is qualified
// (eligibility.Version) or a doc link ([ProjectHash] names a function), and an
// all-capitals name (ID) is replaced only as the doc's first word, where it names the
// field; elsewhere it is an ordinary word ("the criterion's stable ID").
func fieldDoc(doc string, t reflect.Type, computed []reflect.StructField) string {
	if t.Kind() != reflect.Struct {
		return render(doc, nil)
	}
	names := map[string]string{}
	for sf := range chain(t.Fields(), slices.Values(computed)) {
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if sf.IsExported() && name != "-" && name != "" {
			names[sf.Name] = name
		}
	}
	first := true // the rename of the doc's first plain text sees its first word
	return render(doc, func(text string) string {
		atStart := first
		first = false
		var b strings.Builder
		last := 0
		for _, m := range fieldWord.FindAllStringIndex(text, -1) {
			w := text[m[0]:m[1]]
			name, ok := names[w]
			switch {
			case !ok:
				continue
			case m[0] > 0 && text[m[0]-1] == '.':
				continue
			case strings.IndexFunc(w, unicode.IsLower) < 0 && !(atStart && m[0] == 0):
				continue
			}
			b.WriteString(text[last:m[0]])
			b.WriteString("`" + name + "`")
			last = m[1]
		}
		b.WriteString(text[last:])
		return b.String()
	})
}

// chain yields the values of a, then those of b.
func chain[T any](a, b iter.Seq[T]) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range a {
			if !yield(v) {
				return
			}
		}
		for v := range b {
			if !yield(v) {
				return
			}
		}
	}
}

// fieldWord matches a word that may be a Go field name.
var fieldWord = regexp.MustCompile(`\b[A-Z][A-Za-z0-9]*\b`)
