/**
 * Where a new item goes (client/src/canvas/model/placement.ts), with plain rectangles: a click
 * in a frame, the keyboard beside a selection in a frame or in none, and the keyboard with
 * nothing selected (in a frame or in none). Frames here are 800 × 600 at the origin, their title 300 × 40 at the top
 * left; MARGIN is 8 and GAP 24, so a 200 × 200 note's grid step is 224.
 */
import { describe, expect, it } from 'vitest';
import type { Box } from '../../client/src/canvas/model/geometry.ts';
import {
  besideInFrame,
  firstFree,
  keepInFrame,
  nearestFree,
  pileOn,
  rightOf,
} from '../../client/src/canvas/model/placement.ts';

const frame: Box = { x: 0, y: 0, w: 800, h: 600 };
const title: Box = { x: 0, y: 0, w: 300, h: 40 };
const note = (x: number, y: number): Box => ({ x, y, w: 200, h: 200 });

describe('firstFree: the first spot, in the order given, inside the bound and clear', () => {
  const bounds: Box = { x: 0, y: 0, w: 500, h: 500 };

  it('takes the spots in order and skips the taken ones', () => {
    const spots = [note(0, 0), note(300, 0), note(0, 300)];
    expect(firstFree(spots, { taken: [note(0, 0)] })).toEqual(note(300, 0));
    expect(firstFree(spots, { taken: [note(0, 0), note(300, 0)] })).toEqual(note(0, 300));
  });

  it('counts a spot touching a taken one as taken, and one on the bound’s edge as inside', () => {
    expect(firstFree([note(200, 0)], { taken: [note(0, 0)] })).toBeNull();
    expect(firstFree([note(201, 0)], { taken: [note(0, 0)] })).toEqual(note(201, 0));
    expect(firstFree([note(300, 300)], { bounds })).toEqual(note(300, 300));
    expect(firstFree([note(301, 300)], { bounds })).toBeNull();
  });

  it('skips a free spot outside the bound; null when nothing is left', () => {
    expect(firstFree([note(-1, 0), note(10, 0)], { bounds })).toEqual(note(10, 0));
    expect(firstFree([note(-1, 0)], { bounds, taken: [] })).toBeNull();
  });
});

describe('a click in a frame (keepInFrame): inside it and off its title, moved the least', () => {
  it('a note clicked in the middle of a lane stays where it was put', () => {
    expect(keepInFrame(note(300, 200), { rect: frame, title })).toEqual(note(300, 200));
  });

  it('one clicked near the lane’s edge moves in until it is MARGIN clear of the edge', () => {
    expect(keepInFrame(note(700, 500), { rect: frame, title })).toEqual(note(592, 392));
    expect(keepInFrame(note(-50, 300), { rect: frame, title })).toEqual(note(8, 300));
  });

  it('one clicked on the title goes below it when that is the shorter move', () => {
    expect(keepInFrame(note(50, 0), { rect: frame, title })).toEqual(note(50, 48));
  });

  it('goes right of the title when that is the shorter move (a title tall in board units, zoomed out)', () => {
    const tall = { x: 0, y: 0, w: 120, h: 300 };
    expect(keepInFrame(note(20, 20), { rect: frame, title: tall })).toEqual(note(128, 20));
  });

  it('goes right of the title when the frame has no room below it', () => {
    const short = { x: 0, y: 0, w: 800, h: 250 };
    expect(keepInFrame(note(50, 20), { rect: short, title })).toEqual(note(308, 20));
  });

  it('stays inside the frame over the title when there is no room beside it either', () => {
    const small = { x: 0, y: 0, w: 300, h: 250 };
    const wide = { x: 0, y: 0, w: 280, h: 40 };
    expect(keepInFrame(note(50, 20), { rect: small, title: wide })).toEqual(note(50, 20));
  });

  it('is only kept inside when the title is not on the page', () => {
    expect(keepInFrame(note(50, 0), { rect: frame, title: null })).toEqual(note(50, 8));
  });

  it('is left where it was put when the frame is too small to hold it', () => {
    const narrow = { x: 0, y: 0, w: 210, h: 600 };
    expect(keepInFrame(note(100, 100), { rect: narrow, title })).toEqual(note(100, 100));
  });
});

