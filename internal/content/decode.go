package content

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Meta records where a YAML mapping and each of its values were written, so
// that rules checked after decoding can still point at the right line.
// Structs that embed Meta get it filled in by the decoder.
type Meta struct {
	Pos    Pos        // the mapping itself
	Fields []FieldPos // each key that was present, at its value, in file order
}

// FieldPos is where one key's value was written. A slice of these is much
// smaller than a map for the handful of keys a mapping has, and a large
// site has hundreds of thousands of mappings.
type FieldPos struct {
	Key string
	Pos Pos
	Bad bool // the value was already reported as wrong
}

func (m Meta) field(key string) (FieldPos, bool) {
	for _, f := range m.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return FieldPos{}, false
}

// Bad reports whether key's value was already reported as wrong, so that
// later rules do not report it again.
func (m Meta) Bad(key string) bool {
	f, _ := m.field(key)
	return f.Bad
}

// At returns the position of key's value, or of the mapping when key is absent.
func (m Meta) At(key string) Pos {
	if f, ok := m.field(key); ok {
		return f.Pos
	}
	return m.Pos
}

// Has reports whether key was written (even with an empty value).
func (m Meta) Has(key string) bool {
	_, ok := m.field(key)
	return ok
}

// scalar is implemented by field types that parse their own text, such as
// Date; the error it returns is phrased for a PSA.
type scalar interface {
	parseScalar(s string) error
}

var metaType = reflect.TypeFor[Meta]()

// maxYAMLSize bounds what one file may hold; content files are a few
// kilobytes, and a larger one is a mistake (or an attack on the build).
// Its Markdown fields, parsed and held together while its school is
// rendered, are then bounded as one update's body is (markdown.MaxSize).
const maxYAMLSize = 256 << 10

// decodeYAML parses src (the YAML text of path, whose first line is line
// lineOffset+1 of the file) into v, recording every problem in ds. It rejects
// unknown keys except those beginning x_, anchors and aliases, and duplicate
// keys. It returns false when the text could not be parsed at all.
func decodeYAML(path string, src []byte, lineOffset int, v any, ds *Diagnostics) bool {
	if len(src) > maxYAMLSize {
		ds.Errorf(path, Pos{}, "file is %d bytes, more than the %d allowed; split it or remove what is not needed", len(src), maxYAMLSize)
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		p := explainSyntax(src, err)
		*ds = append(*ds, Diagnostic{Path: path, Pos: Pos{Line: p.line + lineOffset, Col: p.col}, Msg: p.msg, Fix: p.fix})
		return false
	}
	d := &decoder{path: path, offset: lineOffset, ds: ds, src: src}
	root := &doc
	if root.Kind == 0 { // an empty file, or only comments
		root = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: 1, Column: 1}
	}
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			root = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: 1, Column: 1}
		} else {
			root = root.Content[0]
		}
	}
	d.value(root, reflect.ValueOf(v).Elem(), "")
	return true
}

type decoder struct {
	path   string
	offset int
	ds     *Diagnostics
	src    []byte // the text decoded, for the lines that fixes are made from
	// items are the list items being decoded, outermost first: the ones
	// a label's name ("[9].repeat") passes through, which messages name
	// by their titles. Titles are worked out only for a message.
	items []*yaml.Node
}

