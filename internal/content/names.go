package content

import (
	"fmt"
	"path"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// label names a place in a file in words: "the file", "`title`",
// "`start` in meeting 'Coffee morning' (the 9th)", "point 3 in measure
// 'Reading' in area 'maths'". name is the decoder's path to it, such as
// "[9].start" or "areas[1].measures[1].points[3]". An item is named by its
// title where it has one, so that a PSA need not count blocks.
func (d *decoder) label(name string) string {
	if name == "" {
		return "the file"
	}
	type item struct {
		list, index string
		title       title
	}
	var items []item  // outermost first
	var keys []string // the keys after the last list item
	list := rootList[path.Base(d.path)]
	for _, seg := range strings.Split(name, ".") {
		key, index, isItem := strings.Cut(seg, "[")
		if key != "" {
			keys = append(keys, key)
			list = key
		}
		if isItem {
			it := item{list: list, index: strings.TrimSuffix(index, "]")}
			if len(items) < len(d.items) {
				it.title = itemTitle(list, d.items[len(items)])
			}
			items = append(items, it)
			keys = nil
		}
	}
	var where []string // innermost first
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		inner := i == len(items)-1
		// An item is not named by the value that is wrong.
		if inner && len(keys) == 1 && it.title.key == keys[0] {
			it.title = title{}
		}
		where = append(where, itemName(it.list, it.index, it.title.text, inner))
	}
	w := strings.Join(where, " in ")
	if len(keys) == 0 {
		return w
	}
	l := "`" + strings.Join(keys, ".") + "`"
	if w != "" {
		l += " in " + w
	}
	return l
}

// itemName names item index (1-based, as text) of a list: by its title
// where it has one ("meeting 'Coffee morning'", with its place, "(the
// 9th)", for the innermost item of a label), else by number ("meeting 9").
func itemName(list, index, title string, inner bool) string {
	noun := itemNoun[list]
	if noun == "" {
		noun = "item"
	}
	if title == "" {
		return noun + " " + index
	}
	if !inner {
		return fmt.Sprintf("%s '%s'", noun, title)
	}
	n, _ := strconv.Atoi(index)
	return fmt.Sprintf("%s '%s' (the %s)", noun, title, ordinal(n))
}

// maxTitle is how much of an item's title a message quotes.
const maxTitle = 40

// title is the text that names a list item, and the field it is from.
type title struct{ text, key string }

// itemTitle returns the text that names a list item (a meeting's title, a
// theme's "said"), shortened; its text is "" if it has none.
func itemTitle(list string, item *yaml.Node) title {
	if item.Kind != yaml.MappingNode {
		return title{}
	}
	for _, key := range titleKeys[list] {
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			if k.Value == key && v.Kind == yaml.ScalarNode && v.Tag != "!!null" && strings.TrimSpace(v.Value) != "" {
				t := strings.Join(strings.Fields(v.Value), " ")
				if utf8.RuneCountInString(t) > maxTitle {
					t = strings.TrimSpace(string([]rune(t)[:maxTitle-1])) + "…"
				}
				return title{t, key}
			}
		}
	}
	return title{}
}

// ordinal writes n as "1st", "2nd", "3rd", "4th", "11th", "21st".
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// rootList names the list a file is, for files that are lists.
var rootList = map[string]string{"meetings.yaml": "meetings", "views.yaml": "views"}

// itemNoun is what one item of each list is called.
var itemNoun = map[string]string{
	"meetings": "meeting", "views": "gathering of views", "inspections": "inspection",
	"judgements": "judgement", "areas_for_improvement": "area for improvement", "milestones": "milestone",
	"areas": "area", "actions": "action", "measures": "measure", "points": "point", "give_views": "way to give views",
	"questions": "question", "themes": "theme", "except": "date",
}

// titleKeys are the fields that name an item of each list in messages:
// the first the item has.
var titleKeys = map[string][]string{
	"meetings": {"title"}, "views": {"how", "gathered"}, "inspections": {"start"}, "judgements": {"area"},
	"areas_for_improvement": {"id"}, "milestones": {"kind"}, "areas": {"for", "title"}, "actions": {"what"},
	"measures": {"name"}, "points": {"date"}, "questions": {"ask"}, "themes": {"said"},
}

// listOf returns the list that the items at name belong to: the last key
// of name, or the list the file is.
func (d *decoder) listOf(name string) string {
	if name == "" {
		return rootList[path.Base(d.path)]
	}
	last := name[strings.LastIndexByte(name, '.')+1:]
	key, _, _ := strings.Cut(last, "[")
	if key == "" {
		return rootList[path.Base(d.path)]
	}
	return key
}

