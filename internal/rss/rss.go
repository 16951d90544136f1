// Package rss writes RSS 2.0 feeds of a school's (or the whole site's)
// updates, so parents can subscribe in a feed reader.
//
// The feed is built from typed encoding/xml structs rather than a text
// template, so escaping is never left to chance. Output is deterministic: the
// same Channel always gives the same bytes, because no date comes from the
// clock (lastBuildDate is the newest item's date) and nothing is read from a
// map.
//
// Three namespaces are declared on <rss>: atom (for the rel="self" link that
// validators ask for), content (content:encoded, the full HTML of an update)
// and dc (dc:creator, since RSS's own <author> must be an email address).
package rss

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// MediaType is the media type of the bytes Marshal returns.
const MediaType = "application/rss+xml"

// Namespaces declared on the <rss> element.
const (
	NamespaceAtom    = "http://www.w3.org/2005/Atom"
	NamespaceContent = "http://purl.org/rss/1.0/modules/content/"
	NamespaceDC      = "http://purl.org/dc/elements/1.1/"
)

// Channel is one feed: a title, the page it describes and its items.
type Channel struct {
	Title       string // required
	Link        string // required, absolute: the HTML page the feed describes
	Description string // plain text
	Language    string // BCP 47, e.g. en-GB; optional
	SelfURL     string // absolute URL of the feed itself; optional, written as atom:link rel="self"
	Items       []Item // written in the caller's order; sort newest first before calling Marshal
	Generator   string // optional, e.g. "parentpages"
}

// Item is one entry in the feed, usually one update.
type Item struct {
	Title string // required unless Description is set (RSS needs one of the two)
	Link  string // absolute URL of the item's page
	GUID  string // absolute permalink; defaults to Link. Written with isPermaLink="true".

	// Published is written as pubDate in RFC 1123 form with a numeric zone,
	// in Published's own location. The zero time leaves pubDate out.
	Published time.Time

	// Description is a plain-text summary. Feed readers treat <description>
	// as HTML, so it is HTML-escaped before being written: a summary that
	// says "Year 5 <b> Year 6" is shown as written, not in bold.
	Description string

	// ContentHTML is the item's full HTML, with absolute URLs (a reader has
	// no base URL to resolve relative ones against). It is written as
	// content:encoded in CDATA, with line endings normalised to \n as an XML
	// parser would.
	ContentHTML string

	Author     string   // optional; written as dc:creator
	Categories []string // optional; written in the given order, empty ones dropped
}

