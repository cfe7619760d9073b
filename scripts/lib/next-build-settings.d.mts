export function ciBuildExperimental(
  productionBuild: boolean,
  env?: Record<string, string | undefined>,
): { turbopackFileSystemCacheForBuild?: boolean; turbopackSourceMaps?: boolean };
