package content

import (
	"bytes"
	"fmt"
	"path"
	"reflect"
	"regexp"
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
		line, msg := yamlSyntaxError(err)
		ds.Errorf(path, Pos{Line: line + lineOffset, Col: 1}, "%s", msg)
		return false
	}
	d := &decoder{path: path, offset: lineOffset, ds: ds}
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

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// yamlSyntaxError turns yaml.v3's parse error into a line and a message.
func yamlSyntaxError(err error) (int, string) {
	msg := err.Error()
	line := 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		}
		msg = msg[len(m[0]):]
	}
	hint := "check the indentation (spaces, not tabs) and put text containing \": \" or starting with a special character in quotes"
	if strings.Contains(msg, "tab") {
		hint = "use spaces, not tabs, to indent"
	}
	return line, fmt.Sprintf("this is not valid YAML (%s): %s", msg, hint)
}

type decoder struct {
	path   string
	offset int
	ds     *Diagnostics
}

func (d *decoder) pos(n *yaml.Node) Pos {
	return Pos{Line: n.Line + d.offset, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.ds.Errorf(d.path, d.pos(n), format, args...)
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

// label names a place in a file in words: "the file", "`title`",
// "`start` (meeting 2)", "point 3 (area 1, measure 1)". name is the
// decoder's path to it, such as "[2].start" or "areas[1].measures[1].points[3]".
func (d *decoder) label(name string) string {
	if name == "" {
		return "the file"
	}
	var items []string // "meeting 2", outermost first
	var keys []string  // the keys after the last list item
	list := rootList[path.Base(d.path)]
	for _, seg := range strings.Split(name, ".") {
		key, index, isItem := strings.Cut(seg, "[")
		if key != "" {
			keys = append(keys, key)
			list = key
		}
		if isItem {
			noun := itemNoun[list]
			if noun == "" {
				noun = "item"
			}
			items = append(items, noun+" "+strings.TrimSuffix(index, "]"))
			keys = nil
		}
	}
	if len(keys) == 0 {
		last := items[len(items)-1]
		if len(items) == 1 {
			return last
		}
		return last + " (" + strings.Join(items[:len(items)-1], ", ") + ")"
	}
	l := "`" + strings.Join(keys, ".") + "`"
	if len(items) > 0 {
		l += " (" + strings.Join(items, ", ") + ")"
	}
	return l
}

// rootList names the list a file is, for files that are lists.
var rootList = map[string]string{"meetings.yaml": "meetings", "views.yaml": "views"}

// itemNoun is what one item of each list is called.
var itemNoun = map[string]string{
	"meetings": "meeting", "views": "gathering of views", "inspections": "inspection",
	"judgements": "judgement", "areas_for_improvement": "area for improvement", "milestones": "milestone",
	"areas": "area", "actions": "action", "measures": "measure", "points": "point", "give_views": "way to give views",
	"questions": "question", "themes": "theme", "except": "date",
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
			d.errorf(n, "%s: %v", d.label(name), err)
		}
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
			d.value(item, s.Index(i), fmt.Sprintf("%s[%d]", name, i+1))
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
	reflect.TypeFor[UpdateFront](),
)

// fieldTable returns the fields of each struct type that the roots' YAML
// holds, the roots' own included.
func fieldTable(roots ...reflect.Type) map[reflect.Type]structFields {
	table := map[reflect.Type]structFields{}
	scalarType := reflect.TypeFor[scalar]()
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
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
			d.errorf(k, "%s", d.unknownField(key, name, fields))
			continue
		}
		before := len(*d.ds)
		d.value(val, v.Field(fields[i].index), join(name, key))
		// The key as the type spells it, shared, not the copy the parser made.
		meta.Fields = append(meta.Fields, FieldPos{Key: fields[i].key, Pos: d.pos(val), Bad: len(*d.ds) > before})
	}
	for _, f := range fields {
		if f.required && !meta.Has(f.key) {
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

func (d *decoder) unknownField(key, name string, fields []fieldInfo) string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.key
	}
	msg := fmt.Sprintf("unknown field `%s` in %s", key, d.label(name))
	if s := closest(key, keys); s != "" {
		msg += fmt.Sprintf("; did you mean `%s`?", s)
	}
	msg += " The fields here are: " + strings.Join(keys, ", ") + " (or a private note starting x_)"
	return msg
}

// closest returns the candidate nearest to s by edit distance, if near enough
// to be a likely typo.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if dist := editDistance(strings.ToLower(s), c); dist < bestD {
			best, bestD = c, dist
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
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
