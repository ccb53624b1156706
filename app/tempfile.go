package app

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// TempPath returns a fresh name for a temporary file that will become
// path: hidden, in the same folder (so a rename puts it in place), and
// naming this process, so that RemoveStaleTemps can tell a temporary file
// left by a killed run from one another run is still writing.
func TempPath(path string) string {
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	return filepath.Join(filepath.Dir(path), tempPrefix(path)+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(rnd[:]))
}

func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

// RemoveStaleTemps deletes the temporary files TempPath made for path in
// runs that no longer exist (killed before they could clean up), with the
// -wal, -shm and -journal files SQLite may have left beside them. Files of
// a live process, or not named by TempPath, are left alone.
func RemoveStaleTemps(path string) {
	prefix := tempPrefix(path)
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), globEscape(prefix)+"*"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), prefix)
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || processAlive(pid) {
			continue
		}
		os.Remove(m)
	}
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