func (d *decoder) pos(n *yaml.Node) Pos {
	return Pos{Line: n.Line + d.offset, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.ds.Errorf(d.path, d.pos(n), format, args...)
}

// fixf reports an error at n with a fix: the line of n with old, where
// n starts, replaced by new.
func (d *decoder) fixf(n *yaml.Node, old, new string, format string, args ...any) {
	d.errorf(n, format, args...)
	if line, ok := lineOf(d.src, n.Line); ok {
		if fixed, ok := replaceAt(line, n.Column, old, new); ok {
			(*d.ds)[len(*d.ds)-1].Fix = fixed
		}
	}
}

// raw is how a scalar's value was written, where that can be known: plain
// or in quotes without escapes.
func raw(n *yaml.Node) string {
	switch n.Style {
	case 0:
		return n.Value
	case yaml.DoubleQuotedStyle:
		return `"` + n.Value + `"`
	case yaml.SingleQuotedStyle:
		return "'" + n.Value + "'"
	}
	return "\x00" // never found in a line: no fix
}

// describe names a node's kind in words a PSA knows.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of \"key: value\" lines"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, name string) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.errorf(n, "%s uses a YAML anchor or alias (& or *), which is not supported here: write the value out in full", d.label(name))
		return
	}
	if v.Kind() == reflect.Pointer {
		if isNull(n) {
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem(), name)
		return
	}
	if s, ok := v.Addr().Interface().(scalar); ok {
		if isNull(n) {
			return
		}
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "%s should be a single value, not %s", d.label(name), describe(n))
			return
		}
		if err := s.parseScalar(n.Value); err != nil {
			var sug suggestion
			if errors.As(err, &sug) && sug.value != "" {
				d.fixf(n, raw(n), sug.value, "%s: %v", d.label(name), err)
			} else {
				d.errorf(n, "%s: %v", d.label(name), err)
			}
		}
		return
	}
	if k, ok := v.Addr().Interface().(keyedMap); ok {
		k.decodeKeyed(d, n, name)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.mapping(n, v, name)
	case reflect.Slice:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "%s should be a list (lines starting with \"- \"), not %s", d.label(name), describe(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			d.items = append(d.items, item)
			d.value(item, s.Index(i), fmt.Sprintf("%s[%d]", name, i+1))
			d.items = d.items[:len(d.items)-1]
		}
		v.Set(s)
	default:
		d.basicValue(n, v, name)
	}
}

// basicValue decodes a value of a built-in kind: text, a whole number, a
// number or true or false.
func (d *decoder) basicValue(n *yaml.Node, v reflect.Value, name string) {
	switch v.Kind() {
	case reflect.String:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "%s should be text, not %s", d.label(name), describe(n))
			return
		}
		v.SetString(d.text(n, name))
	case reflect.Int:
		if isNull(n) {
			return
		}
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			d.errorf(n, "%s should be a whole number such as 12, not %s", d.label(name), describe(n))
			return
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		if isNull(n) {
			return
		}
		f, err := strconv.ParseFloat(n.Value, 64)
		if n.Kind != yaml.ScalarNode || err != nil || f != f {
			d.errorf(n, "%s should be a number such as 55 or 55.5, not %s", d.label(name), describe(n))
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		if isNull(n) {
			return
		}
		switch strings.ToLower(n.Value) {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		default:
			d.errorf(n, "%s should be true or false, not %s", d.label(name), describe(n))
		}
	default:
		panic("content: no YAML decoding for " + v.Type().String())
	}
}

// text returns a text value as the site may publish it: a control
// character (which only an escape such as "\a" can put there, the file's
// own characters having been checked) is an error; a bidi control is left
// out, with a warning (see text.go).
func (d *decoder) text(n *yaml.Node, name string) string {
	control, bidi := valueProblem(n.Value)
	if control >= 0 {
		d.errorf(n, "%s holds an invisible control character (U+%04X), which does not belong in a page; remove it", d.label(name), control)
	}
	if bidi < 0 {
		return n.Value
	}
	d.ds.Warnf(d.path, d.pos(n), "%s holds the invisible character U+%04X, which changes the direction of text and can make it read in a misleading order; it is left out of the site: remove it from the file", d.label(name), bidi)
	return dropBidi(n.Value)
}

type fieldInfo struct {
	index    int
	key      string
	required bool
}

type structFields struct {
	fields []fieldInfo
	meta   int
}

// formatFields holds the YAML fields of every struct type of the format,
// worked out as the program starts and never written after: a large site
// decodes hundreds of thousands of mappings of a dozen types.
var formatFields = fieldTable(
	reflect.TypeFor[SiteConfig](), reflect.TypeFor[PageFront](), reflect.TypeFor[School](),
	reflect.TypeFor[ActionPlan](), reflect.TypeFor[[]Meeting](), reflect.TypeFor[[]ViewsGathering](),
	reflect.TypeFor[UpdateFront](), reflect.TypeFor[TranslationFront](), reflect.TypeFor[Translation](),
	reflect.TypeFor[InspectionTranslation](), reflect.TypeFor[AreaTranslation](), reflect.TypeFor[ActionTranslation](),
	reflect.TypeFor[MeasureTranslation](), reflect.TypeFor[MeetingTranslation](), reflect.TypeFor[ViewsTranslation](),
	reflect.TypeFor[QuestionTranslation](), reflect.TypeFor[ThemeTranslation](),
)

