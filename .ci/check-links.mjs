// Link check of a built site, offline: every internal URL the build wrote must
// name a file of the site, and a #fragment must name an id in the page it
// points at. That is every URL in every .html page (href, src and srcset of a,
// area, link, img, script, source, webcal: links included), the <loc>s of
// sitemap.xml, every feed's (*.xml) <link>, permalink <guid>, atom:link and
// enclosure, and the href/src in the HTML of its <description> and
// <content:encoded>, and every calendar's (*.ics) URL and SOURCE and the URLs
// written in its DESCRIPTIONs. External links are counted, not fetched.
//
// Usage: node .ci/check-links.mjs SITE_DIR [BASE_URL]
//   BASE_URL is the site's base_url (default https://parents.example.org/).
//   Absolute URLs that start with it are internal; so are root-relative ones,
//   which must start with its path (e.g. /parents/).
// Exit status: 0 no broken links, 1 broken links, 2 usage or internal error.

import fs from 'node:fs';
import path from 'node:path';

const LINK_TAGS = new Set(['a', 'area', 'link', 'img', 'script', 'source']);
const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (m, e) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[e.toLowerCase()] ?? m;
  });
}

// parseTags returns the start tags of an HTML document as {name, attrs,
// line}. It is not a full HTML parser, but it skips what would fool a regular
// expression: comments, and the raw text of script, style and textarea.
function parseTags(html) {
  const tags = [];
  const lineAt = lineCounter(html);
  const tagRe = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\/?([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  const attrRe = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m;
  while ((m = tagRe.exec(html)) !== null) {
    if (!m[1] || m[0][1] === '/') {
      continue;
    }
    const name = m[1].toLowerCase();
    const attrs = {};
    let a;
    attrRe.lastIndex = 0;
    while ((a = attrRe.exec(m[2])) !== null) {
      const key = a[1].toLowerCase();
      if (!(key in attrs)) {
        attrs[key] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      }
    }
    tags.push({ name, attrs, line: lineAt(m.index) });
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title') {
      const close = new RegExp(`</${name}\\s*>`, 'ig');
      close.lastIndex = tagRe.lastIndex;
      const c = close.exec(html);
      tagRe.lastIndex = c ? close.lastIndex : html.length;
    }
  }
  return tags;
}

// srcsetURLs splits "a.png 1x, b.png 480w" into its URLs, as the HTML
// standard does: a URL runs to whitespace, and a comma ends a candidate.
function srcsetURLs(srcset) {
  const urls = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i])) {
      i++;
    }
    let j = i;
    while (j < srcset.length && !/\s/.test(srcset[j])) {
      j++;
    }
    let url = srcset.slice(i, j);
    let ended = false;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
      ended = true;
    }
    if (url) {
      urls.push(url);
    }
    i = j;
    if (!ended) {
      // Skip the descriptors ("2x", "480w") up to the next comma.
      let depth = 0;
      while (i < srcset.length && (srcset[i] !== ',' || depth > 0)) {
        depth += srcset[i] === '(' ? 1 : srcset[i] === ')' ? -1 : 0;
        i++;
      }
    }
  }
  return urls;
}

// lineCounter returns a function from an offset in text to its 1-based line.
function lineCounter(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      starts.push(i + 1);
    }
  }
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  };
}

// xmlText is the text of an element's content: CDATA sections as they are,
// entities decoded elsewhere.
function xmlText(raw) {
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    out += decodeEntities(raw.slice(last, m.index)) + m[1];
    last = m.index + m[0].length;
  }
  return out + decodeEntities(raw.slice(last));
}

// FEED_TEXT_URLS are the RSS elements whose text is a URL; FEED_HTML the
// ones whose text is HTML (a summary may be plain text, which has no tags).
const FEED_TEXT_URLS = new Set(['link', 'comments', 'url', 'docs']);
const FEED_HTML = new Set(['description', 'content:encoded']);

