package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	theme "github.com/parentpages/parentpages/themes/default"
)

// hugoLayouts are templates that make the pages parentpages makes, doing
// comparable work: the same data read from the same YAML, the Markdown
// fields rendered, meetings expanded into occurrences, charts drawn as SVG,
// relative links mapped to the published pages by a render hook.
//
//go:embed all:hugosite/layouts
var hugoLayouts embed.FS

// writeHugoSite writes into dir a Hugo site with the pages of the
// parentpages content folder src: per school an overview, inspection,
// action plan, meetings, views, the list of updates and each update, an RSS
// feed and a calendar (a custom output format); for the site a home page, a
// feed and a calendar of everything, the site pages, a sitemap, robots.txt
// and a 404 page. The schools' YAML files become Hugo data files; updates
// and pages are copied as they are (Hugo reads the same front matter).
//
// What is left out: the one-meeting calendar files (Hugo makes one output
// per page and output format) and the "what happens next" timeline
// worked out from bank holidays (the Hugo pages list the confirmed
// milestones instead).
func writeHugoSite(src, dir string) error {
	w := &hugoWriter{dir: dir}
	if err := w.config(src); err != nil {
		return err
	}
	err := fs.WalkDir(hugoLayouts, "hugosite/layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := hugoLayouts.ReadFile(p)
		if err != nil {
			return err
		}
		return w.write(strings.TrimPrefix(p, "hugosite/"), b)
	})
	if err != nil {
		return err
	}
	css, err := fs.ReadFile(theme.FS, "assets/style.css")
	if err != nil {
		return err
	}
	if err := w.write("static/assets/style.css", css); err != nil {
		return err
	}
	if err := w.write("content/_index.md", []byte("---\ntitle: "+yamlString(w.title)+"\n---\n")); err != nil {
		return err
	}
	if err := w.write("content/schools/_index.md", []byte("---\ntitle: Schools\n_build:\n  render: never\n  list: always\n---\n")); err != nil {
		return err
	}
	pages, err := filepath.Glob(filepath.Join(src, "pages", "*.md"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// Hugo's `menu` names a menu: put the pages with `menu: true`
		// in the main one, the Hugo way.
		b = menuRE.ReplaceAllFunc(b, func(m []byte) []byte {
			if strings.HasSuffix(strings.TrimSpace(string(m)), "true") {
				return []byte("menu: main")
			}
			return nil
		})
		if err := w.write("content/"+filepath.Base(p), b); err != nil {
			return err
		}
	}
	schools, err := os.ReadDir(filepath.Join(src, "schools"))
	if err != nil {
		return err
	}
	for _, e := range schools {
		if e.IsDir() {
			if err := w.school(filepath.Join(src, "schools", e.Name()), e.Name()); err != nil {
				return fmt.Errorf("%s: %w", e.Name(), err)
			}
		}
	}
	return nil
}

var (
	menuRE = regexp.MustCompile(`(?m)^menu:.*$`)
	// Hugo's time function does not read HH:MM without seconds.
	timeRE = regexp.MustCompile(`(?m)^([ \t]*(?:start|end): )(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2})?[ \t]*$`)
)

// hugoTimes quotes the meetings' dates and times, with seconds, so that
// Hugo's time function reads them as parentpages does.
func hugoTimes(b []byte) []byte {
	return timeRE.ReplaceAllFunc(b, func(m []byte) []byte {
		sub := timeRE.FindSubmatch(m)
		t := string(sub[2])
		if len(sub[3]) > 0 {
			t += string(sub[3]) + ":00"
		}
		return []byte(string(sub[1]) + `"` + t + `"`)
	})
}

type hugoWriter struct {
	dir   string
	title string
}

func (w *hugoWriter) write(p string, b []byte) error {
	full := filepath.Join(w.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, b, 0o644)
}

