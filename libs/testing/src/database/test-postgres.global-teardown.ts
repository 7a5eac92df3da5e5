export default async function globalTeardown(): Promise<void> {
  await globalThis.casetrailTestPostgres?.stop();
  globalThis.casetrailTestPostgres = undefined;
}
