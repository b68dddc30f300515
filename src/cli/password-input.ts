// Reads a password without putting it on the command line (where `ps` would show it):
// from standard input when it is piped, else by prompting on the terminal without echo.
import readline from 'node:readline';

export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  let muted = false;
  output._writeToOutput = (text) => {
    if (!muted || text.includes('\n')) process.stdout.write(muted ? '\n' : text);
  };
  try {
    return await new Promise<string>((resolve) => {
      rl.question(prompt, resolve);
      muted = true;
    });
  } finally {
    rl.close();
  }
}
