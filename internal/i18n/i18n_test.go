package i18n

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// enYAML is a small English catalogue: the reference the others are
// measured against.
const enYAML = `code: en
name: English
dir: ltr
reviewed: true
digits: latn
months: [January, February, March, April, May, June, July, August, September, October, November, December]
weekdays: [Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday]
formats:
  long_date: "{weekday} {day} {month} {year}"
  short_date: "{day} {month} {year}"
  clock_hour: "{h12}{ampm}"
  clock_minutes: "{h12}:{minute}{ampm}"
  clock_midday: midday
  am: am
  pm: pm
messages:
  hello: "Hello, {name}."
  steps:
    one: "{count} step"
    other: "{count} steps"
`

const plYAML = `code: pl
name: Polski
english_name: Polish
dir: ltr
reviewed: false
digits: latn
months: [stycznia, lutego, marca, kwietnia, maja, czerwca, lipca, sierpnia, września, października, listopada, grudnia]
weekdays: [niedziela, poniedziałek, wtorek, środa, czwartek, piątek, sobota]
formats:
  long_date: "{weekday}, {day} {month} {year}"
  short_date: "{day} {month} {year}"
  clock_hour: "{hour}:00"
  clock_minutes: "{hour}:{minute}"
  clock_midday: ""
  am: ""
  pm: ""
messages:
  hello: "Dzień dobry, {name}."
  steps:
    one: "{count} krok"
    few: "{count} kroki"
    many: "{count} kroków"
    other: "{count} kroku"
`

const arYAML = `code: ar
name: العربية
english_name: Arabic
dir: rtl
digits: arab
months: [يناير, فبراير, مارس, أبريل, مايو, يونيو, يوليو, أغسطس, سبتمبر, أكتوبر, نوفمبر, ديسمبر]
weekdays: [الأحد, الاثنين, الثلاثاء, الأربعاء, الخميس, الجمعة, السبت]
formats:
  long_date: "{weekday} {day} {month} {year}"
  short_date: "{day} {month} {year}"
  clock_hour: "{hour}:00"
  clock_minutes: "{hour}:{minute}"
  clock_midday: ""
  am: ""
  pm: ""
messages:
  hello: "مرحبا {name}."
  steps:
    zero: "zero {count}"
    one: "one {count}"
    two: "two {count}"
    few: "few {count}"
    many: "many {count}"
    other: "other {count}"
`

