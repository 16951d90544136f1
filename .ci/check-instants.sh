#!/usr/bin/env bash
# Compare the occurrences Mozilla ical.js expands from a built site's
# calendars with a list worked out independently.
# Usage: bash .ci/check-instants.sh SITE_DIR EXPECTED
# EXPECTED has lines "UID<TAB>instant" (# comments allowed); every .ics file
# that holds the UID must expand to exactly those instants, in order.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
site=$1 expected=$2
problems=0 checked=0
mapfile -t uids < <(grep -v '^#' "$expected" | cut -f1 | awk '!seen[$0]++')
for uid in "${uids[@]}"; do
	want=$(grep -v '^#' "$expected" | awk -F'\t' -v u="$uid" '$1 == u { print $2 }')
	out=$(bash "$here/check-calendars.sh" "$site" --instants "$uid") || { echo "ical.js failed on $uid"; problems=$((problems + 1)); continue; }
	# Blocks: a header line per file, then two-space-indented occurrences.
	blocks=0
	while IFS= read -r -d $'\x1e' block; do
		[[ -z $block ]] && continue
		file=${block%%:*}
		got=$(printf '%s\n' "$block" | sed -n 's/^  \([0-9TZ:-]*\( (all day)\)\{0,1\}\).*/\1/p' | sed 's/  .*//')
		blocks=$((blocks + 1))
		checked=$((checked + 1))
		if [[ $got != "$want" ]]; then
			problems=$((problems + 1))
			echo "$file: $uid expands to:"
			printf '%s\n' "$got" | sed 's/^/    /'
			echo "  expected:"
			printf '%s\n' "$want" | sed 's/^/    /'
		fi
	done < <(printf '%s\n' "$out" | awk '/^[^ ]/ { printf "\x1e" } { print } END { printf "\x1e" }')
	if ((blocks == 0)); then
		echo "no calendar holds $uid"
		problems=$((problems + 1))
	fi
done
echo "instants: ${#uids[@]} events in $checked calendar files compared with $expected, $problems problems"
((problems == 0))
