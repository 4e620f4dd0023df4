/**
 * Exact minimum-cost maximum flow for networks with small non-negative integer arc costs
 * (primal-dual: a bucket-queue Dijkstra on reduced costs sets the potentials, then a Dinic
 * blocking flow pushes as many units as the zero-reduced-cost arcs carry before the next Dijkstra).
 * Each phase costs O(arcs) and there are at most as many phases as distinct augmenting-path costs,
 * which are few when costs are small, so it beats one Dijkstra per unit of flow by far.
 * Arcs live in typed arrays laid out by tail node (CSR), each beside its residual twin.
 */

export type FlowNetwork = {
  nodeCount: number;
  /** Adds an arc and returns its id, to read its flow after solving. */
  addArc: (from: number, to: number, capacity: number, cost: number) => number;
  /** Sends as much flow as possible from source to sink at minimum cost; returns the flow sent. */
  solve: (source: number, sink: number) => number;
  /** Flow on an arc after `solve`. */
  flow: (arc: number) => number;
};

type Csr = {
  first: Int32Array;
  to: Int32Array;
  cap: Int32Array;
  cost: Int32Array;
  mate: Int32Array;
  /** Position of each added arc's forward residual arc. */
  forward: Int32Array;
  original: Int32Array;
};

const INF = 0x3fffffff;

export function createFlowNetwork(nodeCount: number, arcHint = 16): FlowNetwork {
  let tails = new Int32Array(arcHint);
  let heads = new Int32Array(arcHint);
  let caps = new Int32Array(arcHint);
  let costs = new Int32Array(arcHint);
  let count = 0;
  let csr: Csr | null = null;
  const grow = () => {
    const size = tails.length * 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    [tails, heads, caps, costs] = [copy(tails), copy(heads), copy(caps), copy(costs)];
  };
  return {
    nodeCount,
    addArc(from, to, capacity, cost) {
      if (count === tails.length) grow();
      tails[count] = from;
      heads[count] = to;
      caps[count] = capacity;
      costs[count] = cost;
      return count++;
    },
    solve(source, sink) {
      csr = toCsr(nodeCount, count, tails, heads, caps, costs);
      return primalDual(csr, nodeCount, source, sink);
    },
    flow(arc) {
      if (!csr) throw new Error('flow() before solve()');
      const pos = csr.forward[arc] ?? -1;
      return (csr.original[arc] ?? 0) - (csr.cap[pos] ?? 0);
    },
  };
}

function toCsr(n: number, m: number, tails: Int32Array, heads: Int32Array, caps: Int32Array, costs: Int32Array): Csr {
  const first = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const u = (tails[i] as number) + 1;
    const v = (heads[i] as number) + 1;
    first[u] = (first[u] as number) + 1;
    first[v] = (first[v] as number) + 1;
  }
  for (let v = 0; v < n; v++) first[v + 1] = (first[v + 1] as number) + (first[v] as number);
  const fill = first.slice(0, n);
  const to = new Int32Array(2 * m);
  const cap = new Int32Array(2 * m);
  const cost = new Int32Array(2 * m);
  const mate = new Int32Array(2 * m);
  const forward = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const u = tails[i] as number;
    const v = heads[i] as number;
    const p = fill[u] as number;
    const q = fill[v] as number;
    fill[u] = p + 1;
    fill[v] = q + 1;
    to[p] = v;
    cap[p] = caps[i] as number;
    cost[p] = costs[i] as number;
    mate[p] = q;
    to[q] = u;
    cost[q] = -(costs[i] as number);
    mate[q] = p;
    forward[i] = p;
  }
  return { first, to, cap, cost, mate, forward, original: caps.slice(0, m) };
}

function primalDual(g: Csr, n: number, s: number, t: number): number {
  const potential = new Int32Array(n);
  const dist = new Int32Array(n);
  const level = new Int32Array(n);
  const scratch = new Int32Array(n);
  const queue = createBucketQueue(n);
  let total = 0;
  for (;;) {
    const dt = dijkstra(g, n, s, t, potential, dist, queue);
    if (dt >= INF) return total;
    for (let v = 0; v < n; v++) potential[v] = (potential[v] as number) + Math.min(dist[v] as number, dt);
    for (;;) {
      if (!admissibleLevels(g, s, t, potential, level, scratch)) break;
      total += blockingFlow(g, n, s, t, potential, level, scratch);
    }
  }
}

type BucketQueue = {
  /** Head of each distance's list of nodes, -1 when empty; grows with the largest distance pushed. */
  head: Int32Array;
  /** Next entry of the same bucket; entries are node pushes (lazy deletion). */
  next: Int32Array;
  node: Int32Array;
  size: number;
};

