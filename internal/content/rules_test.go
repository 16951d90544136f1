package content

import (
	"reflect"
	"slices"
	"testing"
)

// A Framework given out is a copy: changing it leaves the table as it was.
func TestFrameworkByKey(t *testing.T) {
	for _, key := range frameworkKeys {
		t.Run(key, func(t *testing.T) {
			f, ok := FrameworkByKey(key)
			if !ok || f.Name == "" || len(f.Scale) == 0 {
				t.Fatalf("FrameworkByKey(%q) = %+v, %v", key, f, ok)
			}
			want := slices.Clone(f.Scale)
			f.Scale[0] = "changed"
			f.Categories = append(f.Categories[:0], "changed")
			again, _ := FrameworkByKey(key)
			if !slices.Equal(again.Scale, want) || again.Categories[0] != "none" {
				t.Errorf("changing a Framework given out changed the table: %+v", again)
			}
		})
	}
	if _, ok := FrameworkByKey("1990"); ok {
		t.Error("FrameworkByKey found a framework that does not exist")
	}
}

func TestActionStatuses(t *testing.T) {
	got := ActionStatuses()
	if !slices.Equal(got, actionStatuses) {
		t.Fatalf("ActionStatuses() = %q, want %q", got, actionStatuses)
	}
	got[0] = "changed"
	if actionStatuses[0] != "not-started" {
		t.Error("changing what ActionStatuses gave out changed the table")
	}
}

// The table of the format's fields holds every struct type a file's YAML
// holds, each as scanFields reads it.
func TestFormatFields(t *testing.T) {
	for _, v := range []any{
		SiteConfig{}, Organisation{}, PageFront{}, UpdateFront{},
		School{}, PSA{}, Inspection{}, Judgement{}, Area{}, Milestone{},
		ActionPlan{}, PlanArea{}, Action{}, Measure{}, Point{},
		Meeting{}, Repeat{}, ViewsGathering{}, Question{}, Theme{},
	} {
		typ := reflect.TypeOf(v)
		t.Run(typ.Name(), func(t *testing.T) {
			sf, ok := formatFields[typ]
			if !ok {
				t.Fatal("not in the table")
			}
			fields, meta := scanFields(typ)
			if !slices.Equal(sf.fields, fields) || sf.meta != meta {
				t.Errorf("table has %+v %d, scanFields %+v %d", sf.fields, sf.meta, fields, meta)
			}
		})
	}
	for _, scalarType := range []reflect.Type{reflect.TypeFor[Date](), reflect.TypeFor[DateTime]()} {
		if _, ok := formatFields[scalarType]; ok {
			t.Errorf("%s, which parses its own text, is in the table", scalarType)
		}
	}
}
