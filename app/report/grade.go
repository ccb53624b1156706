package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"evidenceboard/app"
)

// Graded is one handed-in board of a class, graded.
type Graded struct {
	File   string // where it was read from
	Result *app.Result
}

// Refused is one handed-in board that was not graded, and why.
type Refused struct {
	File, Reason string
}

// Class is what the grade reports are written from: the key, the graded
// boards in the order given, and those refused.
type Class struct {
	Key     *app.Document
	Graded  []Graded
	Refused []Refused
	// Duplicates are the students met more than once: each is graded on
	// one board (see NewClass).
	Duplicates []*Duplicate
	// Files counts the boards read (see GradeFiles).
	Files int
	// Anonymous leaves the students' names and files out: they are
	// "Student 1", "Student 2", … in the order given.
	Anonymous bool
	Generated time.Time
}

// Name returns the name the reports give the i-th graded student: the name
// the student gave, else the file's name; "Student i+1" if anonymous.
func (c *Class) Name(i int) string {
	if c.Anonymous {
		return fmt.Sprintf("Student %d", i+1)
	}
	if n := strings.TrimSpace(c.Graded[i].Result.Student); n != "" {
		return n
	}
	f := c.Graded[i].File
	if j := strings.LastIndexAny(f, `/\`); j >= 0 {
		f = f[j+1:]
	}
	return strings.TrimSuffix(f, ".evboard")
}

// GradeCSVHeader is the first row of the gradebook CSV.
var GradeCSVHeader = []string{"student", "claim_id", "claim", "expected", "given", "correct",
	"expected_verdict", "given_verdict", "verdict_correct",
	"supports_precision", "supports_recall", "denies_precision", "denies_recall",
	"points", "max_points", "score"}

// WriteGradeCSV writes the gradebook: one row per student and claim, in
// the key's claim order, then a row with claim_id TOTAL for the student.
// correct is yes or no (on TOTAL: right out of all, such as 7/12); given
// is empty for an undecided claim; the verdict columns are empty where
// verdicts are not graded, the precision and recall columns (0 to 1, two
// decimals) where links are not asked; score, the percentage of the
// rubric's points, is on the TOTAL row only. Encoded as WriteCSV is.
func WriteGradeCSV(w io.Writer, c *Class) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(GradeCSVHeader); err != nil {
		return err
	}
	row := make([]string, len(GradeCSVHeader))
	for i, g := range c.Graded {
		name := c.Name(i)
		for _, cg := range g.Result.Claims {
			for k := range row {
				row[k] = ""
			}
			row[0], row[1], row[2] = name, cg.ClaimID, cg.Statement
			row[3], row[4], row[5] = string(cg.Expected), string(cg.Given), yesNo(cg.Correct)
			if cg.VerdictGraded {
				row[6], row[7], row[8] = cg.ExpectedVerdict, cg.GivenVerdict, yesNo(cg.VerdictCorrect)
			}
			if cg.LinksGraded {
				row[9], row[10] = ratio(cg.Supports.Precision()), ratio(cg.Supports.Recall())
				row[11], row[12] = ratio(cg.Denies.Precision()), ratio(cg.Denies.Recall())
			}
			row[13], row[14] = points(cg.Points), points(cg.MaxPoints)
			for k := range row {
				row[k] = csvCell(row[k])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		for k := range row {
			row[k] = ""
		}
		r := g.Result
		row[0], row[1], row[2] = csvCell(name), "TOTAL", "all claims"
		row[5] = fmt.Sprintf("%d/%d", r.Correct, len(r.Claims))
		row[13], row[14], row[15] = points(r.Points), points(r.MaxPoints), points(r.Score)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func ratio(f float64) string { return fmt.Sprintf("%.2f", f) }

func points(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// classView is what the HTML class report shows.
type classView struct {
	Title, Generated string
	Students         int
	Asked            string
	Rubric           []string
	Mean, Median     string
	Misses           []missBar
	MissChart        template.HTML
	SpreadChart      template.HTML
	Pages            []studentPage
	Refused          []Refused
	Duplicates       []Duplicate
	Anonymous        bool
}

type missBar struct {
	ID, Statement string
	Wrong, Of     int
	Undecided     int
}

type studentPage struct {
	Anchor, Name, File string
	Score              string
	Correct, Claims    int
	Decided            int
	Rows               []claimRow
	Verdicts, Links    bool
	Notes              []string
}

type claimRow struct {
	ID, Statement        string
	Expected, Given      string
	Correct              bool
	Verdict              bool
	ExpVerdict, Verdict_ string
	VerdictOK            bool
	Links                bool
	Supports, Denies     string
	Points               string
	KeyNote, Reasoning   string
	KeyNotes, Student    []app.HeadedNote
	Reasons              []string
	Reworded             string
}

// WriteGradeHTML writes the class report: the rubric, a chart of the
// claims the class got wrong most, a chart of the spread of scores, the
// refused hand-ins, and a page per student with each claim's expected and
// given answer and the student's reasoning beside the key's notes. The
// charts are inline SVG; the page needs no script and prints one student
// a page.
func WriteGradeHTML(w io.Writer, c *Class) error {
	v := classView{Title: c.Key.Board.Title, Generated: c.Generated.UTC().Format("2006-01-02 15:04 UTC"),
		Students: len(c.Graded), Rubric: app.DefaultRubric.Describe(), Refused: c.Refused, Anonymous: c.Anonymous}
	if c.Anonymous {
		v.Refused = make([]Refused, len(c.Refused))
		for i, r := range c.Refused {
			v.Refused[i] = Refused{File: fmt.Sprintf("Hand-in %d", i+1), Reason: r.Reason}
		}
	}
	for _, d := range c.Duplicates {
		if c.Anonymous {
			v.Duplicates = append(v.Duplicates, Duplicate{Student: "A student", Dropped: make([]string, len(d.Dropped))})
			continue
		}
		v.Duplicates = append(v.Duplicates, *d)
	}
	var asked app.Asked
	if len(c.Graded) > 0 {
		asked = c.Graded[0].Result.Asked
	}
	v.Asked = "each claim's status"
	if asked.Verdict {
		v.Asked += ", its verdict on the board's scale"
	}
	if asked.Links {
		v.Asked += ", the quotes that support or deny it"
	}
	misses := make([]missBar, len(c.Key.Claims))
	for i, k := range c.Key.Claims {
		misses[i] = missBar{ID: k.ID, Statement: k.Statement, Of: len(c.Graded)}
	}
	var scores []float64
	for i, g := range c.Graded {
		r := g.Result
		scores = append(scores, r.Score)
		page := studentPage{Anchor: fmt.Sprintf("student-%d", i+1), Name: c.Name(i), Score: points(r.Score),
			Correct: r.Correct, Claims: len(r.Claims), Decided: r.Decided, Verdicts: r.Asked.Verdict, Links: r.Asked.Links, Notes: r.Notes}
		if !c.Anonymous {
			page.File = g.File
		}
		for j, cg := range r.Claims {
			if j < len(misses) && misses[j].ID == cg.ClaimID && !cg.Correct {
				misses[j].Wrong++
				if cg.Given == "" {
					misses[j].Undecided++
				}
			}
			row := claimRow{ID: cg.ClaimID, Statement: cg.Statement, Expected: string(cg.Expected), Given: string(cg.Given),
				Correct: cg.Correct, Verdict: cg.VerdictGraded, ExpVerdict: cg.ExpectedVerdict, Verdict_: cg.GivenVerdict,
				VerdictOK: cg.VerdictCorrect, Links: cg.LinksGraded, Points: points(cg.Points) + " / " + points(cg.MaxPoints),
				KeyNote: cg.KeyNote, Reasoning: cg.Reasoning, KeyNotes: cg.KeyNotes, Student: cg.StudentNotes,
				Reasons: cg.Reasons, Reworded: cg.Reworded}
			if row.Given == "" {
				row.Given = "undecided"
			}
			if cg.LinksGraded {
				row.Supports = overlapText(cg.Supports)
				row.Denies = overlapText(cg.Denies)
			}
			page.Rows = append(page.Rows, row)
		}
		v.Pages = append(v.Pages, page)
	}
	if len(scores) > 0 {
		sum := 0.0
		for _, s := range scores {
			sum += s
		}
		sorted := append([]float64(nil), scores...)
		sort.Float64s(sorted)
		med := sorted[len(sorted)/2]
		if len(sorted)%2 == 0 {
			med = (sorted[len(sorted)/2-1] + sorted[len(sorted)/2]) / 2
		}
		v.Mean, v.Median = points(math.Round(10*sum/float64(len(scores)))/10), points(math.Round(10*med)/10)
	}
	sort.SliceStable(misses, func(i, j int) bool { return misses[i].Wrong > misses[j].Wrong })
	v.Misses = misses
	v.MissChart = missChart(misses)
	v.SpreadChart = spreadChart(scores)
	return gradeTemplate.Execute(w, v)
}

// overlapText says in a line how a student's quotes on one side of a
// claim compare with the key's; "" when neither has any.
func overlapText(o app.Overlap) string {
	if o.Expected == 0 && o.Given == 0 {
		return ""
	}
	s := fmt.Sprintf("%d of the key's %d", o.Both, o.Expected)
	if extra := o.Given - o.Both; extra > 0 {
		s += fmt.Sprintf(", %d not in the key", extra)
	}
	s += fmt.Sprintf(" (precision %.0f%%, recall %.0f%%)", 100*o.Precision(), 100*o.Recall())
	missed, extra := o.MissedNames, o.ExtraNames
	if len(missed) != len(o.Missed) {
		missed = o.Missed
	}
	if len(extra) != len(o.Extra) {
		extra = o.Extra
	}
	if len(missed) > 0 {
		s += "; missed " + strings.Join(missed, "; ")
	}
	if len(extra) > 0 {
		s += "; not in the key: " + strings.Join(extra, "; ")
	}
	return s
}

// missChart draws one bar per claim, most missed first: the share of the
// class that got its status wrong, undecided claims in a lighter shade.
func missChart(misses []missBar) template.HTML {
	const rowH, labelW, barW, top = 26, 360, 380, 8
	h := top + rowH*len(misses) + 24
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-label="Claims the class got wrong most" viewBox="0 0 %d %d" width="%d" height="%d">`, labelW+barW+90, h, labelW+barW+90, h)
	for i, m := range misses {
		y := top + i*rowH
		frac, und := 0.0, 0.0
		if m.Of > 0 {
			frac, und = float64(m.Wrong)/float64(m.Of), float64(m.Undecided)/float64(m.Of)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" class="lbl">%s</text>`, labelW-8, y+16, template.HTMLEscapeString(truncate(m.Statement, 52)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="18" class="track"/>`, labelW, y+3, barW)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="18" class="wrong"><title>%d of %d wrong</title></rect>`, labelW, y+3, frac*barW, m.Wrong, m.Of)
		if und > 0 {
			fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="18" class="undecided"><title>%d of %d undecided</title></rect>`, float64(labelW)+(frac-und)*barW, y+3, und*barW, m.Undecided, m.Of)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="val">%d of %d</text>`, labelW+barW+6, y+16, m.Wrong, m.Of)
	}
	y := top + rowH*len(misses) + 16
	for _, p := range []int{0, 50, 100} {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" class="axis">%d%%</text>`, labelW+p*barW/100, y, p)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// spreadChart draws how many students scored in each tenth of the scale
// (0–9, 10–19, …, 90–100).
func spreadChart(scores []float64) template.HTML {
	var bins [10]int
	for _, s := range scores {
		bins[min(9, max(0, int(s/10)))]++
	}
	most := 1
	for _, n := range bins {
		most = max(most, n)
	}
	const colW, plotH, left, top = 58, 160, 30, 14
	w, h := left+colW*10+10, top+plotH+40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-label="Spread of scores" viewBox="0 0 %d %d" width="%d" height="%d">`, w, h, w, h)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="base"/>`, left, top+plotH, left+colW*10, top+plotH)
	for i, n := range bins {
		bh := float64(plotH) * float64(n) / float64(most)
		x := left + i*colW
		fmt.Fprintf(&b, `<rect x="%d" y="%.1f" width="%d" height="%.1f" class="bin"><title>%s scored %d–%d</title></rect>`, x+6, float64(top+plotH)-bh, colW-12, bh, app.CountWords(n, "student", "students"), i*10, i*10+9+boolInt(i == 9))
		if n > 0 {
			fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="middle" class="val">%d</text>`, x+colW/2, float64(top+plotH)-bh-4, n)
		}
		label := fmt.Sprintf("%d–%d", i*10, i*10+9)
		if i == 9 {
			label = "90–100"
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" class="axis">%s</text>`, x+colW/2, top+plotH+16, label)
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" class="axis">score (%% of the rubric's points)</text>`, left+colW*5, top+plotH+34)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

var gradeTemplate = template.Must(template.New("grade").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class report: {{.Title}}</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 0 auto; max-width: 1100px; padding: 24px 32px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid #d5d9e0; padding-bottom: 4px; }
h3 { font-size: 17px; margin: 0 0 6px; }
.meta { color: #5b6475; margin: 0 0 16px; }
.stats { display: flex; gap: 16px; flex-wrap: wrap; margin: 12px 0; }
.stat { background: #f3f5f8; border-radius: 8px; padding: 10px 16px; min-width: 120px; }
.stat b { display: block; font-size: 22px; }
ul.rubric { margin: 4px 0; padding-left: 20px; }
.chart { max-width: 100%; height: auto; font-size: 12px; }
.chart .lbl { fill: #1d2330; } .chart .val, .chart .axis { fill: #5b6475; }
.chart .track { fill: #eef0f4; } .chart .wrong { fill: #c2413b; } .chart .undecided { fill: #e8a29e; }
.chart .bin { fill: #3a6ea5; } .chart .base { stroke: #8a93a3; }
.legend span { display: inline-block; width: 12px; height: 12px; vertical-align: -1px; margin: 0 4px 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e3e6eb; }
th { background: #f3f5f8; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
.ok { color: #1f7a3a; font-weight: 600; } .no { color: #b3261e; font-weight: 600; }
.undec { color: #8a6d00; font-style: italic; }
.notes { white-space: pre-wrap; font-size: 14px; }
.notes.key { color: #324; background: #f7f4fb; }
td.nw { white-space: nowrap; }
.links { font-size: 13px; color: #5b6475; margin-top: 4px; }
table.answers td:first-child { width: 32%; } table.answers td.notes { width: 22%; }
.refused li { margin: 4px 0; }
.nh { font-weight: 600; font-size: 12px; color: #5b6475; margin-top: 6px; } .nh:first-child { margin-top: 0; }
ul.reasons { text-align: left; white-space: normal; font-size: 12px; color: #5b6475; margin: 6px 0 0; padding-left: 14px; min-width: 180px; }
.reworded, p.note { color: #8a6d00; font-size: 13px; }
section.student { margin-top: 36px; padding-top: 8px; }
@media print { section.student { break-before: page; } body { max-width: none; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>Class report: {{.Title}}</h1>
<p class="meta">{{.Students}} {{if eq .Students 1}}board{{else}}boards{{end}} graded{{if .Refused}}, {{len .Refused}} refused{{end}}. Asked: {{.Asked}}. Generated {{.Generated}}.{{if .Anonymous}} Names are left out.{{end}}</p>
{{if .Pages}}<div class="stats"><div class="stat"><b>{{.Mean}}%</b>mean score</div><div class="stat"><b>{{.Median}}%</b>median score</div><div class="stat"><b>{{.Students}}</b>students</div></div>{{end}}

<h2>Rubric</h2>
<ul class="rubric">{{range .Rubric}}<li>{{.}}</li>{{end}}</ul>

{{if .Refused}}<h2>Refused hand-ins</h2>
<p>These boards were not graded:</p>
<ul class="refused">{{range .Refused}}<li><b>{{.File}}</b>: {{.Reason}}</li>{{end}}</ul>{{end}}

{{if .Duplicates}}<h2>Handed in more than once</h2>
<p>Each student is graded once, on the board edited last:</p>
<ul class="refused">{{range .Duplicates}}<li><b>{{.Student}}</b>{{if .Kept}}: graded {{.Kept}}; not graded: {{range $i, $f := .Dropped}}{{if $i}}, {{end}}{{$f}}{{end}}{{else}}: {{len .Dropped}} more {{if eq (len .Dropped) 1}}board{{else}}boards{{end}} not graded{{end}}</li>{{end}}</ul>{{end}}

{{if .Pages}}
<h2>Which claims the class got wrong most</h2>
<p class="legend">Share of the class whose status is not the key's:<span style="background:#c2413b"></span>wrong<span style="background:#e8a29e"></span>left undecided</p>
{{.MissChart}}
<table>
<tr><th>Claim</th><th class="num">Wrong</th><th class="num">Undecided</th></tr>
{{range .Misses}}<tr><td>{{.Statement}}</td><td class="num">{{.Wrong}} of {{.Of}}</td><td class="num">{{.Undecided}}</td></tr>
{{end}}</table>

<h2>Spread of scores</h2>
{{.SpreadChart}}

<h2>Students</h2>
<table>
<tr><th>Student</th><th class="num">Score</th><th class="num">Right</th><th class="num">Decided</th></tr>
{{range .Pages}}<tr><td><a href="#{{.Anchor}}">{{.Name}}</a></td><td class="num">{{.Score}}%</td><td class="num">{{.Correct}} of {{.Claims}}</td><td class="num">{{.Decided}} of {{.Claims}}</td></tr>
{{end}}</table>

{{range $p := .Pages}}
<section class="student" id="{{.Anchor}}">
<h2>{{.Name}}: {{.Score}}%</h2>
<p class="meta">{{.Correct}} of {{.Claims}} claims right, {{.Decided}} decided.{{if .File}} From {{.File}}.{{end}}</p>
{{range .Notes}}<p class="note">{{.}}</p>{{end}}
<table class="answers">
<tr><th>Claim</th><th>Key</th><th>Student</th>{{if .Verdicts}}<th>Verdict</th>{{end}}<th class="num">Points</th><th>Student's reasoning</th><th>Key's notes</th></tr>
{{range .Rows}}<tr>
<td>{{.Statement}}{{if .Reworded}}<div class="reworded">Reworded in the key since: {{.Reworded}}</div>{{end}}{{if .Links}}<div class="links">{{if .Supports}}<div>Supporting: {{.Supports}}</div>{{end}}{{if .Denies}}<div>Denying: {{.Denies}}</div>{{end}}{{if not (or .Supports .Denies)}}<div>No supporting or denying quotes, in the key or here.</div>{{end}}</div>{{end}}</td>
<td class="nw">{{.Expected}}</td>
<td class="nw">{{if .Correct}}<span class="ok">✓ {{.Given}}</span>{{else if eq .Given "undecided"}}<span class="undec">✗ undecided</span>{{else}}<span class="no">✗ {{.Given}}</span>{{end}}</td>
{{if $p.Verdicts}}<td>{{if not .Verdict}}<span class="undec">not graded</span>{{else if .VerdictOK}}<span class="ok">✓ {{.Verdict_}}</span>{{else}}<span class="no">✗ {{if .Verdict_}}{{.Verdict_}}{{else}}none{{end}}</span> (key: {{.ExpVerdict}}){{end}}</td>{{end}}
<td class="num">{{.Points}}{{if .Reasons}}<ul class="reasons">{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>{{end}}</td>
<td class="notes">{{range .Student}}<div class="nh">{{.Heading}}</div><div>{{.Text}}</div>{{end}}</td>
<td class="notes key">{{range .KeyNotes}}<div class="nh">{{.Heading}}</div><div>{{.Text}}</div>{{end}}</td>
</tr>
{{end}}</table>
</section>
{{end}}
{{end}}
</body>
</html>
`))

// NewClass grades the boards at files against key, reading each with
// read; a board that cannot be read or is no answer to the key is
// refused, with the reason in words. A student met more than once (by the
// name given, whatever its case and spacing) is graded once: the board
// edited last counts (by its updated time; of two alike, the later given),
// and Duplicates names the others, which are neither graded nor refused.
func NewClass(key *app.Document, files []string, read func(path string) (*app.Document, error)) *Class {
	c := &Class{Key: key}
	type graded struct {
		Graded
		updated time.Time
	}
	var all []graded
	for _, f := range files {
		doc, err := read(f)
		if err == nil {
			var res *app.Result
			if res, err = app.Grade(key, doc); err == nil {
				all = append(all, graded{Graded{File: f, Result: res}, doc.Board.Updated})
				continue
			}
		}
		c.Refused = append(c.Refused, Refused{File: f, Reason: app.ErrorMessage(err)})
	}
	latest := map[string]int{} // student -> index in all of the board that counts
	for i, g := range all {
		name := studentKey(g.Result.Student)
		if name == "" {
			continue
		}
		if j, ok := latest[name]; !ok || !g.updated.Before(all[j].updated) {
			latest[name] = i
		}
	}
	dups := map[string]*Duplicate{}
	for i, g := range all {
		name := studentKey(g.Result.Student)
		if name == "" || latest[name] == i {
			c.Graded = append(c.Graded, g.Graded)
			continue
		}
		d := dups[name]
		if d == nil {
			d = &Duplicate{Student: strings.TrimSpace(all[latest[name]].Result.Student), Kept: all[latest[name]].File}
			dups[name] = d
			c.Duplicates = append(c.Duplicates, d)
		}
		d.Dropped = append(d.Dropped, g.File)
	}
	return c
}

// Duplicate is a student met more than once in one grading.
type Duplicate struct {
	Student string
	Kept    string   // the board graded: the one edited last
	Dropped []string // the others, not graded
}

func studentKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// GradeFiles is the one way the window and the command line grade a
// class. It reads the key at keyPath and every board handIns names (each
// file, and the .evboard files of each folder, the key left out: see
// app.HandIns) with app.ReadHandIn through r, which writes nothing beside
// them, and grades them (NewClass); progress, if not nil, is told the
// share of boards read. Returns EINVALID if the key cannot be read or is
// an exercise, ENOTFOUND if there are no boards to grade.
func GradeFiles(r app.SnapshotReader, keyPath string, handIns []string, progress func(float64)) (*Class, error) {
	key, err := app.ReadHandIn(r, keyPath)
	if err != nil {
		return nil, &app.Error{Code: app.ErrorCode(err), Message: "the key " + keyPath + " cannot be read: " + app.ErrorMessage(err), Err: err}
	}
	if key.Exercise != nil {
		return nil, app.Errorf(app.EINVALID, "%s is an exercise, not the key: give the board the exercise was made from", keyPath)
	}
	files, err := app.HandIns(handIns, keyPath)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, app.Errorf(app.ENOTFOUND, "there are no boards to grade (.evboard files) in %s", strings.Join(handIns, ", "))
	}
	n := 0
	c := NewClass(key, files, func(p string) (*app.Document, error) {
		n++
		if progress != nil {
			progress(float64(n) / float64(len(files)))
		}
		return app.ReadHandIn(r, p)
	})
	c.Files = len(files)
	return c, nil
}
