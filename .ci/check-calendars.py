#!/usr/bin/python3
"""Check iCalendar files with Python's icalendar (Debian's python3-icalendar).

Usage: check-calendars.py FILE.ics...

Each file must parse (Calendar.from_ical) into one VCALENDAR in which no
component recorded a value it could not decode, and must write back
(to_ical). Each VTIMEZONE is turned into a tzinfo (Timezone.to_tz); then, for
every timed event whose TZID the system's zone database (zoneinfo) knows,
each occurrence (at most 200, expanded with dateutil) must get the same UTC
offset from the file's VTIMEZONE as from the database, which is what a
client that trusts the VTIMEZONE (Outlook) and one that trusts the TZID
(Google, Apple) would disagree on.

Prints each problem and a summary; exits 1 if there was any problem, 2 on
bad usage.
"""

import copy
import datetime
import inspect
import itertools
import sys
import zoneinfo

import dateutil.rrule
import icalendar
from icalendar import Calendar

MAX_OCCURRENCES = 200


def check_file(path, problem):
    """Check one file; return (events, occurrences compared)."""
    with open(path, "rb") as f:
        data = f.read()
    cal = Calendar.from_ical(data)
    if cal.name != "VCALENDAR":
        problem(f"top-level component is {cal.name}, want VCALENDAR")

    # Parsing decoded every value; a VEVENT keeps the errors it forgave.
    for comp in cal.walk():
        for prop, err in comp.errors:
            problem(f"{comp.name}: {prop or 'content'}: {err}")
    try:
        cal.to_ical()
    except Exception as err:
        problem(f"does not write back: {err}")

    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(vtz["TZID"])
        zones[tzid] = None
        try:
            zones[tzid] = to_tz(vtz)
        except Exception as err:
            problem(f"VTIMEZONE {tzid}: to_tz failed: {err}")

    events = compared = 0
    for ev in cal.walk("VEVENT"):
        events += 1
        uid = str(ev.get("UID", "(no UID)"))
        start = ev.get("DTSTART")
        if start is None:
            problem(f"event {uid}: no DTSTART")
            continue
        tzid = start.params.get("TZID")
        if not tzid:
            continue
        if tzid not in zones:
            problem(f"event {uid}: TZID={tzid} has no VTIMEZONE")
            continue
        if zones[tzid] is None:
            continue  # to_tz failed, reported above
        try:
            ref = zoneinfo.ZoneInfo(tzid)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue  # a zone of the file's own: nothing to compare with
        compared += check_offsets(uid, ev, start.dt.replace(tzinfo=None), zones[tzid], ref, problem)
    return events, compared


# icalendar 4 (Debian 12) hands an observance's naive DTSTART and its UTC
# UNTIL to dateutil together, which refuses the mix, so a VTIMEZONE with an
# UNTIL (as RFC 5545 writes them) cannot become a tzinfo. Later versions
# strip the zone from UNTIL instead.
UNTIL_NEEDS_LOCAL = icalendar.__version__.split(".")[0] == "4"


def to_tz(vtz):
    """Timezone.to_tz, with each UNTIL first turned into the observance's
    local time (UTC plus TZOFFSETFROM), which is what dateutil compares it
    with, where icalendar needs that."""
    if not UNTIL_NEEDS_LOCAL:
        # icalendar 6 would otherwise return the database's zone for a known
        # TZID, and the comparison would prove nothing.
        if "lookup_tzid" in inspect.signature(vtz.to_tz).parameters:
            return vtz.to_tz(lookup_tzid=False)
        return vtz.to_tz()
    vtz = copy.deepcopy(vtz)
    for obs in vtz.subcomponents:
        rule = obs.get("RRULE")
        if not rule or "UNTIL" not in rule:
            continue
        offset = obs["TZOFFSETFROM"].td
        rule["UNTIL"] = [
            u.astimezone(datetime.timezone.utc).replace(tzinfo=None) + offset
            if isinstance(u, datetime.datetime) and u.tzinfo else u
            for u in rule["UNTIL"]
        ]
    return vtz.to_tz()


def check_offsets(uid, ev, local_start, ours, ref, problem):
    """Compare the VTIMEZONE's offset with the database's at each occurrence."""
    dtstart = local_start.replace(tzinfo=ref)
    occurrences = [dtstart]
    if "RRULE" in ev:
        rule = ev["RRULE"].to_ical().decode()
        occurrences = dateutil.rrule.rrulestr(rule, dtstart=dtstart)
    n = 0
    for occ in itertools.islice(occurrences, MAX_OCCURRENCES):
        local = occ.replace(tzinfo=None)
        want = local.replace(tzinfo=ref, fold=0).utcoffset()
        if want != local.replace(tzinfo=ref, fold=1).utcoffset():
            continue  # in a clock change's gap or overlap: either is defensible
        if hasattr(ours, "localize"):  # pytz, as icalendar 4 and 5 build
            got = ours.localize(local, is_dst=False).utcoffset()
        else:
            got = local.replace(tzinfo=ours).utcoffset()
        if got != want:
            problem(f"event {uid}: at {local.isoformat()} the VTIMEZONE gives UTC{fmt(got)}, "
                    f"the zone database UTC{fmt(want)}")
        n += 1
    return n


def fmt(delta):
    secs = int(delta.total_seconds())
    sign = "-" if secs < 0 else "+"
    secs = abs(secs)
    return f"{sign}{secs // 3600:02d}:{secs // 60 % 60:02d}"


def main(argv):
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    events = compared = problems = 0
    for path in argv:
        found = []
        e = c = 0
        try:
            e, c = check_file(path, found.append)
        except Exception as err:
            found.append(f"icalendar failed: {type(err).__name__}: {err}")
        for msg in found:
            print(f"{path}: {msg}")
        print(f"{path}: {e} events, {c} occurrences compared with the zone database"
              + (f", {len(found)} problems" if found else ""))
        events, compared, problems = events + e, compared + c, problems + len(found)
    print(f"python icalendar: {len(argv)} files, {events} events, "
          f"{compared} occurrences compared with the zone database, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
