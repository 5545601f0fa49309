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
function opsPerSecond(run, input, milliseconds = 700) {
  for (let i = 0; i < 20_000; i += 1) sink += run(input).length ?? 0; // warm up the JIT
  const samples = [];
  for (let round = 0; round < 5; round += 1) {
    let iterations = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < milliseconds) {
      for (let i = 0; i < 1000; i += 1) sink += run(input).length ?? 0;
      iterations += 1000;
      elapsed = performance.now() - start;
    }
    samples.push((iterations / elapsed) * 1000);
  }
  return samples.sort((a, b) => a - b)[2]; // median of 5
}

const parse = (url) => parseOAuthRedirect(url).accounts;
const format = (value) => Math.round(value).toLocaleString('en-US').padStart(11);
console.log(
  `parseOAuthRedirect vs plain URLSearchParams loop (median of 5 rounds, Node ${process.version})`,
);
for (const [name, input] of [
  ['seed URL (2 accounts)', SEED],
  ['26 accounts + marketing', MANY],
]) {
  if (JSON.stringify(plainLoop(input)) !== JSON.stringify(parse(input)))
    throw new Error(`baseline disagrees on ${name}`);
  const ours = opsPerSecond(parse, input);
  const plain = opsPerSecond(plainLoop, input);
  console.log(
    `${name.padEnd(26)} parseOAuthRedirect ${format(ours)} ops/s | URLSearchParams loop ${format(plain)} ops/s | ratio ${(ours / plain).toFixed(2)}x`,
  );
}
if (sink === -1) console.log(sink);
