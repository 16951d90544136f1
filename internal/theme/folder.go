package theme

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
)

// Limits on what a theme folder may hold: a theme is templates,
// stylesheets, fonts and images, far below these. They keep a file that
// is huge by mistake (or on purpose) from filling the memory.
const (
	maxFileSize  = 16 << 20
	maxTotalSize = 64 << 20
)

// Folder returns the site's theme folder that the `theme` setting names,
// with symbolic links resolved: a folder inside the one that holds the
// content folder (the theme folder may itself be a link, to a folder
// there), apart from the content folder. It returns "" for no setting; its
// errors are messages about the setting.
func Folder(contentDir, setting string) (string, error) {
	if setting == "" {
		return "", nil
	}
	if strings.HasPrefix(setting, "/") || filepath.IsAbs(setting) || strings.Contains(setting, `\`) ||
		slices.Contains(strings.Split(setting, "/"), "..") {
		// The same words as the content's check of site.yaml, so that the
		// two reports of one mistake are printed once.
		return "", fmt.Errorf("`theme` is %q; write a folder beside content/, such as themes/riverside, without .. or a leading /", setting)
	}
	contentAbs, err := filepath.Abs(contentDir)
	if err != nil {
		return "", fmt.Errorf("`theme` is %q, but the content folder's place is not known: %v", setting, err)
	}
	holder := filepath.Dir(contentAbs)
	dir, err := filepath.EvalSymlinks(filepath.Join(holder, filepath.FromSlash(setting)))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("`theme` is %q, but there is no such folder beside the content folder", setting)
		}
		return "", fmt.Errorf("`theme` is %q, but that folder cannot be read: %v", setting, unwrap(err))
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", fmt.Errorf("`theme` is %q, which is not a folder; name the folder that holds the theme's templates/ and assets/", setting)
	}
	realHolder, err := filepath.EvalSymlinks(holder)
	if err != nil {
		return "", fmt.Errorf("`theme` is %q, but the folder that holds the content folder cannot be read: %v", setting, unwrap(err))
	}
	if dir == realHolder || !within(dir, realHolder) {
		return "", fmt.Errorf("`theme` is %q, which leads to %s, outside %s (the folder that holds the content folder); a theme folder must be inside it: replace the link with the folder itself", setting, dir, realHolder)
	}
	if realContent, err := filepath.EvalSymlinks(contentAbs); err == nil && (within(realContent, dir) || within(dir, realContent)) {
		return "", fmt.Errorf("`theme` is %q, which holds or is inside the content folder; give the theme a folder of its own beside it, such as themes/riverside", setting)
	}
	return dir, nil
}

// within reports whether path p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readFolder reads every file of a site's theme folder into memory, by
// the content's rules: hidden files and editors' backups are left out;
// symbolic links, pipes and devices are refused, never opened. setting
// names the folder in the diagnostics.
func readFolder(dir, setting string) (memFS, content.Diagnostics) {
	var ds content.Diagnostics
	files := map[string][]byte{}
	root, err := os.OpenRoot(dir)
	if err != nil {
		ds.Errorf(setting, content.Pos{}, "cannot read the theme folder: %v", unwrap(err))
		return newMemFS(files), ds
	}
	defer root.Close()
	total := 0
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		name := setting + "/" + p
		switch {
		case err != nil:
			ds.Errorf(name, content.Pos{}, "cannot read this: %v", unwrap(err))
			return nil
		case p == ".":
			return nil
		case strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(d.Name(), "~"):
			// Not the theme's: .git, .DS_Store, an editor's swap file.
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			ds.Errorf(name, content.Pos{}, "symbolic links are not allowed in a theme folder: replace the link with the file itself")
			return nil
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			ds.Errorf(name, content.Pos{}, "this is not a regular file or folder; remove it")
			return nil
		}
		b, err := readRegular(root, p)
		switch {
		case err != nil:
			ds.Errorf(name, content.Pos{}, "%v", err)
		case total+len(b) > maxTotalSize:
			ds.Errorf(name, content.Pos{}, "the theme folder holds more than the %d bytes allowed; a theme is templates, stylesheets, fonts and images: keep other files elsewhere", maxTotalSize)
			return fs.SkipAll
		default:
			total += len(b)
			files[p] = b
		}
		return nil
	})
	if err != nil {
		ds.Errorf(setting, content.Pos{}, "cannot read the theme folder: %v", unwrap(err))
	}
	return newMemFS(files), ds
}

// readRegular reads a file that was listed as a regular file, checking
// that it still is one once opened: the folder may change while it is
// read, and a pipe or device opened by mistake would hang the build or
// never end. The open does not wait for a pipe's writer.
func readRegular(root *os.Root, p string) ([]byte, error) {
	f, err := root.OpenFile(p, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read this file: %v", unwrap(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read this file: %v", unwrap(err))
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("this is not a regular file; remove it")
	}
	if st.Size() > maxFileSize {
		return nil, fmt.Errorf("file is %d bytes, more than the %d allowed in a theme; make it smaller", st.Size(), maxFileSize)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read this file: %v", unwrap(err))
	}
	if len(b) > maxFileSize {
		return nil, fmt.Errorf("file is more than the %d bytes allowed in a theme; make it smaller", maxFileSize)
	}
	return b, nil
}