// Marshal returns the channel as an RSS 2.0 document: an XML declaration,
// then <rss version="2.0"> with the atom, content and dc namespaces declared.
//
// It reports an error if the channel has no title or link, if a URL is not
// absolute, or if an item has neither title nor description. Characters that
// XML 1.0 does not allow (most control characters, U+FFFE, U+FFFF, bytes that
// are not UTF-8) are dropped from every string.
func (c Channel) Marshal() ([]byte, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	doc := xmlRSS{
		Version: "2.0",
		Atom:    NamespaceAtom,
		Content: NamespaceContent,
		DC:      NamespaceDC,
		Channel: c.toXML(),
	}
	// Grown once to about the feed's size: a feed with the full text of
	// its items is tens of kilobytes. The room left over lets a minifier
	// mark the end in place.
	size := 4096
	for _, it := range c.Items {
		size += 1024 + len(it.Description) + len(it.ContentHTML)
	}
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("rss: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// validate collects every problem with c, so a caller sees them all at once.
func (c Channel) validate() error {
	var errs []error
	if strings.TrimSpace(c.Title) == "" {
		errs = append(errs, errors.New("rss: channel has no title"))
	}
	if err := checkAbsolute("channel link", c.Link, true); err != nil {
		errs = append(errs, err)
	}
	if err := checkAbsolute("channel self URL", c.SelfURL, false); err != nil {
		errs = append(errs, err)
	}
	for i, it := range c.Items {
		if strings.TrimSpace(it.Title) == "" && strings.TrimSpace(it.Description) == "" {
			errs = append(errs, fmt.Errorf("rss: item %d has neither title nor description", i))
		}
		if err := checkAbsolute(fmt.Sprintf("item %d link", i), it.Link, false); err != nil {
			errs = append(errs, err)
		}
		if err := checkAbsolute(fmt.Sprintf("item %d GUID", i), it.GUID, false); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// checkAbsolute reports an error if s is not an absolute http(s) URL. An
// empty s is an error only when required.
func checkAbsolute(what, s string, required bool) error {
	if s == "" {
		if required {
			return fmt.Errorf("rss: %s is missing", what)
		}
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("rss: %s %q is not an absolute http(s) URL", what, s)
	}
	return nil
}

func (c Channel) toXML() xmlChannel {
	ch := xmlChannel{
		Title:       clean(c.Title),
		Link:        clean(c.Link),
		Description: clean(c.Description),
		Language:    clean(c.Language),
		Generator:   clean(c.Generator),
	}
	if c.SelfURL != "" {
		ch.AtomLink = &xmlAtomLink{Href: clean(c.SelfURL), Rel: "self", Type: MediaType}
	}
	// The channel's dates come from its newest item, never the clock, so a
	// rebuild with no new updates writes the same bytes.
	if newest := newestPublished(c.Items); !newest.IsZero() {
		ch.PubDate = formatDate(newest)
		ch.LastBuildDate = ch.PubDate
	}
	for _, it := range c.Items {
		ch.Items = append(ch.Items, it.toXML())
	}
	return ch
}

func (it Item) toXML() xmlItem {
	x := xmlItem{
		Title:   clean(it.Title),
		Link:    clean(it.Link),
		Creator: clean(it.Author),
	}
	if guid := cmp.Or(it.GUID, it.Link); guid != "" {
		x.GUID = &xmlGUID{IsPermaLink: "true", Value: clean(guid)}
	}
	if !it.Published.IsZero() {
		x.PubDate = formatDate(it.Published)
	}
	for _, cat := range it.Categories {
		if cat = clean(cat); strings.TrimSpace(cat) != "" {
			x.Categories = append(x.Categories, cat)
		}
	}
	if it.Description != "" {
		x.Description = escapeHTMLText(clean(it.Description))
	}
	if it.ContentHTML != "" {
		x.Content = &xmlCDATA{Text: normaliseNewlines(clean(it.ContentHTML))}
	}
	return x
}

// escapeHTMLText escapes the characters that would start markup or an entity
// in HTML text. Unlike html.EscapeString it leaves quotes alone, since they
// are plain text outside attributes and escaping them only adds noise.
func escapeHTMLText(s string) string { return textEscaper.Replace(s) }

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// formatDate formats t as RSS wants: RFC 822 with a four-digit year and a
// numeric zone (never a zone name such as BST, which parsers may not know).
func formatDate(t time.Time) string {
	return t.Format(time.RFC1123Z)
}

// newestPublished returns the latest Published among items, or the zero
// time if none has one. Items are not assumed to be sorted.
func newestPublished(items []Item) time.Time {
	var newest time.Time
	for _, it := range items {
		if it.Published.After(newest) {
			newest = it.Published
		}
	}
	return newest
}

// normaliseNewlines turns \r\n and lone \r into \n. Inside CDATA a \r is
// written as is and an XML parser would normalise it anyway; doing it here
// makes the bytes match what readers see.
func normaliseNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// clean drops what XML 1.0 cannot carry: bytes that are not UTF-8 (which
// include encoded lone surrogates) and runes outside the Char production
// (https://www.w3.org/TR/xml/#charsets). encoding/xml would replace some of
// these with U+FFFD in text but writes them unchanged inside CDATA, so it
// cannot be relied on.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && size == 1) && isXMLChar(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !isXMLChar(r) {
			return false
		}
		i += size
	}
	return true
}

// isXMLChar reports whether r is allowed in an XML 1.0 document.
func isXMLChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// The XML document. Prefixed names (atom:link, dc:creator) are written
// literally: encoding/xml would otherwise declare a default namespace on
// each element, which is valid but noisy and confuses some readers.
type xmlRSS struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Content string     `xml:"xmlns:content,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel xmlChannel `xml:"channel"`
}

type xmlChannel struct {
	Title         string       `xml:"title"`
	Link          string       `xml:"link"`
	Description   string       `xml:"description"` // required by RSS 2.0, even if empty
	AtomLink      *xmlAtomLink `xml:"atom:link"`
	Language      string       `xml:"language,omitempty"`
	PubDate       string       `xml:"pubDate,omitempty"`
	LastBuildDate string       `xml:"lastBuildDate,omitempty"`
	Generator     string       `xml:"generator,omitempty"`
	Items         []xmlItem    `xml:"item"`
}

type xmlAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type xmlItem struct {
	Title       string    `xml:"title,omitempty"`
	Link        string    `xml:"link,omitempty"`
	GUID        *xmlGUID  `xml:"guid"`
	PubDate     string    `xml:"pubDate,omitempty"`
	Creator     string    `xml:"dc:creator,omitempty"`
	Categories  []string  `xml:"category"`
	Description string    `xml:"description,omitempty"`
	Content     *xmlCDATA `xml:"content:encoded"`
}

type xmlGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type xmlCDATA struct {
	Text string `xml:",cdata"`
}
