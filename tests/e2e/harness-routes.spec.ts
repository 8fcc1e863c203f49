import { get } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect } from './fixtures';

/** A GET with the path sent exactly as written (no client-side normalising). */
function rawGet(origin: string, path: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    get({ hostname, port, path }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    }).on('error', fail);
  });
}

test("the harness's page route: malformed encoding is a 400, and a sibling of the renderer folder is outside it", async ({ harness }) => {
  expect(await rawGet(harness.url, '/%E0%A4%A')).toBe(400);
  expect(await rawGet(harness.url, '/wall-asset/%zz')).toBe(400);
  // Still serving after the bad requests.
  expect(await rawGet(harness.url, '/')).toBe(200);

  // `out/renderer-…` starts with the renderer folder's path, but it is not inside it.
  const sibling = resolve(`out/renderer-sibling-${process.pid}`);
  mkdirSync(sibling, { recursive: true });
  writeFileSync(join(sibling, 'secret.txt'), 'not for the page');
  try {
    expect(await rawGet(harness.url, `/..%2frenderer-sibling-${process.pid}%2fsecret.txt`)).toBe(404);
    expect(await rawGet(harness.url, '/..%2f..%2fpackage.json')).toBe(404);
  } finally {
    rmSync(sibling, { recursive: true, force: true });
  }
});
