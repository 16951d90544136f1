package render

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template/parse"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/readability"
	"github.com/parentpages/parentpages/internal/words"
	theme "github.com/parentpages/parentpages/themes/default"
)

// maxThemeGrade is the hardest the theme's fixed text may read, as a
// Flesch-Kincaid grade: 6 is a reading age of 11, the top of the 9 to 11
// that public-service writing aims at for parents and carers. Ofsted's own
// terms (ofstedTerms) count as short words.
const maxThemeGrade = 6.0

// minThemeWords is the fewest words a template must have for its own
// grade to count: in a menu of a few labels, one long word ("Inspections")
// decides the grade. Its words still count towards the whole theme's.
const minThemeWords = 50

// TestThemeReadability measures the fixed text of every template of the
// default theme (what a page says whatever the content: headings, labels,
// what a judgement means, what happens next) and fails where the theme, or
// a template of minThemeWords or more, reads harder than maxThemeGrade,
// naming its hardest sentences.
func TestThemeReadability(t *testing.T) {
	texts := themeText(t, theme.FS)
	for name, text := range texts {
		texts[name] = ofstedTerms.Replace(text)
	}
	var all readability.Score
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		score := readability.Measure(texts[name])
		all.Add(score)
		t.Logf("%-40s grade %4.1f (reading age %4.1f), %4d words in %3d sentences", name, score.Grade(), score.ReadingAge(), score.Words, score.Sentences)
		if score.Words >= minThemeWords && score.Grade() > maxThemeGrade {
			var hard []string
			for _, s := range readability.Hardest(texts[name], 5) {
				hard = append(hard, fmt.Sprintf("  %4.1f  %s", s.Score.Grade(), s.Text))
			}
			t.Errorf("%s reads at grade %.1f, harder than %.0f; shorten its hardest sentences, or use shorter words:\n%s",
				name, score.Grade(), maxThemeGrade, strings.Join(hard, "\n"))
		}
	}
	t.Logf("%-40s grade %4.1f (reading age %4.1f), %4d words in %3d sentences", "the whole theme", all.Grade(), all.ReadingAge(), all.Words, all.Sentences)
	if all.Grade() > maxThemeGrade {
		t.Errorf("the theme's fixed text reads at grade %.1f, harder than %.0f", all.Grade(), maxThemeGrade)
	}
}

// ofstedTerms are Ofsted's own words, which the theme must use as they are
// (and the glossary explains): its grades, the areas it judges and its
// categories. Each is measured as one short word, so that the test measures
// the words the theme chooses.
var ofstedTerms = func() *strings.Replacer {
	terms := []string{"special measures", "serious weaknesses", "requires significant improvement",
		"requires improvement", "notice to improve", "overall effectiveness", "safeguarding", "key judgement"}
	for _, key := range []string{"2009", "cif-2012", "eif-2019", "report-card-2025"} {
		fw, _ := content.FrameworkByKey(key)
		terms = append(terms, fw.Scale...)
		terms = append(terms, fw.Areas...)
	}
	// Longest first, so that "requires significant improvement" is one term.
	slices.SortFunc(terms, func(a, b string) int { return len(b) - len(a) })
	var pairs []string
	for _, t := range terms {
		for _, form := range []string{t, words.Capitalise(t)} {
			pairs = append(pairs, form, "term")
		}
	}
	return strings.NewReplacer(pairs...)
}()

// themeText returns the fixed text of each template of a theme, as a
// reader would read it: the text between the template's actions, and the
// words the actions write from the template itself (a glossary term, a
// sentence given to glossify or printf, a heading assigned to a
// variable) or from the English catalogue (a message named by t, tn,
// tplain or tnplain). Both branches of an if are read; what comes from the
// content is left out. The messages no template names by their key (such
// as status.*, whose key a template makes) are read as one more text,
// "i18n/en.yaml".
func themeText(t *testing.T, fsys fs.FS) map[string]string {
	t.Helper()
	en := english().c
	named = map[string]bool{}
	names, err := fs.Glob(fsys, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	partials, _ := fs.Glob(fsys, "templates/partials/*.html")
	out := map[string]string{}
	for _, name := range append(names, partials...) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		tree := parse.New(name)
		tree.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := tree.Parse(string(src), "", "", trees); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var b strings.Builder
		for _, tn := range slices.Sorted(maps.Keys(trees)) {
			writeFixedText(&b, trees[tn].Root)
		}
		out[path.Base(path.Dir(name))+"/"+path.Base(name)] = readability.MainText(b.String())
	}
	var rest strings.Builder
	for _, key := range en.Keys() {
		if !named[key] {
			rest.WriteString(messageText(key) + "\n")
		}
	}
	out["i18n/en.yaml"] = readability.MainText(rest.String())
	return out
}