describe('the keyboard beside a selection in a frame (besideInFrame): in reading order', () => {
  const selected = note(8, 48);
  const right = (of: Box): Box => note(of.x + of.w + 24, of.y);

  it('puts the item right of the selection when that is free', () => {
    expect(besideInFrame(right(selected), { rect: frame, title }, [selected])).toEqual(
      note(232, 48),
    );
  });

  it('goes on along the row past a taken spot', () => {
    const taken = [selected, note(232, 48)];
    expect(besideInFrame(right(selected), { rect: frame, title }, taken)).toEqual(note(456, 48));
  });

  it('at the lane’s end goes back along the row, not past the end', () => {
    const atEnd = note(584, 48);
    expect(besideInFrame(right(atEnd), { rect: frame, title }, [atEnd])).toEqual(note(360, 48));
  });

  it('with the row full takes the row below, then the row above', () => {
    const tall = { x: 0, y: 0, w: 800, h: 1000 };
    const mid = note(8, 300);
    const row = [mid, note(232, 300), note(456, 300)];
    expect(besideInFrame(right(mid), { rect: tall, title }, row)).toEqual(note(232, 524));
    const rowBelow = [note(8, 524), note(232, 524), note(456, 524)];
    expect(besideInFrame(right(mid), { rect: tall, title }, [...row, ...rowBelow])).toEqual(
      note(232, 76),
    );
  });

  it('moves the row inside the frame and keeps clear of the title', () => {
    const high = note(8, -150);
    expect(besideInFrame(right(high), { rect: frame, title }, [high])).toEqual(note(456, 8));
    expect(besideInFrame(right(high), { rect: frame, title: null }, [high])).toEqual(note(232, 8));
  });

  it('steps by the item’s own size plus GAP (a text box: 264 across)', () => {
    const text = { x: 232, y: 48, w: 240, h: 60 };
    expect(besideInFrame(text, { rect: frame, title }, [text])).toEqual({ ...text, x: 496 });
  });

  it('is null when the lane is full or too small to hold the item', () => {
    expect(besideInFrame(right(selected), { rect: frame, title }, [frame])).toBeNull();
    const narrow = { x: 0, y: 0, w: 210, h: 600 };
    expect(besideInFrame(note(8, 48), { rect: narrow, title: null }, [])).toBeNull();
  });
});

describe('the keyboard beside a selection in a full frame (pileOn): piled on the selection', () => {
  // A lane of the customer journey: 240 high, a row of notes in each stage.
  const lines = [220, 540];
  const lane = {
    rect: { x: 0, y: 0, w: 860, h: 240 },
    title: { x: 0, y: 0, w: 180, h: 25 },
    lines,
  };
  const full = [note(230, 16), note(560, 16)];

  it('goes a GAP down and right of the selection, then of the item piled there, in the lane', () => {
    const [selected] = full;
    // The lane has 16 to spare below the notes: the pile runs along it.
    expect(pileOn(selected!, note(0, 0), lane, full)).toEqual(note(254, 32));
    expect(pileOn(selected!, note(0, 0), lane, [...full, note(254, 32)])).toEqual(note(278, 32));
  });

  it('piles up and left where the stage has no room down and right, never across a line', () => {
    const low = note(332, 32); // at its stage's right edge (540 − 8) and the lane's bottom (232)
    const spot = pileOn(low, note(0, 0), lane, [low]);
    expect(spot).toEqual(note(308, 8));
    expect(lines.some((x) => spot!.x < x && spot!.x + spot!.w > x)).toBe(false);
  });

  it('keeps clear of the frame’s title, and is null once the pile is full', () => {
    const tall = { x: 0, y: 0, w: 800, h: 1000 };
    const top = note(8, 48);
    const pile = Array.from({ length: 8 }, (_, n) => note(8 + 24 * (n + 1), 48 + 24 * (n + 1)));
    expect(pileOn(top, note(0, 0), { rect: tall, title }, [top, ...pile.slice(0, 3)])).toEqual(
      pile[3],
    );
    expect(pileOn(top, note(0, 0), { rect: tall, title }, [top, ...pile])).toBeNull();
  });
});

describe('the keyboard beside a selection in no frame (rightOf): on to the right', () => {
  const box = note(232, 48);

  it('puts the item right of the selection when that is free', () => {
    expect(rightOf(box, [note(8, 48)])).toEqual(box);
  });

  it('goes on along the row past taken spots, never to another row', () => {
    const taken = [box, note(456, 48), note(232, 272)];
    expect(rightOf(box, taken)).toEqual(note(680, 48));
  });

  it('gives up 50 steps on and goes there, taken or not', () => {
    const found = note(232 + 50 * 224, 48);
    expect(rightOf(box, [{ x: 0, y: 0, w: found.x - 1, h: 300 }])).toEqual(found);
    expect(rightOf(box, [{ x: 0, y: 0, w: 100_000, h: 300 }])).toEqual(found);
  });
});

