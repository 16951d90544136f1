package render

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/ical"
	"github.com/parentpages/parentpages/internal/rss"
	"github.com/parentpages/parentpages/internal/site"
)

const generator = "parentpages"

// siteFeedItems is how many updates the whole site's feed holds.
const siteFeedItems = 50

// refresh is how often subscribers are asked to reload a calendar.
const refresh = 12 * time.Hour

// feedItem makes the feed item of an update, given its summary and its
// body as HTML with absolute links.
func (r *Renderer) feedItem(u *site.Update, summary, html string) rss.Item {
	// An update has a date, not a time: publish it at 9am local time.
	d := u.Date.Time
	pub := time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, r.site.Location)
	return rss.Item{
		Title: u.Title, Link: r.abs(u.URL()), GUID: r.abs(u.URL()), Published: pub,
		Description: summary, ContentHTML: html, Author: u.Author,
		Categories: []string{u.School.Name},
	}
}

// schoolFeed renders a school's feed; html holds each update's body.
func (r *Renderer) schoolFeed(s *site.School, html []string) (Output, error) {
	items := make([]rss.Item, len(s.Updates))
	for i, u := range s.Updates {
		items[i] = r.feedItem(u, u.Summary, html[i])
	}
	ch := rss.Channel{
		Title:       r.l.c.T("feed.school_title", "school", s.Info.Name),
		Link:        r.abs(s.URL()),
		Description: r.l.c.T("feed.school_description", "school", s.Info.Name, "site", r.site.Title),
		Language:    r.lang(), SelfURL: r.abs(s.URL() + "feed.xml"), Generator: generator,
		Items: items,
	}
	b, err := ch.Marshal()
	if err != nil {
		return Output{}, fmt.Errorf("feed of %s: %w", s.Slug, err)
	}
	return Output{Path: r.outPath(s.URL() + "feed.xml"), MediaType: rss.MediaType, Body: b}, nil
}

// SiteFeed renders the whole site's feed.
func (r *Renderer) SiteFeed(schools []*site.Listing) ([]Output, error) {
	o, err := r.siteFeed(schools)
	if err != nil {
		return nil, err
	}
	return []Output{o}, nil
}

// SiteFeedUpdates returns the updates the whole site's feed holds, in order.
//
// A reader wants what is new: the whole site's feed holds the latest
// updates only, each school's feed holds all of that school's. A site of
// a thousand schools has fifteen thousand updates, and the dev server
// asks on every save, so the latest are picked out, not all sorted.
func SiteFeedUpdates(schools []*site.Listing) []*site.Update {
	top := make([]*site.Update, 0, siteFeedItems+1)
	for _, s := range schools {
		for _, u := range s.Updates {
			if len(top) == siteFeedItems && !newerUpdate(u, top[len(top)-1]) {
				continue
			}
			i, _ := slices.BinarySearchFunc(top, u, func(a, b *site.Update) int {
				if newerUpdate(a, b) {
					return -1
				}
				return 1
			})
			top = slices.Insert(top, i, u)
			if len(top) > siteFeedItems {
				top = top[:siteFeedItems]
			}
		}
	}
	return top
}

func (r *Renderer) siteFeed(schools []*site.Listing) (Output, error) {
	top := SiteFeedUpdates(schools)
	items := make([]rss.Item, len(top))
	for i, u := range top {
		body, summary := r.site.UpdateBody(u)
		items[i] = r.feedItem(u, summary, r.mdAbs.HTML(body))
	}
	desc := r.site.Description
	if desc == "" {
		desc = r.l.c.T("feed.site_description", "site", r.site.Title)
	}
	ch := rss.Channel{
		Title: r.l.c.T("feed.site_title", "site", r.site.Title), Link: r.abs("/"), Description: desc,
		Language: r.lang(), SelfURL: r.abs("/feed.xml"), Generator: generator,
		Items: items,
	}
	b, err := ch.Marshal()
	if err != nil {
		return Output{}, fmt.Errorf("site feed: %w", err)
	}
	return Output{Path: r.outPath("/feed.xml"), MediaType: rss.MediaType, Body: b}, nil
}

