package report

import "testing"

func TestSafeURL_Table(t *testing.T) {
	tests := []struct {
		in   string
		link bool
	}{
		{"https://www.zdnet.com/article/x/", true},
		{"http://example.org:8080/a?b=1&c=2#d", true},
		{"https://bücher.example/ü", true},
		{"http://[2001:db8::1]/", true},
		{"mailto:desk@example.org", true},
		{"javascript:alert(1)", false},
		{"JAVASCRIPT:alert(1)", false},
		{"data:text/html,<script>", false},
		{`http://"000000000`, false}, // found by FuzzExporters
		{"http://exa mple.org", false},
		{"http://example.org/<script>", false},
		{"http://", false},
		{"http://:80", false},
		{"http://example.org:80x", false},
		{"//example.org", false},
		{"ftp://example.org", false},
		{"mailto:", false},
	}
	for _, tt := range tests {
		if got := safeURL(tt.in) != ""; got != tt.link {
			t.Errorf("safeURL(%q) links = %v, want %v", tt.in, got, tt.link)
		}
	}
}