function createBucketQueue(n: number): BucketQueue {
  return { head: new Int32Array(256).fill(-1), next: new Int32Array(4 * n), node: new Int32Array(4 * n), size: 0 };
}

function push(q: BucketQueue, d: number, v: number): void {
  if (d >= q.head.length) {
    const head = new Int32Array(Math.max(d + 1, q.head.length * 2)).fill(-1);
    head.set(q.head);
    q.head = head;
  }
  if (q.size === q.node.length) {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    q.next = grow(q.next);
    q.node = grow(q.node);
  }
  q.node[q.size] = v;
  q.next[q.size] = q.head[d] as number;
  q.head[d] = q.size++;
}

/** Shortest reduced-cost distances from s, settled up to t's; returns t's distance (INF if unreachable). */
function dijkstra(g: Csr, n: number, s: number, t: number, pot: Int32Array, dist: Int32Array, q: BucketQueue): number {
  const { first, to, cap, cost } = g;
  dist.fill(INF);
  dist[s] = 0;
  q.size = 0;
  push(q, 0, s);
  const settled = new Uint8Array(n);
  for (let d = 0; d < q.head.length && d < (dist[t] as number); d++) {
    while ((q.head[d] as number) >= 0) {
      const e = q.head[d] as number;
      q.head[d] = q.next[e] as number;
      const u = q.node[e] as number;
      if (settled[u] || dist[u] !== d) continue;
      settled[u] = 1;
      const pu = (pot[u] as number) + d;
      for (let p = first[u] as number, end = first[u + 1] as number; p < end; p++) {
        if ((cap[p] as number) <= 0) continue;
        const v = to[p] as number;
        const nd = pu + (cost[p] as number) - (pot[v] as number);
        if (nd < (dist[v] as number) && nd < (dist[t] as number)) {
          dist[v] = nd;
          push(q, nd, v);
        }
      }
    }
  }
  // Leave the buckets empty for the next phase (entries beyond t's distance were never popped).
  q.head.fill(-1);
  return dist[t] as number;
}

/** BFS levels over residual arcs of zero reduced cost; true when t is reached. */
function admissibleLevels(g: Csr, s: number, t: number, pot: Int32Array, level: Int32Array, queue: Int32Array): boolean {
  const { first, to, cap, cost } = g;
  level.fill(-1);
  level[s] = 0;
  queue[0] = s;
  let read = 0;
  let write = 1;
  while (read < write) {
    const u = queue[read++] as number;
    if (level[t] !== -1 && (level[u] as number) >= (level[t] as number)) break;
    const pu = pot[u] as number;
    const lu = (level[u] as number) + 1;
    for (let p = first[u] as number, end = first[u + 1] as number; p < end; p++) {
      const v = to[p] as number;
      if (level[v] !== -1 || (cap[p] as number) <= 0 || (cost[p] as number) + pu !== pot[v]) continue;
      level[v] = lu;
      queue[write++] = v;
    }
  }
  return level[t] !== -1;
}

/** Pushes a blocking flow along level-increasing admissible arcs (iterative DFS, current-arc pointers). */
function blockingFlow(g: Csr, n: number, s: number, t: number, pot: Int32Array, level: Int32Array, current: Int32Array): number {
  const { first, to, cap, cost, mate } = g;
  current.set(first.subarray(0, n));
  const path = new Int32Array(n);
  const nodes = new Int32Array(n + 1);
  let depth = 0;
  let u = s;
  let total = 0;
  nodes[0] = s;
  for (;;) {
    if (u === t) {
      let b = INF;
      for (let i = 0; i < depth; i++) b = Math.min(b, cap[path[i] as number] as number);
      let cut = -1;
      for (let i = 0; i < depth; i++) {
        const p = path[i] as number;
        cap[p] = (cap[p] as number) - b;
        cap[mate[p] as number] = (cap[mate[p] as number] as number) + b;
        if (cut < 0 && cap[p] === 0) cut = i;
      }
      total += b;
      depth = cut;
      u = nodes[depth] as number;
      continue;
    }
    const end = first[u + 1] as number;
    let p = current[u] as number;
    const want = (level[u] as number) + 1;
    const pu = pot[u] as number;
    while (p < end) {
      const v = to[p] as number;
      if ((cap[p] as number) > 0 && level[v] === want && (cost[p] as number) + pu === pot[v]) break;
      p++;
    }
    current[u] = p;
    if (p < end) {
      path[depth++] = p;
      u = to[p] as number;
      nodes[depth] = u;
    } else {
      if (u === s) return total;
      level[u] = -1;
      depth--;
      u = nodes[depth] as number;
      current[u] = (current[u] as number) + 1;
    }
  }
}
