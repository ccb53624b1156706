package app_test

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"evidenceboard/app"
)

// The fields for judging the story (docs/board-format.md, "Judging the
// story"): board.scale, claims[].verdict, parties[] and sources[]
// reliability, quotes[].credibility.

// TestJudgingFields_RoundTrip reads a hand-written document that uses
// every one of the fields, every reliability letter and every credibility
// number, and writes it back: the same bytes.
func TestJudgingFields_RoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/judged.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, warns := mustParse(t, data)
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	wantScale := []app.ScaleStep{{"Pants on fire", -2}, {"False", 0}, {"Cannot say", 5}, {"True", 10}}
	if !reflect.DeepEqual(doc.Board.Scale, wantScale) || !reflect.DeepEqual(doc.Board.RatingScale(), wantScale) {
		t.Errorf("scale = %v", doc.Board.Scale)
	}
	var verdicts []string
	for _, c := range doc.Claims {
		if v := c.Verdict; v != nil {
			verdicts = append(verdicts, v.Label+"|"+v.Note+"|"+v.At.Format("2006-01-02T15:04Z"))
		} else {
			verdicts = append(verdicts, "none")
		}
	}
	if got, want := strings.Join(verdicts, "; "), "Cannot say|Only unnamed sources say so; Apple denies it on the record.|2018-10-05T09:30Z; Pants on fire||2018-10-06T00:00Z; True|Its own catalogue says so.|2018-10-07T10:00Z; none"; got != want {
		t.Errorf("verdicts = %s\nwant       %s", got, want)
	}
	var grades []string
	for _, p := range doc.Parties {
		grades = append(grades, string(p.Reliability))
	}
	for _, s := range doc.Sources {
		grades = append(grades, string(s.Reliability))
	}
	for _, q := range doc.Quotes {
		grades = append(grades, app.GradeLabel("", q.Credibility))
	}
	if got, want := strings.Join(grades, ","), "C,F,A,D,E,,B,F,3,6,1,2,4,5,"; got != want {
		t.Errorf("grades = %s, want %s", got, want)
	}
	if h := doc.Claims[0].History; len(h) != 2 || !h[0].At.Before(h[1].At) {
		t.Errorf("history = %v", h)
	}

	var out bytes.Buffer
	if err := app.WriteDocumentJSON(&out, doc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), data) {
		t.Errorf("written back, the document differs:\n%s", out.Bytes())
	}
}