// newerUpdate orders updates newest first; ties by school, then slug, so
// the order never depends on input order.
func newerUpdate(a, b *site.Update) bool {
	if !a.Date.Equal(b.Date.Time) {
		return a.Date.After(b.Date.Time)
	}
	if a.School.Slug != b.School.Slug {
		return a.School.Slug < b.School.Slug
	}
	return a.Slug < b.Slug
}

// event turns a meeting into a calendar event.
func (r *Renderer) event(m *site.Meeting) ical.Event {
	e := ical.Event{
		UID:      m.School.Slug + "-" + m.ID + "@" + r.site.BaseURL.Hostname(),
		Stamp:    r.site.Now.UTC().Truncate(time.Second),
		Start:    m.Start,
		End:      m.End,
		AllDay:   m.AllDay,
		Summary:  r.l.c.T("calendar.event_summary", "title", m.Title, "school", m.School.Name),
		Location: m.Location,
		URL:      r.abs(m.PageURL()),
		Sequence: m.Sequence,
	}
	switch m.Status {
	case "tentative":
		e.Status = ical.Tentative
	case "cancelled":
		e.Status = ical.Cancelled
	default:
		e.Status = ical.Confirmed
	}
	var desc []string
	if m.DescriptionText != "" {
		desc = append(desc, m.DescriptionText)
	}
	if !m.OpenToAll() {
		// The calendar lists members-only meetings too, marked as such.
		desc = append(desc, r.l.c.T("calendar.members"))
	}
	if m.Audience != "" {
		desc = append(desc, r.l.c.T("calendar.who", "audience", m.Audience))
	}
	if m.Location != "" {
		desc = append(desc, r.l.c.T("calendar.where", "location", m.Location))
	}
	if m.Online != "" {
		desc = append(desc, r.l.c.T("calendar.online", "url", m.Online))
	}
	if m.Access != "" {
		desc = append(desc, r.l.c.T("calendar.access", "access", m.Access))
	}
	desc = append(desc, r.l.c.T("calendar.more", "url", r.abs(m.PageURL())))
	e.Description = strings.Join(desc, "\n\n")
	if m.Every > 0 {
		rep := &ical.Recurrence{Interval: m.Every, Until: m.Until.Time, Count: m.Count}
		switch m.Unit {
		case "day":
			rep.Freq = ical.Daily
		case "week":
			rep.Freq = ical.Weekly
		case "month":
			rep.Freq = ical.Monthly
		}
		e.Repeat = rep
		e.Except = m.Except
	}
	return e
}

func (r *Renderer) calendar(name, desc, page, self string, meetings []*site.Meeting) (Output, error) {
	c := &ical.Calendar{
		ProdID:      "-//" + r.site.BaseURL.Hostname() + "//parentpages//" + r.prodLang(),
		Name:        name,
		Description: desc,
		URL:         r.abs(page),
		Source:      r.abs(self),
		TimeZone:    r.site.Location,
		Refresh:     refresh,
		Now:         r.site.Now,
		Zones:       &r.zones,
	}
	for _, m := range meetings {
		c.Events = append(c.Events, r.event(m))
	}
	b, err := c.Marshal()
	if err != nil {
		return Output{}, fmt.Errorf("calendar %s: %w", self, err)
	}
	return Output{Path: r.outPath(self), MediaType: ical.MediaType, Body: b}, nil
}

