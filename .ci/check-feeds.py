#!/usr/bin/python3
"""Check every RSS feed in a built site the way a feed reader would see it.

Usage: check-feeds.py SITE_DIR [--expect EXPECTED.json]

Every file named feed.xml under SITE_DIR is parsed with feedparser (Debian's
python3-feedparser). A feed fails if feedparser flags it as malformed ("bozo"),
if it is not RSS 2.0, if it lacks a title or link, or if any entry lacks a
title, link, id, publication date or summary, or repeats another entry's id.

EXPECTED.json, if given, maps feed paths (relative to SITE_DIR, with forward
slashes) to what their titles must read back as, exactly:

    {
      "feed.xml": ["Newest update", "Older update"],
      "schools/ysgol-ty-coch/feed.xml": {
        "title": "Ysgol Tŷ Coch: updates",
        "entries": []
      }
    }

A list is the entry titles in feed order; an object may give the feed's
"title", its "entries", or both. A feed named there must exist.

Prints one line per problem, then a summary line; exits 1 if there was any
problem, 2 on bad usage.
"""

import argparse
import json
import os
import sys

import feedparser

ENTRY_FIELDS = ("title", "link", "id", "published_parsed", "summary")


def find_feeds(site_dir):
    """Return the paths of every feed.xml under site_dir, relative and sorted."""
    found = []
    for root, dirs, files in os.walk(site_dir):
        dirs.sort()
        if "feed.xml" in files:
            path = os.path.join(root, "feed.xml")
            found.append(os.path.relpath(path, site_dir).replace(os.sep, "/"))
    return sorted(found)


def check_feed(site_dir, rel, expected):
    """Parse one feed; return (number of entries, list of problems)."""
    with open(os.path.join(site_dir, rel), "rb") as f:
        # Parse bytes, not a path or string, so feedparser applies the
        # document's own encoding declaration as a reader would.
        parsed = feedparser.parse(f.read())

    problems = []
    if parsed.bozo:
        exc = parsed.bozo_exception
        problems.append("not well formed: %s: %s" % (type(exc).__name__, exc))
    if parsed.version != "rss20":
        problems.append("version is %r, want 'rss20'" % parsed.version)
    for field in ("title", "link"):
        if not parsed.feed.get(field):
            problems.append("feed has no %s" % field)

    seen_ids = {}
    for i, entry in enumerate(parsed.entries):
        name = "entry %d (%r)" % (i, entry.get("title", ""))
        for field in ENTRY_FIELDS:
            if not entry.get(field):
                problems.append("%s has no %s" % (name, field))
        entry_id = entry.get("id")
        if entry_id:
            if entry_id in seen_ids:
                problems.append("%s repeats the id of entry %d: %s" % (name, seen_ids[entry_id], entry_id))
            else:
                seen_ids[entry_id] = i

    if expected is not None:
        problems.extend(check_expected(parsed, expected))
    return len(parsed.entries), problems


def check_expected(parsed, expected):
    """Compare the titles feedparser read back with the expected ones."""
    if isinstance(expected, list):
        expected = {"entries": expected}
    problems = []
    if "title" in expected and parsed.feed.get("title") != expected["title"]:
        problems.append("feed title is %r, want %r" % (parsed.feed.get("title"), expected["title"]))
    if "entries" in expected:
        got = [e.get("title") for e in parsed.entries]
        want = expected["entries"]
        if len(got) != len(want):
            problems.append("has %d entries, want %d: %r" % (len(got), len(want), got))
        for i, (g, w) in enumerate(zip(got, want)):
            if g != w:
                problems.append("entry %d title is %r, want %r" % (i, g, w))
    return problems


def load_expected(path):
    """Read and shape-check the --expect file; raise ValueError if it is wrong."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict):
        raise ValueError("%s: want an object mapping feed paths to titles" % path)
    for rel, want in data.items():
        if isinstance(want, list):
            want = {"entries": want}
        if not isinstance(want, dict) or set(want) - {"title", "entries"}:
            raise ValueError("%s: %s: want a list of entry titles or an object with title and entries" % (path, rel))
        if "title" in want and not isinstance(want["title"], str):
            raise ValueError("%s: %s: title must be a string" % (path, rel))
        entries = want.get("entries", [])
        if not isinstance(entries, list) or not all(isinstance(t, str) for t in entries):
            raise ValueError("%s: %s: entries must be a list of strings" % (path, rel))
    return data


def main(argv):
    ap = argparse.ArgumentParser(description="Check the RSS feeds of a built site with feedparser.")
    ap.add_argument("site_dir", metavar="SITE_DIR", help="the built site, e.g. public/")
    ap.add_argument("--expect", metavar="EXPECTED.json", help="titles each feed must read back as")
    args = ap.parse_args(argv)

    if not os.path.isdir(args.site_dir):
        ap.error("%s is not a folder" % args.site_dir)
    expected = {}
    if args.expect:
        try:
            expected = load_expected(args.expect)
        except (OSError, ValueError) as e:
            ap.error(str(e))

    feeds = find_feeds(args.site_dir)
    failures = []
    if not feeds:
        failures.append("%s: no feed.xml found" % args.site_dir)
    for rel in sorted(set(expected) - set(feeds)):
        failures.append("%s: expected feed is missing" % rel)

    entries = 0
    for rel in feeds:
        n, problems = check_feed(args.site_dir, rel, expected.get(rel))
        entries += n
        failures.extend("%s: %s" % (rel, p) for p in problems)

    for line in failures:
        print(line)
    print(
        "check-feeds: %d feeds, %d entries checked, %d problems"
        % (len(feeds), entries, len(failures))
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
