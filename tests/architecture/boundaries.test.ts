// The boundaries table of CONTRIBUTING.md, enforced: every import in assembly/ and src/ is resolved to the area it
// reaches (a folder of src/, assembly/, the generated .wasm, or a package) and checked against what that area may use.
// A failure names the file, the import and the rule it breaks, so whoever trips it knows where the code belongs.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** What each area may import (areas: `assembly`, `src/<folder>`, `generated`, or a package / `node:` builtin). */
const MAY_IMPORT: Record<string, { allow: string[]; why: string }> = {
  assembly: { allow: ['assembly'], why: 'the consensus core is AssemblyScript only: nothing from src/, no JS package, no DOM' },
  'src/model': { allow: ['src/model', 'src/chain', 'fflate'], why: 'the model is pure TypeScript shared by the page, the worker and the CLI (it reads chain scenarios through src/chain\'s pure reader)' },
  'src/chain': { allow: ['src/chain', 'src/model', 'src/engine', 'generated', 'node:fs/promises'], why: 'the chain state machine is pure; it reaches the wasm only through its ChainMath binding' },
  'src/oracle': { allow: ['src/oracle', 'src/model'], why: 'the BigInt oracle is a plain reimplementation of the epoch: it must not share code with the engine it checks' },
  'src/variants': { allow: ['src/variants', 'src/model', 'generated', 'node:fs/promises'], why: 'the research variants are pure bindings over the wasm' },
  'src/compare': { allow: ['src/compare', 'src/variants', 'src/model', 'src/engine', 'generated'], why: 'compare is pure: it runs engines it is given' },
  'src/persist': { allow: ['src/persist', 'src/model', 'idb'], why: 'persistence knows IndexedDB and plain records, not the engine or the page' },
  'src/engine': { allow: ['src/engine', 'src/model', 'src/chain', 'src/compare', 'src/variants', 'src/persist', 'generated', 'comlink', 'node:fs/promises'], why: 'the worker side: it must not reach the page (svelte, state, ui)' },
  'src/state': { allow: ['src/state', 'src/model', 'src/engine', 'src/compare', 'src/copy', 'src/chain', 'comlink', 'svelte'], why: 'page state reaches the worker only through engine/client.ts and the API types, never the wasm or idb' },
  'src/ui': { allow: ['src/ui', 'src/state', 'src/model', 'src/compare', 'src/copy', 'src/chain', 'svelte', 'echarts'], why: 'the UI talks to the engine only through src/state (no engine, persist, comlink or idb)' },
  'src/copy': { allow: ['src/copy', 'src/model', 'src/compare'], why: 'copy is text and data for the page' },
  'src/cli': { allow: ['src/cli', 'src/model', 'src/chain', 'src/variants', 'src/engine', 'src/compare', 'src/oracle', 'node:fs', 'node:path', 'node:fs/promises', 'node:process'], why: 'the headless runner' },
};

/** The page (src/state, src/ui) reaches the worker through the comlink client, and takes only types from the APIs. */
const PAGE_MAY_USE_FROM_ENGINE = /^src\/engine\/client\.ts$/;
const PAGE_MAY_TYPE_FROM_ENGINE = /^src\/engine\/(api|chain-api|chain-api-types|compare-api)\.ts$/;

/** Specifiers named only by `import type` / `export type` statements (erased at build: they load no code). */
function typeOnly(text: string): Set<string> {
  return new Set([...text.matchAll(/\b(?:import|export)\s+type\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]));
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : filesUnder(path);
    return /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file names: static imports and re-exports, dynamic import(), new URL(…, import.meta.url). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const re of [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g]) {
    for (const m of text.matchAll(re)) out.push(m[1]);
  }
  return out;
}

/** The area a specifier reaches from `file`, and the path inside the repo when it is a file of ours. */
function areaOf(file: string, spec: string): { area: string; path?: string } {
  if (!spec.startsWith('.')) {
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.startsWith('node:') ? spec : spec.split('/')[0];
    return { area: pkg };
  }
  const path = relative(ROOT, resolve(ROOT, dirname(file), spec)).split(sep).join('/');
  if (path.startsWith('assembly/')) return { area: 'assembly', path };
  if (path.startsWith('src/generated/')) return { area: 'generated', path };
  const m = /^src\/([^/]+)\//.exec(path);
  return { area: m ? `src/${m[1]}` : path, path };
}

function areaOfFile(file: string): string {
  return file.startsWith('assembly/') ? 'assembly' : `src/${file.split('/')[1]}`;
}

/** Node-only loaders (they build the .wasm on demand for the CLI, tests and benchmarks) may use the build script. */
const NODE_LOADER = /(^|\/)node-[a-z-]+\.ts$/;

/** The broken rules of one file's text, one line each (file, import, area, and why the rule exists). */
function violations(file: string, text: string): string[] {
  const from = areaOfFile(file);
  const rule = MAY_IMPORT[from];
  if (!rule) return [];
  const broken: string[] = [];
  const types = typeOnly(text);
  const valueSpecs = new Set([...text.matchAll(/\b(?:import|export)\s+(?!type\b)[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]));
  for (const spec of specifiers(text)) {
    if (from === 'assembly' && spec.startsWith('~lib/')) continue;
    const { area, path } = areaOf(file, spec);
    if (NODE_LOADER.test(file) && path === 'scripts/asbuild.mjs') continue;
    const allowed = rule.allow.includes(area) || rule.allow.some((a) => area.startsWith(`${a}/`));
    const typesOnly = types.has(spec) && !valueSpecs.has(spec);
    const pageReachesWorker = (from === 'src/state' || from === 'src/ui') && area === 'src/engine' && path !== undefined
      && !PAGE_MAY_USE_FROM_ENGINE.test(path) && !(typesOnly && PAGE_MAY_TYPE_FROM_ENGINE.test(path));
    if (!allowed || pageReachesWorker) broken.push(`${file} imports '${spec}' (${area}): ${rule.why}`);
  }
  return broken;
}

const sources = [...filesUnder('assembly'), ...filesUnder('src')].filter((f) => f.startsWith('assembly/') || f.split('/').length > 2);

describe('module boundaries (CONTRIBUTING.md)', () => {
  test('every area of src/ and assembly/ has a rule', () => {
    const areas = new Set(sources.map(areaOfFile));
    expect([...areas].filter((a) => !(a in MAY_IMPORT))).toEqual([]);
  });

  test('no file imports outside what its area may use', () => {
    expect(sources.flatMap((file) => violations(file, readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  test('the check catches forbidden imports of every kind', () => {
    const text = "import { a } from '../../persist/store.ts';\nconst w = new URL('../../engine/worker.ts', import.meta.url);\nawait import('idb');";
    expect(violations('src/ui/chain/X.svelte', text)).toHaveLength(3);
    expect(violations('src/state/x.ts', "import type { EngineApi } from '../engine/api.ts';")).toEqual([]);
    expect(violations('src/state/x.ts', "import { runEpoch } from '../engine/wasm-epoch.ts';")).toHaveLength(1);
    expect(violations('src/state/x.ts', "import { createChainApi } from '../engine/chain-api.ts';")).toHaveLength(1);
    expect(violations('src/state/x.ts', "import type { ChainView } from '../engine/chain-api.ts';")).toEqual([]);
    expect(violations('assembly/x.ts', "import { a } from '../src/model/epoch.ts';")).toHaveLength(1);
    expect(violations('src/model/x.ts', "import { openDB } from 'idb';")).toHaveLength(1);
  });
});
