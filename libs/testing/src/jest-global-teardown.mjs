export default async function globalTeardown() {
  await globalThis.__CARTERA_PG__?.stop();
}
