import { GraphError, unknownPath } from './graph-error';

export const MIN_GRAPH_VERSION = 17;
export const MAX_GRAPH_VERSION = 25;

/**
 * Accept `v17.0` … `v25.0`. Older versions → 2635 (deprecated); anything else (`v99.0`, `foo`)
 * → 2500 unknown path, which is what Graph answers for a path it cannot route.
 */
export function checkGraphVersion(version: string): void {
  const match = /^v(\d+)\.0$/.exec(version);
  if (!match) throw unknownPath(`/${version}`);
  const major = Number(match[1]);
  if (major < MIN_GRAPH_VERSION) {
    throw new GraphError(2635, {
      omitErrorData: true,
      message: `(#2635) You are calling a deprecated version of the Graph API. Please update to the latest version: v${MAX_GRAPH_VERSION}.0.`,
    });
  }
  if (major > MAX_GRAPH_VERSION) throw unknownPath(`/${version}`);
}
