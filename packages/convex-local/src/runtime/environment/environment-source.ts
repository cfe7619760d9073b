/** The environment variables a component's functions see in `process.env`. */
export interface EnvironmentSource {
  environmentVariables(component: string): Record<string, string>;
}

/** The deployment's own URLs, known once the server listens. */
export type DeploymentUrls = { origin: string; siteOrigin: string };
