export type ModuleGraphProject = {
  extends: true;
  test: { name: string; include: string[]; exclude?: string[]; isolate?: boolean };
};
export function moduleGraphProjects(
  packageDir: string,
  include: string,
  changesSharedState: RegExp,
): ModuleGraphProject[];
