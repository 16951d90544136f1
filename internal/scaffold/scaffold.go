// Package scaffold starts new things in a content folder for a PSA: a
// school (its school.yaml), an update (a Markdown file named from today's
// date and the title) and a meeting (a block added to meetings.yaml). Each
// file is valid as soon as it is written, carries notes that explain every
// field, and keeps a new school, update or meeting as a draft until the PSA
// says it is ready. Nothing that exists is ever overwritten.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/scaffold/templates"
	"github.com/parentpages/parentpages/internal/site"
)

// templateFS holds the files new things are started from.
var templateFS = templates.FS

// maxSlug keeps file names and web addresses made from long titles short
// enough to read and type.
const maxSlug = 60

// School starts schools/<slug>/school.yaml in the content folder and
// returns its path.
func School(contentDir, slug string, today time.Time) (string, error) {
	if err := checkContent(contentDir); err != nil {
		return "", err
	}
	if !content.IsSlug(slug) {
		return "", fmt.Errorf("%q cannot be a school's folder name: use lower-case letters, digits and single hyphens, for example hillside-primary-school", slug)
	}
	dir := filepath.Join(contentDir, "schools", slug)
	if _, err := os.Stat(dir); err == nil {
		return "", fmt.Errorf("%s already exists; parentpages new never overwrites anything: choose another name, or edit the school's files", dir)
	}
	text, err := execute("school.yaml.tmpl", map[string]any{"Name": nameOf(slug), "Today": date(today)})
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	p := filepath.Join(dir, "school.yaml")
	return p, create(p, text)
}

// Update starts schools/<school>/updates/<today>-<slug of title>.md and
// returns its path.
func Update(contentDir, school, title string, today time.Time) (string, error) {
	title = oneLine(title)
	dir, err := schoolDir(contentDir, school)
	if err != nil {
		return "", err
	}
	slug := shorten(site.Slugify(title))
	if slug == "" {
		return "", fmt.Errorf("the title %q has no letters or digits to make the update's file name from", title)
	}
	updates := filepath.Join(dir, "updates")
	// Two updates with the same name would have the same web address.
	same, _ := filepath.Glob(filepath.Join(updates, "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-"+slug+".md"))
	if len(same) > 0 {
		return "", fmt.Errorf("%s already exists, and two updates of one school cannot have the same name (it makes the web address); give this update another title", same[0])
	}
	text, err := execute("update.md.tmpl", map[string]any{"Title": title})
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(updates, 0o755); err != nil {
		return "", err
	}
	p := filepath.Join(updates, date(today)+"-"+slug+".md")
	return p, create(p, text)
}

// meetingsHeader starts a new meetings.yaml.
const meetingsHeader = templates.MeetingsHeader

// Meeting adds a meeting to schools/<school>/meetings.yaml, creating the
// file if need be, and returns the file's path. The meeting is a draft,
// tentative, a week from today, until the PSA fills in its details: its
// example text never reaches the published site or parents' calendars.
func Meeting(contentDir, school, title string, today time.Time) (string, error) {
	title = oneLine(title)
	dir, err := schoolDir(contentDir, school)
	if err != nil {
		return "", err
	}
	base := shorten(site.Slugify(title))
	if base == "" {
		return "", fmt.Errorf("the title %q has no letters or digits; give the meeting a title parents will understand", title)
	}
	p := filepath.Join(dir, "meetings.yaml")
	old, err := os.ReadFile(p)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	exists := err == nil
	seq, err := meetingList(p, old)
	if err != nil {
		return "", err
	}
	id := base
	for n := 2; slices.Contains(idsOf(seq), id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	day := time.Date(today.Year(), today.Month(), today.Day()+7, 18, 0, 0, 0, time.UTC)
	kind := kindOf(title)
	block, err := execute("meeting.yaml.tmpl", map[string]any{
		"Title": title, "ID": id, "Kind": kind, "OpenToAll": (&content.Meeting{Kind: kind}).OpenToAll(),
		"Start": day.Format("2006-01-02T15:04"), "End": day.Add(time.Hour).Format("2006-01-02T15:04"),
	})
	if err != nil {
		return "", err
	}
	if !exists {
		return p, create(p, meetingsHeader+block)
	}
	// Indent the block as the file's meetings are indented.
	if seq != nil && seq.Column > 1 {
		block = indent(block, strings.Repeat(" ", seq.Column-1))
	}
	add := "\n" + block
	if len(old) > 0 && old[len(old)-1] != '\n' {
		add = "\n" + add
	}
	// Check that the file is still a list of meetings with this one at the
	// end before touching it.
	after, err := meetingList(p, append(slices.Clip(old), add...))
	if err != nil || after == nil || len(after.Content) != len(seqItems(seq))+1 {
		return "", fmt.Errorf("%s is laid out in a way parentpages new cannot add to; add the meeting by hand, copying one that is there", p)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return "", err
	}
	_, err = f.WriteString(add)
	return p, errors.Join(err, f.Close())
}

// meetingList parses meetings.yaml: the list of meetings, or nil if the
// file has none yet (it is empty, or only notes).
func meetingList(p string, src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s has a mistake, so a meeting cannot be added to it safely: run `parentpages check` and fix it first", p)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	seq := doc.Content[0]
	if seq.Kind == yaml.ScalarNode && seq.Tag == "!!null" {
		return nil, nil
	}
	if seq.Kind != yaml.SequenceNode || seq.Style&yaml.FlowStyle != 0 {
		return nil, fmt.Errorf("%s is not written as a list of meetings, one block starting \"- title:\" each; add the meeting by hand", p)
	}
	return seq, nil
}

func seqItems(seq *yaml.Node) []*yaml.Node {
	if seq == nil {
		return nil
	}
	return seq.Content
}

// idsOf lists the meetings' ids, so that the new one's is unique.
func idsOf(seq *yaml.Node) []string {
	var ids []string
	for _, m := range seqItems(seq) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "id" {
				ids = append(ids, m.Content[i+1].Value)
			}
		}
	}
	return ids
}

