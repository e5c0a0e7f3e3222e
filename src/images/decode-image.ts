import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { MAX_IMAGE_AREA } from "./image-options.ts";

// The decoder runs in a worker thread because sharp is asynchronous and the check runs inside synchronous
// Markdown rendering: the caller blocks on Atomics.wait until the worker answers on a message port, which it
// then reads with receiveMessageOnPort. The worker is plain CommonJS given as text, so it needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { Writable } = require("node:stream");
const { pipeline } = require("node:stream/promises");
const sharp = require(workerData.sharp);
// Decoded pixels are only looked at by the decoder itself: each chunk is let go as it comes, so memory stays a few
// strips whatever the picture's size.
const discard = () => new Writable({ write(_chunk, _encoding, done) { done(); } });
parentPort.on("message", async ({ file, port, signal, limit }) => {
  let answer;
  try {
    // Every pixel is decoded to raw output, so a file cut short or corrupt anywhere fails; failOn "error" stops at
    // the first damage. (stats() decoded as much but also computed entropy and sharpness: about 12 times the time.)
    await pipeline(sharp(file, { failOn: "error", limitInputPixels: limit, sequentialRead: true }).raw(), discard());
    answer = { ok: true };
  } catch (error) {
    answer = { ok: false, message: String((error && error.message) || error) };
  }
  port.postMessage(answer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/** Longer than any sane picture takes to decode on a busy machine. */
const DECODE_TIMEOUT_MS = 120_000;

let worker: Worker | undefined;
function decoder(): Worker {
  if (!worker) {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sharp: createRequire(import.meta.url).resolve("sharp") } });
    // It must never keep a finished build or check alive.
    worker.unref();
    worker.on("exit", () => (worker = undefined));
  }
  return worker;
}

// Decoding is the slow part of checking a picture: each file's verdict is kept by a hash of its bytes for the
// life of the process (the content cache keeps the result of the file that shows it across processes).
const verdicts = new Map<string, string | undefined>();

/** The editor's reason for a decoder's error. */
function verdictOf(message: string): string {
  if (/pixel limit/i.test(message)) return `has more than ${MAX_IMAGE_AREA / 1_000_000} million pixels: resize it (2400 pixels wide is plenty)`;
  // sharp's prebuilt libvips has no HEVC decoder, so a phone's HEIC photo is readable but not decodable.
  if (/unsupported/i.test(message)) return "is in a variant of its format that cannot be decoded here (HEIC photos from phones often are): save it as JPEG or PNG";
  return "is damaged or incomplete: export it again";
}

/**
 * Decodes a raster image completely, with sharp, and says what is wrong with it in the editor's words, or
 * undefined when every pixel decoded. A file cut short (a header that says 2000x2000 and half the data, which
 * eleventy-img would publish as black), a corrupt one, or one beyond MAX_IMAGE_AREA pixels is refused.
 */
export function decodeProblem(file: string): string | undefined {
  const key = createHash("sha256").update(readFileSync(file)).digest("hex");
  if (verdicts.has(key)) return verdicts.get(key);
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  try {
    decoder().postMessage({ file, port: port2, signal, limit: MAX_IMAGE_AREA }, [port2]);
    const waited = Atomics.wait(signal, 0, 0, DECODE_TIMEOUT_MS);
    const answer = receiveMessageOnPort(port1)?.message as { ok: boolean; message?: string } | undefined;
    // A timeout is not remembered: the machine may only have been busy.
    if (waited === "timed-out" || !answer) return `could not be decoded within ${DECODE_TIMEOUT_MS / 1000} seconds: export it again, smaller`;
    const verdict = answer.ok ? undefined : verdictOf(answer.message ?? "");
    verdicts.set(key, verdict);
    return verdict;
  } finally {
    port1.close();
  }
}
