//go:build windows

package app

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// processAlive reports whether a process with that id exists. A process
// that has exited but whose handle someone still holds can be opened, so
// it is asked whether it has ended (its handle is signalled) rather than
// only opened. Access denied means it exists but belongs to someone else;
// any other failure to open it (ERROR_INVALID_PARAMETER) means no such
// process.
func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	h, err := windows.OpenProcess(windows.SYNCHRONIZE, false, uint32(pid))
	if err != nil {
		return errors.Is(err, windows.ERROR_ACCESS_DENIED)
	}
	defer windows.CloseHandle(h)
	ev, err := windows.WaitForSingleObject(h, 0)
	return err != nil || ev == uint32(windows.WAIT_TIMEOUT)
}