func (w *hugoWriter) config(src string) error {
	b, err := os.ReadFile(filepath.Join(src, "site.yaml"))
	if err != nil {
		return err
	}
	var site struct {
		Title        string            `yaml:"title"`
		BaseURL      string            `yaml:"base_url"`
		Language     string            `yaml:"language"`
		Timezone     string            `yaml:"timezone"`
		Description  string            `yaml:"description"`
		Organisation map[string]string `yaml:"organisation"`
	}
	if err := yaml.Unmarshal(b, &site); err != nil {
		return fmt.Errorf("site.yaml: %w", err)
	}
	w.title = site.Title
	config := map[string]any{
		"baseURL":         site.BaseURL,
		"languageCode":    site.Language,
		"title":           site.Title,
		"timeZone":        site.Timezone,
		"disableKinds":    []string{"taxonomy", "term"},
		"enableRobotsTXT": true,
		// Dates from the file name, as parentpages takes them; the
		// publish date too, so that future updates are held back.
		"frontmatter": map[string]any{"date": []string{":filename", ":default"}, "publishDate": []string{":filename", ":default"}},
		"outputFormats": map[string]any{
			"RSS":      map[string]any{"baseName": "feed"},
			"Calendar": map[string]any{"mediaType": "text/calendar", "baseName": "calendar", "isPlainText": true},
		},
		"outputs": map[string]any{
			"home":    []string{"HTML", "RSS", "Calendar"},
			"section": []string{"HTML"},
			"page":    []string{"HTML"},
		},
		"params": map[string]any{"description": site.Description, "organisation": site.Organisation},
	}
	out, err := yaml.Marshal(config)
	if err != nil {
		return err
	}
	return w.write("config.yaml", out)
}

func yamlString(s string) string {
	b, _ := yaml.Marshal(s)
	return strings.TrimSpace(string(b))
}

// school writes one school's data files, pages and files.
func (w *hugoWriter) school(dir, slug string) error {
	sy, _, err := readIfThere(filepath.Join(dir, "school.yaml"))
	if err != nil {
		return err
	}
	var info struct {
		Name string `yaml:"name"`
	}
	if err := yaml.Unmarshal(sy, &info); err != nil {
		return err
	}
	data := "data/schools/" + slug + "/"
	if err := w.write(data+"school.yaml", sy); err != nil {
		return err
	}
	subpages, err := w.schoolData(dir, data)
	if err != nil {
		return err
	}
	c := "content/schools/" + slug + "/"
	if err := w.schoolPages(c, slug, info.Name, subpages); err != nil {
		return err
	}
	if err := w.copyFolder(filepath.Join(dir, "updates"), c+"updates/"); err != nil {
		return err
	}
	return w.copyFolder(filepath.Join(dir, "files"), "static/schools/"+slug+"/files/")
}

// readIfThere reads a file, and says whether it was there.
func readIfThere(p string) ([]byte, bool, error) {
	b, err := os.ReadFile(p)
	if os.IsNotExist(err) {
		return nil, false, nil
	}
	return b, err == nil, err
}

// schoolData copies a school's action plan, meetings (their times as Hugo
// reads them) and views into Hugo's data folder, and returns the school's
// subpages: those of the files it has, and the inspection and meetings
// pages, which every school has.
func (w *hugoWriter) schoolData(dir, data string) ([]string, error) {
	subpages := []string{"inspection", "meetings"}
	for _, f := range []struct{ from, to, page string }{
		{"action-plan.yaml", "plan.yaml", "action-plan"},
		{"meetings.yaml", "meetings.yaml", ""},
		{"views.yaml", "views.yaml", "views"},
	} {
		b, ok, err := readIfThere(filepath.Join(dir, f.from))
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if f.from == "meetings.yaml" {
			b = hugoTimes(b)
		}
		if err := w.write(data+f.to, b); err != nil {
			return nil, err
		}
		if f.page != "" {
			subpages = append(subpages, f.page)
		}
	}
	return subpages, nil
}

// schoolPages writes the Hugo pages of a school into c: its home page,
// each subpage and the list of its updates.
func (w *hugoWriter) schoolPages(c, slug, schoolName string, subpages []string) error {
	name := yamlString(schoolName)
	if err := w.write(c+"_index.md", []byte(fmt.Sprintf("---\ntitle: %s\ntype: school\nschool: %s\noutputs: [HTML, RSS, Calendar]\n---\n", name, slug))); err != nil {
		return err
	}
	titles := map[string]string{"inspection": "Inspections: ", "meetings": "Meetings: ", "action-plan": "Action plan: ", "views": "Views of parents and carers: "}
	for _, p := range subpages {
		fm := fmt.Sprintf("---\ntitle: %s\ntype: schoolpage\nlayout: %s\nschool: %s\n---\n", yamlString(titles[p]+schoolName), p, slug)
		if err := w.write(c+p+".md", []byte(fm)); err != nil {
			return err
		}
	}
	fm := fmt.Sprintf("---\ntitle: %s\ntype: updates\nschool: %s\ncascade:\n  type: update\n  school: %s\n---\n", yamlString("Updates: "+schoolName), slug, slug)
	return w.write(c+"updates/_index.md", []byte(fm))
}

// copyFolder copies the files of the folder from, if it is there, to the
// folder to of the Hugo site.
func (w *hugoWriter) copyFolder(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := w.write(to+e.Name(), b); err != nil {
			return err
		}
	}
	return nil
}
