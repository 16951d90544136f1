//go:build !unix

package build

import "os"

func readFile(name string) ([]byte, error) { return os.ReadFile(name) }
