import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HttpResponse } from '../../../src/main/core/http/http-client';

/** The folder with bintu's documented request, response and error bodies, copied verbatim. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../fixtures/bintu-examples/', import.meta.url));

/** Every example file name, sorted. */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** The parsed JSON of one example. */
export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(`${EXAMPLES_DIR}${name}`, 'utf8')) as unknown;
}

/** The raw bytes of one example. */
export function exampleBytes(name: string): Buffer {
  return readFileSync(`${EXAMPLES_DIR}${name}`);
}

/** A response as the HTTP client would hand it over. */
export function response(status: number, body: string | Buffer, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers, body: Buffer.isBuffer(body) ? body : Buffer.from(body), url: 'https://bintu.example.com/stream' };
}
