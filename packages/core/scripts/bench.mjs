#!/usr/bin/env node
// Throughput of parseOAuthRedirect beside a plain URLSearchParams loop, in the same process, on
// the same inputs. The plain loop is the baseline a hand-written callback handler would use: it
// reads acctN/tokenN/curN without any validation. Run `pnpm bench` (builds first).
import { parseOAuthRedirect } from '../dist/index.js';

const SEED =
  'https://example.com/redirect/?acct1=cr799393& token1=a1-f7pnteezo4jzhpxclctizt27hyeot&cur1=usd& acct2=vrtc1859315& token2=a1clwe3vfuuus5kraceykdsoqm4snfq& cur2=usd';
const MANY =
  'https://example.com/redirect/?' +
  Array.from(
    { length: 26 },
    (_, i) => `acct${i + 1}=CR${1000 + i}&token${i + 1}=a1-${'x'.repeat(28)}${i}&cur${i + 1}=USD`,
  ).join('&') +
  '&utm_source=newsletter&affiliate_token=abc&state=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/** What a hand-written handler does: URLSearchParams, trimmed keys, group by index, no checks. */
function plainLoop(url) {
  const byIndex = new Map();
  for (const [rawKey, value] of new URL(url).searchParams) {
    const match = /^(acct|token|cur)(\d+)$/.exec(rawKey.trim());
    if (!match) continue;
    const entry = byIndex.get(match[2]) ?? { account: '', token: '', currency: '' };
    entry[match[1] === 'acct' ? 'account' : match[1] === 'token' ? 'token' : 'currency'] = value;
    byIndex.set(match[2], entry);
  }
  return [...byIndex.entries()]
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, entry]) => entry);
}

let sink = 0;
function measure(run, input, milliseconds) {
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < milliseconds) {
    for (let i = 0; i < 500; i += 1) sink += run(input).length;
    iterations += 500;
    elapsed = performance.now() - start;
  }
  return (iterations / elapsed) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * Interleaves short rounds of both functions (A B A B ...) so that load from other processes hits
 * both alike; reports the median ops/s of each and the median of the per-round ratios.
 */
function compare(ours, plain, input, rounds = 9, milliseconds = 300) {
  for (let i = 0; i < 20_000; i += 1) sink += ours(input).length + plain(input).length; // JIT warm-up
  const oursSamples = [];
  const plainSamples = [];
  const ratios = [];
  for (let round = 0; round < rounds; round += 1) {
    const a = measure(ours, input, milliseconds);
    const b = measure(plain, input, milliseconds);
    oursSamples.push(a);
    plainSamples.push(b);
    ratios.push(a / b);
  }
  return { ours: median(oursSamples), plain: median(plainSamples), ratio: median(ratios) };
}

const parse = (url) => parseOAuthRedirect(url).accounts;
const format = (value) => Math.round(value).toLocaleString('en-US').padStart(11);
console.log(
  `parseOAuthRedirect vs plain URLSearchParams loop (interleaved rounds, medians; Node ${process.version})`,
);
for (const [name, input] of [
  ['seed URL (2 accounts)', SEED],
  ['26 accounts + marketing', MANY],
]) {
  if (JSON.stringify(plainLoop(input)) !== JSON.stringify(parse(input)))
    throw new Error(`baseline disagrees on ${name}`);
  const { ours, plain, ratio } = compare(parse, plainLoop, input);
  console.log(
    `${name.padEnd(26)} parseOAuthRedirect ${format(ours)} ops/s | URLSearchParams loop ${format(plain)} ops/s | ratio ${ratio.toFixed(2)}x`,
  );
}
if (sink === -1) console.log(sink);
