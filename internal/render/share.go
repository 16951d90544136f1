package render

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parentpages/parentpages/internal/site"
)

// What a page says about itself to the apps that show a link to it (a
// WhatsApp preview, a search result): schema.org data as JSON-LD, and the
// helpers of templates/partials/share.html.

// forParents keeps the meetings parents and carers may come to (see
// content.Meeting.OpenToAll: the School Review Group, the governors'
// meetings and Ofsted's visits are for their members unless `open_to` says
// otherwise), cancelled ones included, so that a page can say so.
func forParents(ms []site.MeetingAt) []site.MeetingAt {
	var out []site.MeetingAt
	for _, m := range ms {
		if m.Meeting.OpenToAll() {
			out = append(out, m)
		}
	}
	return out
}

// clip shortens text to at most n characters, at a space, with "..." at
// the end when it cut: a description for a link's preview.
func clip(n int, text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)[:n-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.-") + "…"
}

// emailAlerts returns the school's email alert sign-up address, from
// site.yaml's email_alerts, or "" when the site offers none.
func (r *Renderer) emailAlerts(s *site.School) string {
	t := r.site.EmailAlerts
	if t == "" {
		return ""
	}
	t = strings.ReplaceAll(t, "{slug}", s.Slug)
	return strings.ReplaceAll(t, "{feed}", url.QueryEscape(r.abs(s.URL()+"feed.xml")))
}

// The schema.org types the pages describe themselves with.
type (
	ldGraph struct {
		Context string `json:"@context"`
		Graph   []any  `json:"@graph"`
	}
	ldPage struct {
		Type        string `json:"@type"`
		Name        string `json:"name"`
		URL         string `json:"url"`
		Language    string `json:"inLanguage,omitempty"`
		Modified    string `json:"dateModified,omitempty"`
		About       *ldOrg `json:"about,omitempty"`
		Publisher   *ldOrg `json:"publisher,omitempty"`
		Description string `json:"description,omitempty"`
	}
	ldOrg struct {
		Type       string      `json:"@type"`
		Name       string      `json:"name"`
		URL        string      `json:"url,omitempty"`
		Address    string      `json:"address,omitempty"`
		Image      string      `json:"image,omitempty"`
		Email      string      `json:"email,omitempty"`
		Telephone  string      `json:"telephone,omitempty"`
		Identifier *ldProperty `json:"identifier,omitempty"`
	}
	ldProperty struct {
		Type  string `json:"@type"`
		Name  string `json:"propertyID"`
		Value string `json:"value"`
	}
	ldEvent struct {
		Type        string `json:"@type"`
		Name        string `json:"name"`
		URL         string `json:"url"`
		Start       string `json:"startDate"`
		End         string `json:"endDate"`
		Status      string `json:"eventStatus"`
		Attendance  string `json:"eventAttendanceMode"`
		Location    []any  `json:"location"`
		Description string `json:"description,omitempty"`
		Organizer   *ldOrg `json:"organizer"`
		Audience    string `json:"audience,omitempty"`
	}
	ldPlace struct {
		Type    string `json:"@type"`
		Name    string `json:"name"`
		Address string `json:"address"`
	}
	ldVirtual struct {
		Type string `json:"@type"`
		URL  string `json:"url"`
	}
)

// schoolData is the JSON-LD of a school's page: the page, about the
// school, published by the service, with the meetings to come that
// parents and carers may come to. The school's own address (url) is its
// website: this site is about it, not its site.
func (r *Renderer) schoolData(pg *Page) (template.HTML, error) {
	s := pg.School
	page := ldPage{Type: "WebPage", Name: pg.Title, URL: r.abs(pg.Path), Language: pg.Lang,
		Modified: s.Listing.Updated.String(), About: r.ldSchool(s), Publisher: r.ldPublisher()}
	if s.Listing.Updated.IsZero() {
		page.Modified = ""
	}
	graph := []any{page}
	for _, m := range forParents(s.Upcoming(pg.Now)) {
		graph = append(graph, r.ldEvent(s, m))
	}
	return jsonLD(graph)
}

func (r *Renderer) ldSchool(s *site.School) *ldOrg {
	o := &ldOrg{Type: "School", Name: s.Info.Name, URL: s.Info.Website, Address: s.Info.Address}
	if s.Image != "" {
		o.Image = r.abs(s.Image)
	}
	if s.Info.URN != "" {
		o.Identifier = &ldProperty{Type: "PropertyValue", Name: "URN", Value: s.Info.URN}
	}
	return o
}

func (r *Renderer) ldPublisher() *ldOrg {
	o := &ldOrg{Type: "Organization", Name: r.site.Title, URL: r.abs("/")}
	if org := r.site.Organisation; org != nil {
		o.Name, o.Address, o.Email, o.Telephone = org.Name, org.Address, org.Email, org.Phone
		if org.Name == "" {
			o.Name = r.site.Title
		}
	}
	return o
}

// ldEvent describes one meeting's next occurrence. Its place is where it
// is held, else the school; a meeting with an online link is online too.
func (r *Renderer) ldEvent(s *site.School, m site.MeetingAt) ldEvent {
	mt := m.Meeting
	e := ldEvent{Type: "Event", Name: mt.Title, URL: r.abs(mt.PageURL()),
		Status: "https://schema.org/EventScheduled", Description: clip(300, mt.DescriptionText),
		Organizer: &ldOrg{Type: "School", Name: s.Info.Name, URL: s.Info.Website}, Audience: mt.Audience}
	if mt.Cancelled() {
		e.Status = "https://schema.org/EventCancelled"
	}
	if mt.AllDay {
		e.Start, e.End = m.At.Start.Format(time.DateOnly), m.At.End.AddDate(0, 0, -1).Format(time.DateOnly)
	} else {
		e.Start, e.End = m.At.Start.Format(time.RFC3339), m.At.End.Format(time.RFC3339)
	}
	place := mt.Location
	if place == "" && mt.Online == "" {
		place = strings.Join(nonEmpty(s.Info.Name, s.Info.Address), ", ")
	}
	if place != "" {
		e.Location = append(e.Location, ldPlace{Type: "Place", Name: place, Address: place})
	}
	if mt.Online != "" {
		e.Location = append(e.Location, ldVirtual{Type: "VirtualLocation", URL: mt.Online})
	}
	switch {
	case place != "" && mt.Online != "":
		e.Attendance = "https://schema.org/MixedEventAttendanceMode"
	case mt.Online != "":
		e.Attendance = "https://schema.org/OnlineEventAttendanceMode"
	default:
		e.Attendance = "https://schema.org/OfflineEventAttendanceMode"
	}
	return e
}

// eventsData is the JSON-LD of a school's meetings page: each meeting to
// come that parents and carers may come to, cancelled ones marked so.
func (r *Renderer) eventsData(pg *Page) (template.HTML, error) {
	var graph []any
	for _, m := range forParents(pg.School.Upcoming(pg.Now)) {
		graph = append(graph, r.ldEvent(pg.School, m))
	}
	if graph == nil {
		return "", nil
	}
	return jsonLD(graph)
}

// jsonLD writes a graph as a JSON-LD script element. encoding/json
// escapes <, > and &, so no text can end the element early.
func jsonLD(graph []any) (template.HTML, error) {
	var b bytes.Buffer
	b.WriteString(`<script type="application/ld+json">`)
	enc := json.NewEncoder(&b)
	if err := enc.Encode(ldGraph{Context: "https://schema.org", Graph: graph}); err != nil {
		return "", err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	b.WriteString(`</script>`)
	return template.HTML(b.String()), nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
