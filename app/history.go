package app

import "time"

// RecordStatus puts change into c's history in time order, after every
// entry of its time or earlier, and sets c's status to that of the
// history's last entry: a change back-dated before another does not
// become the claim's status. It is the rule SetClaimStatus follows.
func RecordStatus(c *Claim, change StatusChange) {
	k := len(c.History)
	for k > 0 && c.History[k-1].At.After(change.At) {
		k--
	}
	c.History = append(c.History, StatusChange{})
	copy(c.History[k+1:], c.History[k:])
	c.History[k] = change
	c.Status = c.History[len(c.History)-1].Status
}

// A claim's history begins with its first status: when it was first
// alleged (or denied, or left unconfirmed). Nothing about the claim can
// come before that: no status change, no verdict. A story rebuilt with its
// real dates gives the first status its real date (Redate) before the
// later changes.

// FirstRecorded returns when the claim's history begins, and false for a
// claim with no history.
func FirstRecorded(c *Claim) (time.Time, bool) {
	if len(c.History) == 0 {
		return time.Time{}, false
	}
	return c.History[0].At, true
}

// CheckStatusDate refuses a status change of c dated before its first
// status, in words.
func CheckStatusDate(c *Claim, at time.Time) error {
	if first, ok := FirstRecorded(c); ok && at.Before(first) {
		return Errorf(EINVALID, "a status change dated %s would come before the claim was first recorded (%s); give the claim its first date first (Status history ▸ First recorded)",
			dateWords(at), dateWords(first))
	}
	return nil
}

// CheckVerdictDate refuses a verdict of c dated before its first status.
func CheckVerdictDate(c *Claim, v *Verdict) error {
	if v == nil || v.At.IsZero() {
		return nil
	}
	if first, ok := FirstRecorded(c); ok && v.At.Before(first) {
		return Errorf(EINVALID, "a verdict dated %s would come before the claim was first recorded (%s)", dateWords(v.At), dateWords(first))
	}
	return nil
}

// Redate gives c's first status the date at: refused, in words, if a
// later entry of its history or its verdict would then come before it.
func Redate(c *Claim, at time.Time) error {
	if len(c.History) == 0 {
		return Errorf(EINVALID, "the claim has no status history to date")
	}
	if len(c.History) > 1 && at.After(c.History[1].At) {
		return Errorf(EINVALID, "the claim cannot be first recorded on %s: its status changed on %s, before that",
			dateWords(at), dateWords(c.History[1].At))
	}
	if v := c.Verdict; v != nil && !v.At.IsZero() && at.After(v.At) {
		return Errorf(EINVALID, "the claim cannot be first recorded on %s: its verdict was given on %s, before that", dateWords(at), dateWords(v.At))
	}
	c.History[0].At = at
	return nil
}

// dateWords is a moment in words: "5 Oct 2018", or with the time of day
// when it has one ("5 Oct 2018 14:30 UTC").
func dateWords(t time.Time) string {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan 2006 15:04 UTC")
}
