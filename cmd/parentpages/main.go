package main
import (
 _ "github.com/yuin/goldmark"
 _ "github.com/fsnotify/fsnotify"
 _ "gopkg.in/yaml.v3"
 _ "github.com/tdewolff/minify/v2"
)
func main(){}
