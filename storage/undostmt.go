package storage

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// The undo log lives in the board file, so a board that came by mail may
// carry a log written by anyone. Its statements are therefore never run as
// they are: each must parse as one of the three shapes the triggers write
// (undoTriggers), on a board table and its own columns, with literals as
// SQLite's quote() writes them; it is then run as a statement of ours with
// the values bound. Anything else (an ATTACH, a second statement, a
// function call) is refused as damage.

// undoStmt is one parsed statement of the undo log.
type undoStmt struct {
	op    string // "DELETE", "UPDATE" or "INSERT"
	table string
	rowid int64
	cols  []string
	vals  []any
}

// parseUndoStmt parses s, checking the table and columns against cols.
func parseUndoStmt(s string, cols map[string][]string) (undoStmt, error) {
	p := &undoParser{src: s}
	var st undoStmt
	bad := func(why string) (undoStmt, error) {
		return undoStmt{}, fmt.Errorf("the undo history holds a statement this program did not write (%s): %.80q", why, s)
	}
	st.op = strings.ToUpper(p.word())
	switch st.op {
	case "DELETE":
		if !p.keyword("FROM") {
			return bad("no FROM")
		}
		st.table = p.word()
	case "UPDATE":
		st.table = p.word()
	case "INSERT":
		if !p.keyword("INTO") {
			return bad("no INTO")
		}
		st.table = p.word()
	default:
		return bad("not a DELETE, UPDATE or INSERT")
	}
	known, ok := cols[st.table]
	if !ok {
		return bad("not a board table")
	}
	column := func() (string, bool) {
		c := p.word()
		return c, slices.Contains(known, c)
	}
	switch st.op {
	case "UPDATE":
		if !p.keyword("SET") {
			return bad("no SET")
		}
		for {
			c, ok := column()
			if !ok || !p.punct('=') {
				return bad("not a column of the table")
			}
			v, ok := p.literal()
			if !ok {
				return bad("not a literal")
			}
			st.cols, st.vals = append(st.cols, c), append(st.vals, v)
			if !p.punct(',') {
				break
			}
		}
		fallthrough
	case "DELETE":
		if !p.keyword("WHERE") || !p.keyword("rowid") || !p.punct('=') {
			return bad("no WHERE rowid")
		}
		v, ok := p.literal()
		id, isInt := v.(int64)
		if !ok || !isInt {
			return bad("no rowid")
		}
		st.rowid = id
	case "INSERT":
		if !p.punct('(') || !p.keyword("rowid") {
			return bad("no rowid column")
		}
		for p.punct(',') {
			c, ok := column()
			if !ok {
				return bad("not a column of the table")
			}
			st.cols = append(st.cols, c)
		}
		if !p.punct(')') || !p.keyword("VALUES") || !p.punct('(') {
			return bad("no VALUES")
		}
		v, ok := p.literal()
		id, isInt := v.(int64)
		if !ok || !isInt {
			return bad("no rowid")
		}
		st.rowid = id
		for range st.cols {
			if !p.punct(',') {
				return bad("too few values")
			}
			v, ok := p.literal()
			if !ok {
				return bad("not a literal")
			}
			st.vals = append(st.vals, v)
		}
		if !p.punct(')') {
			return bad("too many values")
		}
	}
	if p.skip(); p.pos != len(p.src) {
		return bad("more after the statement")
	}
	return st, nil
}

// exec runs the statement with its values bound.
func (st undoStmt) exec(tx *gorm.DB) error {
	quoted := make([]string, len(st.cols))
	for i, c := range st.cols {
		quoted[i] = `"` + c + `"`
	}
	switch st.op {
	case "DELETE":
		return tx.Exec(`DELETE FROM "`+st.table+`" WHERE rowid = ?`, st.rowid).Error
	case "UPDATE":
		return tx.Exec(`UPDATE "`+st.table+`" SET `+strings.Join(quoted, " = ?, ")+` = ? WHERE rowid = ?`, append(slices.Clone(st.vals), st.rowid)...).Error
	default:
		marks := strings.Repeat(", ?", len(st.cols))
		return tx.Exec(`INSERT INTO "`+st.table+`" (rowid, `+strings.Join(quoted, ", ")+`) VALUES (?`+marks+`)`, append([]any{st.rowid}, st.vals...)...).Error
	}
}

// undoParser reads the few tokens the undo log's statements are made of.
type undoParser struct {
	src string
	pos int
}

func (p *undoParser) skip() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\n\r", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

// word reads an identifier: letters, digits and underscores.
func (p *undoParser) word() string {
	p.skip()
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c != '_' && (c < '0' || c > '9') && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			break
		}
		p.pos++
	}
	return p.src[start:p.pos]
}

func (p *undoParser) keyword(k string) bool {
	save := p.pos
	if strings.EqualFold(p.word(), k) {
		return true
	}
	p.pos = save
	return false
}

func (p *undoParser) punct(c byte) bool {
	p.skip()
	if p.pos < len(p.src) && p.src[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

// literal reads a value as quote() writes it: NULL, a number, a string in
// single quotes with ” for a quote, or a blob as X'hex'.
func (p *undoParser) literal() (any, bool) {
	p.skip()
	rest := p.src[p.pos:]
	switch {
	case len(rest) >= 4 && strings.EqualFold(rest[:4], "NULL"):
		p.pos += 4
		return nil, true
	case strings.HasPrefix(rest, "'"):
		var b strings.Builder
		for i := 1; i < len(rest); i++ {
			if rest[i] != '\'' {
				b.WriteByte(rest[i])
				continue
			}
			if i+1 < len(rest) && rest[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			p.pos += i + 1
			return b.String(), true
		}
		return nil, false
	case len(rest) >= 2 && (rest[0] == 'X' || rest[0] == 'x') && rest[1] == '\'':
		end := strings.IndexByte(rest[2:], '\'')
		if end < 0 || end%2 != 0 {
			return nil, false
		}
		out := make([]byte, end/2)
		for i := range out {
			v, err := strconv.ParseUint(rest[2+2*i:4+2*i], 16, 8)
			if err != nil {
				return nil, false
			}
			out[i] = byte(v)
		}
		p.pos += end + 3
		return out, true
	}
	end := 0
	for end < len(rest) && strings.IndexByte("+-0123456789.eE", rest[end]) >= 0 {
		end++
	}
	num := rest[:end]
	if num == "" {
		return nil, false
	}
	if i, err := strconv.ParseInt(num, 10, 64); err == nil {
		p.pos += end
		return i, true
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return nil, false
	}
	p.pos += end
	return f, true
}
