package report

import (
	"strings"
	"testing"
	"time"

	"evidenceboard/app"
)

// TestTimelineSection: verdicts are on the reports' timeline, in time
// order, and undated items are listed apart under "Undated", in every
// report.
func TestTimelineSection(t *testing.T) {
	doc := sampleDoc(t)
	c := &doc.Claims[0]
	c.Verdict = &app.Verdict{Label: "Unproven", Note: "No chip was ever shown.", At: time.Date(2018, 10, 4, 20, 30, 0, 0, time.UTC)}
	doc.Claims[1].Verdict = &app.Verdict{Label: "False"} // undated
	doc.Quotes[1].Said = ""                              // dated by its source alone
	doc.Sources[2].Published = ""
	doc.Claims = append(doc.Claims, app.Claim{ID: "c-no-history", Statement: "A claim with no history at all.", Status: app.StatusUnconfirmed})

	v := buildView(doc, Options{})
	var kinds []string
	for _, e := range v.Undated {
		kinds = append(kinds, e.Kind)
	}
	if got, want := strings.Join(kinds, " "), "published said verdict status"; got != want {
		t.Fatalf("undated kinds %q, want %q", got, want)
	}
	last := v.Timeline[len(v.Timeline)-1]
	if last.Kind != app.EventVerdict || last.Verdict.Label != "Unproven" || last.Time != "20:30 UTC" || last.Claim.ID != c.ID {
		t.Errorf("the last event is %+v, want the verdict at 20:30", last)
	}

	for _, tc := range []struct {
		format string
		want   []string
	}{
		{"html", []string{`<span class="tag">Verdict</span> <strong>Unproven</strong> on <a href="#claim-` + c.ID + `">`, "No chip was ever shown.",
			`<h3 class="day" id="undated">Undated</h3>`, "(its source: published 2018-10-04)", "(no dated status change)", `<strong>False</strong>`}},
		{"md", []string{"20:30 UTC · Verdict: **Unproven** on ", "### Undated", "- Verdict: **False** on ", `(its source: published 2018-10-04)`, `A claim with no history at all. (no dated status change)`}},
	} {
		out, _ := render(t, tc.format, doc, Options{Generated: goldenTime})
		for _, w := range tc.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s: no %q in\n%s", tc.format, w, out[strings.Index(string(out), "Undated"):])
			}
		}
		// The undated list comes after the days.
		if i, j := strings.Index(string(out), "Undated"), strings.Index(string(out), "Thursday 4 October 2018"); i < j {
			t.Errorf("%s: Undated at %d, before the days (%d)", tc.format, i, j)
		}
	}
	out, _ := render(t, "pdf", doc, Options{Generated: goldenTime})
	checkPDF(t, out)
	if text := strings.Join(strings.Fields(pdfToText(t, out)), " "); text != "" {
		for _, w := range []string{"VERDICT Unproven on", "No chip was ever shown.", "Undated", "no date", "(no dated status change)"} {
			if !strings.Contains(text, w) {
				t.Errorf("pdf: no %q", w)
			}
		}
	}

	// A board with nothing dated still lists its undated items.
	bare := &app.Document{Format: app.FormatName, Version: app.FormatVersion, Board: app.Board{Title: "Bare"},
		Quotes: []app.Quote{{ID: "q1", Text: "Words with no date."}}}
	for _, f := range []string{"html", "md"} {
		out, _ := render(t, f, bare, Options{})
		if s := string(out); !strings.Contains(s, "Nothing on this board is dated.") || !strings.Contains(s, "Words with no date") || !strings.Contains(s, "Undated") {
			t.Errorf("%s: a board with only undated items:\n%s", f, s)
		}
	}
	out, _ = render(t, "pdf", bare, Options{})
	if text := pdfToText(t, out); text != "" && !strings.Contains(text, "Words with no date.") {
		t.Errorf("pdf: a board with only undated items has no undated list")
	}
}
