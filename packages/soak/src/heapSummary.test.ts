import { HeapSnapshotJson, heapSummary } from './heapSummary';

/** A heap of four objects, two strings of different kinds and some code. */
const heap: HeapSnapshotJson = {
  snapshot: {
    meta: {
      node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
      node_types: [
        ['hidden', 'array', 'string', 'object', 'code', 'concatenated string'],
      ],
    },
  },
  strings: ['Object', 'Map', 'hello', 'abc'],
  // type, name, id, self_size, edge_count
  nodes: [
    [3, 0, 1, 40, 0],
    [3, 0, 3, 40, 0],
    [3, 1, 5, 100, 0],
    [2, 2, 7, 20, 0],
    [5, 3, 9, 32, 0],
    [4, 3, 11, 500, 0],
    [3, 0, 13, 16, 0],
  ].flat(),
};

describe('heapSummary', () => {
  it('adds up self sizes by constructor and by kind, biggest first', () => {
    expect(heapSummary(heap)).toEqual({
      totalBytes: 748,
      groups: [
        { name: '(code)', count: 1, selfBytes: 500 },
        { name: 'Map', count: 1, selfBytes: 100 },
        { name: 'Object', count: 3, selfBytes: 96 },
        { name: '(string)', count: 2, selfBytes: 52 },
      ],
    });
  });

  it('keeps only the biggest groups', () => {
    expect(heapSummary(heap, 2).groups.map(g => g.name)).toEqual([
      '(code)',
      'Map',
    ]);
  });
});
