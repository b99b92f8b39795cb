package eligibility

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// plainWord accepts 8 bytes exactly when each is ASCII that encoding/json writes
// as it is: every byte value in every position, among plain bytes and among others.
func TestPlainWord(t *testing.T) {
	for pos := range 8 {
		for b := range 256 {
			for _, fill := range []byte{'a', 0x7f, '=', '?', '#', '\''} {
				s := []byte("aaaaaaaa")
				for i := range s {
					s[i] = fill
				}
				s[pos] = byte(b)
				want := b < 0x80 && !escapes[b]
				require.Equal(t, want, plainWord(word8(string(s))), "byte %#x at %d among %q", b, pos, fill)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		var s [8]byte
		want := true
		for i := range s {
			s[i] = byte(rng.IntN(256))
			want = want && s[i] < 0x80 && !escapes[s[i]]
		}
		require.Equal(t, want, plainWord(word8(string(s[:]))), "%q", s)
	}
}

// appendString writes what encoding/json writes, for random mixes of ASCII, escapes,
// CJK text and its punctuation, U+2028 and broken UTF-8.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	pieces := []string{"a", "Read: ", "<", ">", "&", "\"", "\\", "\n", "\x01", "\x7f", "要求", "：", "（", "。", "“", "…",
		"\u2028", "\u2029", "\u2027", "é", "😀", "\xff", "\xe2\x80", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "0123456789"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var s string
		for range rng.IntN(24) {
			s += pieces[rng.IntN(len(pieces))]
		}
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(appendString(nil, s)), "%q", s)
	}
}

// sentence.say copies its phrases into a verdict's JSON unescaped: every call passes
// two string literals that JSON writes as they are.
func TestPhrasesNeedNoEscaping(t *testing.T) {
	fset := token.NewFileSet()
	calls := 0
	for _, name := range []string{"explain.go"} {
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "say" {
				return true
			}
			calls++
			at := fset.Position(call.Pos())
			require.Len(t, call.Args, 2, "%s", at)
			for _, arg := range call.Args {
				if id, ok := arg.(*ast.SelectorExpr); ok && (id.Sel.Name == "Zh" || id.Sel.Name == "En") {
					// text's own pass-through when not writing JSON.
					require.Equal(t, "text", enclosing(f, call), "%s: say(%s) outside text", at, id.Sel.Name)
					continue
				}
				lit, ok := arg.(*ast.BasicLit)
				require.True(t, ok && lit.Kind == token.STRING, "%s: say takes string literals", at)
				phrase, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				escaped, valid := appendEscaped(nil, phrase)
				require.True(t, valid, "%s: %q", at, phrase)
				require.Equal(t, phrase, string(escaped), "%s: %q needs escaping", at, phrase)
			}
			return true
		})
	}
	require.Greater(t, calls, 20)
}

// enclosing names the function declaration of f that holds n.
func enclosing(f *ast.File, n ast.Node) string {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= n.Pos() && n.End() <= fd.End() {
			return fd.Name.Name
		}
	}
	return ""
}
