/**
 * The arithmetic and the tables of `pnpm bench`: medians with their spread over repetitions, and
 * ratios taken within one repetition (so that a slow moment of the shared machine hits both sides
 * of a ratio alike) before their median is taken.
 */

/** Client names, in the order each repetition runs them. */
export type ClientName = 'bare' | 'ours' | 'deriv-api';

/** One client's figures in one repetition of one row. */
export interface Sample {
  /** Requests (or authorizations) per second; for a heap row, bytes per connection. */
  readonly rate: number;
  /** Client-process CPU time (user + system) per request, in microseconds. */
  readonly cpuUs: number;
}

/** A row's samples: `samples[client][repetition]`. */
export interface RowResult {
  readonly name: string;
  /** `rate` means bytes per connection (lower is better) instead of a rate. */
  readonly heap?: boolean;
  readonly samples: Partial<Record<ClientName, Sample[]>>;
}

/** A median and the smallest and largest value it was taken from. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? Number.NaN)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

/** Ratio `a / b` per repetition, then its spread. */
export function ratioSpread(
  row: RowResult,
  a: ClientName,
  b: ClientName,
  field: keyof Sample,
): Spread | undefined {
  const left = row.samples[a];
  const right = row.samples[b];
  if (!left || !right) return undefined;
  const ratios = left.map((sample, index) => {
    const other = right[index];
    return other === undefined ? Number.NaN : sample[field] / other[field];
  });
  return spread(ratios);
}

const whole = (value: number): string =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '-';
const decimal = (value: number, digits: number): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '-';
const withSpread = (value: Spread | undefined, format: (value: number) => string): string =>
  value === undefined || Number.isNaN(value.median)
    ? '-'
    : `${format(value.median)} (${format(value.min)}–${format(value.max)})`;
const fieldOf = (row: RowResult, client: ClientName, field: keyof Sample): Spread | undefined => {
  const samples = row.samples[client];
  return samples ? spread(samples.map((sample) => sample[field])) : undefined;
};

/** The headline table: CPU per request beside throughput, ours against bare. */
export function printHeadline(rows: readonly RowResult[]): void {
  console.log('\nOurs against the bare `ws` client (median of repetitions, min–max):');
  console.table(
    rows.map((row) => {
      const unit = row.heap ? 'B/connection' : 'per s';
      return {
        measure: row.name,
        'bare CPU µs/req': withSpread(fieldOf(row, 'bare', 'cpuUs'), (v) => decimal(v, 1)),
        'ours CPU µs/req': withSpread(fieldOf(row, 'ours', 'cpuUs'), (v) => decimal(v, 1)),
        'CPU ours/bare': withSpread(ratioSpread(row, 'ours', 'bare', 'cpuUs'), (v) =>
          decimal(v, 2),
        ),
        [`bare ${unit}`]: withSpread(fieldOf(row, 'bare', 'rate'), whole),
        [`ours ${unit}`]: withSpread(fieldOf(row, 'ours', 'rate'), whole),
        'ours/bare': withSpread(ratioSpread(row, 'ours', 'bare', 'rate'), (v) => decimal(v, 2)),
      };
    }),
  );
}

/** Ours (and the bare floor) against `@deriv/deriv-api`, on the rows that measured it. */
export function printPeer(rows: readonly RowResult[]): void {
  const measured = rows.filter((row) => row.samples['deriv-api']);
  if (measured.length === 0) return;
  console.log('\nOurs against @deriv/deriv-api (median, min–max):');
  console.table(
    measured.map((row) => ({
      measure: row.name,
      'deriv-api CPU µs/req': withSpread(fieldOf(row, 'deriv-api', 'cpuUs'), (v) => decimal(v, 1)),
      'deriv-api/s': withSpread(fieldOf(row, 'deriv-api', 'rate'), whole),
      'ours/deriv-api': withSpread(ratioSpread(row, 'ours', 'deriv-api', 'rate'), (v) =>
        decimal(v, 2),
      ),
      'CPU deriv-api/ours': withSpread(ratioSpread(row, 'deriv-api', 'ours', 'cpuUs'), (v) =>
        decimal(v, 2),
      ),
      // The floor against the peer: a client at 1x bare cannot beat the peer by more than this.
      'bare/deriv-api': withSpread(ratioSpread(row, 'bare', 'deriv-api', 'rate'), (v) =>
        decimal(v, 2),
      ),
    })),
  );
}

/** The targets of issue 14, checked on the medians; returns the misses. */
export function checkTargets(rows: readonly RowResult[]): string[] {
  const misses: string[] = [];
  for (const row of rows) {
    const rate = ratioSpread(row, 'ours', 'bare', 'rate')?.median;
    const cpu = ratioSpread(row, 'ours', 'bare', 'cpuUs')?.median;
    if (row.heap) {
      if (rate !== undefined && rate > 1.15)
        misses.push(`${row.name}: ${decimal(rate, 2)}x bare heap (target <= 1.15x)`);
      continue;
    }
    if (cpu !== undefined && cpu > 1.05)
      misses.push(`${row.name}: ${decimal(cpu, 2)}x bare CPU per request (target <= 1.05x)`);
    if (rate !== undefined && rate < 0.95)
      misses.push(`${row.name}: ${decimal(rate, 2)}x bare throughput (target >= 0.95x)`);
    const peer = ratioSpread(row, 'ours', 'deriv-api', 'rate')?.median;
    const peerTarget = row.name.startsWith('ping') ? 2 : 2.2;
    if (peer !== undefined && peer < peerTarget)
      misses.push(`${row.name}: ${decimal(peer, 2)}x deriv-api (target >= ${peerTarget}x)`);
  }
  return misses;
}
