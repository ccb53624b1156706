package app

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
