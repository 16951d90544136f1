// Accessibility check of a built site: serves the site on 127.0.0.1, opens one
// page of each page type (in every language the site is built in: /pl/, /ur/)
// in Debian's Chromium at a phone width (320) and a desktop width (1280), runs axe-core's WCAG 2.x A/AA rules, and checks that
// nothing scrolls sideways at 320px (WCAG 1.4.10 Reflow).
//
// Usage: node .ci/axe.mjs SITE_DIR [--base URL] [--screenshots DIR] [--all]
//   --base URL         the site's base_url; its path (e.g. /parents/) is where
//                      the site is served, so root-relative links work
//   --screenshots DIR  save a full-page PNG of each visit, for people to look at
//   --all              visit every .html page, not one of each type
// Exit status: 0 clean, 1 problems found, 2 usage or internal error.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, basePathOf } from './lib/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WIDTHS = [320, 1280];
const HEIGHT = 800;
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations'],
};
// Chromium as root in a container: no sandbox, no GPU, and nothing that
// phones home (CI reaches no network but the package registries).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCHOOL_SUBPAGES = ['inspection', 'action-plan', 'meetings', 'views', 'updates', 'letter'];

function parseArgs(argv) {
  const opts = { site: '', base: '', screenshots: '', all: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base') {
      opts.base = argv[++i];
    } else if (a === '--screenshots') {
      opts.screenshots = argv[++i];
    } else if (a === '--all') {
      opts.all = true;
    } else if (a.startsWith('-') || opts.site) {
      throw new Error(`unexpected argument ${a}`);
    } else {
      opts.site = a;
    }
  }
  if (!opts.site) {
    throw new Error('missing SITE_DIR');
  }
  if (opts.base === undefined || opts.screenshots === undefined) {
    throw new Error('--base and --screenshots need a value');
  }
  return opts;
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function subdirs(dir) {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

// discoverPages lists site-relative URL paths (without the base path) of one
// page of each type, found from the files so that it works on any site; on a
// site in more than one language, the same again in each language's folder
// (a folder with its own 404.html: /pl/, /ur/).
function discoverPages(root) {
  const pages = discoverIn(root, '');
  for (const d of subdirs(root)) {
    if (d !== 'schools' && isFile(path.join(root, d, '404.html'))) {
      pages.push(...discoverIn(path.join(root, d), `${d}/`).filter((p) => p !== `${d}/`));
    }
  }
  return pages;
}

// discoverIn lists one page of each type of the site (or language) at root,
// as URL paths with prefix (the language's folder) in front.
function discoverIn(root, prefix) {
  const has = (rel) => isFile(path.join(root, rel));
  const pages = [];
  if (has('index.html')) {
    pages.push('');
  }
  for (const d of subdirs(root)) {
    // The editor at /admin/ is Sveltia CMS, loaded from a CDN: it is
    // tested on its own by cms-e2e.mjs, with the bundle served locally.
    if (d === 'schools' || d === 'admin' || !has(`${d}/index.html`)) {
      continue;
    }
    // A language's folder (/pl/) is its home page here; discoverPages
    // adds the rest of its pages.
    pages.push(`${d}/`);
  }
  if (has('schools/index.html')) {
    pages.push('schools/');
  }
  for (const s of subdirs(path.join(root, 'schools'))) {
    const school = `schools/${s}/`;
    if (!has(`${school}index.html`)) {
      continue;
    }
    pages.push(school);
    for (const sub of SCHOOL_SUBPAGES) {
      if (has(`${school}${sub}/index.html`)) {
        pages.push(`${school}${sub}/`);
      }
    }
    const update = subdirs(path.join(root, school, 'updates')).find((u) =>
      has(`${school}updates/${u}/index.html`),
    );
    if (update) {
      pages.push(`${school}updates/${update}/`);
    }
  }
  if (has('404.html')) {
    pages.push('404.html');
  }
  return pages.map((p) => prefix + p);
}

// allPages lists every .html file as a URL path, folders' index.html as "dir/".
function allPages(root, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (p !== 'admin') out.push(...allPages(root, p));
    } else if (e.name.endsWith('.html')) {
      out.push(e.name === 'index.html' ? p.slice(0, -'index.html'.length) : p);
    }
  }
  return out.sort();
}

function screenshotName(page, width) {
  const slug = page.replace(/(\/index)?\.html$/, '').replace(/\/+$/, '').replace(/[^a-z0-9-]+/gi, '-');
  return `${slug || 'home'}-${width}.png`;
}

