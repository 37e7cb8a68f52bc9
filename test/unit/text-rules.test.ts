/**
 * What the API takes as text (shared/text-rules.ts): lengths in UTF-16 code units, as API.md
 * says and a browser's maxlength counts, and names on one line with something to see in them,
 * a follow-up's owner and the phase as well as a member's name (operator QA).
 */
import { describe, expect, it } from 'vitest';
import { createBoardBody, joinBoardBody } from '../../shared/api.ts';
import { phaseBody } from '../../shared/facilitation.ts';
import { createFollowUpBody } from '../../shared/follow-through.ts';

const name = (text: string) => joinBoardBody.safeParse({ key: 'k', name: text });
const owner = (text: string) =>
  createFollowUpBody.safeParse({ itemId: 'n', owner: { name: text } });

describe('text the API takes', () => {
  it('counts an emoji as two, as API.md and a browser do: 30 make a full name, 31 too many', () => {
    expect(name('😀'.repeat(30)).success).toBe(true);
    expect(name('😀'.repeat(31)).success).toBe(false);
    expect(name(`${'a'.repeat(59)}😀`).success).toBe(false);
    expect(createBoardBody.safeParse({ title: '😀'.repeat(101) }).success).toBe(false);
    expect(createBoardBody.safeParse({ title: '😀'.repeat(100) }).success).toBe(true);
    const long = createFollowUpBody.safeParse({ itemId: 'n', notes: '😀'.repeat(2501) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toContain('an emoji counts as two');
  });

  it("a follow-up's owner is one line with something to see, as a member's name is", () => {
    expect(owner('\u202e\u200b').success).toBe(false);
    const cleaned = owner('Own\ner | x');
    expect(cleaned.success && cleaned.data.owner).toEqual({ name: 'Own er | x' });
    expect(owner('Aino Virtanen').success).toBe(true);
  });

  it('so is the phase everyone sees in their banner', () => {
    expect(phaseBody.parse({ phase: 'a\nb\u202ec\u0000' }).phase).toBe('a bc');
    expect(phaseBody.parse({ phase: 'Coffee break ☕' }).phase).toBe('Coffee break ☕');
    expect(phaseBody.parse({ phase: null }).phase).toBeNull();
    expect(phaseBody.safeParse({ phase: '\u200b' }).success).toBe(false);
  });
});
