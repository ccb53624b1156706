package report

import "strings"

// Escaping text from the board for Markdown.
//
// The contract: mdText and mdLine return text that a CommonMark renderer
// (with GitHub's tables and strikethrough) shows as the words given, with no
// markup of its own, wherever the result is put on a line: at the line's
// start, after a list marker or a heading's #, inside ** or *, inside a link's
// [...], or in a table cell. To keep the Markdown readable, a character is
// escaped only where it could be read as markup:
//
//   - anywhere: \ ` * _ [ ] ~ | $ with a backslash (a \ that ends the text
//     as &#92;), < as &lt; (no raw HTML, no autolink), and & as &amp; where
//     it would start an entity (&amp;, &#42;); ~ is GitHub's strikethrough,
//     | its table cell edge, and $ the maths of GitHub and many editors;
//   - at the start of each line of the text: what would open a block there:
//     # (a heading), > (a block quote), - + (a list item, a thematic break or
//     a setext underline), = (a setext underline), and the . or ) after a
//     number (an ordered list item);
//   - at its end: a run of # after a space (which would close a heading).
//
// Periods, hyphens, parentheses and the rest are left alone elsewhere:
// CommonMark gives them no meaning in the middle of a line.

// mdAnywhere are the ASCII characters backslash-escaped wherever they are.
const mdAnywhere = "\\`*_[]~|$"

// mdEscapeLine escapes one line of text (one with no line break).
func mdEscapeLine(b *strings.Builder, s string) {
	s = strings.TrimSpace(s)
	mark := mdLineStartMark(s)  // byte offset of a block marker to escape, or -1
	close := mdClosingHashes(s) // byte offset of a closing # run, or -1
	for i, r := range s {
		switch {
		case i == mark || i == close:
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\\' && i == len(s)-1:
			// Not \\: a hard line break (\ at the end of a line) may
			// follow, and some renderers (goldmark among them) read \\\
			// there as a backslash and a soft break.
			b.WriteString("&#92;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '&' && mdEntityAt(s[i:]):
			b.WriteString("&amp;")
		case r < 0x80 && strings.ContainsRune(mdAnywhere, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
}

// mdLineStartMark is the byte offset in s (a line with no leading blank) of
// the character that would make s open a block if it started a line, or -1.
// Characters escaped anywhere (` * _ ~ |) and < are not looked for: they are
// escaped already.
func mdLineStartMark(s string) int {
	if s == "" {
		return -1
	}
	blankOrEnd := func(i int) bool { return i >= len(s) || s[i] == ' ' || s[i] == '\t' }
	switch s[0] {
	case '>':
		return 0
	case '#':
		n := len(s) - len(strings.TrimLeft(s, "#"))
		if n <= 6 && blankOrEnd(n) {
			return 0
		}
	case '+':
		if blankOrEnd(1) {
			return 0
		}
	case '-':
		// A list item, or a line of - alone (a thematic break, a setext
		// underline).
		if blankOrEnd(1) || strings.Trim(s, "- \t") == "" {
			return 0
		}
	case '=':
		// A setext underline (s has no trailing blank).
		if strings.Trim(s, "=") == "" {
			return 0
		}
	}
	n := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if n >= 1 && n <= 9 && n < len(s) && (s[n] == '.' || s[n] == ')') && blankOrEnd(n+1) {
		return n
	}
	return -1
}

// mdClosingHashes is the byte offset of a run of # that ends s and follows
// a blank or is all of s, which would close an ATX heading that s ends (the
// heading's own # and blank come before s), or -1.
func mdClosingHashes(s string) int {
	t := strings.TrimRight(s, "#")
	if len(t) == len(s) || (t != "" && t[len(t)-1] != ' ' && t[len(t)-1] != '\t') {
		return -1
	}
	return len(t)
}

// mdEntityAt reports whether s, which starts with &, starts with what
// CommonMark reads as an entity or numeric character reference.
func mdEntityAt(s string) bool {
	end := strings.IndexByte(s[:min(len(s), 34)], ';') // look no further: many & stay linear
	if end < 2 {
		return false
	}
	body := s[1:end]
	digits := func(t, set string, maxLen int) bool {
		return t != "" && len(t) <= maxLen && strings.Trim(t, set) == ""
	}
	const dec = "0123456789"
	const hex = dec + "abcdefABCDEF"
	const alnum = dec + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	switch {
	case strings.HasPrefix(body, "#x"), strings.HasPrefix(body, "#X"):
		return digits(body[2:], hex, 6)
	case strings.HasPrefix(body, "#"):
		return digits(body[1:], dec, 7)
	default:
		c := body[0]
		return ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') && digits(body, alnum, 32)
	}
}

// splitLines splits text at \r\n, \r and \n (the line endings of
// CommonMark), trims each line (leading blanks could make it code or part of
// another block) and drops blank lines.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// mdText escapes text from the board for Markdown. Its lines are joined by
// hard line breaks, each new line starting with indent (the indent of the
// block it sits in), so that no line of it can start a new block.
func mdText(s, indent string) string {
	var b strings.Builder
	for i, l := range splitLines(s) {
		if i > 0 {
			b.WriteString("\\\n")
			b.WriteString(indent)
		}
		mdEscapeLine(&b, l)
	}
	return b.String()
}

// mdLine escapes text from the board for a place that holds one line only,
// such as a heading: its line breaks become spaces.
func mdLine(s string) string {
	var b strings.Builder
	mdEscapeLine(&b, strings.Join(splitLines(s), " "))
	return b.String()
}
