package cli_test

import "flag"

var update = flag.Bool("update", false, "rewrite golden files and the expected output in test scripts")
