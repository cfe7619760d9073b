import { generateAdminKey } from "../src/auth/admin-key.ts";
import { Backend, type BackendOptions } from "../src/runtime/backend.ts";
import { startServer, type RunningServer } from "../src/server/server.ts";
import { fixtureDir, tempDir } from "./helpers.ts";

export type Harness = {
  backend: Backend;
  server: RunningServer;
  adminKey: string;
  stop(): Promise<void>;
};

const INSTANCE_SECRET = "4361726e697461732c206c69746572616c6c79206d65616e696e6720226c6974";

const INSTANCE_NAME = "convex-local-test";

/** Loads code into the backend, then serves it on random ports. */
async function serve(
  backend: Backend,
  load: (backend: Backend) => Promise<unknown>,
): Promise<Harness & { url: string }> {
  await load(backend);
  const server = await startServer({
    backend,
    port: 0,
    sitePort: 0,
    instanceSecret: INSTANCE_SECRET,
  });
  return {
    backend,
    server,
    url: server.url,
    adminKey: generateAdminKey(INSTANCE_NAME, INSTANCE_SECRET),
    stop: async () => {
      await server.close();
      backend.close();
    },
  };
}

/** The real server on random ports, serving a fixture project from a temp data dir. */
export async function startHarness(
  fixture: string,
  options: Partial<BackendOptions> = {},
): Promise<Harness> {
  const tmp = tempDir();
  const harness = await serve(
    new Backend({ dataDir: tmp.dir, instanceName: INSTANCE_NAME, ...options }),
    (b) => b.deploy(fixtureDir(fixture)),
  );
  return {
    ...harness,
    stop: async () => {
      await harness.stop();
      tmp.cleanup();
    },
  };
}

/** A deployment with nothing pushed yet (or whatever its data dir holds), for the official CLI to push to. */
export function startDeployment(dataDir: string): Promise<Harness & { url: string }> {
  return serve(new Backend({ dataDir, instanceName: INSTANCE_NAME }), (b) =>
    b.deployment.loadDeployed(),
  );
}