// fieldTable returns the fields of each struct type that the roots' YAML
// holds, the roots' own included.
func fieldTable(roots ...reflect.Type) map[reflect.Type]structFields {
	table := map[reflect.Type]structFields{}
	scalarType := reflect.TypeFor[scalar]()
	var walk func(t reflect.Type)
	keyedType := reflect.TypeFor[keyedMap]()
	walk = func(t reflect.Type) {
		if reflect.PointerTo(t).Implements(keyedType) {
			// A Keyed's entries are not a mapping of the format: their
			// values are.
			v, _ := t.Elem().FieldByName("Value")
			walk(v.Type)
			return
		}
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(scalarType) {
			return
		}
		if _, seen := table[t]; seen {
			return
		}
		fields, meta := scanFields(t)
		table[t] = structFields{fields, meta}
		for _, f := range fields {
			walk(t.Field(f.index).Type)
		}
	}
	for _, t := range roots {
		walk(t)
	}
	return table
}

// fieldsOf returns the YAML fields of a struct type, in order, and the
// index of its Meta (-1 if none). The slice may be shared: do not change it.
func fieldsOf(t reflect.Type) (fields []fieldInfo, meta int) {
	if sf, ok := formatFields[t]; ok {
		return sf.fields, sf.meta
	}
	return scanFields(t)
}

func scanFields(t reflect.Type) (fields []fieldInfo, meta int) {
	meta = -1
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == metaType {
			meta = i
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		key, opts, _ := strings.Cut(tag, ",")
		fields = append(fields, fieldInfo{index: i, key: key, required: opts == "required"})
	}
	return fields, meta
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, name string) {
	fields, metaIndex := fieldsOf(v.Type())
	if isNull(n) {
		n = &yaml.Node{Kind: yaml.MappingNode, Line: n.Line, Column: n.Column}
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s should be a set of \"key: value\" lines, not %s", d.label(name), describe(n))
		return
	}
	meta := Meta{Pos: d.pos(n), Fields: make([]FieldPos, 0, len(n.Content)/2)}
	var meant []string // the fields that unknown keys were taken for
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "a key in %s is %s; keys are single words such as `name`", d.label(name), describe(k))
			continue
		}
		key := k.Value
		if strings.HasPrefix(key, "x_") {
			continue // the PSA's own notes: never read, never published
		}
		if meta.Has(key) {
			d.errorf(k, "`%s` is written twice in %s; keep one", key, d.label(name))
			continue
		}
		i := slices.IndexFunc(fields, func(f fieldInfo) bool { return f.key == key })
		if i < 0 {
			msg, field := d.unknownField(key, name, v.Type(), fields)
			if field != "" {
				d.fixf(k, key, field, "%s", msg)
				meant = append(meant, field)
			} else {
				d.errorf(k, "%s", msg)
			}
			continue
		}
		before := len(*d.ds)
		d.value(val, v.Field(fields[i].index), join(name, key))
		// The key as the type spells it, shared, not the copy the parser made.
		meta.Fields = append(meta.Fields, FieldPos{Key: fields[i].key, Pos: d.pos(val), Bad: len(*d.ds) > before})
	}
	for _, f := range fields {
		// A required field written under another name is one mistake,
		// reported once, with the name that was meant.
		if f.required && !meta.Has(f.key) && !slices.Contains(meant, f.key) {
			d.errorf(n, "%s is missing the required field `%s`", d.label(name), f.key)
		}
	}
	if metaIndex >= 0 {
		v.Field(metaIndex).Set(reflect.ValueOf(meta))
	}
}

func join(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// splitFrontMatter separates a Markdown file's leading "---" YAML block from
// its body. bodyLine is the file line on which the body starts.
func splitFrontMatter(src []byte) (front, body []byte, bodyLine int, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \r")) != "---" {
		return nil, src, 1, false
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		next := len(rest) + 1
		if end >= 0 {
			l = rest[off : off+end]
			next = off + end + 1
		} else {
			l = rest[off:]
		}
		if string(bytes.TrimRight(l, " \r")) == "---" {
			if next > len(rest) {
				next = len(rest)
			}
			return rest[:off], rest[next:], line + 1, true
		}
		line++
		off = next
	}
	return nil, src, 1, false
}
