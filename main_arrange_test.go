package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"evidenceboard/app"
	"evidenceboard/app/arrange"
)

// evidenceboard arrange lays the sample out with no card on another and a
// landscape shape, and the file stays sound.
func TestCLI_Arrange(t *testing.T) {
	board := filepath.Join(t.TempDir(), "s.evboard")
	if out, err := exec.Command(binary, "sample", board).CombinedOutput(); err != nil {
		t.Fatalf("sample: %v\n%s", err, out)
	}
	out, err := exec.Command(binary, "arrange", board).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "0 overlaps") {
		t.Fatalf("arrange: %v\n%s", err, out)
	}
	if out, err := exec.Command(binary, "check", board).CombinedOutput(); err != nil {
		t.Fatalf("check after arrange: %v\n%s", err, out)
	}
	data, err := exec.Command(binary, "export", board).Output()
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := app.ParseDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	f := arrange.Measure(doc, doc.Layout, arrange.CardSizes)
	if f.Overlaps != 0 || f.Aspect < 0.8 || f.Aspect > 2.5 || len(doc.Layout) != f.Cards {
		t.Fatalf("after arrange: %+v, %d cards stored", f, len(doc.Layout))
	}
}
