import type { RequirementLevel } from '../requirement-lifecycle.js';

/** Demo programme only: one requirement of a demo set. */
export interface DemoRequirement {
  code: string;
  level: RequirementLevel;
  category: string;
  title: string;
  description: string;
  acceptanceCriteria: string;
}

export const req = (
  code: string,
  level: RequirementLevel,
  category: string,
  title: string,
  description: string,
  acceptanceCriteria: string,
): DemoRequirement => ({ code, level, category, title, description, acceptanceCriteria });
