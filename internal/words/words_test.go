package words

import "testing"

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0 schools"},
		{1, "1 school"},
		{2, "2 schools"},
		{1000, "1000 schools"},
		{-1, "-1 schools"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := Plural(tt.n, "school", "schools"); got != tt.want {
				t.Errorf("Plural(%d) = %q, want %q", tt.n, got, tt.want)
			}
		})
	}
}

func TestCapitalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"on track", "On track"},
		{"Good", "Good"},
		{"1 error", "1 error"},
		{"élèves", "Élèves"},
		{"\xffbad", "\xffbad"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Capitalise(tt.in); got != tt.want {
				t.Errorf("Capitalise(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
