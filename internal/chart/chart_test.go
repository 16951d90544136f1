package chart

import (
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ptr(v float64) *float64 { return &v }

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{55.5, "55.5"},
		{48, "48"},
		{0.25, "0.25"},
		{0, "0"},
		{-0.001, "0"},
		{-7.5, "-7.5"},
		{33.333333, "33.33"},
		{0.1 + 0.2, "0.3"},
		{1250, "1,250"},
		{1234567.5, "1,234,567.5"},
		{-1000, "-1,000"},
		{999, "999"},
		{100, "100"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := FormatNumber(tt.in); got != tt.want {
				t.Errorf("FormatNumber(%v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMovement(t *testing.T) {
	sep, nov := day("2026-09-01"), day("2026-11-01")
	tests := []struct {
		name   string
		points []Point
		unit   string
		higher bool
		want   Change
	}{
		{"percent up, higher is better", []Point{{sep, 48}, {nov, 55.5}}, "%", true,
			Change{"up 7.5 percentage points since 1 September 2026", true, false}},
		{"one percentage point", []Point{{sep, 48}, {nov, 47}}, "%", true,
			Change{"down 1 percentage point since 1 September 2026", false, true}},
		{"days down, lower is better", []Point{{sep, 30}, {nov, 18}}, "days", false,
			Change{"down 12 days since 1 September 2026", true, false}},
		{"one day", []Point{{sep, 3}, {nov, 4}}, "days", false,
			Change{"up 1 day since 1 September 2026", false, true}},
		{"entries to entry", []Point{{sep, 3}, {nov, 4}}, "entries", true,
			Change{"up 1 entry since 1 September 2026", true, false}},
		{"half a day is plural", []Point{{sep, 3}, {nov, 3.5}}, "days", true,
			Change{"up 0.5 days since 1 September 2026", true, false}},
		{"no unit", []Point{{sep, 3}, {nov, 5}}, "", true,
			Change{"up 2 since 1 September 2026", true, false}},
		{"no change", []Point{{sep, 91}, {nov, 91.001}}, "%", true,
			Change{"no change since 1 September 2026", false, false}},
		{"first to last, not previous", []Point{{sep, 10}, {day("2026-10-01"), 50}, {nov, 12}}, "pupils", true,
			Change{"up 2 pupils since 1 September 2026", true, false}},
		{"unsorted input", []Point{{nov, 55.5}, {sep, 48}}, "%", true,
			Change{"up 7.5 percentage points since 1 September 2026", true, false}},
		{"one point", []Point{{sep, 48}}, "%", true, Change{}},
		{"no points", nil, "%", true, Change{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Movement(tt.points, tt.unit, tt.higher, nil); got != tt.want {
				t.Errorf("Movement = %+v, want %+v", got, tt.want)
			}
		})
	}
	t.Run("custom date format", func(t *testing.T) {
		got := Movement([]Point{{sep, 1}, {nov, 2}}, "%", true, func(t time.Time) string { return t.Format("January") })
		if want := "up 1 percentage point since September"; got.Text != want {
			t.Errorf("Text = %q, want %q", got.Text, want)
		}
	})
}

func TestNiceAxis(t *testing.T) {
	tests := []struct {
		name    string
		values  []float64
		percent bool
		want    axis
	}{
		// The example: on 0 to 100% this change was a flat line.
		{"attendance fills the chart", []float64{91.8, 93.4, 94.9}, true, axis{90, 96, 2}},
		{"percent with target", []float64{48, 55.5, 70}, true, axis{45, 70, 5}},
		{"percent near 100 stops at 100", []float64{93, 96.5}, true, axis{92, 98, 2}},
		{"percent exactly 100", []float64{100}, true, axis{95, 100, 1}},
		{"percent spans at least 5 points", []float64{94, 94.1}, true, axis{90, 98, 2}},
		{"all zero percent", []float64{0, 0}, true, axis{0, 5, 1}},
		{"all zero count", []float64{0}, false, axis{0, 1, 0.2}},
		{"days", []float64{30, 18, 12}, false, axis{10, 30, 5}},
		{"counts near zero stay above it", []float64{3, 1}, false, axis{1, 3, 0.5}},
		{"small fractions", []float64{0.25, 0.1}, false, axis{0.1, 0.25, 0.05}},
		{"negative", []float64{-0.4, 0.3}, false, axis{-0.4, 0.4, 0.2}},
		{"large", []float64{1234}, false, axis{1100, 1400, 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := niceAxis(tt.values, tt.percent)
			if round2(got.lo) != tt.want.lo || round2(got.hi) != tt.want.hi || round2(got.step) != tt.want.step {
				t.Errorf("niceAxis(%v) = %+v, want %+v", tt.values, got, tt.want)
			}
			if n := len(got.ticks()); n < 4 || n > 6 {
				t.Errorf("%d gridlines, want 4 to 6 (3 to 5 steps)", n)
			}
		})
	}
}

// A chart whose axis does not start at zero says so, in words.
func TestBaselineNote(t *testing.T) {
	tests := []struct {
		name string
		ax   axis
		unit string
		want string
	}{
		{"percent", axis{90, 96, 2}, "%", "The scale starts at 90%, not 0."},
		{"days", axis{10, 30, 5}, "days", "The scale starts at 10 days, not 0."},
		{"one day", axis{1, 3, 0.5}, "days", "The scale starts at 1 day, not 0."},
		{"from zero", axis{0, 5, 1}, "%", ""},
		{"below zero", axis{-0.4, 0.4, 0.2}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.ax.baselineNote(tt.unit); got != tt.want {
				t.Errorf("baselineNote = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	text := "Parents want earlier notice of changes to homework and to the timetable, please."
	maxWidth := 20 * fontSize
	lines := wrap(strings.Fields(text), maxWidth)
	if got := strings.Join(lines, " "); got != text {
		t.Errorf("wrap lost words: %q", got)
	}
	for i, line := range lines {
		if textWidth(line) > maxWidth {
			t.Errorf("line %q is too wide", line)
		}
		if i+1 < len(lines) {
			next, _, _ := strings.Cut(lines[i+1], " ")
			if textWidth(line+" "+next) <= maxWidth {
				t.Errorf("line %q could have taken %q", line, next)
			}
		}
	}
	if len(lines) < 2 {
		t.Errorf("want the text wrapped, got %q", lines)
	}

	t.Run("phrases stay whole", func(t *testing.T) {
		got := wrap([]string{"80% agree,", "5% did not answer"}, textWidth("80% agree, 5% did"))
		if want := "80% agree,|5% did not answer"; strings.Join(got, "|") != want {
			t.Errorf("wrap = %q, want %q", got, want)
		}
	})
}

// Charts used by the golden and structure tests.
func testCharts() map[string]string {
	return map[string]string{
		"line-percent": Line{
			IDPrefix: "maths-1", Title: "Pupils at the expected standard in maths (Year 6 assessments)",
			Unit: "%", Target: ptr(70), HigherIsBetter: true,
			Points: []Point{{day("2026-09-01"), 48}, {day("2026-11-01"), 55.5}, {day("2027-02-01"), 61}},
		}.SVG(),
		"line-days": Line{
			IDPrefix: "absence", Title: "Days lost to exclusions this term", Unit: "days",
			Target: ptr(10), HigherIsBetter: false,
			Points: []Point{{day("2026-09-01"), 30}, {day("2026-10-15"), 18}, {day("2026-12-01"), 12}},
		}.SVG(),
		"line-single": Line{
			IDPrefix: "one", Title: "Attendance", Desc: "Attendance was 91% in September 2026.", Unit: "%",
			Points: []Point{{day("2026-09-01"), 91}},
		}.SVG(),
		"bars": Bars{
			IDPrefix: "q-2026-10", Title: "Questionnaire, October 2026",
			Rows: []StackedRow{
				{Label: "My child is happy at this school.", Agree: 78, Disagree: 12, DontKnow: 10},
				{Label: "The school tells me how well my child is doing and what they need to do next.", Agree: 55, Disagree: 30, DontKnow: 10},
				{Label: "Behaviour is good.", Agree: 40, Disagree: 52.5, DontKnow: 7.5},
			},
		}.SVG(),
	}
}

func TestGolden(t *testing.T) {
	for name, got := range testCharts() {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run go test -update after checking the change):\n%s", path, got)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	first := testCharts()
	for range 3 {
		for name, got := range testCharts() {
			if got != first[name] {
				t.Fatalf("%s: output changed between runs", name)
			}
		}
	}
}

// svgDoc is what the structure test reads back from a chart.
type svgDoc struct {
	Role       string `xml:"role,attr"`
	LabelledBy string `xml:"aria-labelledby,attr"`
	ViewBox    string `xml:"viewBox,attr"`
	Width      string `xml:"width,attr"`
	Title      struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"title"`
	Desc struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"desc"`
}

// wellFormed reports the first XML error in s, reading every token.
func wellFormed(s string) error {
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func TestSVGStructure(t *testing.T) {
	nasty := `Pupils <absent> & "persistently" late` + "\x01"
	charts := map[string]string{
		"line": Line{IDPrefix: "m", Title: nasty, Desc: nasty, Unit: `<days & "nights">`, Target: ptr(3),
			Points: []Point{{day("2026-09-01"), 1}, {day("2026-10-01"), 2}}}.SVG(),
		"bars": Bars{IDPrefix: "m", Title: nasty, Desc: nasty,
			Rows: []StackedRow{{Label: nasty, Agree: 50, Disagree: 50}}}.SVG(),
	}
	for name, s := range charts {
		t.Run(name, func(t *testing.T) {
			if err := wellFormed(s); err != nil {
				t.Fatalf("not well-formed XML: %v\n%s", err, s)
			}
			var doc svgDoc
			if err := xml.Unmarshal([]byte(s), &doc); err != nil {
				t.Fatal(err)
			}
			want := `Pupils <absent> & "persistently" late`
			switch {
			case doc.Role != "img":
				t.Errorf("role = %q, want img", doc.Role)
			case doc.LabelledBy != "m-title m-desc":
				t.Errorf("aria-labelledby = %q", doc.LabelledBy)
			case doc.Title.ID != "m-title" || doc.Desc.ID != "m-desc":
				t.Errorf("ids = %q, %q", doc.Title.ID, doc.Desc.ID)
			case doc.Title.Text != want || !strings.HasPrefix(doc.Desc.Text, want):
				t.Errorf("title, desc = %q, %q; want %q", doc.Title.Text, doc.Desc.Text, want)
			case doc.Width != "100%" || !strings.HasPrefix(doc.ViewBox, "0 0 288 "):
				t.Errorf("width %q, viewBox %q: want a responsive 288-wide viewBox", doc.Width, doc.ViewBox)
			}
			if strings.Contains(s, "<absent>") || strings.Contains(s, `"persistently"`) {
				t.Error("text is not escaped")
			}
		})
	}
}

// The text alternatives and labels that make a line chart not rely on
// colour or shape alone.
func TestLineContent(t *testing.T) {
	s := Line{
		IDPrefix: "m", Title: "Days lost", Unit: "days", Target: ptr(10),
		Points:    []Point{{day("2026-09-01"), 30}, {day("2026-12-01"), 12}},
		DateLabel: func(t time.Time) string { return t.Format("January 2006") },
	}.SVG()
	for _, want := range []string{
		`<desc id="m-desc">12 days in December 2026, down 18 days since September 2026. Target: 10 days. Lower is better. The scale starts at 10 days, not 0.</desc>`,
		`<text class="chart-baseline" fill="currentColor"><tspan x="0" y="251.6">The scale starts at 10 days, not 0.</tspan></text>`, // and in sight
		`stroke-dasharray=`,        // the target is dashed
		`>Target</tspan>`,          // and labelled
		`>10 days</tspan>`,         // with its value
		`class="chart-value"`,      // the latest value is written
		`>12 days</text>`,          //
		`>September 2026</text>`,   // the first date
		`>December 2026</text>`,    // and the last
		`class="chart-axis-label"`, //
		`<circle `,                 // markers
		`>30</text>`,               // the top gridline's value
	} {
		if !strings.Contains(s, want) {
			t.Errorf("chart lacks %q:\n%s", want, s)
		}
	}
	if strings.Count(s, "<circle ") != 2 {
		t.Errorf("want a marker for each of 2 points")
	}
	if (Line{Title: "empty"}).SVG() != "" || (Bars{Title: "empty"}).SVG() != "" {
		t.Error("a chart with no data should be empty")
	}
}

func TestBarsContent(t *testing.T) {
	s := Bars{IDPrefix: "v", Title: "Views", Rows: []StackedRow{
		{Label: "Is my child safe", Agree: 80, Disagree: 5, DontKnow: 10},
	}}.SVG()
	for _, want := range []string{
		`<desc id="v-desc">Is my child safe: 80% agree, 5% disagree, 10% don&#39;t know, 5% did not answer.</desc>`,
		// The same words under the bar, wrapped to fit.
		`>80% agree, 5% disagree,</tspan><tspan x="0" y="153.2">10% don&#39;t know,</tspan><tspan x="0" y="174">5% did not answer</tspan>`,
		`fill="url(#v-hatch)"`, `fill="url(#v-dots)"`, `<pattern id="v-hatch"`,
		`>Did not answer</text>`, // in the key, since a row has a gap
	} {
		if !strings.Contains(s, want) {
			t.Errorf("chart lacks %q:\n%s", want, s)
		}
	}
}

// The value label moves off the target's label when they would overlap,
// staying inside the chart.
func TestClearOfTarget(t *testing.T) {
	tests := []struct {
		name   string
		vy, ty float64
		want   float64
	}{
		{"far apart", 100, 40, 100},
		{"value just above target", 95, 100, 100 - 1.5*lineHeight},
		{"value just below target", 105, 100, 100 + 1.5*lineHeight},
		{"no room above", plotTop, plotTop, plotTop + 1.5*lineHeight},
		{"no room below", plotBottom + 1, plotBottom, plotBottom - 1.5*lineHeight},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clearOfTarget(tt.vy, tt.ty); got != tt.want {
				t.Errorf("clearOfTarget(%v, %v) = %v, want %v", tt.vy, tt.ty, got, tt.want)
			}
		})
	}
}
