package ui

import (
	"bytes"
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"evidenceboard/app/report"
)

// TestExportFormats: the Export menu offers JSON, every report and PNG,
// and each writes something from the sample board.
func TestExportFormats(t *testing.T) {
	test.NewTempApp(t)
	if got, want := len(ExportFormats), len(report.Formats)+2; got != want {
		t.Fatalf("%d export formats, want %d", got, want)
	}
	doc := sampleDoc(t)
	for _, f := range ExportFormats {
		var buf bytes.Buffer
		var warnings []string
		if err := f.Write(context.Background(), &buf, doc, ExportOptions{Warn: func(s string) { warnings = append(warnings, s) }}); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if buf.Len() < 1000 {
			t.Fatalf("%s wrote %d bytes", f.Name, buf.Len())
		}
		if f.Name == "claimreview" && len(warnings) == 0 {
			t.Fatal("no warning for the sample's missing reviewer")
		}
	}
}
