import { describe, expect, it, vi } from 'vitest';
import { JobControl } from '../../web/src/worker/job-control.ts';

describe('JobControl', () => {
  it('passes checkpoints while running', async () => {
    const control = new JobControl();
    await expect(control.checkpoint()).resolves.toBeUndefined();
  });

  it('parks a job while paused and lets it go on resume', async () => {
    const control = new JobControl();
    control.pause();
    let passed = false;
    const waiting = control.checkpoint().then(() => (passed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(passed).toBe(false);
    control.resume();
    await waiting;
    expect(passed).toBe(true);
  });

  it('says once per pause that the job has parked, only when it has', async () => {
    let parks = 0;
    const control = new JobControl(() => parks++);
    await control.checkpoint();
    expect(parks).toBe(0);
    control.pause();
    expect(parks).toBe(0); // asked, not yet parked: the job is between checkpoints
    const waiting = control.checkpoint();
    await vi.waitFor(() => expect(parks).toBe(1));
    control.resume();
    await waiting;
    await control.checkpoint();
    expect(parks).toBe(1);
  });

  it('throws an aborted error at the next checkpoint once cancelled, even while paused', async () => {
    const control = new JobControl();
    control.pause();
    const waiting = control.checkpoint();
    control.cancel();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    expect(control.signal.aborted).toBe(true);
  });
});
