import { runCli } from '../../main/cli/borne-cli.js';

/** Runs `borne <args>` in-process with `input` on stdin; what it printed and its exit code. */
export async function runBorne(
  args: string[],
  input = '',
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    outBytes: () => {},
    readInput: () => Promise.resolve(input),
  });
  return { code, out, err };
}