// TestJudgingFields_OlderDocument checks that a document without the new
// fields reads as before and is written back without them.
func TestJudgingFields_OlderDocument(t *testing.T) {
	doc, warns := mustParse(t, mustJSON(t, baseDoc()))
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	if doc.Board.Scale != nil || !reflect.DeepEqual(doc.Board.RatingScale(), app.DefaultScale) {
		t.Errorf("scale = %v, rating scale %v", doc.Board.Scale, doc.Board.RatingScale())
	}
	var out bytes.Buffer
	if err := app.WriteDocumentJSON(&out, doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"scale"`, `"verdict"`, `"reliability"`, `"credibility"`} {
		if bytes.Contains(out.Bytes(), []byte(k)) {
			t.Errorf("an older document is written back with %s", k)
		}
	}
	// The default scale's labels are verdicts of a board with no scale.
	for _, s := range app.DefaultScale {
		d := baseDoc()
		at(t, d, "claims", 1)["verdict"] = map[string]any{"label": s.Label, "at": "2018-10-05T00:00:00Z"}
		doc, _ := mustParse(t, mustJSON(t, d))
		if v := doc.Claims[1].Verdict; v == nil || v.Label != s.Label {
			t.Errorf("verdict %q read as %v", s.Label, v)
		}
	}
}

// TestJudgingFields_Invalid checks that bad values of the new fields
// refuse the document, each with its path and a message that says what
// would be right.
func TestJudgingFields_Invalid(t *testing.T) {
	scale := func(steps ...any) func(d map[string]any) {
		return func(d map[string]any) { at(t, d, "board")["scale"] = steps }
	}
	step := func(label string, value any) map[string]any { return map[string]any{"label": label, "value": value} }
	verdict := func(v any) func(d map[string]any) {
		return func(d map[string]any) { at(t, d, "claims", 0)["verdict"] = v }
	}
	var many []any
	for i := 0; i <= app.MaxScaleSteps; i++ {
		many = append(many, step(strings.Repeat("x", i+1), i))
	}
	rows := []struct {
		name string
		edit func(d map[string]any)
		want []string
	}{
		{"label off the default scale", verdict(map[string]any{"label": "Pants on fire", "at": "2018-10-05T00:00:00Z"}),
			[]string{`claims[0].verdict.label: "Pants on fire" is not a label of the board's scale ("False", "Mostly false", "Unproven", "Mostly true" or "True")`}},
		{"label off the board's own scale", func(d map[string]any) {
			scale(step("Wrong", 1), step("Right", 2))(d)
			verdict(map[string]any{"label": "True", "at": "2018-10-05T00:00:00Z"})(d)
		}, []string{`claims[0].verdict.label: "True" is not a label of the board's scale ("Wrong" or "Right")`}},
		{"label in another case", verdict(map[string]any{"label": "unproven", "at": "2018-10-05T00:00:00Z"}),
			[]string{`claims[0].verdict.label: "unproven" is not a label of the board's scale`}},
		{"verdict label missing", verdict(map[string]any{"note": "why", "at": "2018-10-05T00:00:00Z"}),
			[]string{`claims[0].verdict.label: is required`}},
		{"verdict at missing", verdict(map[string]any{"label": "True"}),
			[]string{`claims[0].verdict.at: is required`}},
		{"verdict at not a time", verdict(map[string]any{"label": "True", "at": "yesterday"}),
			[]string{`claims[0].verdict.at: `}},
		{"verdict a string", verdict("True"),
			[]string{`claims[0].verdict: must be an object, not a string`}},
		{"verdict unknown field", verdict(map[string]any{"label": "True", "at": "2018-10-05T00:00:00Z", "score": 5}),
			nil}, // a warning, not an error: see below
		{"reliability G", func(d map[string]any) { at(t, d, "parties", 1)["reliability"] = "G" },
			[]string{`parties[1].reliability: "G" is not a reliability grade (use a letter from A to F)`}},
		{"reliability lower case", func(d map[string]any) { at(t, d, "sources", 0)["reliability"] = "b" },
			[]string{`sources[0].reliability: "b" is not a reliability grade (use a letter from A to F)`}},
		{"reliability two letters", func(d map[string]any) { at(t, d, "sources", 1)["reliability"] = "B2" },
			[]string{`sources[1].reliability: "B2" is not a reliability grade`}},
		{"reliability a number", func(d map[string]any) { at(t, d, "parties", 0)["reliability"] = 2 },
			[]string{`parties[0].reliability: must be a string, not a number`}},
		{"credibility 7", func(d map[string]any) { at(t, d, "quotes", 1)["credibility"] = 7 },
			[]string{`quotes[1].credibility: is 7: credibility is a number from 1 (confirmed) to 6 (cannot be judged)`}},
		{"credibility negative", func(d map[string]any) { at(t, d, "quotes", 0)["credibility"] = -1 },
			[]string{`quotes[0].credibility: is -1: credibility is a number from 1 (confirmed) to 6 (cannot be judged)`}},
		{"credibility a fraction", func(d map[string]any) { at(t, d, "quotes", 0)["credibility"] = 2.5 },
			[]string{`quotes[0].credibility: must be a whole number, not 2.5`}},
		{"credibility a string", func(d map[string]any) { at(t, d, "quotes", 0)["credibility"] = "3" },
			[]string{`quotes[0].credibility: must be a number, not a string`}},
		{"scale values falling", scale(step("Bad", 2), step("Good", 1)),
			[]string{`board.scale[1].value: is 1, not above 2: a scale goes worst first, and its values rise`}},
		{"scale values equal", scale(step("Bad", 1), step("Worse", 2), step("Good", 2)),
			[]string{`board.scale[2].value: is 2, not above 2: a scale goes worst first, and its values rise`}},
		{"scale value a fraction", scale(step("Bad", 1), step("Good", 1.5)),
			[]string{`board.scale[1].value: must be a whole number, not 1.5`}},
		{"scale value missing", scale(step("Bad", 1), map[string]any{"label": "Good"}),
			[]string{`board.scale[1].value: is required`}},
		{"scale label twice", scale(step("Bad", 1), step("Bad", 2)),
			[]string{`board.scale[1].label: "Bad" is already the label of board.scale[0]`}},
		{"scale label empty", scale(step("", 1), step("Good", 2)),
			[]string{`board.scale[0].label: is required`}},
		{"scale of one", scale(step("Only", 1)),
			[]string{`board.scale: has one label: a scale needs at least two, or none for the default`}},
		{"scale too long", scale(many...),
			[]string{`board.scale: has 21 labels, over the limit of 20`}},
		{"scale an object", func(d map[string]any) { at(t, d, "board")["scale"] = map[string]any{"False": 1} },
			[]string{`board.scale: must be an array, not an object`}},
	}
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			d := baseDoc()
			tt.edit(d)
			data := mustJSON(t, d)
			if tt.want == nil {
				_, warns := mustParse(t, data)
				if len(warns) != 1 || warns[0].Path != "claims[0].verdict.score" {
					t.Errorf("warnings = %v, want one at claims[0].verdict.score", warns)
				}
				return
			}
			checkProblems(t, invalid(t, data), tt.want...)
		})
	}
}

// TestJudgingFields_DocExamples reads every whole document among the JSON
// examples of the format's documentation: each is valid, and the one of
// "Judging the story" uses all of its fields.
func TestJudgingFields_DocExamples(t *testing.T) {
	md, err := os.ReadFile("../docs/board-format.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```json\n(.*?)```").FindAllSubmatch(md, -1)
	if len(blocks) < 2 {
		t.Fatalf("%d JSON examples in docs/board-format.md, want at least 2", len(blocks))
	}
	judged := 0
	for i, b := range blocks {
		if !bytes.HasPrefix(b[1], []byte("{")) || !bytes.Contains(b[1], []byte(`"format": "evidence-board"`)) {
			continue // a fragment, such as one field's value
		}
		doc, warns := mustParse(t, b[1])
		if len(warns) != 0 {
			t.Errorf("example %d: warnings %v", i+1, warns)
		}
		if len(doc.Board.Scale) > 0 && len(doc.Claims) > 0 && doc.Claims[0].Verdict != nil &&
			len(doc.Parties) > 0 && doc.Parties[0].Reliability != "" && len(doc.Sources) > 0 && doc.Sources[0].Reliability != "" &&
			len(doc.Quotes) > 0 && doc.Quotes[0].Credibility != 0 {
			judged++
		}
	}
	if judged != 1 {
		t.Errorf("%d examples use every judging field, want 1", judged)
	}
}
