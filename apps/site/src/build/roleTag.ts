/**
 * The tag a table row's name carries for a model that is not a forecaster: the lesson's
 * reproduction, served to show what the lesson's protocol gives, not for use.
 */
import type { ModelRole } from '@gatecast/core';
import { ROLE_LABELS } from '../shared/modelLabel.js';

/** `<span class="tag tag-lesson">lesson reproduction</span>`, or nothing for a forecaster. */
export function roleTag(role: ModelRole): string {
  return role === 'lesson-reproduction'
    ? ` <span class="tag tag-lesson" data-role="${role}">${ROLE_LABELS[role]}</span>`
    : '';
}
