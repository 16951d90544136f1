package benchcorpus

import (
	"fmt"
	"strings"
	"time"
)

// sentences are what a PSA writes, with slots filled at random:
// {day} a weekday, {date} a day of a month, {n} a small number, {pct} a
// percentage, {subject}, {group} a year group, {who} a member of staff.
var sentences = []string{
	"Thank you to the {n} parents and carers who came to the focus group on {day} {date}.",
	"I have shared your views, without names, with the headteacher this week.",
	"The school has started a new programme for {subject}, and every class now has a daily session.",
	"{who} is leading this work and will report on it at the next School Review Group.",
	"At the last count, {pct} in every 100 pupils in {group} were working at the expected standard in {subject}.",
	"This is better than at the start of the year, but there is still some way to go.",
	"Several of you told me that the homework for {subject} is hard to help with at home.",
	"The school has listened, and from {day} {date} there will be a short guide for parents and carers each half term.",
	"If you cannot come to a meeting, you can text or email me and I will pass your views on.",
	"Inspectors will visit again to check how the school is getting on.",
	"Governors now visit the school every half term to see the changes for themselves.",
	"The local authority adviser has been working with {who} on the plan for {subject}.",
	"Pupils in {group} told me they like the new reading books and want more of them.",
	"Attendance has gone up this term, and fewer pupils are missing school regularly.",
	"There is a workshop for parents and carers of children in {group} on {day} {date}.",
	"You do not need to book, and younger children are welcome.",
	"The school is training every teacher and teaching assistant in the new approach to {subject}.",
	"Some of you asked why the changes are taking so long; the honest answer is that good training takes time.",
	"{who} will be at the school gate on {day} mornings if you want a quick word.",
	"The next focus group is on {day} {date} at {time}, in the family room.",
	"It will be in the evening because many of you said you cannot come straight after drop-off.",
	"I will report back on this in the next update.",
	"The action plan shows each thing the school is doing, who is leading it and when it should be done.",
	"Of the actions in the plan, {n} are finished and most of the rest are on track.",
	"One action is behind: the support plans for pupils with SEND were due last month and {pct} in 100 are written so far.",
	"The school is holding extra meetings after school so that every family can take part.",
	"Parents and carers on the School Review Group check that the summary is easy to read before it goes out.",
	"Please tell me if anything on this website is hard to understand, and I will change it.",
	"Your views really do make a difference: three of the changes this term came from the suggestion box.",
	"The headteacher has written to every family about the changes to the school day.",
	"Lunchtime clubs for {group} start again on {day} {date}.",
	"Many of you said you want to know when Ofsted will next visit; I have asked the local authority to explain this at the next meeting.",
	"{who} explained that the new curriculum for {subject} builds up knowledge step by step from Reception.",
	"If your child has special educational needs, the SENCO would like to meet you this term.",
	"The school has a new attendance officer, who will ring families on the first morning a child is absent.",
	"Children who read at home at least four times a week are making the quickest progress.",
	"Staff have visited another school nearby that improved quickly, to learn from what it did.",
	"The school will publish a short summary of its progress at the end of each term.",
	"Some parents and carers said the newsletter arrives too late to plan for; it now comes out every other {day}.",
	"Interpreters can come to any meeting if you tell me a week before.",
}

var (
	subjects = []string{"reading", "phonics", "maths", "writing", "science", "history", "geography", "PE", "music", "computing"}
	groups   = []string{"Reception", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6", "Key Stage 1", "Key Stage 2"}
	staff    = []string{"The headteacher", "The deputy headteacher", "The reading lead", "The maths lead", "The SENCO", "The chair of governors", "The attendance officer"}
	months   = []string{"September", "October", "November", "December", "January", "February", "March", "April", "May", "June", "July"}
	times    = []string{"9:15am", "2:45pm", "3:30pm", "6pm", "6:30pm"}
)

func (g *gen) sentence() string {
	s := pick(g, sentences)
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}') + i
		b.WriteString(s[:i])
		switch s[i+1 : j] {
		case "day":
			b.WriteString(pick(g, weekdays))
		case "date":
			fmt.Fprintf(&b, "%d %s", g.intn(1, 28), pick(g, months))
		case "n":
			fmt.Fprintf(&b, "%d", g.intn(3, 40))
		case "pct":
			fmt.Fprintf(&b, "%d", g.intn(20, 95))
		case "subject":
			b.WriteString(pick(g, subjects))
		case "group":
			b.WriteString(pick(g, groups))
		case "who":
			b.WriteString(pick(g, staff))
		case "time":
			b.WriteString(pick(g, times))
		}
		s = s[j+1:]
	}
}

// para returns lo to hi sentences, wrapped at about 95 characters as a PSA's
// editor would.
func (g *gen) para(lo, hi int) string {
	var ss []string
	for range g.intn(lo, hi) {
		ss = append(ss, g.sentence())
	}
	return wrap(strings.Join(ss, " "))
}

