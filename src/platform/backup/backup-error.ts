// A backup or restore that cannot go on, for a reason the operator can act on; the message says it.
export class BackupError extends Error {}
