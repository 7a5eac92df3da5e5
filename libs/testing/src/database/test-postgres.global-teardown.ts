import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.casetrailTestPostgres;
  if (!running) return;
  await running.server.stop();
  await rm(running.dataDir, { recursive: true, force: true });
  await rm(`${running.dataDir}.password`, { force: true });
  globalThis.casetrailTestPostgres = undefined;
}
