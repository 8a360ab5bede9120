import type { z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE, PROBLEMS } from '../http/problem.js';
import { ProblemSchema } from '../schemas/outputs.js';

type ProblemStatus = (typeof PROBLEMS)[keyof typeof PROBLEMS]['status'];

interface ProblemResponse {
  description: string;
  content: { 'application/problem+json': { schema: typeof ProblemSchema } };
}

/**
 * OpenAPI `responses` entries for the given error statuses, each an RFC 9457 problem whose
 * description lists the problem types that status can carry.
 */
export function problemResponses<S extends ProblemStatus>(
  ...statuses: S[]
): Record<S, ProblemResponse> {
  const entries = statuses.map((status): [S, ProblemResponse] => {
    const slugs = Object.entries(PROBLEMS)
      .filter(([, p]) => p.status === status)
      .map(([slug, p]) => `${slug} (${p.title})`);
    return [
      status,
      {
        description: `Problem details: ${slugs.join('; ')}.`,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      },
    ];
  });
  return Object.fromEntries(entries) as Record<S, ProblemResponse>;
}

/** A JSON `200` response entry. */
export function jsonOk<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { 'application/json': { schema } } } };
}
