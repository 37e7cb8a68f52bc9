import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { onDocChange } from '../../client/src/sync/doc-changes.ts';

describe('onDocChange', () => {
  it('reports each transaction that changed the document, with its origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    const off = onDocChange(doc, (origin) => origins.push(origin));
    doc.transact(() => doc.getMap('m').set('a', 1), 'local');
    doc.transact(() => {}, 'nothing'); // no change: not reported
    doc.transact(() => doc.getMap('m').delete('a'), 'deleted');
    const remote = new Y.Doc();
    remote.getArray('a').push([1, 2]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'remote');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'again'); // already known: no change
    expect(origins).toEqual(['local', 'deleted', 'remote']);
    off();
    doc.getMap('m').set('b', 2);
    expect(origins).toHaveLength(3);
  });

  it('leaves Yjs nothing to encode: it is not an update listener', () => {
    const doc = new Y.Doc();
    const off = onDocChange(doc, () => {});
    expect(doc._observers.has('update')).toBe(false);
    expect(doc._observers.has('updateV2')).toBe(false);
    off();
    expect(doc._observers.has('afterTransaction')).toBe(false);
  });
});
