package report

import (
	"bufio"
	"encoding/base64"
	"html/template"
	"io"
	"strings"
	"unicode/utf8"

	"evidenceboard/app"
)

// WriteHTML writes the report as one self-contained HTML5 page: inline CSS,
// the board image (if any) as a data: URI, no script and nothing fetched
// from the network. It reads well on screen and prints well.
//
// It is built with html/template alone, which escapes every value from the
// board for where it stands; links are written only for http, https and
// mailto addresses, other addresses are shown as text.
func WriteHTML(w io.Writer, doc *app.Document, opts Options) error {
	v := buildView(doc, opts)
	data := htmlData{view: v, Weak: buildWeakSpots(doc), Grid: buildStanceGrid(doc, v), Matrix: buildMatrix(doc, v), StanceLegend: stanceLegend, GridMax: stanceGridMaxClaims,
		ReliabilityLegend: reliabilityLegend, CredibilityLegend: credibilityLegend, GradesNote: gradesNote}
	if img, ok := boardPNG(opts); ok {
		// The image is our own base64 of bytes checked to be a PNG, never
		// text from the board: the one value marked safe.
		data.Image = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(img))
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := htmlTemplate.Execute(bw, data); err != nil {
		return err
	}
	return bw.Flush()
}

type htmlData struct {
	*view
	Image        template.URL
	Weak         *weakSpots
	Grid         *stanceGrid
	Matrix       *matrixSection
	StanceLegend []struct{ Word, Meaning string }
	GridMax      int

	ReliabilityLegend, CredibilityLegend []gradeLegendRow
	GradesNote                           string
}

// truncate shortens s to at most n characters, ending in an ellipsis when
// it cuts, and makes it one line.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, c := 0, 0
	for i = range s {
		if c == n-1 {
			break
		}
		c++
	}
	return strings.TrimRight(s[:i], " ") + "…"
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"link":       safeURL,
	"truncate":   truncate,
	"plural":     plural,
	"partyLabel": partyLabel,
	"partyNames": partyNames,
	"capital":    capital,
	"num":        func(i int) int { return i + 1 },
	"credWords":  credibilityWords,
}).Parse(htmlSource))

