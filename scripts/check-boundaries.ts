/**
 * Module boundaries, enforced rather than described:
 *  - a module imports another module only through its `index.ts`, or its `*.values.ts` (closed lists of
 *    constants that contracts shared with the web app use, and that must not pull the server into it);
 *  - `src/platform` imports no module (the schema aggregate `db/schema.ts` excepted);
 *  - `web/src/ui` imports no web module;
 *  - server modules run no `Promise.all`: a transaction's one connection runs one query at a time, so
 *    queries in parallel only queue in the driver (deprecated by node-postgres); `inSeries` maps in turn.
 * Test files may reach anywhere. Exits 1 and lists the offending imports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function* files(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(e) && !/\.test\.tsx?$/.test(e)) yield p;
  }
}

const importRe = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems: string[] = [];

function check(base: string, moduleRoot: string, forbidFrom?: { dir: string; allow?: (file: string) => boolean }) {
  for (const file of files(base)) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(importRe)) {
      const spec = m[1] ?? m[2];
      if (!spec?.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const rel = relative(root, file);
      if (forbidFrom && target.startsWith(forbidFrom.dir) && !forbidFrom.allow?.(rel)) {
        problems.push(`${rel}: imports ${spec} (not allowed from here)`);
      }
      if (!target.startsWith(moduleRoot) || !file.startsWith(moduleRoot)) continue;
      const own = relative(moduleRoot, file).split('/')[0];
      const [other, ...rest] = relative(moduleRoot, target).split('/');
      const entry = rest.join('/');
      if (other !== own && entry !== 'index.ts' && !/^[\w-]+\.values\.ts$/.test(entry))
        problems.push(`${rel}: imports ${spec}; go through ${other}/index.ts`);
    }
  }
}

check(join(root, 'src/modules'), join(root, 'src/modules'));
check(join(root, 'src/platform'), join(root, 'src/modules'), {
  dir: join(root, 'src/modules'),
  allow: (f) => f === 'src/platform/db/schema.ts',
});
check(join(root, 'web/src/modules'), join(root, 'web/src/modules'));
check(join(root, 'web/src/ui'), join(root, 'web/src/modules'), { dir: join(root, 'web/src/modules') });

for (const file of files(join(root, 'src/modules'))) {
  const src = readFileSync(file, 'utf8');
  if (src.includes('Promise.all('))
    problems.push(`${relative(root, file)}: Promise.all over one transaction; use inSeries (src/platform/db/in-series.ts)`);
}

if (problems.length) {
  console.error(`Boundary violations:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Module boundaries respected.');
