import { describe, expect, it } from 'vitest';
import { plainWords } from './errors';

describe('plainWords', () => {
  it('says what a code means, with the service message as the detail', () => {
    expect(plainWords('BUDGET_EXCEEDED', '$0.02 remains')).toBe('This would go over your budget: $0.02 remains');
    expect(plainWords('CONTENT_POLICY', null)).toContain('content policy');
  });

  it('never shows internal details or unknown codes raw', () => {
    expect(plainWords('INTERNAL', 'reference ab12cd34')).toBe('Something went wrong on our side.');
    expect(plainWords('WEIRD_CODE', '{"json": true}')).not.toContain('json');
  });
});
