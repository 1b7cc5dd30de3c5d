import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api } from '../support/api-client';
import { startTestStack } from '../support/local-stack';

/** The test stacks themselves: ports they bind, processes they leave (none), clocks they pin. */
const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // a killed process whose parent is gone may linger as a zombie until init reaps it: it runs nothing
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
};

/** The processes of a group that still run (a zombie, killed but not yet reaped by init, runs nothing). */
const runningInGroup = (pgid: number) =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      let stat = '';
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        return false; // gone meanwhile
      }
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ')'
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z';
    });

describe('test stacks', () => {
  it('start side by side on ports they bind themselves, and leave no process behind', async () => {
    const stacks = await Promise.all([startTestStack(), startTestStack(), startTestStack()]);
    try {
      const ports = stacks.flatMap((s) => [s.url, s.endpoints.dynamodb, s.endpoints.s3, s.endpoints.ses]);
      expect(new Set(ports).size).toBe(ports.length);
      for (const s of stacks) {
        expect((await fetch(`${s.url}/health`)).status).toBe(200);
        expect(alive(s.pids.stack) && alive(s.pids.dynamodb)).toBe(true);
      }
    } finally {
      await Promise.all(stacks.map((s) => s.dispose()));
    }
    for (const s of stacks) {
      expect(alive(s.pids.stack), 'the stack process').toBe(false);
      expect(alive(s.pids.dynamodb), 'its DynamoDB Local JVM').toBe(false);
      expect(runningInGroup(s.pids.group!), 'its process group').toEqual([]);
    }
  }, 180_000);

  it('stops the JVM of a stack that was killed outright', async () => {
    const stack = await startTestStack();
    process.kill(stack.pids.stack!, 'SIGKILL'); // no chance to stop its children
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(stack.pids.dynamodb)).toBe(true); // orphaned…
    await stack.dispose();
    for (let i = 0; i < 50 && alive(stack.pids.dynamodb); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(stack.pids.dynamodb)).toBe(false); // …and gone with the group
  }, 120_000);

  it('begins at its pinned instant whatever the day, and moves only forward', async () => {
    const stack = await startTestStack({ clockStart: '2028-02-28T10:00:00+01:00' });
    try {
      const http = api(stack.url);
      const { now } = (await http.call('GET', '/_local/clock')).json;
      expect(new Date(now).getTime() - Date.parse('2028-02-28T09:00:00Z')).toBeLessThan(60_000);
      const moved = await http.call('POST', '/_local/clock', { body: { to: '2028-02-29T23:30:00+01:00' } });
      expect(moved.status).toBe(200);
      // the clock keeps running in real time after the move: a few milliseconds at most
      expect(Date.parse(moved.json.now) - Date.parse('2028-02-29T22:30:00Z')).toBeLessThan(1000);
      expect(Date.parse(moved.json.now)).toBeGreaterThanOrEqual(Date.parse('2028-02-29T22:30:00Z'));
      const back = await http.call('POST', '/_local/clock', { body: { to: '2028-02-28T10:00:00+01:00' } });
      expect(back.status).toBe(409);
      expect(back.headers.get('content-type')).toContain('application/problem+json');
      for (const body of [{}, { to: 'demain' }, { advance: 'P1D', to: '2029-01-01T00:00:00Z' }, { to: '2029-01-01' }])
        expect((await http.call('POST', '/_local/clock', { body })).status, JSON.stringify(body)).toBe(400);
      // a restart keeps the virtual date (the stored offset wins over the pinned start)
      const restarted = await stack.restart();
      try {
        const after = (await api(restarted.url).call('GET', '/_local/clock')).json.now;
        expect(new Date(after).getTime()).toBeGreaterThanOrEqual(Date.parse('2028-02-29T22:30:00Z'));
      } finally {
        await restarted.dispose();
      }
    } finally {
      await stack.dispose().catch(() => undefined);
    }
  }, 180_000);
});
