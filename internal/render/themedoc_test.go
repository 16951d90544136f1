package render

import (
	"bufio"
	"go/ast"
	"go/parser"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	layout "github.com/parentpages/parentpages/internal/theme"
	theme "github.com/parentpages/parentpages/themes/default"
)

// themeDoc is the document for theme authors, which must list every
// template function and every field of the page data.
const themeDoc = "../../themes/README.md"

// opaque are the types of the page data that the document describes as a
// whole, as values to pass to functions, rather than field by field.
var opaque = []string{"markdown.Doc", "content.Date", "content.DateTime", "content.Meta"}

// buildOnly are the types only the build's methods return (Site.School
// takes a school's folder, which no template has): not for theme authors.
var buildOnly = []string{"site.Findings", "content.Diagnostic"}

// doc is what the document lists.
type doc struct {
	types  map[string]map[string]string // "### `site.School`" -> "| `.Slug` | `string` |"
	funcs  map[string]string            // "| `url(sitePath string) string` |" -> "func(string) string"
	files  map[string]bool              // "| `templates/base.html` |"
	errors []string                     // rows that do not read
}

var (
	typeHeading = regexp.MustCompile("^### `([a-z]+\\.[A-Za-z]+)`$")
	fieldRow    = regexp.MustCompile("^\\| `\\.([A-Za-z]+)` \\| `([^`]+)` \\|")
	funcRow     = regexp.MustCompile("^\\| `([a-zA-Z]+)(\\(.*\\).*)` \\|")
	fileRow     = regexp.MustCompile("^\\| `(templates/[^`]+|assets/[^`]+)` \\|")
)

func readThemeDoc(t *testing.T) doc {
	t.Helper()
	f, err := os.Open(themeDoc)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := doc{types: map[string]map[string]string{}, funcs: map[string]string{}, files: map[string]bool{}}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			section = ""
			if m := typeHeading.FindStringSubmatch(line); m != nil {
				section = m[1]
				d.types[section] = map[string]string{}
			}
			continue
		}
		if m := fieldRow.FindStringSubmatch(line); m != nil && section != "" {
			d.types[section][m[1]] = m[2]
		}
		if m := funcRow.FindStringSubmatch(line); m != nil {
			sig, err := signature(m[2])
			if err != nil {
				d.errors = append(d.errors, line+": "+err.Error())
			}
			d.funcs[m[1]] = sig
		}
		if m := fileRow.FindStringSubmatch(line); m != nil {
			d.files[m[1]] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

// signature reads "(sitePath string) string" as Go, and writes its type
// as package reflect does, without the names: "func(string) string".
func signature(s string) (string, error) {
	e, err := parser.ParseExpr("func" + s)
	if err != nil {
		return "", err
	}
	ft := e.(*ast.FuncType)
	list := func(fl *ast.FieldList) []string {
		var out []string
		if fl == nil {
			return nil
		}
		for _, f := range fl.List {
			typ := exprString(f.Type)
			for range max(1, len(f.Names)) {
				out = append(out, typ)
			}
		}
		return out
	}
	sig := "func(" + strings.Join(list(ft.Params), ", ") + ")"
	switch res := list(ft.Results); len(res) {
	case 0:
	case 1:
		sig += " " + res[0]
	default:
		sig += " (" + strings.Join(res, ", ") + ")"
	}
	return sig, nil
}

func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	case *ast.StarExpr:
		return "*" + exprString(e.X)
	case *ast.ArrayType:
		return "[]" + exprString(e.Elt)
	case *ast.Ellipsis:
		return "..." + exprString(e.Elt)
	case *ast.MapType:
		return "map[" + exprString(e.Key) + "]" + exprString(e.Value)
	}
	return "?"
}

