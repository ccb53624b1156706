package app

import (
	"fmt"
	"regexp"
	"time"
)

var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// timePattern is the form of an RFC 3339 time, offset ranges included;
// time.Parse checks the ranges of the rest.
var timePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$`)

// parseTime parses an RFC 3339 time and returns it in UTC. It is as strict
// as RFC 3339, unlike time.Parse alone, which also takes such forms as
// T9:00:00Z, 09:00:00,5Z and an offset of +24:00. A time whose year in UTC
// falls outside 0000 to 9999 is refused: RFC 3339 cannot write it back.
func parseTime(s string) (time.Time, error) {
	if !timePattern.MatchString(s) {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time", s)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return time.Time{}, fmt.Errorf("%s is year %d in UTC, outside 0000 to 9999", s, y)
	}
	return t, nil
}

// ValidDateOrTime reports whether s is a date (YYYY-MM-DD) or an RFC 3339
// time, the two forms the format allows for published, retrieved and said.
func ValidDateOrTime(s string) bool {
	if len(s) > maxDateOrTimeSz {
		return false
	}
	if datePattern.MatchString(s) {
		_, err := time.Parse(time.DateOnly, s)
		return err == nil
	}
	_, err := parseTime(s)
	return err == nil
}

// NormalizeDateOrTime returns a date unchanged and an RFC 3339 time in UTC;
// any other string is returned unchanged.
func NormalizeDateOrTime(s string) string {
	if s == "" || datePattern.MatchString(s) {
		return s
	}
	if t, err := parseTime(s); err == nil {
		return t.Format(time.RFC3339Nano)
	}
	return s
}
