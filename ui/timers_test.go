package ui

import "time"

// Fyne's test driver runs fyne.Do at once, on the calling goroutine: a
// backup timer firing in the middle of a test would touch the widgets
// from its own goroutine, racing the test's. The tests that try the
// backups call autoBackup themselves.
func init() { openBackupDelay = time.Hour }
