// Serves demo.html without the rest of local mode, through the same static server `pnpm start` uses.
import { serveStatic } from "../../../scripts/lib/static-server.mjs";

const port = Number(process.env.ECHO_DEMO_PORT ?? 3002);
await serveStatic(new URL("..", import.meta.url).pathname, { port, index: "demo.html" });
console.info(`Echo embed demo: http://localhost:${port}/`);
