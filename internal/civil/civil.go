// Package civil handles calendar dates held as a time.Time at midnight UTC:
// the form of the content's dates (content.Date), of the days the model
// compares, and of the dates an iCalendar file writes for all-day events.
// Held so, a day is a day: adding one never meets a clock change.
package civil

import "time"

// Date returns the calendar date of t as written (in t's own location), at
// midnight UTC.
func Date(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
