package cms

import (
	"reflect"

	"github.com/parentpages/parentpages/internal/content"
)

// config is the editor's config.yml.
type config struct {
	AppTitle    string      `yaml:"app_title"`
	Backend     backend     `yaml:"backend"`
	PublishMode string      `yaml:"publish_mode"`
	MediaFolder string      `yaml:"media_folder"`
	SiteURL     string      `yaml:"site_url"`
	DisplayURL  string      `yaml:"display_url"`
	Slug        slugOptions `yaml:"slug"`
	Output      output      `yaml:"output"`
	// MediaLibraries turns off the stock photo libraries, which the
	// admin page's policy does not let the editor reach.
	MediaLibraries map[string]bool `yaml:"media_libraries"`
	// I18n is set on a site with other languages (i18nFor); the
	// collections that are translated say so with their own I18n.
	I18n        *i18nOptions `yaml:"i18n,omitempty"`
	Collections []collection `yaml:"collections"`
}

type backend struct {
	Name   string `yaml:"name"`
	Repo   string `yaml:"repo"`
	Branch string `yaml:"branch"`
}

// slugOptions make the file names of new updates and schools as the format
// wants them: lower-case ASCII letters and digits joined by hyphens, dated
// by the PSA's own calendar.
type slugOptions struct {
	Encoding     string `yaml:"encoding"`
	CleanAccents bool   `yaml:"clean_accents"`
	Timezone     string `yaml:"timezone"`
	Maxlength    int    `yaml:"maxlength"`
}

// output leaves an optional field that is empty out of the file, as the
// PSA would, rather than writing `key: ""`.
type output struct {
	OmitEmptyOptionalFields bool `yaml:"omit_empty_optional_fields"`
}

type collection struct {
	Name         string   `yaml:"name"`
	Label        string   `yaml:"label"`
	LabelSing    string   `yaml:"label_singular,omitempty"`
	Description  string   `yaml:"description,omitempty"`
	Files        []file   `yaml:"files,omitempty"`
	Folder       string   `yaml:"folder,omitempty"`
	Path         string   `yaml:"path,omitempty"`
	Extension    string   `yaml:"extension,omitempty"`
	Format       string   `yaml:"format,omitempty"`
	Create       *bool    `yaml:"create,omitempty"`
	Delete       *bool    `yaml:"delete,omitempty"`
	Slug         any      `yaml:"slug,omitempty"` // a template, or a slugEditor
	Identifier   string   `yaml:"identifier_field,omitempty"`
	Summary      string   `yaml:"summary,omitempty"`
	SortFields   []string `yaml:"sortable_fields,omitempty"`
	MediaFolder  string   `yaml:"media_folder,omitempty"`
	PublicFolder string   `yaml:"public_folder,omitempty"`
	Fields       []Field  `yaml:"fields,omitempty"`
	// I18n: the entries have translations beside them (updates and
	// pages, on a site with other languages).
	I18n bool `yaml:"i18n,omitempty"`
	// Hide and Filter keep a collection's files out of every list of
	// the editor (see schoolTranslations).
	Hide   bool         `yaml:"hide,omitempty"`
	Filter *entryFilter `yaml:"filter,omitempty"`
}

// entryFilter lists only the entries whose field matches Pattern.
type entryFilter struct {
	Field   string `yaml:"field"`
	Pattern string `yaml:"pattern"`
}

// slugEditor asks the PSA for the name of a new entry's file or folder.
type slugEditor struct {
	Template string   `yaml:"template,omitempty"`
	Editable []string `yaml:"editable"` // when: create (a new entry), update
	Hint     string   `yaml:"hint"`
	Pattern  []string `yaml:"pattern"`
}

type file struct {
	Name   string  `yaml:"name"`
	Label  string  `yaml:"label"`
	File   string  `yaml:"file"`
	Fields []Field `yaml:"fields"`
}

func yes() *bool { b := true; return &b }
func no() *bool  { return new(bool) }

