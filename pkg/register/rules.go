package register

// The rule each error of the register is a case of, so that a command's
// refusal can name it (--format json's "rule"); docs/exit-codes.md lists
// them.

// RuleName names the rule: unknown-id.
func (e *NotFoundError) RuleName() string { return "unknown-id" }

// RuleName names the rule: invalid-record.
func (e *InvalidFileError) RuleName() string { return "invalid-record" }

// RuleName names the rule: not-regular-file.
func (e *NotRegularError) RuleName() string { return "not-regular-file" }

// RuleName names the rule: file-too-large.
func (e *TooLargeError) RuleName() string { return "file-too-large" }

// RuleName names the rule: read-only.
func (e *ReadOnlyError) RuleName() string { return "read-only" }

// RuleName names the rule: unreadable.
func (e *UnreadError) RuleName() string { return "unreadable" }
