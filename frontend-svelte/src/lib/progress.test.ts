import { describe, expect, it } from 'vitest';
import { eta, merge, ORDER, type Progress } from './progress';
import javaStatus from '../../../src/main/java/dev/atelier/job/JobStatus.java?raw';

const at = (status: Progress['status'], progress: number): Progress => ({ jobId: 'j1', status, progress });

describe('merge', () => {
  it('moves forward through the stages', () => {
    expect(merge(at('QUEUED', 0), at('GENERATING', 0.3))).toMatchObject({ status: 'GENERATING', progress: 0.3 });
  });

  it('never moves the bar backwards', () => {
    const late = merge(at('GENERATING', 0.6), at('GENERATING', 0.4));
    expect(late.progress).toBe(0.6);
    expect(merge(at('GENERATING', 0.6), at('ENHANCING', 0.05)).status).toBe('GENERATING');
  });

  it('keeps a terminal state', () => {
    expect(merge(at('SUCCEEDED', 1), at('GENERATING', 0.5)).status).toBe('SUCCEEDED');
    expect(merge(at('GENERATING', 0.7), at('FAILED', 0)).status).toBe('FAILED');
  });

  it('starts over for another job', () => {
    expect(merge(at('SUCCEEDED', 1), { jobId: 'j2', status: 'QUEUED', progress: 0 }).jobId).toBe('j2');
  });
});

describe('eta', () => {
  it('speaks in seconds, then minutes', () => {
    expect(eta(12.4)).toBe('about 12 s');
    expect(eta(200)).toBe('about 3 min');
    expect(eta(null)).toBe('');
  });
});

describe('ORDER', () => {
  it("is the service's JobStatus declaration order (the one source of the lifecycle order)", () => {
    const declared = /enum JobStatus \{\s*([A-Z_,\s]+);/.exec(javaStatus)?.[1].split(',').map((s) => s.trim());
    expect(ORDER).toEqual(declared);
  });
});
