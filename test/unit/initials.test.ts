import { describe, expect, it } from 'vitest';
import { initials } from '../../client/src/board/PresenceList.tsx';

describe('the initials on a person’s avatar', () => {
  it('are the first letters of the first and last words, upper case', () => {
    expect(initials('aino virtanen')).toBe('AV');
    expect(initials('Pia')).toBe('P');
    expect(initials('Anna Maria Lind')).toBe('AL');
  });

  it('leave out a word in brackets and the punctuation before a word (QA: "L(")', () => {
    expect(initials('Liisa (fasilitaattori)')).toBe('L');
    expect(initials('Heikki (puhelin)')).toBe('H');
    expect(initials('"Kalle" Koski')).toBe('KK');
    expect(initials('Ben [tablet]')).toBe('B');
    // A bracket of several words too (review: "LA").
    expect(initials('Liisa (Team A)')).toBe('L');
    expect(initials('Liisa [Helsinki office] Lind')).toBe('LL');
  });

  it('keep what there is where the name has no letters outside brackets', () => {
    expect(initials('(guest)')).toBe('(');
    expect(initials('🦊')).toBe('🦊');
    expect(initials('   ')).toBe('?');
  });
});
