import { readMeta, writeMeta } from "../../storage/meta.ts";
import type { Store } from "../../storage/store.ts";
import type { DeploymentUrls, EnvironmentSource } from "./environment-source.ts";
import type { Registry } from "../functions/registry.ts";

/** The deployment's environment variables, and what each component sees of them. */
export class Environment implements EnvironmentSource {
  private readonly store: Store;
  private readonly registry: Registry;
  private readonly urls: DeploymentUrls;
  private env: Record<string, string>;

  constructor(store: Store, registry: Registry, urls: DeploymentUrls) {
    this.store = store;
    this.registry = registry;
    this.urls = urls;
    const env = readMeta(store.db, "env");
    this.env = env ? (JSON.parse(env) as Record<string, string>) : {};
  }

  /** The deployment's env vars for the app; a component sees only what `app.use` passed it. */
  environmentVariables(component = ""): Record<string, string> {
    // Like Convex, the deployment's own URLs are always set for the app.
    if (component === "")
      return {
        ...this.env,
        CONVEX_CLOUD_URL: this.urls.origin,
        CONVEX_SITE_URL: this.urls.siteOrigin,
      };
    const node = this.registry.componentNode(component);
    if (!node) return {};
    const parent = component.includes("/") ? component.slice(0, component.lastIndexOf("/")) : "";
    const parentEnv = Object.values(node.env ?? {}).some((b) => "parentVar" in b)
      ? this.environmentVariables(parent)
      : {};
    const out: Record<string, string> = {};
    for (const [key, binding] of Object.entries(node.env ?? {})) {
      const value = "value" in binding ? binding.value : parentEnv[binding.parentVar];
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  /** Only the variables set on the deployment, without the built-in URLs. */
  stored(): Record<string, string> {
    return this.env;
  }

  async set(changes: Array<{ name: string; value: string | null }>): Promise<void> {
    const next = { ...this.env };
    for (const { name, value } of changes) {
      if (value === null) delete next[name];
      else next[name] = value;
    }
    writeMeta(this.store.db, "env", JSON.stringify(next));
    this.store.flush();
    this.env = next;
    // `auth.config.ts` reads env vars, so its providers change with them.
    await this.registry.modulesFor("")?.loadAuthConfig();
  }
}
