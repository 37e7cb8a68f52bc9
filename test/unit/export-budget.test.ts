import { describe, expect, it } from 'vitest';
import { Gone, RenderFailed } from '../../server/follow-through/export-thread.ts';
import { ExportBudget } from '../../server/http/export-budget.ts';
import type { Member } from '../../shared/roles.ts';

const member = (id: string): Member => ({
  id,
  boardId: 'board',
  name: id,
  role: 'participant',
  color: '#1f6feb',
});
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const built = async () => ({ result: 'file', ms: 1 });

// 30 ms at once and next to nothing after: an export charged 30 ms or more leaves none.
const budget = () => new ExportBudget(0.001, 30);

describe('what a failed export is charged', () => {
  it('what the export thread spent on it, not the wait behind another member', async () => {
    const exports = budget();
    const waited = exports.spend(member('a'), async () => {
      await wait(60);
      throw new RenderFailed('the export thread stopped', 0);
    });
    await expect(waited).rejects.toThrow(RenderFailed);
    await expect(exports.spend(member('a'), built)).resolves.toBe('file');
  });

  it('what the thread spent finding a snapshot gone, not the wait for the thread to start', async () => {
    const exports = budget();
    const gone = exports.spend(member('d'), async () => {
      await wait(60);
      throw new Gone('snapshot', 1);
    });
    await expect(gone).rejects.toMatchObject({ status: 404, code: 'snapshot_not_found' });
    await expect(exports.spend(member('d'), built)).resolves.toBe('file');
  });

  it('all of it when the thread spent it on this export', async () => {
    const exports = budget();
    const culprit = exports.spend(member('b'), async () => {
      throw new RenderFailed('it rendered nothing for 30 s and was stopped', 30_000);
    });
    await expect(culprit).rejects.toThrow(RenderFailed);
    await expect(exports.spend(member('b'), built)).rejects.toThrow(/try again in \d+ s/);
  });

  it('the time until it failed, when nothing says otherwise', async () => {
    const exports = budget();
    const failed = exports.spend(member('c'), async () => {
      await wait(60);
      throw new Error('the board could not be read');
    });
    await expect(failed).rejects.toThrow('the board could not be read');
    await expect(exports.spend(member('c'), built)).rejects.toThrow(/try again in \d+ s/);
  });
});