func load(t *testing.T, files map[string]string, over ...map[string]string) *Set {
	t.Helper()
	layers := []Layer{{Name: "theme", FS: mapFS(files)}}
	for _, o := range over {
		layers = append(layers, Layer{Name: "site", FS: mapFS(o)})
	}
	s, err := Load(layers...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

func catalogue(t *testing.T, s *Set, tag string) *Catalogue {
	t.Helper()
	c, err := s.Catalogue(tag)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Plurals follow CLDR's rules for each language: Polish has one, few and
// many for whole numbers, Arabic all six forms.
func TestPlurals(t *testing.T) {
	s := load(t, map[string]string{"i18n/en.yaml": enYAML, "i18n/pl.yaml": plYAML, "i18n/ar.yaml": arYAML})
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 steps"}, {"en", 1, "1 step"}, {"en", 2, "2 steps"}, {"en", 1250, "1,250 steps"},
		{"pl", 0, "0 kroków"}, {"pl", 1, "1 krok"}, {"pl", 2, "2 kroki"}, {"pl", 4, "4 kroki"},
		{"pl", 5, "5 kroków"}, {"pl", 12, "12 kroków"}, {"pl", 22, "22 kroki"}, {"pl", 25, "25 kroków"},
		{"pl", 101, "101 kroków"}, {"pl", 102, "102 kroki"},
		{"ar", 0, "zero ٠"}, {"ar", 1, "one ١"}, {"ar", 2, "two ٢"}, {"ar", 3, "few ٣"}, {"ar", 10, "few ١٠"},
		{"ar", 11, "many ١١"}, {"ar", 99, "many ٩٩"}, {"ar", 100, "other ١٠٠"}, {"ar", 102, "other ١٠٢"},
		{"ar", 103, "few ١٠٣"},
	}
	for _, tt := range tests {
		if got := catalogue(t, s, tt.lang).N("steps", tt.n); got != tt.want {
			t.Errorf("%s N(steps, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

// A catalogue is found by the exact tag, else its base language; names
// are filled in, and numbers written in the language's digits.
func TestLookupAndFill(t *testing.T) {
	s := load(t, map[string]string{"i18n/en.yaml": enYAML, "i18n/pl.yaml": plYAML, "i18n/ar.yaml": arYAML})
	tests := []struct {
		tag, want string
	}{
		{"en", "Hello, Sam."}, {"en-GB", "Hello, Sam."}, {"EN-gb", "Hello, Sam."},
		{"pl", "Dzień dobry, Sam."}, {"pl-PL", "Dzień dobry, Sam."}, {"ar-EG", "مرحبا Sam."},
	}
	for _, tt := range tests {
		if got := catalogue(t, s, tt.tag).T("hello", "name", "Sam"); got != tt.want {
			t.Errorf("%s: T(hello) = %q, want %q", tt.tag, got, tt.want)
		}
	}
	if _, err := s.Catalogue("so"); err == nil || !strings.Contains(err.Error(), `"so"`) || !strings.Contains(err.Error(), "i18n/so.yaml") {
		t.Errorf("Catalogue(so) error = %v, want one naming the language and the file it needs", err)
	}
	en := catalogue(t, s, "en")
	if _, err := en.Get("hello"); err == nil || !strings.Contains(err.Error(), "{name}") {
		t.Errorf("Get without a value for {name}: error = %v", err)
	}
	if _, err := en.Get("nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) || !strings.Contains(err.Error(), "en") {
		t.Errorf("Get(nope): error = %v, want one naming the key and language", err)
	}
	if got := en.T("nope"); got != "[nope]" {
		t.Errorf("T(nope) = %q", got)
	}
}

// Dates, clocks and numbers are written in each catalogue's forms.
func TestDatesAndNumbers(t *testing.T) {
	s := load(t, map[string]string{"i18n/en.yaml": enYAML, "i18n/pl.yaml": plYAML, "i18n/ar.yaml": arYAML})
	day := time.Date(2026, 12, 8, 18, 0, 0, 0, time.UTC)
	tests := []struct {
		lang, what, got, want string
	}{
		{"en", "long", catalogue(t, s, "en").LongDate(day), "Tuesday 8 December 2026"},
		{"pl", "long", catalogue(t, s, "pl").LongDate(day), "wtorek, 8 grudnia 2026"},
		{"ar", "short", catalogue(t, s, "ar").ShortDate(day), "٨ ديسمبر ٢٠٢٦"},
		{"en", "clock", catalogue(t, s, "en").Clock(day), "6pm"},
		{"en", "clock minutes", catalogue(t, s, "en").Clock(day.Add(30 * time.Minute)), "6:30pm"},
		{"en", "midday", catalogue(t, s, "en").Clock(day.Add(-6 * time.Hour)), "midday"},
		{"pl", "clock", catalogue(t, s, "pl").Clock(day), "18:00"},
		{"pl", "midday, not named", catalogue(t, s, "pl").Clock(day.Add(-6 * time.Hour)), "12:00"},
		{"pl", "clock minutes", catalogue(t, s, "pl").Clock(day.Add(-9*time.Hour - 55*time.Minute)), "8:05"},
		{"ar", "clock", catalogue(t, s, "ar").Clock(day), "١٨:٠٠"},
		{"en", "number", catalogue(t, s, "en").Number(1234567.5), "1,234,567.5"},
		{"en", "negative", catalogue(t, s, "en").Number(-0.004), "0"},
		{"ar", "number", catalogue(t, s, "ar").Number(1250.25), "١,٢٥٠.٢٥"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s %s = %q, want %q", tt.lang, tt.what, tt.got, tt.want)
		}
	}
	ur := &Catalogue{Digits: "arabext"}
	if got := ur.InDigits("2026"); got != "۲۰۲۶" {
		t.Errorf("arabext digits = %q", got)
	}
	if c := catalogue(t, s, "ar"); !c.RTL || c.Dir() != "rtl" || catalogue(t, s, "pl").Dir() != "ltr" {
		t.Errorf("dir: ar %q, pl %q", c.Dir(), catalogue(t, s, "pl").Dir())
	}
}

// A site's theme folder overrides single messages and settings of a
// catalogue, and may add a language.
func TestOverlay(t *testing.T) {
	s := load(t, map[string]string{"i18n/en.yaml": enYAML, "i18n/pl.yaml": plYAML},
		map[string]string{
			"i18n/en.yaml": "messages:\n  hello: \"Hi, {name}!\"\n",
			"i18n/ar.yaml": arYAML,
		})
	en := catalogue(t, s, "en")
	if got := en.T("hello", "name", "Sam"); got != "Hi, Sam!" {
		t.Errorf("overridden message = %q", got)
	}
	if got := en.N("steps", 2); got != "2 steps" {
		t.Errorf("message kept from the theme = %q", got)
	}
	if got := catalogue(t, s, "ar").N("steps", 2); got != "two ٢" {
		t.Errorf("added language: %q", got)
	}
	if got := strings.Join(s.Codes(), " "); got != "en ar pl" {
		t.Errorf("Codes = %q", got)
	}
}

// A catalogue that lacks messages English has loads, so that check can
// say how complete it is, but cannot be rendered with: the error names
// the language and each key.
func TestCompleteness(t *testing.T) {
	partial := strings.Replace(plYAML, "  hello: \"Dzień dobry, {name}.\"\n", "", 1)
	s := load(t, map[string]string{"i18n/en.yaml": enYAML, "i18n/pl.yaml": partial, "i18n/ar.yaml": arYAML})
	_, err := s.Catalogue("pl")
	var e *Error
	if !errors.As(err, &e) || e.Error() != `theme/i18n/pl.yaml: message "hello" is missing (language pl)` {
		t.Errorf("Catalogue(pl) error = %v", err)
	}
	tests := []struct {
		tag, want string
	}{
		{"pl", "pl: 1 of 2 messages; reviewed: no"},
		{"ar", "ar: 2 of 2 messages; reviewed: no"},
		{"en-GB", "en-GB: 2 of 2 messages; reviewed: yes"},
		{"so", "so: no message catalogue (add i18n/so.yaml to the theme)"},
	}
	for _, tt := range tests {
		if got := s.Completeness(tt.tag).String(); got != tt.want {
			t.Errorf("Completeness(%s) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}

// Every mistake in every catalogue is reported in one run, at its
// file:line:col.
func TestLoadErrors(t *testing.T) {
	bad := `code: de
name: Deutsch
dir: sideways
digits: roman
reviewed: maybe
months: [Januar]
weekdays: [Sonntag, Montag, Dienstag, Mittwoch, Donnerstag, Freitag, Samstag]
colour: blue
formats:
  long_date: "{weekday}"
  longdate: x
messages:
  "Bad Key": x
  hello: [a, b]
  steps:
    one: "{count} Schritt"
    lots: "{count} Schritte"
`
	_, err := Load(Layer{Name: "theme", FS: mapFS(map[string]string{
		"i18n/en.yaml": enYAML,
		"i18n/de.yaml": bad,
		"i18n/fr.yaml": "code: de\nname: Français\n: [\n",
		"i18n/pl.yaml": strings.Replace(plYAML, "    few: \"{count} kroki\"\n", "", 1),
	})})
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		"theme/i18n/de.yaml:3:6: `dir` is \"sideways\"; write ltr (left to right) or rtl (right to left)",
		"theme/i18n/de.yaml:4:9: `digits` is \"roman\"",
		"theme/i18n/de.yaml:5:11: `reviewed` is true or false",
		"theme/i18n/de.yaml:6:9: `months` must be a list of 12 words",
		"theme/i18n/de.yaml:8:1: \"colour\" is not a catalogue setting",
		"theme/i18n/de.yaml:11:3: \"longdate\" is not a format",
		"theme/i18n/de.yaml:13:3: \"Bad Key\" is not a message key",
		"theme/i18n/de.yaml:14:10: message \"hello\" must be text",
		"theme/i18n/de.yaml:17:5: \"lots\" is not a plural category",
		"theme/i18n/de.yaml:16:5: plural message \"steps\" lacks its \"other\" form, which de needs",
		"theme/i18n/fr.yaml:2:1: did not find expected key",
		"theme/i18n/pl.yaml:20:5: plural message \"steps\" lacks its \"few\" form, which pl needs",
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("errors lack\n  %s\ngot:\n%v", w, err)
		}
	}
	if strings.Contains(err.Error(), "i18n/en.yaml") || strings.Contains(err.Error(), "is missing") {
		t.Errorf("the English catalogue has no mistakes, and a file with mistakes is not then said to lack what it got wrong, but:\n%v", err)
	}
	// A placeholder English does not have.
	_, err = Load(Layer{Name: "theme", FS: mapFS(map[string]string{"i18n/en.yaml": enYAML,
		"i18n/pl.yaml": strings.Replace(plYAML, "Dzień dobry, {name}.", "Dzień dobry, {nmae}.", 1)})})
	if w := "theme/i18n/pl.yaml:18:3: message \"hello\" has {nmae}, which the English message does not have (it has {name})"; err == nil || !strings.Contains(err.Error(), w) {
		t.Errorf("errors lack\n  %s\ngot:\n%v", w, err)
	}
	// A catalogue whose file is right but lacks settings and formats.
	_, err = Load(Layer{Name: "theme", FS: mapFS(map[string]string{"i18n/en.yaml": enYAML, "i18n/de.yaml": "code: de\nmessages:\n  hello: Hallo\n"})})
	for _, w := range []string{
		"theme/i18n/de.yaml: `name`, the language's name in itself, is missing (language de)",
		"theme/i18n/de.yaml: `months` is missing (language de)",
		"theme/i18n/de.yaml: format \"short_date\" is missing (language de)",
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("errors lack\n  %s\ngot:\n%v", w, err)
		}
	}
}

// FuzzLoad checks that no catalogue, however broken, makes Load panic,
// and that every error it gives names the file.
func FuzzLoad(f *testing.F) {
	f.Add(enYAML)
	f.Add(plYAML)
	f.Add(arYAML)
	f.Add("messages:\n  a: {b: c}\n")
	f.Add("code: [\n")
	f.Fuzz(func(t *testing.T, text string) {
		s, err := Load(Layer{Name: "t", FS: mapFS(map[string]string{"i18n/en.yaml": enYAML, "i18n/xx.yaml": text})})
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "t/i18n/") {
					t.Errorf("error without its file: %q", line)
				}
			}
		}
		if c, err := s.Catalogue("xx"); err == nil {
			c.T("hello", "name", "x")
			c.N("steps", 3)
			c.LongDate(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
		}
	})
}
