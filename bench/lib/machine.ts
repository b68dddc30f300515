// A description of the machine a benchmark ran on, printed with every table.
import os from 'node:os';

export function describeMachine(): string {
  const cpus = os.cpus();
  return [
    `CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    `memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `Node ${process.version}`,
  ].join(' · ');
}
