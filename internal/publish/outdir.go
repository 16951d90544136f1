package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ManifestName is the file that every build writes into the output folder
// (what the build was made from, so that the next one can reuse its files).
// Its presence is also how CheckOut knows that a folder is a built site that
// may be replaced. Netlify does not publish files whose names start with a dot.
const ManifestName = ".parentpages-manifest.json"

// CheckOut refuses an output folder whose replacement would destroy
// something other than a site that parentpages built: the content folder or
// a folder holding it, a folder inside the content, the root or the home
// folder, and anything that exists, is not empty and has no manifest (a
// plain file never has one). A missing or empty folder is fine. Paths are
// compared as the file system sees them, through symbolic links, so that
// an alias of the output folder cannot hide the content inside it.
func CheckOut(contentDir, out string) error {
	c, err := resolve(contentDir)
	if err != nil {
		return err
	}
	o, err := resolve(out)
	if err != nil {
		return err
	}
	home, _ := os.UserHomeDir()
	switch {
	case within(c, o):
		return fmt.Errorf("the output folder %s holds the content folder %s, which the built site would replace: choose another --out, such as public beside the content folder", out, contentDir)
	case within(o, c):
		return fmt.Errorf("the output folder %s is inside the content folder %s: choose an --out outside it, such as public beside the content folder", out, contentDir)
	case o == filepath.Dir(o) || (home != "" && sameFile(o, home)):
		return fmt.Errorf("refusing to replace %s with the built site: choose an --out of its own, such as public", out)
	}
	return checkReplaceable(out)
}

// checkReplaceable refuses an existing out that is not an empty folder or
// a site that parentpages built.
func checkReplaceable(out string) error {
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("the output folder %s is a symbolic link, which the build would replace with a folder: give the folder it points to as --out, or choose another --out", out)
	case !info.IsDir():
		return fmt.Errorf("the output folder %s is a file, not a folder, and the build would replace it: remove it or choose another --out", out)
	}
	if m, err := os.Lstat(filepath.Join(out, ManifestName)); err == nil && m.Mode().IsRegular() {
		return nil
	}
	empty, err := emptyDir(out)
	if err != nil {
		return err
	}
	if !empty {
		return fmt.Errorf("the output folder %s is not empty and was not written by parentpages (it has no %s), so the build would destroy what is in it: remove it or choose another --out", out, ManifestName)
	}
	return nil
}

func emptyDir(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if err == io.EOF {
		return true, nil
	}
	return false, err
}

// resolve returns the absolute path of p with every symbolic link in it
// resolved. For a p that does not exist yet, the longest prefix that does is
// resolved and the rest is joined on, as the folders would be made.
func resolve(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		r, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", err
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// within reports whether the resolved path a is dir or inside it. Each of
// a's folders is compared with dir as a file, not as a string, so that a
// name such as "..x" is not taken for a parent and a file system that
// ignores case or a folder mounted twice cannot hide that they are the same.
func within(a, dir string) bool {
	for {
		if sameFile(a, dir) {
			return true
		}
		parent := filepath.Dir(a)
		if parent == a {
			return false
		}
		a = parent
	}
}

func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}