func (r *Renderer) schoolCalendars(s *site.School) ([]Output, error) {
	all, err := r.calendar(r.l.c.T("calendar.school_name", "school", s.Info.Name),
		r.l.c.T("calendar.school_description", "school", s.Info.Name, "site", r.site.Title),
		s.URL()+"meetings/", s.URL()+"calendar.ics", s.Meetings)
	if err != nil {
		return nil, err
	}
	out := []Output{all}
	for _, m := range s.Meetings {
		one, err := r.calendar(r.l.c.T("calendar.meeting_name", "title", m.Title, "school", s.Info.Name), "", m.PageURL(), m.URL(), []*site.Meeting{m})
		if err != nil {
			return nil, err
		}
		out = append(out, one)
	}
	return out, nil
}

// SiteCalendar renders the whole site's calendar.
func (r *Renderer) SiteCalendar(schools []*site.Listing) ([]Output, error) {
	o, err := r.siteCalendar(schools)
	if err != nil {
		return nil, err
	}
	return []Output{o}, nil
}

func (r *Renderer) siteCalendar(schools []*site.Listing) (Output, error) {
	var all []*site.Meeting
	for _, s := range schools {
		all = append(all, s.Meetings...)
	}
	return r.calendar(r.l.c.T("calendar.site_name", "site", r.site.Title),
		r.l.c.T("calendar.site_description", "site", r.site.Title), "/", "/calendar.ics", all)
}

type urlset struct {
	XMLName xml.Name  `xml:"urlset"`
	NS      string    `xml:"xmlns,attr"`
	XHTML   string    `xml:"xmlns:xhtml,attr,omitempty"`
	URLs    []siteURL `xml:"url"`
}

type siteURL struct {
	Loc        string      `xml:"loc"`
	Alternates []xhtmlLink `xml:"xhtml:link"`
}

// xhtmlLink is a sitemap's alternate of a page in another language.
type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// Sitemap lists every HTML page of paths (output paths, sorted) but the
// 404 pages; on a site in more than one language, each with the same page
// in every language it exists in (xhtml:link), as search engines read
// them.
func (r *Renderer) Sitemap(paths []string) (Output, error) {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	in := map[string][]int{} // by main-language output path, the languages a page is in
	var pages []string
	for _, op := range paths {
		if !strings.HasSuffix(op, ".html") {
			continue
		}
		lang, main := LanguageOf(r.opts.Languages, op)
		if main == "404.html" {
			continue
		}
		pages = append(pages, op)
		in[main] = append(in[main], lang)
	}
	for _, op := range pages {
		u := siteURL{Loc: r.absRooted(pagePath(op))}
		if len(r.opts.Languages) > 0 {
			set.XHTML = "http://www.w3.org/1999/xhtml"
			_, main := LanguageOf(r.opts.Languages, op)
			langs := slices.Clone(in[main])
			slices.Sort(langs)
			for _, i := range langs {
				l := r.opts.Languages[i]
				u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: l.Code, Href: r.absRooted(pagePath(languagePath(l, main)))})
			}
			u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: "x-default", Href: r.absRooted(pagePath(main))})
		}
		set.URLs = append(set.URLs, u)
	}
	b, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		return Output{}, err
	}
	return Output{Path: "sitemap.xml", MediaType: "application/xml", Body: append([]byte(xml.Header), append(b, '\n')...)}, nil
}

// pagePath is the site path of the page at output path op.
func pagePath(op string) string { return "/" + strings.TrimSuffix(op, "index.html") }

// LanguageOf returns the language of output path op on a site published
// in langs (Options.Languages), as an index into langs (0 when the site
// has one language), and the output path of the same file in the main
// language.
func LanguageOf(langs []Language, op string) (int, string) {
	first, rest, ok := strings.Cut(op, "/")
	if ok {
		for i, l := range langs {
			if !l.Main && l.Code == first {
				return i, rest
			}
		}
	}
	for i, l := range langs {
		if l.Main {
			return i, op
		}
	}
	return 0, op
}

// languagePath is output path op of the main language in language l.
func languagePath(l Language, op string) string {
	if l.Main {
		return op
	}
	return l.Code + "/" + op
}
