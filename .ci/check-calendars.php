<?php
// Check iCalendar files with Sabre VObject (Debian's php-sabre-vobject), the
// library behind many CalDAV servers.
//
// Usage: php check-calendars.php FILE.ics...
//
// Each file is read strictly (Reader::OPTION_FORGIVING off) and validated;
// every message validate() returns is printed. Sabre 3 and later number the
// levels 1 (repaired), 2 (warning), 3 (error): a message of level 2 or more
// fails. Sabre 2 (Debian's 2.1) numbers them the other way round, 1 being the
// worst, so there every message fails. Then each event's DTSTART, DTEND,
// DTSTAMP and EXDATE are read as dates (resolving TZID) and its occurrences
// expanded (at most 200) and counted. Prints a summary; exits 1 on any
// problem, 2 on bad usage.

const AUTOLOAD = '/usr/share/php/Sabre/VObject/autoload.php';
const MAX_OCCURRENCES = 200;

if (!is_file(AUTOLOAD)) {
    fwrite(STDERR, "Sabre VObject not found at " . AUTOLOAD . " (apt-get install php-sabre-vobject)\n");
    exit(2);
}
require AUTOLOAD;

use Sabre\VObject;

$files = array_slice($argv, 1);
if (count($files) === 0) {
    fwrite(STDERR, "usage: php check-calendars.php FILE.ics...\n");
    exit(2);
}

$version = VObject\Version::VERSION;
$major = (int) $version;
$failLevel = $major >= 3 ? 2 : 1;
$iteratorClass = class_exists('Sabre\\VObject\\Recur\\EventIterator')
    ? 'Sabre\\VObject\\Recur\\EventIterator'
    : 'Sabre\\VObject\\RecurrenceIterator';

// checkFile returns [events, occurrences] and adds to $problems.
function checkFile(string $file, int $failLevel, string $iteratorClass, array &$problems): array
{
    $data = file_get_contents($file);
    if ($data === false) {
        throw new RuntimeException("cannot read the file");
    }
    $vcal = VObject\Reader::read($data); // no OPTION_FORGIVING
    if (strtoupper($vcal->name) !== 'VCALENDAR') {
        $problems[] = "top-level component is {$vcal->name}, want VCALENDAR";
    }

    foreach ($vcal->validate() as $w) {
        $node = isset($w['node']) && is_object($w['node']) ? " ({$w['node']->name})" : '';
        $msg = "sabre level {$w['level']}: {$w['message']}{$node}";
        if ($w['level'] >= $failLevel) {
            $problems[] = $msg;
        } else {
            echo "$file: $msg (not a failure)\n";
        }
    }

    $events = 0;
    $occurrences = 0;
    foreach ($vcal->select('VEVENT') as $event) {
        $events++;
        $uid = isset($event->UID) ? (string) $event->UID : '';
        $where = "event " . ($uid === '' ? '(no UID)' : $uid);
        if ($uid === '') {
            $problems[] = "$where: no UID";
            continue;
        }
        foreach (['DTSTART', 'DTEND', 'DTSTAMP'] as $name) {
            if (!isset($event->$name)) {
                if ($name !== 'DTEND') {
                    $problems[] = "$where: no $name";
                }
                continue;
            }
            try {
                $event->$name->getDateTime();
            } catch (Exception $e) {
                $problems[] = "$where: $name does not read as a date: " . $e->getMessage();
            }
        }
        foreach ($event->select('EXDATE') as $exdate) {
            try {
                $exdate->getDateTimes();
            } catch (Exception $e) {
                $problems[] = "$where: EXDATE does not read as dates: " . $e->getMessage();
            }
        }
        try {
            $it = new $iteratorClass($vcal, $uid);
            $n = 0;
            while ($it->valid() && $n < MAX_OCCURRENCES) {
                $it->getDtStart();
                $n++;
                $it->next();
            }
            if ($n === 0) {
                $problems[] = "$where: has no occurrences";
            }
            $occurrences += $n;
        } catch (Exception $e) {
            $problems[] = "$where: occurrences do not expand: " . $e->getMessage();
        }
    }
    return [$events, $occurrences];
}

$totalEvents = 0;
$totalOccurrences = 0;
$totalProblems = 0;
foreach ($files as $file) {
    $problems = [];
    $counts = [0, 0];
    try {
        $counts = checkFile($file, $failLevel, $iteratorClass, $problems);
    } catch (Throwable $e) {
        $problems[] = "sabre failed: " . get_class($e) . ": " . $e->getMessage();
    }
    foreach ($problems as $p) {
        echo "$file: $p\n";
    }
    echo "$file: {$counts[0]} events, {$counts[1]} occurrences"
        . (count($problems) ? ", " . count($problems) . " problems" : "") . "\n";
    $totalEvents += $counts[0];
    $totalOccurrences += $counts[1];
    $totalProblems += count($problems);
}
echo "sabre/vobject $version: " . count($files) . " files, $totalEvents events, "
    . "$totalOccurrences occurrences, $totalProblems problems\n";
exit($totalProblems === 0 ? 0 : 1);