// kindOf guesses a meeting's kind from its title; the PSA can change it.
func kindOf(title string) string {
	t := " " + site.Slugify(title) + " "
	t = strings.ReplaceAll(t, "-", " ")
	for _, k := range []struct{ words, kind string }{
		{" focus group", "focus-group"},
		{" review group", "review-group"},
		{" governor", "governors"},
		{" workshop", "workshop"},
		{" drop in", "drop-in"},
		{" monitoring", "monitoring-visit"},
		{" inspection", "inspection"},
		{" parents meeting", "parents-meeting"},
		{" meeting for parents", "parents-meeting"},
	} {
		if strings.Contains(t, k.words) {
			return k.kind
		}
	}
	return "other"
}

// checkContent makes sure contentDir is a content folder, so that a
// mistyped --content does not start a new one somewhere else.
func checkContent(contentDir string) error {
	if _, err := os.Stat(filepath.Join(contentDir, "site.yaml")); err != nil {
		return fmt.Errorf("%s is not a content folder (it has no site.yaml); give the folder that holds site.yaml with --content", contentDir)
	}
	return nil
}

// schoolDir finds the folder of an existing school.
func schoolDir(contentDir, school string) (string, error) {
	if err := checkContent(contentDir); err != nil {
		return "", err
	}
	dir := filepath.Join(contentDir, "schools", school)
	if content.IsSlug(school) {
		if st, err := os.Stat(filepath.Join(dir, "school.yaml")); err == nil && st.Mode().IsRegular() {
			return dir, nil
		}
	}
	msg := fmt.Sprintf("there is no school %q in %s: give the name of the school's folder in schools/", school, contentDir)
	if like := similar(filepath.Join(contentDir, "schools"), school); len(like) > 0 {
		msg += ", such as " + strings.Join(like, " or ")
	} else {
		msg += fmt.Sprintf(", or start the school with `parentpages new school %s`", site.Slugify(school))
	}
	return "", errors.New(msg)
}

// similar lists up to three school folders whose names contain what was
// typed, or the first three if none does.
func similar(schools, typed string) []string {
	entries, _ := os.ReadDir(schools)
	var names, like []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
			if t := site.Slugify(typed); t != "" && strings.Contains(e.Name(), t) {
				like = append(like, e.Name())
			}
		}
	}
	if len(like) == 0 {
		like = names
	}
	return like[:min(len(like), 3)]
}

// create writes a new file, refusing to replace one.
func create(p, text string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; parentpages new never overwrites a file: choose another name, or edit that file", p)
	}
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	if err = errors.Join(err, f.Close()); err != nil {
		os.Remove(p)
	}
	return err
}

func execute(name string, data any) (string, error) {
	t, err := template.New(name).Funcs(template.FuncMap{"yaml": yamlString}).ParseFS(templateFS, name)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// yamlString writes s as a YAML value that reads back as the string s,
// even with a note after it: plain if it can be, else in double quotes
// (a colon, a " #", a leading dash or quote, a number, a date, yes or no).
func yamlString(s string) (string, error) {
	candidates := []string{s, strconv.Quote(s)}
	switch strings.ToLower(s) {
	case "yes", "no", "on", "off", "y", "n":
		candidates = candidates[1:] // words that older YAML tools read as true or false
	}
	for _, v := range candidates {
		var doc yaml.Node
		if yaml.Unmarshal([]byte("v: "+v+" # note\n"), &doc) != nil || len(doc.Content) != 1 || len(doc.Content[0].Content) != 2 {
			continue
		}
		if back := doc.Content[0].Content[1]; back.Kind == yaml.ScalarNode && back.Tag == "!!str" && back.Value == s {
			return v, nil
		}
	}
	return "", fmt.Errorf("%q cannot be written in YAML", s)
}

// nameOf makes a first guess at a school's name from its folder name.
func nameOf(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// oneLine folds a title typed with line breaks or runs of spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// shorten cuts a long slug at a hyphen.
func shorten(slug string) string {
	if len(slug) <= maxSlug {
		return slug
	}
	cut := slug[:maxSlug+1]
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		return cut[:i]
	}
	return slug[:maxSlug]
}

func indent(text, by string) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = by + l
		}
	}
	return strings.Join(lines, "")
}

func date(t time.Time) string { return t.Format(time.DateOnly) }