// collections lists what the editor edits. A school is found by its folder
// when the editor runs, never named here: the public config.yml must not
// give away a draft school, which is often an inspection under embargo.
// New files take the school's folder from a field the PSA fills in.
func collections(root, timezone string, translated bool, notes map[string]map[string]string) ([]collection, error) {
	schools := inRoot(root, "schools")
	site, err := siteGenerator(hintTable["site.yaml"]).rootFields(reflect.TypeFor[content.SiteConfig]())
	if err != nil {
		return nil, err
	}
	school, err := schoolFields(notes["school.yaml"])
	if err != nil {
		return nil, err
	}
	plan, err := planGenerator(hintTable["action-plan.yaml"]).rootFields(reflect.TypeFor[content.ActionPlan]())
	if err != nil {
		return nil, err
	}
	meetings, err := rootList("meetings", "Meetings", meetingGenerator(notes["meetings.yaml"], hintTable["meetings.yaml"], timezone), reflect.TypeFor[content.Meeting](), "{{fields.start}} {{fields.title}}")
	if err != nil {
		return nil, err
	}
	views, err := rootList("views", "Times parents' views were gathered", viewsGenerator(hintTable["views.yaml"]), reflect.TypeFor[content.ViewsGathering](), "{{fields.gathered}} {{fields.how}}")
	if err != nil {
		return nil, err
	}
	update, err := frontGenerator(notes["update"], hintTable["update"]).rootFields(reflect.TypeFor[content.UpdateFront]())
	if err != nil {
		return nil, err
	}
	page, err := frontGenerator(nil, hintTable["page"]).rootFields(reflect.TypeFor[content.PageFront]())
	if err != nil {
		return nil, err
	}
	pages := append(page, bodyField())
	updates := append(append([]Field{schoolChoice()}, update...), bodyField())
	if translated {
		pages, updates = translatable(pages), translatable(updates)
	}
	cols := []collection{
		{Name: "site", Label: "Site settings", Files: []file{{Name: "site", Label: "Site settings", File: inRoot(root, "site.yaml"), Fields: site}}},
		{Name: "pages", Label: "Site pages", LabelSing: "Site page", Folder: inRoot(root, "pages"), Extension: "md", Format: "yaml-frontmatter",
			Create: yes(), Slug: "{{title}}", SortFields: []string{"title", "weight"}, Fields: pages, I18n: translated},
		{Name: "schools", Label: "Schools", LabelSing: "School", Folder: schools, Path: "{{slug}}/school", Extension: "yaml", Format: "yaml",
			Description: "Each school's school.yaml. A new school's web address is made from its name.",
			Create:      yes(), Identifier: "name", Summary: "{{name}}", SortFields: []string{"name"},
			Slug: slugEditor{Template: "{{name}}", Editable: []string{"create"}, Pattern: []string{slugPattern, slugMessage},
				Hint: "The school's folder, and its web address: /schools/<this>/. Made from the name; shorten it if you like. It cannot be changed later."},
			MediaFolder: "files", PublicFolder: "files", Fields: school},
		// The file name is made from the title as a slug is, but the path
		// says {{title}}, not {{slug}}: with translations on, Sveltia
		// (0.221.1, entry parsing) groups a collection's files into entries
		// by the part of the path {{slug}} stands for, and two schools'
		// updates of the same name ("you-said-we-did") would become one
		// entry, the other not to be opened; without {{slug}} it groups
		// them by their whole path.
		{Name: "updates", Label: "Updates", LabelSing: "Update", Folder: schools, Path: "{{fields.x_school}}/updates/{{year}}-{{month}}-{{day}}-{{title}}",
			Extension: "md", Format: "yaml-frontmatter",
			Description: "The PSA's updates of every school. A new update is dated today: its file name is the date and its title.",
			Create:      yes(), Slug: "{{title}}", Summary: "{{dirname}}: {{title}}", SortFields: []string{"date", "title"},
			MediaFolder: "../../files", PublicFolder: "../files", Fields: updates, I18n: translated},
		folderFile("plans", "Action plans", "Action plan", schools, "action-plan", plan),
		folderFile("meetings", "Meetings", "School's meetings", schools, "meetings", meetings),
		folderFile("views", "Parents' views", "School's parents' views", schools, "views", views),
	}
	if translated {
		cols = append(cols, schoolTranslations(schools))
	}
	return cols, nil
}

// schoolFields are school.yaml's, with the typed list of inspections.
func schoolFields(notes map[string]string) ([]Field, error) {
	g := schoolGenerator(notes, hintTable["school.yaml"])
	typed, err := inspectionTypes(notes, hintTable["school.yaml"])
	if err != nil {
		return nil, err
	}
	g.overrides["inspections"] = typed
	return g.rootFields(reflect.TypeFor[content.School]())
}

// rootList is the one field of a file that is a list (meetings.yaml,
// views.yaml): the editor reads and writes the list as the whole file.
func rootList(name, label string, g *generator, item reflect.Type, summary string) ([]Field, error) {
	fields, err := g.fieldsOf(item, "")
	if err != nil {
		return nil, err
	}
	return []Field{{Label: label, Name: name, Widget: "list", Root: true, Summary: summary, Collapsed: true, Fields: fields}}, nil
}

// folderFile is the collection of one file of every school folder,
// schools/<slug>/<name>.yaml, listed by the school's folder name.
func folderFile(name, label, singular, schools, base string, fields []Field) collection {
	return collection{Name: name, Label: label, LabelSing: singular, Folder: schools, Path: "{{slug}}/" + base,
		Extension: "yaml", Format: "yaml",
		Description: "One " + base + ".yaml in each school's folder. A new one asks for the school's folder name.",
		Create:      yes(), Summary: "{{dirname}}",
		Slug: slugEditor{Editable: []string{"create"}, Pattern: []string{slugPattern, slugMessage},
			Hint: "The school's folder name, as in its web address /schools/<folder>/ (see Schools)."}, MediaFolder: "files", PublicFolder: "files", Fields: fields}
}

// An update's pictures and files go to its school's files/ folder, and it
// links to them as ../files/<name>, relative to the update. The editor
// takes an entry's media folder from the entry's path without its
// extension, as if it were a folder (.../updates/<name>/), hence
// ../../files there.

// schoolChoice picks the school of a new update, by its folder, from the
// schools the editor finds. It is kept in the update as x_school, a key the
// format leaves to the PSA and never publishes.
func schoolChoice() Field {
	return Field{Label: "School", Name: "x_school", Widget: "relation", Required: optional(),
		Hint:       "The school this update is for (a new update only: it is put in that school's folder).",
		Collection: "schools", ValueField: "{{slug}}", DisplayFields: []string{"{{name}}"}, SearchFields: []string{"name"}}
}

// inRoot is the path of name in the content folder, from the repository's
// root ("" when the content folder is the root).
func inRoot(root, name string) string {
	if root == "" {
		return name
	}
	return root + "/" + name
}
