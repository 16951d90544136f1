package cms

// hintTable holds the hints of the keys that the templates of `new` write
// no note on, by file and then path, in the words of README.md's "Content
// format reference".
var hintTable = map[string]map[string]string{
	"site.yaml": {
		"title":        "The site's name, at the top of every page and in feeds.",
		"base_url":     "The full address the site is published at, https://...; feeds and calendars use it.",
		"language":     "The pages' language, as a tag such as en-GB or cy. Left empty: en-GB.",
		"timezone":     "An IANA zone name such as Europe/London: meeting times are in it.",
		"description":  "One sentence about the site: the home page's first line, and what search engines and feed readers show.",
		"theme":        "A folder beside content/ whose files replace the default theme's.",
		"unsafe_html":  "Lets HTML written in Markdown through: leave it off unless you know you need it.",
		"organisation": "The service that runs the site, shown at the foot of every page.",
		"admin":        "Publishes this editor at /admin/. Switch it off to leave /admin/ out of the site.",
		"repository":   "The GitHub repository that holds the site, as owner/name: the editor saves changes there.",
		"branch":       "The branch the site is published from. Left empty: main.",
	},
	"school.yaml": {
		"local_authority":          "The local authority the school is in.",
		"milestones":               "Dates known for certain: each replaces the site's estimate of the same step of what happens next.",
		"inspections.published":    "The date Ofsted published the report.",
		"inspections.overall":      "The overall grade, in the framework's words.",
		"inspections.judgements":   "The key judgements or evaluation areas, each with its grade.",
		"inspections.safeguarding": "The safeguarding judgement, in the framework's words.",
		"inspections.outcome":      "What a monitoring inspection found (a monitoring inspection has this instead of grades).",
	},
	"action-plan.yaml": {
		"updated":                         "When the school last revised its plan.",
		"plan_url":                        "The full plan: a file in the school's files folder, or a web address.",
		"areas":                           "One for each area for improvement the plan covers.",
		"areas.for":                       "The id of an area for improvement of the latest inspection, in school.yaml.",
		"areas.title":                     "A short name; the area's text if left empty.",
		"areas.actions.who":               "Who leads it.",
		"areas.actions.by":                "When it is due: an action not done by then is shown as overdue.",
		"areas.actions.success":           "How success will be judged.",
		"areas.actions.parents":           "How parents can help or are involved.",
		"areas.measures":                  "Numbers tracked over time, shown as a chart with a table.",
		"areas.measures.unit":             `"%" or a word such as pupils or days.`,
		"areas.measures.higher_is_better": "Off when a smaller number is better (absence, say).",
		"areas.measures.points":           "At least one, dates going forward.",
	},
	"meetings.yaml": {
		"end":      "In the same form as the start: a time after it. Left empty, a meeting lasts an hour.",
		"location": "Where it is, with the full address.",
		"audience": "Who may come.",
		"access":   "Step-free access, creche, interpreters and so on.",
		"online":   "A web address to join online.",
	},
	"views.yaml": {
		"gathered":   "When.",
		"how":        "A focus group, a questionnaire, a suggestion box...",
		"responses":  "How many parents and carers took part.",
		"invited":    "How many were asked, at least as many as took part.",
		"questions":  "Questionnaire results, as percentages adding up to 100 or less.",
		"themes":     "You said, we did.",
		"themes.did": "Leave it empty until the school has done something.",
	},
	"update": {
		"date":    "Left empty: the date in the file name (today's, for a new update).",
		"summary": "One sentence for the list of updates and the RSS feed. Left empty, the first paragraph is used.",
		"author":  "Your name and role, for example Jo Bloggs, Parent Support Adviser.",
	},
	"page": {
		"summary": "One sentence for search engines.",
		"draft":   "On: the page is left out of the published site.",
		"menu":    "On: the page is listed in the site's menu.",
		"weight":  "The menu's order, smallest first.",
	},
}
