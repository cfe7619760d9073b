import type { Server } from "node:http";

/**
 * Stops a test server at once. `close()` alone waits for every open connection to end, and the
 * browser keeps its keep-alive connections until it exits (38 s of a journey's teardown).
 */
export function closeServer(server: Server) {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