func wrap(s string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if n+1+len(w) > 95 {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

func words(s string) int { return len(strings.Fields(s)) }

type updateOut struct {
	file  string
	body  []byte
	words int // words in the body, after the front matter
	// What a translation follows: the title, whether the front matter
	// has a summary, and the Markdown after the front matter.
	title   string
	summary bool
	text    string
}

var updateTitles = []struct {
	title   string
	monthly bool // the month is added: the PSA writes one each month
}{
	{"You said, we did", true},
	{"News from the School Review Group", true},
	{"Welcome back", false},
	{"Reading is improving", false},
	{"What parents told us", true},
	{"The action plan: how it is going", true},
	{"Meet your Parent Champion", false},
	{"Inspectors' monitoring visit", true},
	{"Attendance is improving", false},
	{"Support for pupils with SEND", false},
	{"Maths at home", false},
	{"Spring term plans", false},
	{"Summer term plans", false},
	{"The inspection report explained", false},
	{"Changes to the school day", false},
	{"Questionnaire results", true},
}

// updates writes 10 to 20 updates, oldest first, a few weeks apart up to
// about today. Some schools have a draft or an update dated after today.
func (g *gen) updates(s *school) []updateOut {
	n := g.intn(10, 20)
	dates := make([]time.Time, n)
	t := day(g.now, -g.intn(0, 10))
	if g.chance(0.15) {
		t = day(g.now, g.intn(3, 20)) // written ahead, held back until then
	}
	for i := n - 1; i >= 0; i-- {
		dates[i] = t
		t = day(t, -g.intn(14, 35))
	}
	draft := -1
	if g.chance(0.12) {
		draft = g.intn(1, n-1)
	}
	used := map[string]bool{}
	var published []string // file names that may be linked to
	titles := map[string]string{}
	var out []updateOut
	for i, at := range dates {
		ut := pick(g, updateTitles)
		title := ut.title
		if ut.monthly {
			title += ": " + at.Month().String()
		}
		if used[slugify(title)] {
			title += fmt.Sprintf(" (%s %d)", at.Month(), at.Year())
		}
		slug := slugify(title)
		for k := 2; used[slug]; k++ {
			slug = slugify(title) + "-" + fmt.Sprint(k)
		}
		used[slug] = true
		file := date(at) + "-" + slug + ".md"
		body := g.updateBody(s, published, titles)
		var w yw
		w.WriteString("---\n")
		w.line(0, "title: %s", q(title))
		if g.chance(0.3) {
			w.line(0, "date: %s", date(at))
		}
		hasSummary := g.chance(0.6)
		if hasSummary {
			w.line(0, "summary: %s", q(g.sentence()))
		}
		if g.chance(0.8) {
			w.line(0, "author: %s", q(s.psa+", Parent Support Adviser"))
		}
		switch {
		case i == draft:
			w.line(0, "draft: true")
		case g.chance(0.1):
			w.line(0, "draft: false")
		}
		w.WriteString("---\n\n")
		w.WriteString(body)
		out = append(out, updateOut{file: file, body: w.Bytes(), words: words(body), title: title, summary: hasSummary, text: body})
		if i != draft && !at.After(g.now) {
			published = append(published, file)
			titles[file] = title
		}
	}
	return out
}

// updateBody writes 300 to 900 words of Markdown: paragraphs, lists, now
// and then a table and an image, and links of every kind the format has.
func (g *gen) updateBody(s *school, earlier []string, titles map[string]string) string {
	target := g.intn(300, 860)
	var head, tail []string
	head = append(head, g.para(2, 4))
	var list []string
	for range g.intn(3, 5) {
		list = append(list, "- "+g.sentence())
	}
	head = append(head, "## What you said", strings.Join(list, "\n"), "## What the school is doing", g.para(3, 5))
	if g.chance(0.33) {
		head = append(head, "| You said | The school's response | Progress |\n|---|---|---|\n"+
			"| Reading books are too hard | New books matched to the phonics programme | In progress |\n"+
			"| A say in SEND support plans | The SENCO is meeting every family | In progress |\n"+
			"| See how "+pick(g, subjects)+" is taught | Parents are welcome in class | Done |")
	}
	if g.chance(0.25) {
		head = append(head, "![Bar chart of pupils' progress in "+pick(g, subjects)+" this year](../files/progress-chart.svg)")
	}
	if w, ok := categoryWords[s.latest.category]; ok && g.chance(0.3) {
		head = append(head, wrap(fmt.Sprintf("If you are not sure what [%s](../../../pages/glossary.md#%s) means, the glossary explains it. %s",
			w, s.latest.category, g.sentence())))
	}
	var more []string
	more = append(more, "- [The school's action plan (PDF)](../files/action-plan.pdf)")
	if s.hasPlan && g.chance(0.6) {
		more = append(more, "- [What the school is doing, and how it is going](../action-plan.yaml)")
	}
	if s.hasViews && g.chance(0.6) {
		more = append(more, "- [Everything parents and carers have told us, and the school's response](../views.yaml)")
	}
	if g.chance(0.5) {
		more = append(more, "- [All meetings, and how to add them to your calendar](../meetings.yaml)")
	}
	if g.chance(0.3) {
		more = append(more, "- [The meetings page](/schools/"+s.slug+"/meetings/)")
	}
	if len(earlier) > 0 && g.chance(0.7) {
		f := earlier[g.rng.IntN(len(earlier))]
		more = append(more, "- [An earlier update: "+titles[f]+"]("+f+")")
	}
	if g.chance(0.4) {
		more = append(more, "- [What happens after an inspection](../../../pages/what-happens-after-an-inspection.md)")
	}
	if g.chance(0.3) {
		more = append(more, "- [Ofsted's guide for parents](https://www.gov.uk/government/organisations/ofsted)")
	}
	tail = append(tail, "## Read more", strings.Join(more, "\n"), g.para(1, 2))

	count := 0
	for _, p := range append(head, tail...) {
		count += words(p)
	}
	var fill []string
	for count < target {
		var ss []string
		for k := g.intn(3, 6); k > 0 && count < target; k-- {
			sn := g.sentence()
			ss = append(ss, sn)
			count += words(sn)
		}
		fill = append(fill, wrap(strings.Join(ss, " ")))
	}
	if len(fill) > 2 {
		fill = append([]string{"## Next steps"}, fill...)
		count += 3
	}
	parts := append(append(head, fill...), tail...)
	return strings.Join(parts, "\n\n") + "\n"
}

// siteYAML writes site.yaml; with languages, it lists them at the end, so
// that without them the file is as it was before languages existed.
func siteYAML(languages []string) []byte {
	b := []byte(`# A made-up site for benchmarks, written by internal/benchcorpus.
title: Parent Partnership (benchmark)
base_url: https://parents.example.org/
language: en-GB
timezone: Europe/London
description: Impartial, confidential and free information for parents and carers about schools after an Ofsted inspection.
organisation:
  name: Parent Partnership (benchmark)
  address: 1 Example Street, Plymouth PL1 1AA
  phone: 01752 000000
  email: parent.partnership@example.org
  website: https://www.example.org/
x_notes: Generated; do not edit.
`)
	if len(languages) > 0 {
		var w yw
		w.line(0, "languages:")
		for _, code := range languages {
			w.line(2, "- code: %s", code)
			w.line(4, "name: %s", tongues[code].name)
		}
		b = append(b, w.Bytes()...)
	}
	return b
}

type sitePage struct {
	slug string
	body []byte
}

func sitePages() []sitePage {
	return []sitePage{
		{"about", []byte(`---
title: About this website
summary: Who we are, what this website is for and how the school's Parent Support Adviser can help you.
menu: true
weight: 1
---

We are an impartial, confidential and free service for parents and carers. We are not part of
any school and we do not work for Ofsted.

This website has a page for each school that Ofsted has judged needs to improve. The
[words used on this website](glossary.md) are explained in plain English, and so is
[what happens after an inspection](what-happens-after-an-inspection.md).
`)},
		{"accessibility", []byte(`---
title: Accessibility statement
summary: How accessible this website is and how to tell us about a problem.
---

We want as many people as possible to be able to use this website. You should be able to zoom
in up to 400% without the text spilling off the screen, and navigate most of the website using
just a keyboard or a screen reader.

If you find a problem, email parent.partnership@example.org.
`)},
		{"glossary", []byte(`---
title: Words used on this website
summary: What the words used about Ofsted inspections and school improvement mean, in plain English.
menu: true
weight: 3
---

## Special measures

Ofsted puts a school in special measures when it is not giving its pupils an acceptable
standard of education and its leaders have not shown they can improve it.

## Serious weaknesses

A school has serious weaknesses when one or more important areas are not good enough, but its
leaders can improve them.

## Notice to improve

Until 2012, a school that was not giving a satisfactory education but could improve within a
year was given a notice to improve.

## Requires significant improvement

Under Ofsted's report cards, from November 2025, a school where at least one area was graded
urgent improvement, or where safeguarding was not met.

## Requires improvement

A school that is not yet good. It is not in a formal category.
`)},
		{"what-happens-after-an-inspection", []byte(`---
title: What happens after an inspection
summary: The steps after Ofsted's visit, and when parents and carers hear about them.
menu: true
weight: 2
---

After the inspection, the school gets a draft report and can comment on it. The report is
published about 30 working days after the visit. If the school is put in a category, the local
authority writes a statement of action, and inspectors come back to check progress.

See the [glossary](glossary.md) for the words used.
`)},
	}
}
