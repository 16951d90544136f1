#!/usr/bin/env node
// Check iCalendar files the way Mozilla's ical.js (Thunderbird and many web
// calendars) reads them, plus the RFC 5545 rules that ical.js forgives.
//
// Usage: node check-calendars.mjs FILE.ics...
//        node check-calendars.mjs --instants UID FILE.ics...
//
// For each file: the bytes are valid UTF-8 with CRLF line endings and no
// line over 75 octets; it parses as one VCALENDAR with VERSION:2.0 and
// PRODID; every TZID has a VTIMEZONE; every VEVENT has UID (unique), DTSTAMP
// (UTC) and DTSTART, a DTEND of the same type after it, an RRULE UNTIL of the
// form RFC 5545 requires, and EXDATEs of DTSTART's type that each remove an
// occurrence. Each event's occurrences are then expanded (at most 200 each)
// and counted. Prints each problem and a summary; exits 1 on any problem.
//
// With --instants UID, prints instead each occurrence of that event (at most
// 500) as its UTC instant, local time and offset, e.g. to show the instants
// on both sides of a clock change.
//
// ical.js is the one in node_modules next to this script (see package.json).

import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const MAX_OCCURRENCES = 200;
const MAX_INSTANTS = 500;
const MAX_LINE_OCTETS = 75;

function main(argv) {
  let uid = null;
  if (argv[0] === '--instants') {
    uid = argv[1];
    argv = argv.slice(2);
  }
  if (argv.length === 0 || uid === undefined) {
    console.error('usage: check-calendars.mjs [--instants UID] FILE.ics...');
    return 2;
  }
  return uid === null ? checkAll(argv) : printInstants(uid, argv);
}

function checkAll(files) {
  let events = 0, occurrences = 0, problems = 0;
  for (const file of files) {
    const found = [];
    const problem = (msg) => found.push(msg);
    let result = { events: 0, occurrences: 0 };
    try {
      result = checkFile(file, problem);
    } catch (err) {
      problem(`ical.js failed: ${err && err.message ? err.message : err}`);
    }
    for (const msg of found) {
      console.log(`${file}: ${msg}`);
    }
    console.log(`${file}: ${result.events} events, ${result.occurrences} occurrences${found.length ? `, ${found.length} problems` : ''}`);
    events += result.events;
    occurrences += result.occurrences;
    problems += found.length;
  }
  console.log(`ical.js: ${files.length} files, ${events} events, ${occurrences} occurrences, ${problems} problems`);
  return problems === 0 ? 0 : 1;
}

// checkRaw checks what a parser forgives: encoding, line endings, folding.
function checkRaw(bytes, problem) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problem('not valid UTF-8');
    text = new TextDecoder('utf-8').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) {
    problem('starts with a byte order mark');
  }
  if (!text.endsWith('\r\n')) {
    problem('does not end with CRLF');
  }
  const lines = text.split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    if (/[\r\n]/.test(line)) {
      problem(`line ${i + 1}: bare CR or LF (lines must end with CRLF)`);
    }
    if (Buffer.byteLength(line, 'utf8') > MAX_LINE_OCTETS) {
      problem(`line ${i + 1}: ${Buffer.byteLength(line, 'utf8')} octets, more than ${MAX_LINE_OCTETS}`);
    }
    if (line === '') {
      problem(`line ${i + 1}: empty line`);
    }
  });
  return text;
}

// parseCalendar returns the file's one VCALENDAR as an ICAL.Component.
function parseCalendar(text) {
  let jcal = ICAL.parse(text);
  // One component parses to [name, props, comps]; several to a list of them.
  if (Array.isArray(jcal[0])) {
    if (jcal.length !== 1) {
      throw new Error(`${jcal.length} top-level components, want one VCALENDAR`);
    }
    jcal = jcal[0];
  }
  const vcal = new ICAL.Component(jcal);
  if (vcal.name !== 'vcalendar') {
    throw new Error(`top-level component is ${vcal.name}, want VCALENDAR`);
  }
  return vcal;
}

