// Reads a new password without putting it on the command line (where `ps` would show it): one
// line of standard input with --password-stdin (for scripts), else asked twice on the terminal
// without echo. With neither, the command says so at once instead of failing on an empty password.
import readline from 'node:readline';
import { Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { CommandFailure } from './failures.ts';

export type PasswordSource = 'stdin' | 'terminal';

/** Decides where the password will come from, before any work is done. */
export function passwordSource(passwordStdin: boolean, stdinIsTerminal = Boolean(process.stdin.isTTY)): PasswordSource {
  if (passwordStdin) return 'stdin';
  if (stdinIsTerminal) return 'terminal';
  throw new CommandFailure('no terminal to ask for the password: pipe it in with --password-stdin (one line)');
}

export async function readNewPassword(source: PasswordSource): Promise<string> {
  if (source === 'stdin') {
    const line = await firstLine(process.stdin);
    if (line === null) throw new CommandFailure('--password-stdin: standard input ended before a password line');
    return line;
  }
  const [first, second] = await askHidden(['New password: ', 'Repeat it: ']);
  return confirmed(first, second);
}

/** The password typed twice, when both are the same. */
export function confirmed(first: string, second: string): string {
  if (first !== second) throw new CommandFailure('the two passwords differ: nothing was changed');
  return first;
}

/** The first line of a stream without its line ending, or null when the stream is empty. */
export async function firstLine(input: Readable): Promise<string | null> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of lines) return line;
    return null;
  } finally {
    lines.close();
  }
}

/** Asks each question in turn on the terminal, echoing nothing of the answers. */
async function askHidden(questions: string[]): Promise<string[]> {
  // readline echoes what is typed to its output: give it one that lets only the prompts through.
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  rl.on('SIGINT', () => rl.close()); // Ctrl-C ends the questions like Ctrl-D does
  // The iterator keeps lines typed ahead, so an answer that arrives early is not lost.
  const lines = rl[Symbol.asyncIterator]();
  try {
    const answers: string[] = [];
    for (const question of questions) {
      muted = false;
      rl.setPrompt(question);
      rl.prompt();
      muted = true;
      const next = await lines.next();
      process.stdout.write('\n');
      if (next.done) throw new CommandFailure('no password given: nothing was changed');
      answers.push(next.value);
    }
    return answers;
  } finally {
    rl.close();
  }
}
