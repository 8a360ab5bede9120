/**
 * The two fields every registry file starts with: `format` names the file, `formatVersion` the
 * registry format. Both are literals, first in each file's shape, so a file of another kind or
 * version is refused with that as its first issue (before any field it may have added or dropped).
 */
import { z } from 'zod';
import { REGISTRY_FORMAT_VERSION } from '../constants.js';

/** Shape of a registry file's header, for `format` (e.g. `gatecast-registry`). */
export function formatHeader<F extends string>(format: F) {
  return {
    format: z.literal(format, {
      error: (issue) => `must be ${JSON.stringify(format)}, not ${JSON.stringify(issue.input)}`,
    }),
    formatVersion: z.literal(REGISTRY_FORMAT_VERSION, {
      error: (issue) =>
        `version ${JSON.stringify(issue.input)} is not supported (this reader knows ${REGISTRY_FORMAT_VERSION})`,
    }),
  };
}
