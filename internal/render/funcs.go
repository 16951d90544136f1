package render

import (
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/chart"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/markdown"
	"github.com/parentpages/parentpages/internal/site"
)

func sortFunc[T any](s []T, less func(a, b T) bool) {
	slices.SortStableFunc(s, func(a, b T) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}

// funcs is the template FuncMap, built for one renderer.
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"url": r.url,
		"abs": r.abs,
		"md": func(d *markdown.Doc) template.HTML {
			if d == nil {
				return ""
			}
			return template.HTML(r.md.HTML(d))
		},
		"longDate":  longDate,
		"shortDate": shortDate,
		"date":      dateWords,
		"clock":     clock,
		"when": func(m site.MeetingAt) string {
			return when(m.At.Start, m.At.End, m.Meeting.AllDay)
		},
		"occurrence": func(m *site.Meeting, o site.Occurrence) string { return when(o.Start, o.End, m.AllDay) },
		"iso":        func(t time.Time) string { return t.Format(time.RFC3339) },
		"isoDate":    func(d content.Date) string { return d.Format(time.DateOnly) },
		"category":   categoryWords,
		"capitalise": capitalise,
		"plural":     plural,
		"lower":      strings.ToLower,
		"upcoming":   func(s *site.School) []site.MeetingAt { return s.Upcoming(r.site.Now) },
		"past":       func(s *site.School) []site.MeetingAt { return s.Past(r.site.Now) },
		"first": func(n int, xs any) any {
			switch xs := xs.(type) {
			case []site.MeetingAt:
				return xs[:min(n, len(xs))]
			case []*site.Update:
				return xs[:min(n, len(xs))]
			}
			return xs
		},
		"statuses":   func() []site.Status { return site.Statuses },
		"schoolsIn":  func(key string) []*site.School { return r.schoolsIn(key) },
		"number":     chart.FormatNumber,
		"lineChart":  r.lineChart,
		"barChart":   r.barChart,
		"movement":   r.movement,
		"statusWord": func(s string) string { return capitalise(strings.ReplaceAll(s, "-", " ")) },
		// webcal: is a safe scheme, but html/template does not know it.
		"webcal": func(sitePath string) template.URL {
			a := r.abs(sitePath)
			return template.URL("webcal://" + a[strings.Index(a, "://")+3:])
		},
		"gcal": func(sitePath string) string {
			return "https://calendar.google.com/calendar/render?cid=" + template.URLQueryEscaper("webcal://"+strings.SplitN(r.abs(sitePath), "://", 2)[1])
		},
		"add": func(a, b int) int { return a + b },
		"pct": func(part, whole int) string {
			if whole == 0 {
				return "0"
			}
			return chart.FormatNumber(float64(part) * 100 / float64(whole))
		},
		"deref": func(p *int) int {
			if p == nil {
				return 0
			}
			return *p
		},
		"hasReload": func() bool { return r.opts.ReloadScript != "" },
	}
}

// schoolsIn returns the schools with the given status, newest inspection first.
func (r *Renderer) schoolsIn(key string) []*site.School {
	var out []*site.School
	for _, s := range r.site.Schools {
		if s.Latest != nil && s.Status.Key == key {
			out = append(out, s)
		}
	}
	sortFunc(out, func(a, b *site.School) bool {
		if !a.Latest.Start.Equal(b.Latest.Start.Time) {
			return a.Latest.Start.After(b.Latest.Start.Time)
		}
		return a.Info.Name < b.Info.Name
	})
	return out
}

func points(m *content.Measure) []chart.Point {
	pts := make([]chart.Point, len(m.Points))
	for i, p := range m.Points {
		pts[i] = chart.Point{Date: p.Date.Time, Value: p.Value}
	}
	return pts
}

func higherIsBetter(m *content.Measure) bool { return m.HigherIsBetter == nil || *m.HigherIsBetter }

func (r *Renderer) lineChart(id string, m *content.Measure) template.HTML {
	return template.HTML(chart.Line{
		IDPrefix: id, Title: m.Name, Unit: m.Unit, Points: points(m), Target: m.Target,
		HigherIsBetter: higherIsBetter(m),
	}.SVG())
}

func (r *Renderer) movement(m *content.Measure) chart.Change {
	return chart.Movement(points(m), m.Unit, higherIsBetter(m), shortDate)
}

func (r *Renderer) barChart(id, title string, qs []content.Question) template.HTML {
	rows := make([]chart.StackedRow, len(qs))
	for i, q := range qs {
		rows[i] = chart.StackedRow{Label: q.Ask, Agree: q.Agree, Disagree: q.Disagree, DontKnow: q.DontKnow}
	}
	return template.HTML(chart.Bars{IDPrefix: id, Title: title, Rows: rows}.SVG())
}
