import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Every benchmark: its built entry point, its Markdown result, and the command that runs it alone. */
const BENCHMARKS = [
  { id: 'append', entry: 'dist/bench/append/append.bench.js', markdown: 'bench/append/results.md', command: 'npm run bench:append' },
  { id: 'replay', entry: 'dist/bench/replay/replay.bench.js', markdown: 'bench/replay/results.md', command: 'npm run bench:replay' },
  // A larger young generation: the rebuild makes many short-lived rows (as `npm run bench:rebuild`).
  { id: 'rebuild', entry: 'dist/bench/rebuild/rebuild.bench.js', markdown: 'bench/rebuild/results.md', command: 'npm run bench:rebuild', nodeArgs: ['--max-semi-space-size=64'] },
  { id: 'reports', entry: 'dist/bench/reports/reports.bench.js', markdown: 'bench/reports/results.md', command: 'npm run bench:reports' },
  { id: 'http', entry: 'dist/bench/http/http.bench.js', markdown: 'bench/http/results.md', command: 'npm run bench:http' },
] as const;

const BENCHMARKS_FILE = resolve(process.cwd(), 'BENCHMARKS.md');

/**
 * `npm run bench`: runs each benchmark in its own process, then rewrites its section of
 * BENCHMARKS.md (between `<!-- bench:<id>:start -->` and `<!-- bench:<id>:end -->`).
 */
async function main(): Promise<void> {
  const sections = new Map<string, string>();
  // BENCH_ONLY=append,replay runs a subset and rewrites only their sections.
  const only = process.env.BENCH_ONLY?.split(',').map((id) => id.trim());
  for (const bench of BENCHMARKS.filter((b) => !only || only.includes(b.id))) {
    process.stderr.write(`\n== ${bench.id}: ${bench.command}\n`);
    const nodeArgs: readonly string[] = 'nodeArgs' in bench ? bench.nodeArgs : [];
    const run = spawnSync(process.execPath, [...nodeArgs, bench.entry], { stdio: 'inherit', env: process.env });
    if (run.status !== 0) throw new Error(`${bench.id} failed with exit code ${run.status}`);
    if (!existsSync(bench.markdown)) throw new Error(`${bench.id} wrote no ${bench.markdown}`);
    const section = `Command: \`${bench.command}\`\n\n${(await readFile(bench.markdown, 'utf8')).trim()}\n`;
    sections.set(bench.id, section);
  }
  // Read only now, so that edits made to BENCHMARKS.md while the benchmarks ran are kept.
  let document = await readFile(BENCHMARKS_FILE, 'utf8');
  for (const [id, section] of sections) document = replaceSection(document, id, section);
  await writeFile(BENCHMARKS_FILE, document);
  process.stderr.write(`\nBENCHMARKS.md updated\n`);
}

function replaceSection(document: string, id: string, body: string): string {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`BENCHMARKS.md has no ${start} … ${end} section`);
  return `${document.slice(0, from + start.length)}\n${body}${document.slice(to)}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