// named records the message keys the templates name, as themeText reads
// them.
var named map[string]bool

// messageText is an English message as a reader reads it: its text (the
// "other" form of a plural), with what fills its placeholders left out.
func messageText(key string) string {
	return placeholder.ReplaceAllString(english().c.Raw(key), "")
}

var placeholder = regexp.MustCompile(`\{[a-z_][a-z0-9_]*\}`)

// writeFixedText writes a template's source with its actions replaced by
// the words they write from the template itself.
func writeFixedText(b *strings.Builder, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			writeFixedText(b, c)
		}
	case *parse.TextNode:
		b.Write(n.Text)
	case *parse.ActionNode:
		b.WriteString(actionWords(n.Pipe))
		b.WriteString(messageWords(n.Pipe))
	case *parse.IfNode:
		writeBranches(b, n.List, n.ElseList)
	case *parse.RangeNode:
		writeBranches(b, n.List, n.ElseList)
	case *parse.WithNode:
		writeBranches(b, n.List, n.ElseList)
	}
}

// writeBranches writes both branches of an if, a range or a with: the
// first runs on from the text before it, and the second, an alternative
// to it, starts a line, as the text after it runs on from either.
func writeBranches(b *strings.Builder, list, elseList *parse.ListNode) {
	b.WriteByte(' ')
	writeFixedText(b, list)
	if elseList != nil {
		b.WriteByte('\n')
		writeFixedText(b, elseList)
	}
	b.WriteByte(' ')
}

// messageWords returns the English messages an action's pipeline names
// (t "key", and within its arguments), each on a line of its own.
func messageWords(p *parse.PipeNode) string {
	if p == nil {
		return ""
	}
	var b strings.Builder
	for _, c := range p.Cmds {
		if len(c.Args) > 1 {
			id, ok := c.Args[0].(*parse.IdentifierNode)
			key, isKey := c.Args[1].(*parse.StringNode)
			if ok && isKey && (id.Ident == "t" || id.Ident == "tn" || id.Ident == "tplain" || id.Ident == "tnplain") {
				named[key.Text] = true
				b.WriteString("\n" + messageText(key.Text) + "\n")
			}
		}
		for _, a := range c.Args {
			if inner, ok := a.(*parse.PipeNode); ok {
				b.WriteString(messageWords(inner))
			}
		}
	}
	return b.String()
}

// actionWords returns the words an action writes from the template:
// term's text (its last argument), the sentences given to glossify and
// printf (printf's numbers read as "30"), and a string assigned to a
// variable, on a line of its own.
func actionWords(p *parse.PipeNode) string {
	if p == nil || len(p.Cmds) != 1 {
		return ""
	}
	args := p.Cmds[0].Args
	if len(args) == 1 && len(p.Decl) > 0 {
		if s, ok := args[0].(*parse.StringNode); ok {
			return "\n" + s.Text + "\n"
		}
		return ""
	}
	id, ok := args[0].(*parse.IdentifierNode)
	if !ok {
		return ""
	}
	var words []string
	for _, a := range args[1:] {
		if s, ok := a.(*parse.StringNode); ok {
			words = append(words, strings.ReplaceAll(s.Text, "%d", "30"))
		}
	}
	switch {
	case len(words) == 0:
		return ""
	case id.Ident == "term":
		return words[len(words)-1]
	case id.Ident == "glossify", id.Ident == "printf":
		return words[0]
	}
	return ""
}