// whose names, for "The fields of ... are", what a mapping at name is.
func (d *decoder) whose(name string) string {
	if name == "" {
		return "this file"
	}
	last := name[strings.LastIndexByte(name, '.')+1:]
	key, _, isItem := strings.Cut(last, "[")
	if !isItem {
		return "`" + key + "`"
	}
	noun := itemNoun[d.listOf(name[:len(name)-len(last)+len(key)])]
	if noun == "" {
		return "each item"
	}
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// unknownField explains a key that the mapping at name does not have, with
// the field probably meant, and returns that field ("" if none).
func (d *decoder) unknownField(key, name string, t reflect.Type, fields []fieldInfo) (msg, meant string) {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.key
	}
	msg = fmt.Sprintf("unknown field `%s` in %s", key, d.label(name))
	if parent := fieldInside(key, t, fields); parent != "" {
		msg += fmt.Sprintf("; `%s` goes inside `%s:`, on a line of its own indented under it.", key, parent)
	} else if meant = suggestField(key, keys); meant != "" {
		msg += fmt.Sprintf("; did you mean `%s`?", meant)
	} else {
		msg += "."
	}
	if len(keys) > 0 {
		msg += fmt.Sprintf(" The fields of %s are: %s (and notes of your own, whose names start x_)", d.whose(name), strings.Join(keys, ", "))
	} else {
		msg += " Notes of your own may go here, with names that start x_."
	}
	return msg, meant
}

// fieldInside returns the field of type t whose own fields include key
// (`every` is a field of a meeting's `repeat`), or "".
func fieldInside(key string, t reflect.Type, fields []fieldInfo) string {
	for _, f := range fields {
		ft := t.Field(f.index).Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() != reflect.Struct {
			continue
		}
		inner, _ := fieldsOf(ft)
		for _, g := range inner {
			if g.key == key {
				return f.key
			}
		}
	}
	return ""
}

// commonNames are the names a PSA is likely to write for a field, by
// field: the first of them that the mapping has is suggested, before any
// name that is merely spelt alike.
var commonNames = map[string][]string{
	"time": {"start"}, "date": {"start", "gathered", "updated"}, "when": {"start", "gathered"},
	"starts": {"start"}, "start_time": {"start"}, "begin": {"start"}, "from": {"start"}, "on": {"start"},
	"finish": {"end"}, "ends": {"end"}, "end_time": {"end"}, "to": {"end"}, "until": {"end"},
	"venue": {"location"}, "place": {"location"}, "where": {"location"}, "room": {"location"}, "address": {"location"},
	"link": {"online", "website"}, "url": {"online", "website", "report_url"}, "zoom": {"online"}, "teams": {"online"},
	"who": {"audience"}, "for": {"audience"}, "type": {"kind"}, "category": {"kind"},
	"notes": {"description"}, "details": {"description", "summary"}, "info": {"description"}, "about": {"description"},
	"name": {"title"}, "heading": {"title"}, "headline": {"title"},
	"intro": {"summary"}, "excerpt": {"summary"}, "description": {"summary"},
	"by": {"author"}, "written_by": {"author"}, "writer": {"author"},
	"published": {"date"}, "posted": {"date"},
	"repeats": {"repeat"}, "recurring": {"repeat"}, "recurrence": {"repeat"}, "frequency": {"repeat"},
	"cancelled": {"status"}, "canceled": {"status"}, "state": {"status"}, "progress": {"status"},
	"deadline": {"by"}, "due": {"by"}, "due_date": {"by"}, "lead": {"who"}, "owner": {"who"},
	"head": {"headteacher"}, "head_teacher": {"headteacher"}, "principal": {"headteacher"},
	"e_mail": {"email"}, "mail": {"email"}, "telephone": {"phone"}, "tel": {"phone"}, "mobile": {"phone", "text"},
	"sms": {"text"}, "web": {"website"}, "site": {"website"},
	"question": {"ask"}, "agreed": {"agree"}, "disagreed": {"disagree"}, "unsure": {"dont_know"}, "dontknow": {"dont_know"},
	"response": {"responses"}, "replies": {"responses"}, "asked": {"invited"},
	"you_said": {"said"}, "parents_said": {"said"}, "we_did": {"did"}, "done": {"did"},
}

// suggestField returns the field of keys probably meant by key: the same
// name in another case or with spaces or hyphens, a common other name for
// it, or one spelt alike; "" if none is likely.
func suggestField(key string, keys []string) string {
	k := strings.Trim(strings.NewReplacer(" ", "_", "-", "_", "'", "").Replace(strings.ToLower(key)), "_")
	for _, c := range keys {
		if c == k {
			return c
		}
	}
	for _, c := range commonNames[k] {
		for _, have := range keys {
			if have == c {
				return c
			}
		}
	}
	return closest(k, keys)
}

// closest returns the candidate nearest to s by edit distance, if near enough
// to be a likely typo.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if dist := EditDistance(strings.ToLower(s), c); dist < bestD {
			best, bestD = c, dist
		}
	}
	return best
}

// EditDistance is the Levenshtein distance between a and b, in characters:
// the fewest insertions, deletions and substitutions that turn a into b
// (for "did you mean" suggestions).
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// replaceAt returns line with old, found at column col (1-based, in
// characters), replaced by new; ok is false if old is not there.
func replaceAt(line string, col int, old, new string) (string, bool) {
	if col < 1 {
		return "", false
	}
	i := 0
	for n := 1; n < col; n++ {
		if i >= len(line) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	if !strings.HasPrefix(line[i:], old) {
		return "", false
	}
	return line[:i] + new + line[i+len(old):], true
}
