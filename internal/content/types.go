package content

import (
	"regexp"
	"slices"
	"time"
)

// Date is a civil date, written YYYY-MM-DD. The zero Date means "not given".
// It is held as midnight UTC so that arithmetic on days is exact.
type Date struct{ time.Time }

func (d *Date) parseScalar(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || !dateRE.MatchString(s) {
		return dateError(s)
	}
	d.Time = t
	return nil
}

// String formats the date as YYYY-MM-DD.
func (d Date) String() string { return d.Format(time.DateOnly) }

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
var dateTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$`)

// DateTime is a local wall-clock time in the site's timezone, written
// YYYY-MM-DDTHH:MM, or a date alone for an all-day event. The time is held
// with UTC as its location; the site's zone is applied by the model.
type DateTime struct {
	time.Time
	DateOnly bool
}

func (d *DateTime) parseScalar(s string) error {
	if dateRE.MatchString(s) {
		t, err := time.Parse(time.DateOnly, s)
		if err == nil {
			d.Time, d.DateOnly = t, true
			return nil
		}
	}
	if dateTimeRE.MatchString(s) {
		t, err := time.Parse("2006-01-02T15:04", s)
		if err == nil {
			d.Time = t
			return nil
		}
	}
	return dateTimeError(s)
}

// SiteConfig is content/site.yaml.
type SiteConfig struct {
	Meta
	Title    string `yaml:"title,required"`
	BaseURL  string `yaml:"base_url,required"`
	Language string `yaml:"language"`
	// Languages are the site's other languages, in the order the language
	// switcher lists them (CONTENT-FORMAT "Languages", version 2).
	Languages    []Language    `yaml:"languages"`
	Timezone     string        `yaml:"timezone"`
	Description  string        `yaml:"description"`
	Theme        string        `yaml:"theme"`
	UnsafeHTML   bool          `yaml:"unsafe_html"`
	Organisation *Organisation `yaml:"organisation"`
	// EmailAlerts is the address of a sign-up page for email alerts (a
	// council's GovDelivery topic, a Mailchimp RSS-to-email form), as a
	// template: {slug} is replaced by the school's slug and {feed} by its
	// feed's address (query-escaped). "" offers no email alerts.
	EmailAlerts  string        `yaml:"email_alerts"`
	Safeguarding *Safeguarding `yaml:"safeguarding"`
	// Admin, Repository and Branch set up the editor at /admin/: see
	// package cms.
	Admin      *bool  `yaml:"admin"`
	Repository string `yaml:"repository"`
	Branch     string `yaml:"branch"`
}

// AdminOn reports whether the site publishes the editor at /admin/: unless
// site.yaml says `admin: false`.
func (s *SiteConfig) AdminOn() bool { return s.Admin == nil || *s.Admin }

// Organisation is the service that runs the site.
// Language is one of the site's other languages: its BCP 47 tag and its
// name in that language, as the switcher shows it.
type Language struct {
	Meta
	Code string `yaml:"code,required"`
	Name string `yaml:"name,required"`
}

type Organisation struct {
	Meta
	Name    string `yaml:"name"`
	Address string `yaml:"address"`
	Phone   string `yaml:"phone"`
	Email   string `yaml:"email"`
	Website string `yaml:"website"`
}

// Safeguarding is who parents call when they are worried about a child's
// safety: the local authority's children's services.
type Safeguarding struct {
	Meta
	Name  string `yaml:"name,required"`
	Phone string `yaml:"phone"`
	URL   string `yaml:"url"`
}

// School is schools/<slug>/school.yaml.
type School struct {
	Meta
	Name           string       `yaml:"name,required"`
	URN            string       `yaml:"urn"`
	Phase          string       `yaml:"phase"`
	LocalAuthority string       `yaml:"local_authority"`
	Address        string       `yaml:"address"`
	Website        string       `yaml:"website"`
	Headteacher    string       `yaml:"headteacher"`
	Draft          bool         `yaml:"draft"`
	PSA            *PSA         `yaml:"psa,required"`
	GiveViews      []string     `yaml:"give_views"`
	ComplaintsURL  string       `yaml:"complaints_url"`
	Inspections    []Inspection `yaml:"inspections,required"`
	Milestones     []Milestone  `yaml:"milestones"`
	// Image is a picture of the school for a link's preview (Open Graph):
	// a JPEG, PNG, GIF or WebP file, usually in files/; "" for none.
	Image string `yaml:"image"`
}

// PSA is the school's Parent Support Adviser.
type PSA struct {
	Meta
	Name   string `yaml:"name,required"`
	Email  string `yaml:"email"`
	Phone  string `yaml:"phone"`
	Text   string `yaml:"text"`
	DropIn string `yaml:"drop_in"`
}

// Inspection is one Ofsted inspection, full or monitoring.
type Inspection struct {
	Meta
	Start        Date        `yaml:"start,required"`
	Type         string      `yaml:"type"`
	End          Date        `yaml:"end"`
	Published    Date        `yaml:"published"`
	Framework    string      `yaml:"framework,required"`
	Overall      string      `yaml:"overall"`
	Judgements   []Judgement `yaml:"judgements"`
	Safeguarding string      `yaml:"safeguarding"`
	Category     string      `yaml:"category"`
	ReportURL    string      `yaml:"report_url"`
	Summary      string      `yaml:"summary"`
	Outcome      string      `yaml:"outcome"`
	Areas        []Area      `yaml:"areas_for_improvement"`
}

// Judgement is one key judgement or evaluation area and its grade.
type Judgement struct {
	Meta
	Area  string `yaml:"area,required"`
	Grade string `yaml:"grade,required"`
}

// Area is an area for improvement named in the report.
type Area struct {
	Meta
	ID   string `yaml:"id,required"`
	Text string `yaml:"text,required"`
}

// Milestone is a confirmed date in the school's timeline.
type Milestone struct {
	Meta
	Kind string `yaml:"kind,required"`
	Date Date   `yaml:"date,required"`
	Note string `yaml:"note"`
}

// ActionPlan is schools/<slug>/action-plan.yaml.
type ActionPlan struct {
	Meta
	Updated Date       `yaml:"updated,required"`
	PlanURL string     `yaml:"plan_url"`
	Areas   []PlanArea `yaml:"areas"`
}

// PlanArea is the plan for one area for improvement.
type PlanArea struct {
	Meta
	For      string    `yaml:"for,required"`
	Title    string    `yaml:"title"`
	Actions  []Action  `yaml:"actions"`
	Measures []Measure `yaml:"measures"`
}

// Action is one thing the school will do.
type Action struct {
	Meta
	What string `yaml:"what,required"`
	// ID names it for translations (translations/<code>.yaml): [a-z0-9-]+,
	// unique in its list; optional, and one without stays in English.
	ID      string `yaml:"id"`
	Who     string `yaml:"who"`
	By      Date   `yaml:"by"`
	Status  string `yaml:"status"`
	Success string `yaml:"success"`
	Parents string `yaml:"parents"`
}

// Measure is a number tracked over time to evaluate progress.
type Measure struct {
	Meta
	Name string `yaml:"name,required"`
	// ID names it for translations (translations/<code>.yaml): [a-z0-9-]+,
	// unique in its list; optional, and one without stays in English.
	ID             string   `yaml:"id"`
	Unit           string   `yaml:"unit"`
	Target         *float64 `yaml:"target"`
	HigherIsBetter *bool    `yaml:"higher_is_better"`
	Points         []Point  `yaml:"points,required"`
}

// Point is one value of a measure.
type Point struct {
	Meta
	Date  Date    `yaml:"date,required"`
	Value float64 `yaml:"value,required"`
}

// Meeting is one entry of schools/<slug>/meetings.yaml.
type Meeting struct {
	Meta
	Title       string   `yaml:"title,required"`
	ID          string   `yaml:"id"`
	Kind        string   `yaml:"kind"`
	Start       DateTime `yaml:"start,required"`
	End         DateTime `yaml:"end"`
	Repeat      *Repeat  `yaml:"repeat"`
	Location    string   `yaml:"location"`
	Online      string   `yaml:"online"`
	Audience    string   `yaml:"audience"`
	OpenTo      string   `yaml:"open_to"`
	Access      string   `yaml:"access"`
	Status      string   `yaml:"status"`
	Description string   `yaml:"description"`
	// Draft leaves the meeting out of the published site, its pages and
	// calendars, until the PSA has filled it in (the preview shows it).
	Draft bool `yaml:"draft"`
}

// OpenToAll reports whether any parent or carer may come to the meeting:
// its `open_to`, or where that is left out, its kind. A review group, a
// governors' meeting, a monitoring visit and an inspection are for their
// members or the people invited; every other kind is open to all.
func (m *Meeting) OpenToAll() bool {
	if m.OpenTo != "" {
		return m.OpenTo == "everyone"
	}
	return !slices.Contains(membersKinds, m.Kind)
}

// Repeat is a meeting's recurrence rule.
type Repeat struct {
	Meta
	Every  string `yaml:"every,required"`
	Until  Date   `yaml:"until"`
	Count  int    `yaml:"count"`
	Except []Date `yaml:"except"`
}

// ViewsGathering is one entry of schools/<slug>/views.yaml.
type ViewsGathering struct {
	Meta
	Gathered  Date       `yaml:"gathered,required"`
	How       string     `yaml:"how,required"`
	Responses *int       `yaml:"responses"`
	Invited   *int       `yaml:"invited"`
	Questions []Question `yaml:"questions"`
	Themes    []Theme    `yaml:"themes"`
}

// Question is one questionnaire statement and its results in percent.
type Question struct {
	Meta
	Ask string `yaml:"ask,required"`
	// ID names it for translations (translations/<code>.yaml): [a-z0-9-]+,
	// unique in its list; optional, and one without stays in English.
	ID       string  `yaml:"id"`
	Agree    float64 `yaml:"agree"`
	Disagree float64 `yaml:"disagree"`
	DontKnow float64 `yaml:"dont_know"`
}

// Theme is one "you said, we did" entry.
type Theme struct {
	Meta
	Said string `yaml:"said,required"`
	// ID names it for translations (translations/<code>.yaml): [a-z0-9-]+,
	// unique in its list; optional, and one without stays in English.
	ID     string `yaml:"id"`
	Did    string `yaml:"did"`
	Status string `yaml:"status"`
}

// UpdateFront is the front matter of an update.
type UpdateFront struct {
	Meta
	Title   string `yaml:"title,required"`
	Date    Date   `yaml:"date"`
	Summary string `yaml:"summary"`
	Draft   bool   `yaml:"draft"`
	Author  string `yaml:"author"`
}

// PageFront is the front matter of a site page.
type PageFront struct {
	Meta
	Title   string `yaml:"title,required"`
	Summary string `yaml:"summary"`
	Draft   bool   `yaml:"draft"`
	Menu    bool   `yaml:"menu"`
	Weight  int    `yaml:"weight"`
}