// feedURLs returns the URLs of an RSS feed as {line, raw, base}: base is the
// URL a reader resolves a relative one against (the item's link, else the
// channel's). It reads the XML as a flat run of tags, CDATA and comments,
// so HTML inside CDATA is never taken for the feed's own elements.
function feedURLs(xml) {
  const lineAt = lineCounter(xml);
  const urls = [];
  const tokenRe = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  const attrRe = /([^\s"'>\/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const open = []; // {name, attrs, start, line}
  let channelLink = null;
  let itemLink = null;
  let pending = []; // an item's URLs, resolved once its <link> is known
  let m;
  while ((m = tokenRe.exec(xml)) !== null) {
    if (!m[2]) {
      continue;
    }
    const name = m[2].toLowerCase();
    if (m[1] !== '/') {
      const attrs = {};
      for (const a of m[3].matchAll(attrRe)) {
        attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3]);
      }
      const line = lineAt(m.index);
      if ((name === 'atom:link' && attrs.href !== undefined) || (name === 'enclosure' && attrs.url !== undefined)) {
        pending.push({ line, raw: attrs.href ?? attrs.url });
      }
      if (name === 'item') {
        itemLink = null;
      }
      if (!m[4]) {
        open.push({ name, attrs, start: tokenRe.lastIndex, line });
      }
      continue;
    }
    const el = open.pop();
    if (!el || el.name !== name) {
      throw new Error(`line ${lineAt(m.index)}: </${name}> does not close the element open there`);
    }
    const text = xmlText(xml.slice(el.start, m.index));
    const parent = open.length ? open[open.length - 1].name : '';
    if (name === 'link' && parent === 'item') {
      itemLink = text.trim();
    } else if (name === 'link' && parent === 'channel') {
      channelLink = text.trim();
    }
    if (FEED_TEXT_URLS.has(name) || (name === 'guid' && el.attrs.ispermalink !== 'false')) {
      pending.push({ line: el.line, raw: text });
    } else if (FEED_HTML.has(name)) {
      for (const u of htmlURLs(text)) {
        pending.push({ line: el.line + u.line - 1, raw: u.raw });
      }
    }
    if (name === 'item' || name === 'channel') {
      const base = (name === 'item' ? itemLink : null) ?? channelLink;
      urls.push(...pending.map((u) => ({ ...u, base })));
      pending = [];
    }
  }
  return urls.concat(pending.map((u) => ({ ...u, base: channelLink })));
}

// htmlURLs returns the URLs in an HTML document or fragment as {line, raw}.
function htmlURLs(html) {
  const urls = [];
  for (const t of parseTags(html)) {
    if (!LINK_TAGS.has(t.name)) {
      continue;
    }
    for (const attr of ['href', 'src']) {
      if (t.attrs[attr] !== undefined) {
        urls.push({ line: t.line, raw: t.attrs[attr] });
      }
    }
    if (t.attrs.srcset !== undefined) {
      for (const u of srcsetURLs(t.attrs.srcset)) {
        urls.push({ line: t.line, raw: u });
      }
    }
  }
  return urls;
}

// CALENDAR_URIS are the iCalendar properties whose value is a URL;
// CALENDAR_TEXT the ones whose text may hold URLs.
const CALENDAR_URIS = new Set(['URL', 'SOURCE']);
const CALENDAR_TEXT = new Set(['DESCRIPTION', 'X-WR-CALDESC']);

