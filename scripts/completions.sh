#!/bin/sh
# Writes the shell completion scripts and man pages that release archives
# carry (goreleaser runs it before building).
set -eu
rm -rf completions manpages
mkdir -p completions
for sh in bash zsh fish powershell; do
	go run ./cmd/itrack completion "$sh" >"completions/itrack.$sh"
done
go run ./cmd/itrack man manpages