// typeString writes a type as the document does: any for interface{}, and
// a variadic function's last argument with "...".
func typeString(t reflect.Type) string {
	if t.Kind() != reflect.Func {
		return strings.ReplaceAll(t.String(), "interface {}", "any")
	}
	var in, out []string
	for i := range t.NumIn() {
		s := typeString(t.In(i))
		if t.IsVariadic() && i == t.NumIn()-1 {
			s = "..." + strings.TrimPrefix(s, "[]")
		}
		in = append(in, s)
	}
	for i := range t.NumOut() {
		out = append(out, typeString(t.Out(i)))
	}
	sig := "func(" + strings.Join(in, ", ") + ")"
	switch len(out) {
	case 0:
	case 1:
		sig += " " + out[0]
	default:
		sig += " (" + strings.Join(out, ", ") + ")"
	}
	return sig
}

// pageData returns the struct types a template can reach from the page
// and from what the functions return, with the exported fields of each
// (their types as the document writes them), stopping at opaque types and
// at types from outside the program.
func pageData(funcs map[string]any) map[string]map[string]string {
	out := map[string]map[string]string{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || !strings.HasPrefix(t.PkgPath(), "github.com/parentpages/") {
			return
		}
		if _, seen := out[t.String()]; seen || slices.Contains(buildOnly, t.String()) {
			return
		}
		fields := map[string]string{}
		out[t.String()] = fields
		if slices.Contains(opaque, t.String()) {
			return
		}
		for f := range t.Fields() {
			if f.IsExported() {
				fields[f.Name] = typeString(f.Type)
				walk(f.Type)
			}
		}
		// What a template can reach through a method (.Latest.FW).
		for m := range reflect.PointerTo(t).Methods() {
			for out := range m.Type.Outs() {
				walk(out)
			}
		}
	}
	walk(reflect.TypeFor[Page]())
	for _, f := range funcs {
		ft := reflect.TypeOf(f)
		for i := range ft.NumOut() {
			walk(ft.Out(i))
		}
	}
	return out
}

// The document lists every template function with its signature, every
// field of the page data with its type, and every template file; and
// nothing else.
func TestThemeDocumentation(t *testing.T) {
	d := readThemeDoc(t)
	for _, e := range d.errors {
		t.Errorf("%s: %s", themeDoc, e)
	}
	s, fsys := partialSite(t)
	r, err := New(s.Site, theme.FS, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	funcs := r.funcs()
	t.Run("functions", func(t *testing.T) {
		for name, f := range funcs {
			want := typeString(reflect.TypeOf(f))
			switch got, ok := d.funcs[name]; {
			case !ok:
				t.Errorf("%s does not list the function %s, a %s", themeDoc, name, want)
			case got != want:
				t.Errorf("%s gives %s as a %s; it is a %s", themeDoc, name, got, want)
			}
		}
		for name := range d.funcs {
			if funcs[name] == nil {
				t.Errorf("%s lists the function %s, which does not exist", themeDoc, name)
			}
		}
	})
	t.Run("page data", func(t *testing.T) {
		data := pageData(funcs)
		for typ, fields := range data {
			listed, ok := d.types[typ]
			if !ok {
				t.Errorf("%s has no section \"### `%s`\"", themeDoc, typ)
				continue
			}
			for name, want := range fields {
				switch got, ok := listed[name]; {
				case !ok:
					t.Errorf("%s does not list %s's field .%s, a %s", themeDoc, typ, name, want)
				case got != want:
					t.Errorf("%s gives %s.%s as a %s; it is a %s", themeDoc, typ, name, got, want)
				}
			}
			for name := range listed {
				if _, ok := fields[name]; !ok {
					t.Errorf("%s lists %s's field .%s, which does not exist", themeDoc, typ, name)
				}
			}
		}
		for typ := range d.types {
			if _, ok := data[typ]; !ok {
				t.Errorf("%s has a section for %s, which is not in the page data", themeDoc, typ)
			}
		}
	})
	t.Run("template files", func(t *testing.T) {
		var want []string
		for _, kind := range append([]string{"base"}, layout.PageKinds()...) {
			want = append(want, "templates/"+kind+".html")
		}
		partials, err := fs.Glob(theme.FS, "templates/partials/*.html")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range append(want, partials...) {
			if !d.files[p] {
				t.Errorf("%s does not list the template file %s", themeDoc, p)
			}
		}
	})
}
