import { generateAdminKey } from "../src/auth/admin-key.ts";
import { Backend } from "../src/runtime/backend.ts";
import { startServer, type RunningServer } from "../src/server/server.ts";
import { fixtureDir, tempDir } from "./helpers.ts";

export type Harness = {
  backend: Backend;
  server: RunningServer;
  adminKey: string;
  stop(): Promise<void>;
};

const INSTANCE_SECRET = "4361726e697461732c206c69746572616c6c79206d65616e696e6720226c6974";

/** The real server on random ports, serving a fixture project from a temp data dir. */
export async function startHarness(fixture: string): Promise<Harness> {
  const tmp = tempDir();
  const backend = new Backend({ dataDir: tmp.dir, instanceName: "convex-local-test" });
  await backend.deploy(fixtureDir(fixture));
  const server = await startServer({
    backend,
    port: 0,
    sitePort: 0,
    instanceSecret: INSTANCE_SECRET,
  });
  return {
    backend,
    server,
    adminKey: generateAdminKey("convex-local-test", INSTANCE_SECRET),
    stop: async () => {
      await server.close();
      backend.close();
      tmp.cleanup();
    },
  };
}