function checkFile(file, problem) {
  const text = checkRaw(readFileSync(file), problem);
  const vcal = parseCalendar(text);

  if (vcal.getFirstPropertyValue('version') !== '2.0') {
    problem('VERSION is not 2.0');
  }
  if (!vcal.getFirstPropertyValue('prodid')) {
    problem('no PRODID');
  }

  const zones = new Set();
  for (const vtz of vcal.getAllSubcomponents('vtimezone')) {
    const tzid = vtz.getFirstPropertyValue('tzid');
    zones.add(tzid);
    const observances = [...vtz.getAllSubcomponents('standard'), ...vtz.getAllSubcomponents('daylight')];
    if (observances.length === 0) {
      problem(`VTIMEZONE ${tzid}: no STANDARD or DAYLIGHT`);
    }
    for (const obs of observances) {
      for (const name of ['dtstart', 'tzoffsetfrom', 'tzoffsetto']) {
        if (!obs.hasProperty(name)) {
          problem(`VTIMEZONE ${tzid}: ${obs.name.toUpperCase()} without ${name.toUpperCase()}`);
        }
      }
    }
  }

  let events = 0, occurrences = 0;
  const uids = new Set();
  for (const vevent of vcal.getAllSubcomponents('vevent')) {
    events++;
    const uid = vevent.getFirstPropertyValue('uid');
    const where = `event ${uid || '(no UID)'}`;
    const bad = (msg) => problem(`${where}: ${msg}`);

    if (!uid) bad('no UID');
    if (uids.has(uid) && !vevent.hasProperty('recurrence-id')) bad('UID is not unique');
    uids.add(uid);
    const stamp = vevent.getFirstPropertyValue('dtstamp');
    if (!stamp) bad('no DTSTAMP');
    else if (stamp.isDate || stamp.zone !== ICAL.Timezone.utcTimezone) bad('DTSTAMP is not a UTC date-time');

    for (const prop of vevent.getAllProperties()) {
      const tzid = prop.getParameter('tzid');
      if (tzid && !zones.has(tzid)) bad(`${prop.name.toUpperCase()} has TZID=${tzid} but the file has no such VTIMEZONE`);
    }

    const start = vevent.getFirstPropertyValue('dtstart');
    if (!start) {
      bad('no DTSTART');
      continue;
    }
    const end = vevent.getFirstPropertyValue('dtend');
    if (end) {
      if (end.isDate !== start.isDate) bad('DTEND and DTSTART are of different types');
      if (end.compare(start) <= 0) bad('DTEND is not after DTSTART');
      if (vevent.hasProperty('duration')) bad('both DTEND and DURATION');
    }

    const rrules = vevent.getAllProperties('rrule');
    if (rrules.length > 1) bad('more than one RRULE');
    const rule = rrules.length ? rrules[0].getFirstValue() : null;
    if (rule && rule.until) {
      if (start.isDate && !rule.until.isDate) bad('UNTIL must be a DATE for an all-day DTSTART');
      if (!start.isDate && (rule.until.isDate || rule.until.zone !== ICAL.Timezone.utcTimezone)) {
        bad('UNTIL must be a UTC date-time (with Z) for a DTSTART with a time');
      }
    }
    if (rule && rule.count && rule.until) bad('RRULE has both COUNT and UNTIL');

    // Each EXDATE must be of DTSTART's type and hit an occurrence of the rule.
    const exdates = vevent.getAllProperties('exdate').flatMap((p) => p.getValues());
    if (exdates.length > 0) {
      const ruleStarts = new Set();
      if (rule) {
        const it = rule.iterator(start);
        for (let t = it.next(), n = 0; t && n < 5000; t = it.next(), n++) {
          ruleStarts.add(t.toUnixTime());
        }
      }
      for (const ex of exdates) {
        if (ex.isDate !== start.isDate) bad(`EXDATE ${ex} is not of DTSTART's type`);
        else if (!ruleStarts.has(ex.toUnixTime())) bad(`EXDATE ${ex} matches no occurrence`);
      }
    }

    const it = new ICAL.Event(vevent).iterator();
    let n = 0;
    while (n < MAX_OCCURRENCES && it.next()) n++;
    if (n === 0) bad('has no occurrences');
    occurrences += n;
  }
  if (vcal.getAllSubcomponents().length === 0) {
    problem('VCALENDAR has no components (RFC 5545 asks for at least one)');
  }
  return { events, occurrences };
}

function printInstants(uid, files) {
  let found = 0;
  for (const file of files) {
    const vcal = parseCalendar(readFileSync(file, 'utf8'));
    for (const vevent of vcal.getAllSubcomponents('vevent')) {
      if (vevent.getFirstPropertyValue('uid') !== uid) continue;
      found++;
      const ev = new ICAL.Event(vevent);
      const tzid = vevent.getFirstProperty('dtstart').getParameter('tzid') || '';
      console.log(`${file}: ${uid}: ${ev.summary || ''}`);
      const it = ev.iterator();
      let n = 0;
      for (let t = it.next(); t && n < MAX_INSTANTS; t = it.next(), n++) {
        if (t.isDate) {
          console.log(`  ${t.toString()} (all day)`);
          continue;
        }
        const utc = new Date(t.toUnixTime() * 1000).toISOString().replace('.000Z', 'Z');
        console.log(`  ${utc}  ${t.toString()} ${formatOffset(t.utcOffset())} ${tzid}`.trimEnd());
      }
      if (n === MAX_INSTANTS) console.log(`  (stopped after ${MAX_INSTANTS})`);
    }
  }
  if (found === 0) {
    console.error(`no event with UID ${uid}`);
    return 1;
  }
  return 0;
}

function formatOffset(secs) {
  const sign = secs < 0 ? '-' : '+';
  secs = Math.abs(secs);
  const pad = (n) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}`;
}

process.exitCode = main(process.argv.slice(2));
