/**
 * A serial or USB printer stand-in: a pseudo-terminal whose far end is
 * relayed to the virtual printer on 127.0.0.1. The pty slave is a real
 * character device (/dev/pts/N), so serialport and the device-file transport
 * run their real code on it. Python's pty module opens it (Node cannot).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

const RELAY = `
import os, pty, select, socket, sys, tty
master, slave = pty.openpty()
tty.setraw(slave)
tty.setraw(master)
print(os.ttyname(slave), flush=True)
peer = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
while True:
    ready, _, _ = select.select([master, peer, sys.stdin], [], [])
    if sys.stdin in ready and not sys.stdin.buffer.read1(1):
        break
    if master in ready:
        try:
            data = os.read(master, 65536)
        except OSError:
            data = b''
        if data:
            peer.sendall(data)
    if peer in ready:
        data = peer.recv(65536)
        if not data:
            break
        os.write(master, data)
`;

export const hasPython = spawnSync('python3', ['--version']).status === 0;

export interface PtyPrinter {
  /** The device path, e.g. /dev/pts/5. */
  path: string;
  close(): Promise<void>;
}

export async function startPtyPrinter(port: number): Promise<PtyPrinter> {
  const relay: ChildProcess = spawn('python3', ['-c', RELAY, String(port)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: relay.stdout as NodeJS.ReadableStream });
  const path = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('pty relay did not start within 5 s')), 5000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    relay.once('exit', (code) => reject(new Error(`pty relay exited (${code})`)));
  });
  return {
    path,
    close: () =>
      new Promise((resolve) => {
        if (relay.exitCode !== null) return resolve();
        relay.once('exit', () => resolve());
        relay.stdin?.end();
        setTimeout(() => relay.kill('SIGKILL'), 2000).unref();
      }),
  };
}
