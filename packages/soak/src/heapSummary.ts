/** The parts of a V8 heap snapshot (`.heapsnapshot` JSON) the summary reads. */
export interface HeapSnapshotJson {
  snapshot: {
    meta: {
      node_fields: string[];
      /** The first entry lists the names of the node types. */
      node_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  strings: string[];
}

/** Objects of one kind in a heap snapshot and the bytes they take themselves. */
export interface HeapGroup {
  /** The constructor for objects (`Object`, `Map`, …), else the node type in parentheses. */
  name: string;
  count: number;
  selfBytes: number;
}

/** Node types whose nodes group by their name (a constructor), not by the type. */
const NAMED_TYPES = new Set(['object', 'native']);

/**
 * Where a heap's bytes are, by kind of object: the biggest `top` groups by self size
 * (what each object takes itself, not what it keeps alive), and the heap's total.
 * Strings of every kind count as `(string)`, compiled code as `(code)`, and so on.
 */
export function heapSummary(
  heap: HeapSnapshotJson,
  top = 12,
): { totalBytes: number; groups: HeapGroup[] } {
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, HeapGroup>();
  let totalBytes = 0;
  for (let i = 0; i < heap.nodes.length; i += stride) {
    const type = types[heap.nodes[i + typeAt]];
    const size = heap.nodes[i + sizeAt];
    const name = NAMED_TYPES.has(type)
      ? heap.strings[heap.nodes[i + nameAt]]
      : `(${type.includes('string') ? 'string' : type})`;
    const group = groups.get(name) ?? { name, count: 0, selfBytes: 0 };
    group.count += 1;
    group.selfBytes += size;
    groups.set(name, group);
    totalBytes += size;
  }
  return {
    totalBytes,
    groups: [...groups.values()]
      .sort((a, b) => b.selfBytes - a.selfBytes)
      .slice(0, top),
  };
}