// calendarURLs returns the URLs of an iCalendar file as {line, raw}, line
// being where the property starts: lines are unfolded first (RFC 5545
// 3.1), and text values unescaped (3.3.11), so that a URL folded across
// lines or with an escaped comma is read whole.
function calendarURLs(ics) {
  const urls = [];
  const props = [];
  ics.split(/\r?\n/).forEach((text, i) => {
    if ((text.startsWith(' ') || text.startsWith('\t')) && props.length) {
      props[props.length - 1].text += text.slice(1);
    } else if (text !== '') {
      props.push({ line: i + 1, text });
    }
  });
  for (const { line, text } of props) {
    const m = /^([A-Za-z0-9-]+)((?:;[^:;"]+=(?:"[^"]*"|[^:;"]*))*):(.*)$/.exec(text);
    if (!m) {
      continue;
    }
    const name = m[1].toUpperCase();
    if (CALENDAR_URIS.has(name)) {
      urls.push({ line, raw: m[3] });
    } else if (CALENDAR_TEXT.has(name)) {
      const value = m[3].replace(/\\([nN,;\\])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));
      for (const u of value.matchAll(/\b(?:https?|webcal):\/\/[^\s<>"]+/g)) {
        urls.push({ line, raw: trimProse(u[0]) });
      }
    }
  }
  return urls;
}

// trimProse drops what ends the sentence a URL is written in rather than
// the URL: a full stop, a comma, a closing bracket it did not open.
function trimProse(url) {
  let u = url.replace(/[.,;:!?'"]+$/, '');
  while (u.endsWith(')') && (u.match(/\(/g) || []).length < (u.match(/\)/g) || []).length) {
    u = u.slice(0, -1).replace(/[.,;:!?'"]+$/, '');
  }
  return u;
}

function walk(root, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      out.push(...walk(root, p));
    } else {
      out.push(p);
    }
  }
  return out.sort();
}

function main() {
  const args = process.argv.slice(2);
  if (args.length < 1 || args.length > 2 || args[0].startsWith('-')) {
    console.error('usage: node .ci/check-links.mjs SITE_DIR [BASE_URL]');
    process.exit(2);
  }
  const root = path.resolve(args[0]);
  let base;
  try {
    base = new URL(args[1] || 'https://parents.example.org/');
  } catch {
    console.error(`check-links: base URL ${args[1]} is not an absolute URL`);
    process.exit(2);
  }
  if (!base.pathname.endsWith('/')) {
    base.pathname += '/';
  }
  base.search = '';
  base.hash = '';
  const basePath = base.pathname;

  const files = walk(root);
  const fileSet = new Set(files);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const idsCache = new Map();

  // The URL a file is published at: a folder's index.html is "folder/".
  const urlOf = (file) => new URL(file.replace(/(^|\/)index\.html$/, '$1'), base);

  const idsOf = (file) => {
    if (!idsCache.has(file)) {
      const ids = new Set();
      for (const t of parseTags(fs.readFileSync(path.join(root, file), 'utf8'))) {
        if (t.attrs.id !== undefined) {
          ids.add(t.attrs.id);
        }
        if (t.name === 'a' && t.attrs.name !== undefined) {
          ids.add(t.attrs.name);
        }
      }
      idsCache.set(file, ids);
    }
    return idsCache.get(file);
  };

  // resolveFile maps a site path ("schools/x/") to the file that serves it,
  // or returns null.
  const resolveFile = (rel) => {
    if (rel === '' || rel.endsWith('/')) {
      return fileSet.has(`${rel}index.html`) ? `${rel}index.html` : null;
    }
    if (fileSet.has(rel)) {
      return rel;
    }
    // A folder without its slash: hosts redirect it, so it works, if slowly.
    return fileSet.has(`${rel}/index.html`) ? `${rel}/index.html` : null;
  };

  let internal = 0;
  let external = 0;
  let otherSchemes = 0;
  const broken = [];
  const checked = new Map(); // absolute URL -> problem or ''

  const check = (file, line, raw, pageURL, isErrorPage) => {
    const value = raw.trim();
    if (value === '') {
      broken.push({ file, line, raw, why: 'empty URL' });
      return;
    }
    let url;
    try {
      url = new URL(value, pageURL);
    } catch {
      broken.push({ file, line, raw, why: 'not a valid URL' });
      return;
    }
    // "Subscribe" links to calendars use webcal:, which is http(s) to a server.
    if (url.protocol === 'webcal:') {
      url = new URL(base.protocol + url.href.slice('webcal:'.length));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      otherSchemes++;
      return;
    }
    const rootRelative = value.startsWith('/') && !value.startsWith('//');
    const relative = !rootRelative && !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('//');
    const sameSite = url.origin === base.origin && url.pathname.startsWith(basePath);
    if (!sameSite) {
      if (rootRelative || relative) {
        broken.push({ file, line, raw, why: `outside the site's base path ${basePath}` });
      } else {
        external++;
      }
      return;
    }
    internal++;
    // 404.html is served in place of any missing path, so a relative link on
    // it points somewhere different on every missing page.
    if (isErrorPage && relative && !value.startsWith('#')) {
      broken.push({ file, line, raw, why: 'relative URL on the 404 page, which is served at any path' });
      return;
    }
    const key = url.href;
    if (!checked.has(key)) {
      checked.set(key, problemWith(url));
    }
    const why = checked.get(key);
    if (why) {
      broken.push({ file, line, raw, why });
    }
  };

  const problemWith = (url) => {
    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(basePath.length));
    } catch {
      return 'badly percent-encoded path';
    }
    const target = resolveFile(rel);
    if (!target) {
      return `no file ${rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel} in the site`;
    }
    if (url.hash && url.hash !== '#' && target.endsWith('.html')) {
      let frag;
      try {
        frag = decodeURIComponent(url.hash.slice(1));
      } catch {
        return 'badly percent-encoded fragment';
      }
      if (!idsOf(target).has(frag) && frag.toLowerCase() !== 'top') {
        return `no id="${frag}" in ${target}`;
      }
    }
    return '';
  };

  for (const file of htmlFiles) {
    const tags = parseTags(fs.readFileSync(path.join(root, file), 'utf8'));
    let pageURL = urlOf(file);
    const isErrorPage = file === '404.html';
    for (const t of tags) {
      if (t.name === 'base' && t.attrs.href) {
        pageURL = new URL(t.attrs.href, pageURL);
      }
      if (!LINK_TAGS.has(t.name)) {
        continue;
      }
      for (const attr of ['href', 'src']) {
        if (t.attrs[attr] !== undefined) {
          check(file, t.line, t.attrs[attr], pageURL, isErrorPage);
        }
      }
      if (t.attrs.srcset !== undefined) {
        for (const u of srcsetURLs(t.attrs.srcset)) {
          check(file, t.line, u, pageURL, isErrorPage);
        }
      }
    }
  }

  // The sitemap lists the pages search engines should find: each must exist.
  let sitemapURLs = 0;
  if (fileSet.has('sitemap.xml')) {
    const xml = fs.readFileSync(path.join(root, 'sitemap.xml'), 'utf8');
    const lines = xml.split('\n');
    lines.forEach((text, i) => {
      for (const m of text.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)) {
        sitemapURLs++;
        const loc = decodeEntities(m[1]);
        if (!loc.startsWith(base.href)) {
          broken.push({ file: 'sitemap.xml', line: i + 1, raw: loc, why: `does not start with the base URL ${base.href}` });
        } else {
          check('sitemap.xml', i + 1, loc, base, false);
        }
      }
    });
  }

  // Feeds and calendars: what a reader or calendar app offers to open. The
  // sitemap, also XML, is checked above.
  let feedURLCount = 0;
  let calendarURLCount = 0;
  const feeds = files.filter((f) => f.endsWith('.xml') && f !== 'sitemap.xml');
  for (const file of feeds) {
    let urls;
    try {
      urls = feedURLs(fs.readFileSync(path.join(root, file), 'utf8'));
    } catch (e) {
      broken.push({ file, line: 0, raw: '', why: `cannot read the feed: ${e.message}` });
      continue;
    }
    for (const u of urls) {
      feedURLCount++;
      check(file, u.line, u.raw, u.base ? new URL(u.base, urlOf(file)) : urlOf(file), false);
    }
  }
  const calendars = files.filter((f) => f.endsWith('.ics'));
  for (const file of calendars) {
    for (const u of calendarURLs(fs.readFileSync(path.join(root, file), 'utf8'))) {
      calendarURLCount++;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(u.raw.trim())) {
        broken.push({ file, line: u.line, raw: u.raw, why: 'not an absolute URL, which a calendar app needs' });
        continue;
      }
      check(file, u.line, u.raw, urlOf(file), false);
    }
  }

  broken.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const b of broken) {
    console.log(`broken: ${b.file}:${b.line}: ${b.raw} (${b.why})`);
  }
  console.log(
    `links: ${htmlFiles.length} pages, ${internal} internal URLs (${checked.size} distinct) checked` +
      `${sitemapURLs ? `, ${sitemapURLs} in sitemap.xml` : ''}` +
      `, ${feedURLCount} in ${feeds.length} feeds, ${calendarURLCount} in ${calendars.length} calendars, ` +
      `${external} external and ${otherSchemes} mailto/tel/other not fetched; ${broken.length} broken`,
  );
  process.exit(broken.length ? 1 : 0);
}

main();
