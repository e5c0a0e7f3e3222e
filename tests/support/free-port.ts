import { createServer } from "node:net";

/** A port nobody listens on, for a server a test starts (`npm start`), so parallel runs do not meet. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
