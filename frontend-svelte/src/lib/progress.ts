/** One progress update of a job, as pushed by jobProgress/myJobs. */
export interface Progress {
  jobId: string;
  status: Status;
  stage?: string | null;
  progress?: number | null;
  queuePosition?: number | null;
  etaSeconds?: number | null;
  provider?: string | null;
  message?: string | null;
}

export type Status = 'QUEUED' | 'ENHANCING' | 'GENERATING' | 'STORING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** The lifecycle order: the service's JobStatus declaration order (progress.test.ts checks the two agree). */
export const ORDER: Status[] = ['QUEUED', 'ENHANCING', 'GENERATING', 'STORING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

export function terminal(status: Status): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}

/** The newer of two updates: a bar never moves backwards, and nothing follows a terminal state. */
export function merge(current: Progress | null, update: Progress): Progress {
  if (!current || current.jobId !== update.jobId) {
    return update;
  }
  if (terminal(current.status)) {
    return current;
  }
  const later = ORDER.indexOf(update.status) > ORDER.indexOf(current.status);
  const further = (update.progress ?? 0) >= (current.progress ?? 0);
  if (terminal(update.status) || later || (update.status === current.status && further)) {
    return { ...update, progress: Math.max(update.progress ?? 0, current.progress ?? 0) };
  }
  return current;
}

/** "about 12 s", "about 3 min" */
export function eta(seconds: number | null | undefined): string {
  if (seconds == null) {
    return '';
  }
  return seconds < 90 ? `about ${Math.max(1, Math.round(seconds))} s` : `about ${Math.round(seconds / 60)} min`;
}
