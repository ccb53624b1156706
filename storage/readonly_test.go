//go:build unix

package storage

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"evidenceboard/app"
)

// Read-only files and folders only mean something to a user who is not
// root, so these tests run their checks in a child process as nobody
// (when the tests run as root, as in CI) or as themselves.

// runAsUser runs the named child test with env, as nobody when root.
func runAsUser(t *testing.T, child string, env ...string) string {
	t.Helper()
	bin := os.Args[0]
	if os.Geteuid() == 0 { // go test's build folder is closed to others
		dir, err := os.MkdirTemp("", "evboard-bin")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
		os.Chmod(dir, 0o755)
		data, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		bin = filepath.Join(dir, "storage.test")
		if err := os.WriteFile(bin, data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "-test.run=^"+child+"$", "-test.v")
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), env...)
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s failed: %v\n%s", child, err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+child) {
		t.Fatalf("%s did not run:\n%s", child, out)
	}
	return string(out)
}

// worldDir makes a folder others can enter, holding a copy of the sample.
func worldDir(t *testing.T) (dir, board string) {
	t.Helper()
	dir, err := os.MkdirTemp("", "evboard-ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755); os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	board = filepath.Join(dir, "board.evboard")
	data, err := os.ReadFile(sampleFile(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(board, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, board
}

func TestReadOnlyFile(t *testing.T) {
	_, board := worldDir(t)
	os.Chmod(board, 0o444)
	before := fileSum(t, board)
	runAsUser(t, "TestReadOnlyChild", "EVB_RO_BOARD="+board)
	if fileSum(t, board) != before {
		t.Fatal("the read-only board changed")
	}
}

func TestReadOnlyFolder(t *testing.T) {
	dir, board := worldDir(t)
	if os.Geteuid() == 0 {
		os.Chown(board, 65534, 65534) // the file is the user's; the folder is not
	}
	os.Chmod(dir, 0o555)
	before := fileSum(t, board)
	runAsUser(t, "TestReadOnlyChild", "EVB_RO_BOARD="+board, "EVB_RO_FOLDER=1")
	if fileSum(t, board) != before {
		t.Fatal("the board in a read-only folder changed")
	}
}

// TestReadOnlyChild is run by the tests above; on its own it does nothing.
func TestReadOnlyChild(t *testing.T) {
	board := os.Getenv("EVB_RO_BOARD")
	if board == "" {
		t.Skip("run by TestReadOnlyFile and TestReadOnlyFolder")
	}
	ctx := context.Background()
	// Editing is refused in words, and reading still works.
	if db, err := Open(board, Options{}); err == nil {
		if err := db.MoveCard(ctx, "apple", 1, 1); err == nil {
			t.Fatal("an edit was saved to a read-only board")
		} else if app.ErrorCode(err) == app.EINTERNAL && !strings.Contains(app.ErrorMessage(err), "read-only") {
			t.Fatalf("edit refused without a plain reason: %v", err)
		}
		db.Close()
	} else if !strings.Contains(app.ErrorMessage(err), "read-only") && !strings.Contains(app.ErrorMessage(err), "cannot be") {
		t.Fatalf("open for editing refused without a plain reason: %v", err)
	}
	db, err := Open(board, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a read-only board cannot be read: %v", err)
	}
	defer db.Close()
	doc, err := db.Export(ctx)
	if err != nil || len(doc.Claims) == 0 {
		t.Fatalf("export: %v", err)
	}
	if os.Getenv("EVB_RO_FOLDER") != "" {
		err := WriteNew(filepath.Join(filepath.Dir(board), "new.evboard"), false, app.Board{Title: "x"}, Options{}, func(*DB) error { return nil })
		wantCode(t, err, app.EINVALID, "cannot write in the folder")
	}
}
