package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// layoutProbe is a script added to a copy of the HTML report, for this test
// only, that measures the page as Chromium lays it out and writes what is
// wrong, or "ok", into a <pre id="probe">:
//   - every figure.grid (the stance grid, the evidence matrix) lies within
//     the text column (main), and one whose table is wider scrolls;
//   - no word in the stance grid or the matrix is broken across lines, and
//     none runs out of its cell.
const layoutProbe = `(function () {
  var out = [];
  try {
    var col = document.querySelector("main").getBoundingClientRect();
    document.querySelectorAll("figure.grid").forEach(function (f) {
      var r = f.getBoundingClientRect(), name = f.querySelector("table").className;
      if (r.left < col.left - 0.5 || r.right > col.right + 0.5) {
        out.push(name + " grid spans x " + Math.round(r.left) + " to " + Math.round(r.right) + ", the text column " + Math.round(col.left) + " to " + Math.round(col.right));
      }
      var ox = getComputedStyle(f).overflowX;
      if (f.scrollWidth > f.clientWidth + 1 && ox !== "auto" && ox !== "scroll") {
        out.push(name + " grid is wider than its figure and does not scroll");
      }
    });
    document.querySelectorAll("table.stance, table.matrix").forEach(function (t) {
      var w = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
      for (var n; (n = w.nextNode()); ) {
        var td = n.parentElement.closest("td, th");
        if (!td) {
          continue; // blanks between rows
        }
        var cell = td.getBoundingClientRect();
        var re = /\S+/g, m;
        while ((m = re.exec(n.data))) {
          var rg = document.createRange();
          rg.setStart(n, m.index);
          rg.setEnd(n, m.index + m[0].length);
          var rects = Array.from(rg.getClientRects()).filter(function (r) { return r.width > 0; });
          var lines = new Set(rects.map(function (r) { return Math.round(r.top); }));
          if (lines.size > 1) {
            out.push(t.className + ": the word \u201c" + m[0] + "\u201d is broken across " + lines.size + " lines");
          }
          rects.forEach(function (r) {
            if (r.left < cell.left - 0.5 || r.right > cell.right + 0.5) {
              out.push(t.className + ": the word \u201c" + m[0] + "\u201d runs out of its cell");
            }
          });
        }
      }
    });
  } catch (e) {
    out.push("the probe failed: " + e);
  }
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = out.length ? out.join("\n") : "ok";
  document.body.appendChild(pre);
})();`

var probeOut = regexp.MustCompile(`(?s)<pre id="probe">(.*?)</pre>`)

// TestHTMLGridsInChromium lays the sample's HTML report out in headless
// Chromium at a desktop, a narrow and a phone width and checks the stance
// grid and the matrix with layoutProbe. It is skipped where Chromium is not
// installed (.ci/setup installs it).
func TestHTMLGridsInChromium(t *testing.T) {
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("chromium is not installed")
	}
	out, _ := render(t, "html", sampleDoc(t), Options{Generated: goldenTime})
	page := bytes.Replace(out, []byte("</body>"), []byte("<script>"+layoutProbe+"</script>\n</body>"), 1)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{1280, 900, 480} {
		cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--user-data-dir="+filepath.Join(dir, "profile"), fmt.Sprintf("--window-size=%d,1400", width),
			"--virtual-time-budget=5000", "--dump-dom", "file://"+path)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		dom, err := cmd.Output()
		if err != nil {
			t.Fatalf("chromium at %d px: %v\n%s", width, err, stderr.Bytes())
		}
		m := probeOut.FindSubmatch(dom)
		if m == nil {
			t.Fatalf("chromium at %d px: the probe wrote nothing\n%s", width, stderr.Bytes())
		}
		if got := strings.TrimSpace(string(m[1])); got != "ok" {
			t.Errorf("at %d px wide:\n%s", width, got)
		}
	}
}