describe('the keyboard with nothing selected (nearestFree): the nearest free spot', () => {
  const middle = note(0, 0);

  it('is the middle itself when that is free', () => {
    expect(nearestFree(middle, [note(300, 0)])).toEqual(middle);
  });

  it('is one step of the item’s size plus GAP away, above first, before any diagonal', () => {
    expect(nearestFree(middle, [middle])).toEqual(note(0, -224));
    expect(nearestFree(middle, [middle, note(0, -224)])).toEqual(note(-224, 0));
    const cross = [middle, note(0, -224), note(-224, 0), note(224, 0), note(0, 224)];
    expect(nearestFree(middle, cross)).toEqual(note(-224, -224));
  });

  it('steps by the item’s own size (a text box: 84 up)', () => {
    const text = { x: 0, y: 0, w: 240, h: 60 };
    expect(nearestFree(text, [text])).toEqual({ ...text, y: -84 });
  });

  it('looks four steps out and no further: null when all of that is taken', () => {
    const fourOut = note(4 * 224, 4 * 224);
    const allBut = { x: -1000, y: -1000, w: 1000 + fourOut.x - 1, h: 2200 };
    const below = { x: -1000, y: -1000, w: 2200, h: 1000 + fourOut.y - 1 };
    expect(nearestFree(middle, [allBut, below])).toEqual(fourOut);
    expect(nearestFree(middle, [{ x: -1000, y: -1000, w: 2200, h: 2200 }])).toBeNull();
  });

  describe('with the middle in a lane of the customer journey (240 high, title at its left)', () => {
    const lane = {
      rect: { x: 0, y: 240, w: 1820, h: 240 },
      title: { x: 0, y: 240, w: 180, h: 25 },
    };

    it('stays in that lane: the spot beside the middle, not the one in the lane above', () => {
      expect(nearestFree(note(800, 260), [note(800, 260)], lane)).toEqual(note(576, 260));
    });

    it('lands on neither the lane’s title nor a note beside it', () => {
      expect(nearestFree(note(100, 260), [note(320, 260)], lane)).toEqual(note(548, 260));
    });

    it('moves a middle that sticks out of the lane inside it first', () => {
      expect(nearestFree(note(800, 400), [], lane)).toEqual(note(800, 272));
    });

    it('is null when the lane is full or too small for the item', () => {
      expect(nearestFree(note(800, 260), [lane.rect], lane)).toBeNull();
      expect(nearestFree({ x: 800, y: 200, w: 420, h: 560 }, [], lane)).toBeNull();
    });
  });
});

describe('in a lane divided into stages (columns): a note lies in one stage, never across a line', () => {
  // The customer journey's first lane: its title column, then five stages 320 wide.
  const lines = [220, 540, 860, 1180, 1500];
  const lane = {
    rect: { x: 0, y: 0, w: 1820, h: 240 },
    title: { x: 0, y: 0, w: 180, h: 25 },
    lines,
  };
  const crossesALine = (box: Box) => lines.some((x) => box.x < x && box.x + box.w > x);

  it('a click across a line moves into the stage the note’s middle is in, MARGIN clear', () => {
    // Middle at 590: the second stage (540–860).
    expect(keepInFrame(note(490, 20), lane)).toEqual(note(548, 20));
    // Middle at 500: the first stage (220–540).
    expect(keepInFrame(note(400, 20), lane)).toEqual(note(332, 20));
    expect(keepInFrame(note(600, 20), lane)).toEqual(note(600, 20));
  });

  it('the keyboard along a lane puts one note in each stage, skipping none', () => {
    const taken = [note(230, 16)];
    const placed: Box[] = [];
    for (let n = 0; n < 4; n++) {
      const last = taken.at(-1)!;
      const spot = besideInFrame({ ...last, x: last.x + last.w + 24 }, lane, taken);
      expect(spot).not.toBeNull();
      placed.push(spot!);
      taken.push(spot!);
    }
    expect(placed.some(crossesALine)).toBe(false);
    const stageOf = (box: Box) => lines.filter((x) => x <= box.x).length;
    expect(placed.map(stageOf)).toEqual([2, 3, 4, 5]);
  });

  it('the keyboard with nothing selected lands in a stage too', () => {
    const spot = nearestFree(note(760, 20), [note(548, 16)], lane);
    expect(spot && crossesALine(spot)).toBe(false);
  });
});
