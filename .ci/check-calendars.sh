#!/usr/bin/env bash
# Check every iCalendar file (*.ics) in a built site with three independent
# readers, each printing its problems and a count of files and events:
#   1. Mozilla ical.js (check-calendars.mjs; .ci/node_modules, see package.json),
#      plus the RFC 5545 rules it forgives (CRLF, 75-octet lines, UNTIL form,
#      EXDATEs that hit an occurrence, a VTIMEZONE for every TZID);
#   2. Python icalendar (check-calendars.py; Debian's python3-icalendar), which
#      also compares each VTIMEZONE's offsets with the system zone database;
#   3. Sabre VObject (check-calendars.php; Debian's php-sabre-vobject).
#
# Usage: bash .ci/check-calendars.sh SITE_DIR
#        bash .ci/check-calendars.sh SITE_DIR --instants UID
# The second form prints, per ical.js, the UTC instant, local time and offset
# of each occurrence of the event with that UID (e.g. across a clock change).
#
# Exits 1 if any checker found a problem (or there is no .ics file), 2 on bad
# usage or a missing tool.

set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
	echo "usage: bash $0 SITE_DIR [--instants UID]" >&2
	exit 2
}

(($# == 1 || $# == 3)) || usage
site=$1
[[ -d $site ]] || {
	echo "$site: not a folder" >&2
	exit 2
}
uid=
if (($# == 3)); then
	[[ $2 == --instants ]] || usage
	uid=$3
fi

if [[ ! -f $here/node_modules/ical.js/package.json ]]; then
	echo "ical.js is not installed: run (cd $here && npm install)" >&2
	exit 2
fi

# Paths relative to the site read better in the messages.
cd "$site" || exit 2
mapfile -d '' files < <(find . -type f -name '*.ics' -print0 | sort -z)
files=("${files[@]#./}")
if ((${#files[@]} == 0)); then
	echo "no *.ics files under $site"
	exit 1
fi

if [[ -n $uid ]]; then
	exec node "$here/check-calendars.mjs" --instants "$uid" "${files[@]}"
fi

failed=()
run() {
	local name=$1
	shift
	echo "== $name"
	if ! "$@"; then
		failed+=("$name")
	fi
}

run "ical.js" node "$here/check-calendars.mjs" "${files[@]}"
run "python icalendar" /usr/bin/python3 "$here/check-calendars.py" "${files[@]}"
run "sabre/vobject" php "$here/check-calendars.php" "${files[@]}"

if ((${#failed[@]} > 0)); then
	echo "calendars: FAILED in ${failed[*]}"
	exit 1
fi
echo "calendars: ${#files[@]} files pass ical.js, python icalendar and sabre/vobject"
