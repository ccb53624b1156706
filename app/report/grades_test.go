package report

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"evidenceboard/app"
)

func judgedDoc(t *testing.T) *app.Document {
	t.Helper()
	data, err := os.ReadFile("../testdata/judged.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := app.ParseDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestReportsShowJudging checks that every report shows the verdicts, on
// the board's own scale, and the grades of a board that uses all of them,
// and that a board that uses none gets no legend for them.
func TestReportsShowJudging(t *testing.T) {
	doc := judgedDoc(t)
	for _, tt := range []struct {
		format string
		want   []string
	}{
		{"html", []string{
			`<span class="vl">Verdict: Cannot say</span> <span class="vs">· 5 on a scale of -2 (Pants on fire) to 10 (True)</span> · <time datetime="2018-10-05T09:30:00Z">2018-10-05 09:30 UTC</time><br><span class="text">Only unnamed sources say so; Apple denies it on the record.</span>`,
			`<p class="verdict vd-low"><span class="vl">Verdict: Pants on fire</span>`,
			`<p class="verdict vd-high"><span class="vl">Verdict: True</span>`,
			`<p class="verdict none">No verdict yet.</p>`,
			`on the board&#39;s own scale, worst first: -2 (Pants on fire) to 10 (True).`,
			`<span class="grade">F6</span> <span class="gw">speaker F, reliability cannot be judged; credibility 6, truth cannot be judged</span>`,
			`<span class="grade">C3</span>`,
			`<span class="grade">C</span> <span class="gw">fairly reliable</span>`,
			`reliability <span class="grade">B</span> usually reliable · `,
			`<span class="grade">5</span> <span class="gw">credibility 5, improbable</span>`,
			`<dt><span class="grade">E</span></dt><dd>unreliable</dd>`,
		}},
		{"md", []string{
			"**Verdict: Cannot say** · 5 on a scale of -2 (Pants on fire) to 10 (True) · 2018-10-05 09:30 UTC\\\nOnly unnamed sources say so; Apple denies it on the record.",
			"No verdict yet.",
			"| Pants on fire | -2 | 1 |",
			"Grade **F6**: speaker F, reliability cannot be judged; credibility 6, truth cannot be judged",
			"Reliability **C**: fairly reliable",
			"Reliability **B**: usually reliable · ",
			"credibility **4, doubtful**",
		}},
		{"pdf", []string{
			"VERDICT: Cannot say · 5 on a scale of -2 (Pants on fire) to 10 (True) · 2018-10-05 09:30 UTC",
			"VERDICT: Pants on fire",
			"No verdict yet.",
			"F6 speaker F, reliability cannot be judged; credibility 6, truth cannot be judged",
			"reliability: fairly reliable",
			"reliability B, usually reliable",
		}},
	} {
		t.Run(tt.format, func(t *testing.T) {
			out, _ := render(t, tt.format, doc, Options{Generated: goldenTime})
			text := string(out)
			if tt.format == "pdf" {
				if text = pdfToText(t, out); text == "" {
					return
				}
				text = strings.Join(strings.Fields(text), " ")
			}
			for _, w := range tt.want {
				if tt.format == "pdf" {
					w = strings.Join(strings.Fields(w), " ")
				}
				if !strings.Contains(text, w) {
					t.Errorf("%s lacks %q", tt.format, w)
				}
			}
		})
	}

	// The CSV: the verdict on every row of its claim, the grades on every
	// row of their quote.
	out, _ := render(t, "csv", doc, Options{})
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[0]+"/"+r[4]+": "+strings.Join(r[csvBase:], "|"))
	}
	want := []string{
		"c1/q2: Cannot say|5|Only unnamed sources say so; Apple denies it on the record.|2018-10-05T09:30:00Z|F|B|6",
		"c1/q1: Cannot say|5|Only unnamed sources say so; Apple denies it on the record.|2018-10-05T09:30:00Z|C|B|3",
		"c2/: Pants on fire|'-2||2018-10-06T00:00:00Z|||",
		"c3/: True|10|Its own catalogue says so.|2018-10-07T10:00:00Z|||",
		"c4/: ||||||",
		"/q3: ||||A||1",
		"/q4: ||||A||2",
		"/q5: ||||D||4",
		"/q6: ||||E|F|5",
		"/q7: ||||||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("csv rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A board that judges nothing gets no legend, no verdict line and no
	// grade.
	plain := sampleDoc(t)
	plain.Board.Scale = nil
	for i := range plain.Claims {
		plain.Claims[i].Verdict = nil
	}
	for i := range plain.Parties {
		plain.Parties[i].Reliability = ""
	}
	for i := range plain.Sources {
		plain.Sources[i].Reliability = ""
	}
	for i := range plain.Quotes {
		plain.Quotes[i].Credibility = 0
	}
	for _, f := range []string{"html", "md"} {
		out, _ := render(t, f, plain, Options{})
		if i := bytes.Index(out, []byte("</style>")); i >= 0 {
			out = out[i:] // the style sheet names the classes
		}
		for _, bad := range []string{"Verdict", "verdict", "No verdict yet", "Grades", `class="grade"`, "Reliability", "reliability", "A quote's grade joins", "Credibility"} {
			if bytes.Contains(out, []byte(bad)) {
				t.Errorf("%s of a board that judges nothing has %q", f, bad)
			}
		}
	}
}
