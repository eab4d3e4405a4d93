import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CategoryChoiceSchema, POLICY_CATEGORIES, describeCategory } from '@/lib/policy';

const policyText = readFileSync(
  new URL('../../../docs/policy/parental-social-media-policy.md', import.meta.url),
  'utf8',
);

describe('policy categories', () => {
  it('lists the policy’s eight examples and Other', () => {
    expect(POLICY_CATEGORIES).toHaveLength(9);
    expect(POLICY_CATEGORIES.at(-1)?.id).toBe('other');
    expect(new Set(POLICY_CATEGORIES.map((c) => c.id)).size).toBe(9);
  });

  it('quotes each example word for word from the policy', () => {
    for (const category of POLICY_CATEGORIES.slice(0, 8)) {
      expect(policyText, category.id).toContain(`- ${category.policyWording}`);
    }
  });

  it('requires a description for Other', () => {
    expect(CategoryChoiceSchema.safeParse({ id: 'other' }).success).toBe(false);
    expect(CategoryChoiceSchema.safeParse({ id: 'other', otherDescription: 'Doxxing' }).success).toBe(true);
    expect(describeCategory({ id: 'other', otherDescription: 'Doxxing' })).toBe('Other: Doxxing');
  });

  it('rejects unknown categories', () => {
    expect(CategoryChoiceSchema.safeParse({ id: 'gossip' }).success).toBe(false);
  });
});