const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Evidence Board">
<title>{{.Title}} · Evidence Board report</title>
<style>
:root {
  --ink: #1a1a1a; --muted: #555; --rule: #d6d3cc; --paper: #fffdf8; --panel: #f4f1ea;
  --alleged: #b45309; --denied: #b91c1c; --unconfirmed: #6d28d9; --other: #4b5563;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --serif: Georgia, Cambria, "Times New Roman", Times, serif;
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.25rem 4rem; font: 17px/1.55 var(--serif); }
h1, h2, h3, h4, .kicker, .meta, .badge, nav, table, .credit, .who, .count, time, .kind, footer, .tag { font-family: var(--sans); }
h1 { font-size: 2.1rem; line-height: 1.15; margin: .2rem 0 .6rem; }
h2 { font-size: 1.45rem; margin: 2.6rem 0 1rem; padding-bottom: .3rem; border-bottom: 3px solid var(--ink); }
h3 { font-size: 1.1rem; line-height: 1.35; margin: 0; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 1.1rem 0 .4rem; }
p { margin: .5rem 0; }
a { color: #0b5394; overflow-wrap: anywhere; }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: .75rem; font-weight: 700; color: var(--muted); margin: 0; }
.lede { font-size: 1.15rem; }
.meta { font-size: .85rem; color: var(--muted); }
.text { white-space: pre-line; overflow-wrap: anywhere; }
nav { font-size: .9rem; margin: 1.2rem 0; padding: .5rem 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
nav a { margin-right: 1.2rem; }
.badge { display: inline-block; min-width: 7.6em; text-align: center; padding: .15em .55em; border-radius: .3em; font-size: .72rem; font-weight: 700; letter-spacing: .06em; color: #fff; background: var(--other); vertical-align: .12em; white-space: nowrap; }
.badge.small { min-width: 0; font-size: .66rem; }
.badge::before { content: "●\00a0"; }
.st-alleged { --st: var(--alleged); }
.st-denied { --st: var(--denied); }
.st-unconfirmed { --st: var(--unconfirmed); }
.st-other { --st: var(--other); }
.badge.st-alleged, .badge.st-denied, .badge.st-unconfirmed, .badge.st-other { background: var(--st); }
.st-denied.badge::before { content: "✕\00a0"; }
.st-unconfirmed.badge::before { content: "?\00a0"; }
.st-alleged.badge::before { content: "!\00a0"; }
table.legend { border-collapse: collapse; width: 100%; font-size: .92rem; }
table.legend th, table.legend td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
table.legend td.count, table.legend th.count { text-align: right; font-variant-numeric: tabular-nums; font-weight: 700; }
table.legend tfoot td { border-bottom: 0; font-weight: 700; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); background: #fff; }
figcaption { font: .8rem var(--sans); color: var(--muted); }
.claim, .party { border-left: 6px solid var(--st, var(--rule)); background: #fff; padding: 1rem 1.2rem 1.1rem; margin: 0 0 1.4rem; box-shadow: 0 1px 0 var(--rule); }
.party { --st: #8a8476; }
.claim > header { display: flex; gap: .8rem; align-items: baseline; }
.claim > header .badge { flex: none; }
.claim-id, .kind { font: .75rem var(--sans); color: var(--muted); }
.who { font-size: .85rem; color: var(--muted); margin: .4rem 0; }
.notes { color: #333; font-style: italic; }
ol.history { list-style: none; padding: 0; margin: 0; font-size: .92rem; }
ol.history li { display: grid; grid-template-columns: 10.5rem auto 1fr; gap: .6rem; align-items: baseline; padding: .15rem 0; }
time { font-size: .82rem; color: var(--muted); font-variant-numeric: tabular-nums; }
ul.quotes { list-style: none; padding: 0; margin: 0; }
ul.quotes > li { margin: 0 0 .8rem; padding-left: .9rem; border-left: 3px solid var(--rule); }
.rel-supports > li { border-left-color: #15803d !important; }
.rel-denies > li { border-left-color: var(--denied) !important; }
.rel-contradicts > li { border-left-color: #c2410c !important; }
blockquote { margin: 0; font-size: 1.02rem; }
blockquote::before { content: "“"; }
blockquote::after { content: "”"; }
.credit { font-size: .82rem; color: var(--muted); margin: .2rem 0 0; }
.credit strong { color: var(--ink); }
.linknote { font-size: .85rem; margin: .2rem 0 0; }
.empty { color: var(--muted); font-style: italic; }
ul.plain { padding-left: 1.1rem; margin: .3rem 0; }
ul.plain li { margin: .25rem 0; }
ul.stances { list-style: none; padding: 0; margin: .3rem 0; }
ul.stances li { margin: .35rem 0; }
.roles { font: .85rem var(--sans); color: var(--muted); }
ol.sources { padding-left: 1.4rem; }
ol.sources li { margin: 0 0 .9rem; }
ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 2px solid var(--rule); }
h3.day { font-size: 1rem; margin: 1.4rem 0 .5rem; }
h3.day time { font-size: inherit; color: inherit; }
ol.timeline li { display: grid; grid-template-columns: 6.5rem 1fr; gap: .8rem; padding: .35rem 0 .35rem .9rem; position: relative; }
ol.timeline li::before { content: ""; position: absolute; left: -6px; top: .75rem; width: 10px; height: 10px; border-radius: 50%; background: var(--st, #8a8476); }
.tag { font-size: .72rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
h3.rule { font-size: 1rem; margin: 1.3rem 0 .2rem; }
ul.findings { padding-left: 1.1rem; margin: .3rem 0 .8rem; }
ul.findings li { margin: .35rem 0; }
.jump { font: .78rem var(--sans); color: var(--muted); white-space: nowrap; }
.jump a { color: #0b5394; }
figure.grid { overflow-x: auto; max-width: 100%; margin: 1rem 0; padding: 0 0 1px; }
table.stance { border-collapse: separate; border-spacing: 0; min-width: 100%; font: .78rem/1.3 var(--sans); background: #fff; border: solid var(--rule); border-width: 1px 0 0 1px; }
table.stance th, table.stance td { border: solid var(--rule); border-width: 0 1px 1px 0; padding: .3rem .4rem; vertical-align: top; text-align: center; overflow-wrap: normal; word-break: keep-all; hyphens: manual; }
table.stance thead th { background: var(--panel); font-size: .8rem; }
table.stance thead th.num { border-top: 5px solid var(--st, var(--rule)); min-width: 1.6rem; }
table.stance th:first-child { position: sticky; left: 0; z-index: 1; width: 10rem; min-width: 10rem; box-shadow: inset 1px 0 0 var(--rule), 1px 0 0 var(--rule); }
table.stance tbody th { text-align: left; font-weight: 600; background: #fff; overflow-wrap: anywhere; }
table.stance tbody th .kind { display: block; font-weight: 400; font-size: .7rem; }
table.stance td a { color: inherit; text-decoration: none; overflow-wrap: normal; }
.sg-supports { background: #e8f5ec; --sg: #15803d; }
.sg-denies { background: #fbe7e7; --sg: var(--denied); }
.sg-contradicts { background: #fcecdf; --sg: #c2410c; }
.sg-mentions { background: #f3f1ec; --sg: var(--muted); }
.sg-mixed { background: #f0e8fb; --sg: var(--unconfirmed); }
.sw { display: block; font-weight: 700; color: var(--sg, var(--ink)); }
.sw .n { font-weight: 400; color: var(--muted); }
.rl { display: block; color: var(--muted); font-size: .7rem; }
.sw, .rl > span { white-space: nowrap; }
table.matrix { border-collapse: collapse; table-layout: fixed; width: 100%; min-width: 56rem; font: .78rem/1.3 var(--sans); background: #fff; }
table.matrix th, table.matrix td { border: 1px solid var(--rule); padding: .3rem .35rem; vertical-align: top; }
table.matrix thead th { background: var(--panel); font-size: .8rem; text-align: center; }
table.matrix thead th.q { width: 22rem; text-align: left; }
table.matrix thead th.n, table.matrix td.n { width: 3.6rem; text-align: right; font-variant-numeric: tabular-nums; }
table.matrix thead th.num { border-top: 5px solid var(--st, var(--rule)); }
table.matrix tbody th { text-align: left; font-weight: 400; }
table.matrix tbody th .who { display: block; margin: .1rem 0 0; font-size: .7rem; }
table.matrix td.mx { text-align: center; font-weight: 700; font-size: 1rem; }
table.matrix td a { color: inherit; text-decoration: none; }
table.matrix tfoot td, table.matrix tfoot th { background: var(--panel); text-align: center; font-variant-numeric: tabular-nums; }
table.matrix tfoot th { text-align: right; }
.mx-plus { background: #e8f5ec; color: #15803d; }
.mx-minus { background: #fbe7e7; color: var(--denied); }
.mx-neutral { color: var(--muted); }
table.ranked td.count, table.ranked th.count { white-space: nowrap; }
ol.mxlist { padding-left: 1.6rem; }
ol.mxlist > li { margin: .6rem 0; }
ul.ties { list-style: none; padding: 0; margin: .2rem 0 0; font: .8rem var(--sans); }
ul.ties li { margin: .1rem 0; }
.mx-sign { display: inline-block; min-width: 1.3em; text-align: center; font-weight: 700; border-radius: .2em; }
ol.key { font-size: .9rem; padding-left: 1.6rem; }
ol.key li { margin: .2rem 0; }
p.legend { font: .82rem/1.5 var(--sans); color: var(--muted); }
p.legend strong { color: var(--ink); }
.verdict { margin: .7rem 0 .2rem; padding: .45rem .7rem; border: 1px solid var(--vd, var(--rule)); border-left-width: 4px; border-radius: .25rem; background: var(--panel); font-size: .95rem; }
.verdict .vl { font: 700 .8rem var(--sans); text-transform: uppercase; letter-spacing: .06em; color: var(--vd, var(--muted)); }
.verdict .vs { font: .8rem var(--sans); color: var(--muted); }
.verdict.none { border-style: dashed; background: none; font: italic .88rem var(--sans); color: var(--muted); }
.vd-low { --vd: #9f1239; }
.vd-mid { --vd: #57534e; }
.vd-high { --vd: #166534; }
.vchip { display: inline-block; padding: .05em .45em; border: 1.5px solid var(--vd, var(--muted)); border-radius: .3em; font: 700 .7rem var(--sans); color: var(--vd, var(--muted)); white-space: nowrap; vertical-align: .1em; }
.grade { display: inline-block; padding: 0 .35em; border-radius: .25em; background: #e7e3da; font: 700 .75rem/1.5 var(--sans); color: var(--ink); letter-spacing: .04em; vertical-align: .05em; }
.gw { font: .8rem var(--sans); color: var(--muted); }
dl.grades { display: grid; grid-template-columns: 2.2rem 1fr; gap: .15rem .5rem; font: .85rem/1.4 var(--sans); margin: .4rem 0 .8rem; }
dl.grades dt { font-weight: 700; }
dl.grades dd { margin: 0; color: #333; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule); font-size: .8rem; color: var(--muted); }
@media (max-width: 38rem) {
  body { font-size: 16px; }
  ol.history li, ol.timeline li { grid-template-columns: 1fr; gap: .1rem; }
  .claim > header { flex-direction: column; gap: .3rem; }
  .cols { grid-template-columns: 1fr; }
}
@page { margin: 16mm 14mm; }
@media print {
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  h2 { break-after: avoid-page; margin-top: 1.2rem; }
  h3, h4 { break-after: avoid-page; }
  #parties, #sources, #timeline, #stance, #matrix { break-before: page; }
  table.matrix { font-size: 7.5pt; min-width: 0; }
  table.matrix tr, table.ranked tr { break-inside: avoid-page; }
  table.matrix td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure.grid { overflow: visible; }
  table.stance th:first-child { position: static; }
  table.stance { font-size: 7.5pt; min-width: 0; }
  table.stance tr, ul.findings li, .keep, .verdict { break-inside: avoid-page; }
  table.stance td, table.stance th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .claim, .party { box-shadow: none; border-top: 1px solid var(--rule); border-right: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
  .claim > header, ul.quotes > li, ol.history li, ol.timeline li, ol.sources li, table.legend tr, figure { break-inside: avoid-page; }
  .badge, .claim, .party, .verdict, .grade, ol.timeline li::before { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  a[href^="http"]::after, a[href^="mailto"]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
  a.url::after { content: none !important; }
  figure img { max-height: 23cm; }
}
</style>
</head>
<body>
<header>
<p class="kicker">Evidence Board report</p>
<h1>{{.Title}}</h1>
{{- with .Description}}
<p class="lede text">{{.}}</p>
{{- end}}
<p class="meta">{{with .GeneratedText}}Generated {{.}} · {{end}}{{plural .NClaims "claim" "claims"}}: {{range $i, $c := .Counts}}{{if $i}}, {{end}}{{$c.N}} {{$c.Status}}{{end}} · {{plural .NQuotes "quote" "quotes"}} · {{plural .NParties "party" "parties"}} · {{plural .NSources "source" "sources"}}</p>
{{- with .URL}}
<p class="meta">Published at {{with link .}}<a class="url" href="{{.}}">{{.}}</a>{{else}}{{.}}{{end}}</p>
{{- end}}
{{- if and .HasReviewer .Reviewer.Name}}
<p class="meta">Reviewed by {{with link .Reviewer.URL}}<a href="{{.}}">{{$.Reviewer.Name}}</a>{{else}}{{.Reviewer.Name}}{{end}}</p>
{{- end}}
</header>
<nav aria-label="Contents"><a href="#summary">Summary</a>{{if .Image}}<a href="#board">Board</a>{{end}}<a href="#weak-spots">Weak spots</a><a href="#claims">Claims</a>{{if .Unlinked}}<a href="#unlinked">Other quotes</a>{{end}}<a href="#stance">Who stands where</a><a href="#matrix">Evidence matrix</a><a href="#parties">Parties</a><a href="#sources">Sources</a><a href="#timeline">Timeline</a></nav>
<main>
<section id="summary">
<h2>Where the claims stand</h2>
<table class="legend">
<thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col" class="count">Claims</th></tr></thead>
<tbody>
{{- range .Counts}}
<tr><td><span class="badge {{.Class}}">{{.Word}}</span></td><td>{{.Meaning}}</td><td class="count">{{.N}}</td></tr>
{{- end}}
</tbody>
<tfoot><tr><td colspan="2">All claims</td><td class="count">{{.NClaims}}</td></tr></tfoot>
</table>
<p class="meta">Each status is shown as a coloured badge and in words. Quotes are grouped under each claim by what they do: support it, deny it, contradict it or only mention it.</p>
{{- if or .NVerdicts .OwnScale}}
<div class="keep">
<h3 class="rule">Verdicts</h3>
<p class="meta">The status says where a claim stands on the record; the verdict is the fact-checker's own rating of it, on {{.ScaleName}}, worst first: {{.ScaleRange}}.</p>
<table class="legend">
<thead><tr><th scope="col">Verdict</th><th scope="col" class="count">Value</th><th scope="col" class="count">Claims</th></tr></thead>
<tbody>
{{- range .Verdicts}}
<tr><td><span class="vchip {{.Class}}">{{.Label}}</span></td><td class="count">{{.Value}}</td><td class="count">{{.N}}</td></tr>
{{- end}}
<tr><td class="empty">No verdict yet</td><td></td><td class="count">{{.NoVerdict}}</td></tr>
</tbody>
</table>
</div>
{{- end}}
{{- if .HasGrades}}
<div class="keep">
<h3 class="rule">Grades</h3>
<p class="meta">{{.GradesNote}}</p>
<div class="cols">
<div><h4>Reliability of a party or source</h4>
<dl class="grades">
{{- range .ReliabilityLegend}}
<dt><span class="grade">{{.Grade}}</span></dt><dd>{{.Meaning}}</dd>
{{- end}}
</dl></div>
<div><h4>Credibility of a quote</h4>
<dl class="grades">
{{- range .CredibilityLegend}}
<dt><span class="grade">{{.Grade}}</span></dt><dd>{{.Meaning}}</dd>
{{- end}}
</dl></div>
</div>
</div>
{{- end}}
</section>
{{- if .Image}}
<section id="board">
<h2>The board</h2>
<figure>
<img src="{{.Image}}" alt="The board: claims, quotes, parties and sources as cards, joined by their links">
<figcaption>The board as laid out in Evidence Board.</figcaption>
</figure>
</section>
{{- end}}
<section id="weak-spots">
<h2>Weak spots</h2>
{{- with .Weak.Groups}}
<p class="meta">Where the board's case is thin, as Evidence Board's review finds it: {{plural $.Weak.N "finding" "findings"}}. They are advice for the fact-checker, not errors.</p>
{{- range .}}
<h3 class="rule">{{.Title}} ({{len .Findings}})</h3>
<p class="meta">{{capital .When}}.</p>
<ul class="findings">
{{- range .Findings}}
<li>{{.Message}} <span class="jump">{{if .Href}}<a href="{{.Href}}">{{.Item}}</a>{{else}}{{.Item}}{{end}}</span></li>
{{- end}}
</ul>
{{- end}}
{{- else}}
<p class="empty">Evidence Board's review finds no weak spots on this board.</p>
{{- end}}
</section>
<section id="claims">
<h2>Claims</h2>
{{- if .HasGrades}}
<p class="legend">{{.QuoteGradeLegend}}</p>
{{- end}}
{{- range .Claims}}
<article class="claim {{.Class}}" id="claim-{{.ID}}">
<header><span class="badge {{.Class}}">{{.Word}}</span><h3 class="text">{{.Statement}}</h3></header>
{{- if or .MadeBy .About}}
<p class="who">{{with .MadeBy}}Made by {{partyNames .}}{{end}}{{if and .MadeBy .About}} · {{end}}{{with .About}}About {{partyNames .}}{{end}}</p>
{{- end}}
{{- with .Verdict}}{{$vd := .}}
<p class="verdict {{.Class}}"><span class="vl">Verdict: {{.Label}}</span>{{if .OnScale}} <span class="vs">· {{.Value}} on a scale of {{$.ScaleRange}}</span>{{end}}{{with .When}} · <time datetime="{{$vd.At.Format "2006-01-02T15:04:05Z07:00"}}">{{.}}</time>{{end}}{{with .Note}}<br><span class="text">{{.}}</span>{{end}}</p>
{{- else}}{{if $.NVerdicts}}
<p class="verdict none">No verdict yet.</p>
{{- end}}{{end}}
{{- with .Notes}}
<p class="notes text">{{.}}</p>
{{- end}}
{{- if .History}}
<h4>History</h4>
<ol class="history">
{{- range .History}}
<li><time{{if not .At.IsZero}} datetime="{{.At.Format "2006-01-02T15:04:05Z07:00"}}"{{end}}>{{.When}}</time><span class="badge small {{.Class}}">{{.Word}}</span><span class="text">{{.Note}}</span></li>
{{- end}}
</ol>
{{- end}}
{{- range .Groups}}
<h4>{{.Heading}} ({{len .Items}})</h4>
<ul class="quotes rel-{{.Relation}}">
{{- range .Items}}
<li>{{template "quote" .Quote}}
{{- with .Note}}
<p class="linknote">Note: <span class="text">{{.}}</span></p>
{{- end}}</li>
{{- end}}
</ul>
{{- else}}
<p class="empty">No quotes are tied to this claim yet.</p>
{{- end}}
<p class="claim-id">Claim {{num .Index}} · {{.ID}}</p>
</article>
{{- else}}
<p class="empty">This board has no claims yet.</p>
{{- end}}
</section>
{{- if .Unlinked}}
<section id="unlinked">
<h2>Quotes not tied to a claim</h2>
<ul class="quotes">
{{- range .Unlinked}}
<li>{{template "quote" .}}</li>
{{- end}}
</ul>
</section>
{{- end}}
<section id="stance">
<h2>Who stands where</h2>
{{- if .Grid.Fits}}
<p class="meta">Each party that meets a claim, and how: what its quotes do to the claim, and whether it made the claim or the claim is about it. The columns are the claims, numbered as listed below the grid; the small number is how many of the party's quotes are behind its stance.</p>
<figure class="grid">
<table class="stance">
<thead><tr><th scope="col">Party</th>{{range .Grid.Claims}}<th scope="col" class="num {{.Class}}"><a href="#claim-{{.ID}}">{{num .Index}}</a></th>{{end}}</tr></thead>
<tbody>
{{- range .Grid.Rows}}
{{- $p := .Party}}
<tr><th scope="row"><a href="#party-{{$p.ID}}">{{$p.Name}}</a><span class="kind">{{$p.Kind}}</span></th>{{range .Cells}}<td{{with .Class}} class="{{.}}"{{end}}>{{if .Stance}}<a class="sw" href="#party-{{$p.ID}}">{{.Stance}} <span class="n">{{.Quotes}}</span></a>{{end}}{{with .Roles}}<span class="rl">{{range $i, $r := .}}{{if $i}} · {{end}}<span>{{$r}}</span>{{end}}</span>{{end}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</figure>
<ol class="key">
{{- range .Grid.Claims}}
<li><span class="badge small {{.Class}}">{{.Word}}</span> <a href="#claim-{{.ID}}">{{truncate .Statement 150}}</a></li>
{{- end}}
</ol>
<p class="legend">{{range $i, $l := .StanceLegend}}{{if $i}} · {{end}}<strong>{{$l.Word}}</strong>: {{$l.Meaning}}{{end}}.</p>
{{- else if .Grid.NCells}}
<p class="empty">This board has {{plural .NClaims "claim" "claims"}}, more than fit across a page ({{.GridMax}}): where each party stands is listed under Parties, and the whole grid is in the stance export (CSV).</p>
{{- else}}
<p class="empty">No party meets a claim on this board yet.</p>
{{- end}}
</section>
<section id="matrix">
<h2>Evidence matrix</h2>
<p class="meta">{{.Matrix.Intro}}</p>
{{- if .Matrix.Ranked}}
<h3 class="rule">Claims, least weighed against first</h3>
<table class="legend ranked">
<thead><tr><th scope="col" class="count">Rank</th><th scope="col">Claim</th><th scope="col" class="count">Against</th><th scope="col" class="count">For</th><th scope="col" class="count">Quotes</th></tr></thead>
<tbody>
{{- range .Matrix.Ranked}}
<tr><td class="count">{{.Rank}}</td><td><span class="badge small {{.Claim.Class}}">{{.Claim.Word}}</span> <a href="#claim-{{.Claim.ID}}">{{num .Claim.Index}}. {{truncate .Claim.Statement 110}}</a>{{if .Thin}} <span class="tag">thin</span>{{end}}</td><td class="count">{{.Against}}</td><td class="count">{{.For}}</td><td class="count">{{.NQuotes}}</td></tr>
{{- end}}
</tbody>
</table>
{{- if .Matrix.ClaimsLeft}}
<p class="meta">{{plural .Matrix.ClaimsLeft "more claim is" "more claims are"}} left out here; the whole matrix is in the matrix export (CSV).</p>
{{- end}}
<h3 class="rule">Where the case is thin ({{.Matrix.NThin}})</h3>
<p class="meta">{{.Matrix.ThinIntro}}</p>
{{- with .Matrix.Thin}}
<ul class="findings">
{{- range .}}
<li><a href="#claim-{{.Claim.ID}}">{{num .Claim.Index}}. {{truncate .Claim.Statement 90}}</a> — {{.Thin}}</li>
{{- end}}
</ul>
{{- if $.Matrix.ThinLeft}}
<p class="meta">{{plural $.Matrix.ThinLeft "more thin claim is" "more thin claims are"}} left out here.</p>
{{- end}}
{{- else}}
<p class="empty">No claim's case is thin.</p>
{{- end}}
<h3 class="rule">The quotes that tell the claims apart</h3>
{{- if .Matrix.Rows}}
<p class="meta">{{.Matrix.RowsNote}}</p>
{{- if .Matrix.Grid}}
<figure class="grid">
<table class="matrix">
<thead><tr><th scope="col" class="q">Quote</th><th scope="col" class="n">Grade</th><th scope="col" class="n">Weight</th><th scope="col" class="n">Diag.</th>{{range .Matrix.Cols}}<th scope="col" class="num {{.Class}}"><a href="#claim-{{.ID}}">{{num .Index}}</a></th>{{end}}</tr></thead>
<tbody>
{{- range .Matrix.Rows}}
<tr><th scope="row">“{{truncate .Quote.Text 120}}”<span class="who">{{.Speaker}}</span></th><td class="n">{{.Grade}}</td><td class="n">{{.Weight}}</td><td class="n">{{.Diag}}</td>{{range $i, $c := .Cells}}<td class="mx {{$c.Class}}">{{$c.Sign}}</td>{{end}}</tr>
{{- end}}
</tbody>
<tfoot>
<tr><th scope="row" colspan="4">Against</th>{{range .Matrix.Cols}}{{$r := index $.Matrix.ByIndex .Index}}<td>{{$r.Against}}</td>{{end}}</tr>
<tr><th scope="row" colspan="4">For</th>{{range .Matrix.Cols}}{{$r := index $.Matrix.ByIndex .Index}}<td>{{$r.For}}</td>{{end}}</tr>
</tfoot>
</table>
</figure>
<ol class="key">
{{- range .Matrix.Cols}}
<li><span class="badge small {{.Class}}">{{.Word}}</span> <a href="#claim-{{.ID}}">{{truncate .Statement 150}}</a></li>
{{- end}}
</ol>
{{- else}}
<ol class="mxlist">
{{- range .Matrix.Rows}}
<li>“{{truncate .Quote.Text 160}}” <span class="meta">— {{.Speaker}} · grade {{.Grade}} · weight {{.Weight}} · diagnosticity {{.Diag}}</span>
<ul class="ties">
{{- range .Ties}}
<li><span class="mx-sign {{.Cell.Class}}">{{.Cell.Sign}}</span> {{.Words}} <a href="#claim-{{.Claim.ID}}">{{num .Claim.Index}}. {{truncate .Claim.Statement 90}}</a></li>
{{- end}}
</ul></li>
{{- end}}
</ol>
{{- end}}
{{- else}}
<p class="empty">No quote is tied to a claim on this board yet.</p>
{{- end}}
{{- else}}
<p class="empty">This board has no claims yet.</p>
{{- end}}
</section>
<section id="parties">
<h2>Parties</h2>
{{- if .HasGrades}}
<p class="legend"><strong>Reliability</strong>: {{.ReliabilityLine}}. <strong>Credibility</strong> of what they said: {{.CredibilityLine}}.</p>
{{- end}}
{{- range .Parties}}
{{- $p := .}}
<article class="party" id="party-{{.ID}}">
<h3>{{.Name}} <span class="kind">{{.Kind}}</span>{{with .Reliability}} <span class="grade">{{.}}</span> <span class="gw">{{$p.ReliabilityMeaning}}</span>{{end}}</h3>
{{- with .Notes}}
<p class="notes text">{{.}}</p>
{{- end}}
{{- with .Affiliations}}
<p class="who">{{range $i, $a := .}}{{if $i}} · {{end}}{{capital $a.Words}} {{if $a.Party}}<a href="#party-{{$a.Party.ID}}">{{$a.Party.Name}}</a>{{end}}{{with $a.Note}} ({{.}}){{end}}{{end}}</p>
{{- end}}
<h4>Where they stand</h4>
{{- with .Stances}}
<ul class="stances">
{{- range .}}
<li><span class="badge small {{.Claim.Class}}">{{.Claim.Word}}</span>{{with .Claim.Verdict}} <span class="vchip {{.Class}}">{{.Label}}</span>{{end}} <a href="#claim-{{.Claim.ID}}">{{truncate .Claim.Statement 160}}</a><br><span class="roles">{{.Text}}</span></li>
{{- end}}
</ul>
{{- else}}
<p class="empty">Tied to no claim.</p>
{{- end}}
<h4>What they said ({{len .Said}})</h4>
{{- with .Said}}
<ul class="quotes">
{{- range .}}
<li><blockquote class="text">{{.Text}}</blockquote>
<p class="credit">{{with .Source}}<cite>{{.Title}}</cite>{{else}}Source unknown{{end}}{{with .When}} · {{.}}{{end}}{{with .Location}} · {{.}}{{end}}{{range .Claims}} · {{.Relation}} <a href="#claim-{{.Claim.ID}}">“{{truncate .Claim.Statement 60}}”</a>{{end}}{{with .Credibility}} · <span class="grade">{{.}}</span> <span class="gw">credibility {{credWords .}}</span>{{end}}</p></li>
{{- end}}
</ul>
{{- else}}
<p class="empty">No quotes from them on this board.</p>
{{- end}}
</article>
{{- else}}
<p class="empty">This board has no parties yet.</p>
{{- end}}
</section>
<section id="sources">
<h2>Sources</h2>
{{- if .HasGrades}}
<p class="legend"><strong>Reliability</strong>: {{.ReliabilityLine}}.</p>
{{- end}}
{{- with .Sources}}
<ol class="sources">
{{- range .}}
{{- $s := .}}
<li id="source-{{.ID}}"><cite>{{.Title}}</cite>{{with .Byline}}, {{.}}{{end}}{{with .PublishedWhen}}, published {{.}}{{end}}{{with .RetrievedWhen}}, retrieved {{.}}{{end}}.
{{- with .URL}}<br>{{with link .}}<a class="url" href="{{.}}">{{.}}</a>{{else}}<span class="text">{{.}}</span> (not a web address; not linked){{end}}{{end}}
{{- with .Notes}}<br><span class="notes text">{{.}}</span>{{end}}
<br><span class="meta">{{with .Reliability}}reliability <span class="grade">{{.}}</span> {{$s.ReliabilityMeaning}} · {{end}}{{plural .NQuotes "quote" "quotes"}} on this board</span></li>
{{- end}}
</ol>
{{- else}}
<p class="empty">This board has no sources yet.</p>
{{- end}}
</section>
<section id="timeline">
<h2>Timeline</h2>
{{- with .Days}}
<p class="meta">Everything dated on the board, oldest first, day by day (UTC). What is dated to the day only is shown with “—” and comes first in its day.</p>
{{- range .}}
<h3 class="day"><time datetime="{{.Date}}">{{.Title}}</time></h3>
<ol class="timeline">
{{- range .Events}}
{{- if eq .Kind "published"}}
<li><time datetime="{{.At.Format "2006-01-02T15:04:05Z07:00"}}">{{or .Time "—"}}</time><span><span class="tag">Published</span> <a href="#source-{{.Source.ID}}"><cite>{{.Source.Title}}</cite></a>{{with .Source.Byline}}, {{.}}{{end}}</span></li>
{{- else if eq .Kind "said"}}
<li><time datetime="{{.At.Format "2006-01-02T15:04:05Z07:00"}}">{{or .Time "—"}}</time><span><span class="tag">Said</span> <strong>{{partyLabel .Quote.Speaker}}</strong>: “{{truncate .Quote.Text 200}}”</span></li>
{{- else if eq .Kind "verdict"}}
<li><time datetime="{{.At.Format "2006-01-02T15:04:05Z07:00"}}">{{or .Time "—"}}</time><span>{{template "verdict" .}}</span></li>
{{- else}}
<li class="{{.History.Class}}"><time datetime="{{.At.Format "2006-01-02T15:04:05Z07:00"}}">{{or .Time "—"}}</time><span><span class="badge small {{.History.Class}}">{{.History.Word}}</span> <a href="#claim-{{.Claim.ID}}">{{truncate .Claim.Statement 120}}</a>{{with .History.Note}}<br><span class="text">{{.}}</span>{{end}}</span></li>
{{- end}}
{{- end}}
</ol>
{{- end}}
{{- else}}
<p class="empty">Nothing on this board is dated.</p>
{{- end}}
{{- with .Undated}}
<h3 class="day" id="undated">Undated</h3>
<p class="meta">What has no date to place it on the timeline. Nothing is guessed: a quote with no date of its own is listed here even when its source is dated.</p>
<ol class="timeline undated">
{{- range .}}
{{- if eq .Kind "published"}}
<li><span>no date</span><span><span class="tag">Source</span> <a href="#source-{{.Source.ID}}"><cite>{{.Source.Title}}</cite></a>{{with .Source.Byline}}, {{.}}{{end}}</span></li>
{{- else if eq .Kind "said"}}
<li><span>no date</span><span><span class="tag">Quote</span> <strong>{{partyLabel .Quote.Speaker}}</strong>: “{{truncate .Quote.Text 200}}”{{with .Quote.Source}}{{with .PublishedWhen}} <span class="meta">(its source: published {{.}})</span>{{end}}{{end}}</span></li>
{{- else if eq .Kind "verdict"}}
<li><span>no date</span><span>{{template "verdict" .}}</span></li>
{{- else}}
<li class="{{.History.Class}}"><span>no date</span><span><span class="badge small {{.History.Class}}">{{.History.Word}}</span> <a href="#claim-{{.Claim.ID}}">{{truncate .Claim.Statement 120}}</a> <span class="meta">(no dated status change)</span></span></li>
{{- end}}
{{- end}}
</ol>
{{- end}}
</section>
</main>
<footer>Made with Evidence Board{{with .GeneratedText}} on {{.}}{{end}}. Quotes are the exact words of their speakers, as pinned from the sources listed; statuses and notes are the board's own.</footer>
</body>
</html>
{{define "verdict"}}<span class="tag">Verdict</span> <strong>{{.Verdict.Label}}</strong> on <a href="#claim-{{.Claim.ID}}">{{truncate .Claim.Statement 120}}</a>{{with .Verdict.Note}}<br><span class="text">{{.}}</span>{{end}}{{end}}
{{- define "quote"}}<blockquote class="text">{{.Text}}</blockquote>
<p class="credit">— <strong>{{with .Speaker}}{{.Name}}{{else}}Unknown speaker{{end}}</strong>{{with .Speaker}}{{with .Kind}} ({{.}}){{end}}{{end}}{{with .Source}}, <cite>{{.Title}}</cite>{{with .Byline}} ({{.}}){{end}}{{end}}{{with .When}}, {{.}}{{end}}{{with .Location}}, {{.}}{{end}}{{with .Source}}{{with link .URL}} · <a href="{{.}}">source</a>{{end}}{{end}}</p>
{{- with .Grade}}
<p class="credit"><span class="grade">{{.}}</span> <span class="gw">{{$.GradeWords}}</span></p>
{{- end}}
{{- with .Notes}}
<p class="notes text">{{.}}</p>
{{- end}}{{end}}`
