package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "board [1].evboard")
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true command:", err)
	}
	deadPid := strconv.Itoa(dead.Process.Pid)
	stale := []string{
		".board [1].evboard.tmp-" + deadPid + "-0a1b2c",
		".board [1].evboard.tmp-" + deadPid + "-0a1b2c-wal",
		".board [1].evboard.tmp-" + deadPid + "-0a1b2c-shm",
	}
	kept := []string{
		filepath.Base(TempPath(target)),   // this process's
		".board [1].evboard.tmp-1-ffffff", // init's: alive
		".board [1].evboard.tmp-0a1b2c",   // an older naming: not ours to judge
		".other.evboard.tmp-" + deadPid + "-0a1b2c",
		"board [1].evboard",
	}
	for _, n := range append(append([]string{}, stale...), kept...) {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	RemoveStaleTemps(target)
	for _, n := range stale {
		if _, err := os.Stat(filepath.Join(dir, n)); !os.IsNotExist(err) {
			t.Errorf("%s was left behind", n)
		}
	}
	for _, n := range kept {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}
}
