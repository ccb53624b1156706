//go:build unix

package app

import (
	"os"
	"syscall"
)

// processAlive reports whether a process with that id exists: signal 0
// checks without sending anything, and EPERM means it exists but belongs
// to someone else.
func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