function truncate(s, n) {
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

// Runs in the page: the outermost elements that stick out past the viewport,
// so that a reflow failure says where to look.
function findOverflow(width) {
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) {
      s += `#${el.id}`;
    }
    if (typeof el.className === 'string' && el.className.trim()) {
      s += `.${el.className.trim().split(/\s+/).join('.')}`;
    }
    return s;
  };
  const found = [];
  for (const el of document.body ? document.body.querySelectorAll('*') : []) {
    const r = el.getBoundingClientRect();
    if (r.right <= width + 1 || r.width === 0) {
      continue;
    }
    const parent = el.parentElement;
    if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 1) {
      continue;
    }
    found.push(`${describe(el)} (right edge ${Math.round(r.right)}px)`);
    if (found.length >= 5) {
      break;
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, elements: found };
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`axe: ${err.message}\nusage: node .ci/axe.mjs SITE_DIR [--base URL] [--screenshots DIR] [--all]`);
    process.exit(2);
  }
  const root = path.resolve(opts.site);
  const pages = opts.all ? allPages(root) : discoverPages(root);
  if (pages.length === 0) {
    console.error(`axe: no HTML pages found in ${root}`);
    process.exit(1);
  }
  if (opts.screenshots) {
    fs.mkdirSync(opts.screenshots, { recursive: true });
  }
  const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const basePath = basePathOf(opts.base);
  const server = await startServer(root, basePath);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

  let visits = 0;
  let violationCount = 0;
  const failedVisits = [];
  const overflowing = [];
  const started = Date.now();
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({
        viewport: { width, height: HEIGHT },
        reducedMotion: 'reduce',
      });
      // Nothing outside the local server is fetched: CI has no network, and
      // a page must not depend on another site to be accessible.
      await context.route((url) => url.origin !== server.origin, (route) => route.abort());
      const tab = await context.newPage();
      let problems = [];
      tab.on('pageerror', (err) => problems.push(`JavaScript error: ${truncate(err.message, 200)}`));
      tab.on('response', (res) => {
        const u = new URL(res.url());
        if (u.origin === server.origin && res.status() >= 400 && u.pathname !== '/favicon.ico' && res.request().resourceType() !== 'document') {
          problems.push(`${res.status()} for ${u.pathname} (${res.request().resourceType()})`);
        }
      });

      for (const page of pages) {
        problems = [];
        const urlPath = basePath + page;
        const label = `${urlPath} @${width}px`;
        visits++;
        const res = await tab.goto(server.origin + urlPath, { waitUntil: 'load' });
        if (!res || res.status() >= 400) {
          problems.push(`page answered ${res ? res.status() : 'nothing'}`);
        }
        await tab.evaluate(axeSource);
        const result = await tab.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS);

        for (const v of result.violations) {
          violationCount++;
          problems.push(`${v.id} [${v.impact}] ${v.help} (${v.helpUrl.replace(/\?.*$/, '')})`);
          for (const node of v.nodes.slice(0, 10)) {
            problems.push(`    at ${node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')}: ${truncate(node.html, 160)}`);
          }
          if (v.nodes.length > 10) {
            problems.push(`    … and ${v.nodes.length - 10} more`);
          }
        }
        if (width === 320) {
          const o = await tab.evaluate(findOverflow, width);
          if (o.scrollWidth > width + 1) {
            overflowing.push(urlPath);
            problems.push(`scrolls sideways at ${width}px: page is ${o.scrollWidth}px wide${o.elements.length ? `; widest: ${o.elements.join(', ')}` : ''}`);
          }
        }
        if (opts.screenshots) {
          await tab.screenshot({ path: path.join(opts.screenshots, screenshotName(page, width)), fullPage: true });
        }
        if (problems.length) {
          failedVisits.push(label);
          console.log(`FAIL ${label}`);
          for (const p of problems) {
            console.log(`    ${p}`);
          }
        } else {
          console.log(`ok   ${label}`);
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `axe: ${pages.length} pages x ${WIDTHS.length} widths = ${visits} visits in ${seconds}s; ` +
      `${violationCount} violations, ${overflowing.length} pages scroll sideways at 320px, ` +
      `${failedVisits.length} visits with problems`,
  );
  process.exit(failedVisits.length ? 1 : 0);
}

main().catch((err) => {
  console.error(`axe: ${err.stack || err}`);
  process.exit(2);
});
