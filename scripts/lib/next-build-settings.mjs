/**
 * Turbopack settings for a production build in CI, where the build runs once on a fresh clone:
 * its filesystem cache is written but never read again (turbo caches the output itself), and the
 * server source maps are read by nothing (`next start` runs without --enable-source-maps). Both
 * stay on for local and deployment builds.
 */
export function ciBuildExperimental(productionBuild, env = process.env) {
  if (!productionBuild || !env.CI) return {};
  return { turbopackFileSystemCacheForBuild: false, turbopackSourceMaps: false };
}
