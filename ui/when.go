package ui

import (
	"strings"
	"time"

	"evidenceboard/app"
)

// The date fields of status changes and verdicts: a story is often
// rebuilt after the fact, so a denial is entered when it was made, not
// when it was typed.

// parseWhen reads a date field: a date (YYYY-MM-DD) or an RFC 3339 time.
// It returns the zero time, which the store makes "now", for an empty
// field and for today's date (today's date in the field means "today",
// and midnight would put the change before what was entered earlier
// today). Another date is that day at 00:00 UTC, the reading the board
// format gives a date. A time or date after now is refused.
func parseWhen(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == now.Format(time.DateOnly) {
		return time.Time{}, nil
	}
	if !app.ValidDateOrTime(s) {
		return time.Time{}, app.Errorf(app.EINVALID, "%q is not a date: write it as YYYY-MM-DD (such as 2018-10-04), or as a time such as 2018-10-04T14:30:00Z", clipText(s, 40))
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		if s > now.Format(time.DateOnly) {
			return time.Time{}, app.Errorf(app.EINVALID, "%s is in the future: a change can be dated today or earlier, not later", d.Format("2 January 2006"))
		}
		return d, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil { // ValidDateOrTime took it, so this does not happen
		return time.Time{}, app.Errorf(app.EINVALID, "%q is not a time: %v", s, err)
	}
	if t.After(now) {
		return time.Time{}, app.Errorf(app.EINVALID, "%s is in the future (it is now %s): a change can be dated now or earlier, not later",
			t.Local().Format("2 January 2006 15:04"), now.Format("2 January 2006 15:04"))
	}
	return t.UTC(), nil
}

// isDate reports whether t is a date as parseWhen reads one: 00:00 UTC.
func isDate(t time.Time) bool {
	u := t.UTC()
	return u.Hour() == 0 && u.Minute() == 0 && u.Second() == 0 && u.Nanosecond() == 0
}

// whenText is a time for reading: the date alone for a date, else the
// local date and time.
func whenText(t time.Time) string {
	if isDate(t) {
		return t.UTC().Format("2 Jan 2006")
	}
	return t.Local().Format("2 Jan 2006 15:04")
}

// whenField is a time as a date field shows it, to be read back by
// parseWhen unchanged.
func whenField(t time.Time) string {
	if isDate(t) {
		return t.UTC().Format(time.DateOnly)
	}
	return t.Local().Format(time.RFC3339)
}

// whenLabel is the caption of a date field.
func whenLabel(what string) string {
	return what + " (YYYY-MM-DD, or a time: 2018-10-04T14:30:00Z)"
}
