package register

// Creating a register: the files every register has, written into a
// folder that may hold some of them already.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// AddSkeleton adds to a new register's files those every register has: its
// .gitignore and .gitattributes (naming the merge driver, turned on with
// mergeDriverConfig), a .gitkeep in each kind's folder, and the editors'
// schemas.
func AddSkeleton(files map[string][]byte, mergeDriverConfig string) {
	files[".gitignore"] = []byte(strings.Join(Ignored, "\n") + "\n")
	files[".gitattributes"] = []byte("# itrack merges asset files event by event; turn it on in each clone with\n#   " + mergeDriverConfig + "\n" +
		"assets/**/*.yaml merge=itrack\npeople/*.yaml merge=itrack\n")
	for _, k := range asset.Kinds {
		files["assets/"+k.Folder()+"/.gitkeep"] = nil
	}
	for rel, data := range EditorFiles() {
		files[rel] = data
	}
}

// Create writes a new register's files into dir, all or nothing, keeping
// what dir holds already (see keepExisting); it returns the editor
// settings it kept. It takes no lock: there is no register there yet for
// another itrack to change.
func Create(dir string, files map[string][]byte) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, unwrapPath(err)
	}
	reg := &Register{Root: dir}
	kept, err := keepExisting(reg, files)
	if err != nil {
		return nil, err
	}
	order := make([]string, 0, len(files))
	for rel := range files {
		order = append(order, rel)
	}
	sort.Strings(order)
	if err := reg.WriteBatch(files, order); err != nil {
		return nil, fmt.Errorf("%v: nothing was written", err)
	}
	return kept, nil
}

// keepExisting changes files so that init keeps what dir already holds: a
// .gitignore or .gitattributes gets the lines itrack needs appended, and
// the editor's settings are left alone (kept lists those that matter).
func keepExisting(reg *Register, files map[string][]byte) ([]string, error) {
	var kept []string
	for _, rel := range []string{".gitignore", ".gitattributes", ".vscode/settings.json", ".vscode/extensions.json"} {
		old, err := reg.ReadFile(rel)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		switch rel {
		case ".vscode/settings.json":
			delete(files, rel)
			kept = append(kept, rel)
		case ".vscode/extensions.json":
			delete(files, rel)
		default:
			files[rel] = appendMissing(old, files[rel])
		}
	}
	return kept, nil
}

// appendMissing returns old with add appended, unless old holds every line
// of add that is not a comment already.
func appendMissing(old, add []byte) []byte {
	have := map[string]bool{}
	for _, line := range strings.Split(string(old), "\n") {
		have[strings.TrimSpace(line)] = true
	}
	missing := false
	for _, line := range strings.Split(string(add), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") && !have[line] {
			missing = true
		}
	}
	if !missing {
		return old
	}
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		old = append(old, '\n')
	}
	return append(old, add...)
}
