package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkOut refuses output folders whose replacement would destroy the
// content or something that is plainly not a built site.
func checkOut(contentDir, out string) error {
	c, err := filepath.Abs(contentDir)
	if err != nil {
		return err
	}
	o, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	within := func(a, b string) bool { // a is b or inside b
		rel, err := filepath.Rel(b, a)
		return err == nil && (rel == "." || !strings.HasPrefix(rel, ".."))
	}
	home, _ := os.UserHomeDir()
	switch {
	case within(c, o):
		return fmt.Errorf("the output folder %s holds the content folder; it would be replaced by the built site: choose another --out", out)
	case within(o, c):
		return fmt.Errorf("the output folder %s is inside the content folder; choose a folder outside it, such as public", out)
	case o == filepath.Dir(o) || (home != "" && o == home):
		return fmt.Errorf("refusing to replace %s with the built site: choose a folder of its own, such as public", out)
	}
	return nil
}
