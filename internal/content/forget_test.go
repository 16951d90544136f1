package content

import (
	"os"
	"testing"
)

// ForgetPositions drops field positions only where nothing reports them
// once the site is modelled, and keeps where each mapping starts.
func TestForgetPositions(t *testing.T) {
	d, ds := LoadSchool(os.DirFS("../../content"), "brackenwood-primary-school")
	if ds.HasErrors() || d == nil {
		t.Fatalf("the example school does not load:\n%s", ds.Error())
	}
	if d.Plan == nil || len(d.Views) == 0 || len(d.Updates) == 0 || len(d.Meetings) == 0 {
		t.Fatal("the example school should have an action plan, views, updates and meetings")
	}
	d.ForgetPositions()
	var forgotten, kept []Meta
	forgotten = append(forgotten, d.Plan.Meta)
	for _, a := range d.Plan.Areas {
		forgotten = append(forgotten, a.Meta)
		for _, act := range a.Actions {
			forgotten = append(forgotten, act.Meta)
		}
		for _, m := range a.Measures {
			forgotten = append(forgotten, m.Meta)
			for _, p := range m.Points {
				forgotten = append(forgotten, p.Meta)
			}
		}
	}
	for _, g := range d.Views {
		forgotten = append(forgotten, g.Meta)
		for _, q := range g.Questions {
			forgotten = append(forgotten, q.Meta)
		}
		for _, th := range g.Themes {
			forgotten = append(forgotten, th.Meta)
		}
	}
	for _, u := range d.Updates {
		forgotten = append(forgotten, u.Front.Meta)
	}
	for i, m := range forgotten {
		if m.Fields != nil {
			t.Errorf("mapping %d still has its field positions: %+v", i, m.Fields)
		}
		if m.Pos.Line == 0 {
			t.Errorf("mapping %d lost where it starts", i)
		}
	}
	// Rendering still reports problems in these, with their positions.
	kept = append(kept, d.School.Meta, d.School.Inspections[0].Meta, d.Meetings[0].Meta)
	for i, m := range kept {
		if len(m.Fields) == 0 {
			t.Errorf("kept mapping %d has lost its field positions", i)
		}
	}
}
