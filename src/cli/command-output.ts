/**
 * Where a command prints: the terminal (stdout for `out`, stderr for `err`), or a test's buffers when the command
 * runs in the test's own process. Each call is one message, printed as console.log and console.error print it.
 */
export interface CommandOutput {
  out(message: string): void;
  err(message: string): void;
}

/** The terminal: what `npm run ...` prints. */
export const TERMINAL: CommandOutput = {
  out: (message) => console.log(message),
  err: (message) => console.error(message),
};
