import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLogger, KnownSecrets } from '../../../src/main/core/log/logger';
import { AppError } from '../../../src/main/core/errors';

const KEY = 'Key-4f9A2bC7d1E8';

describe('the log', () => {
  it('holds no known secret, in any case or encoding, in messages, error messages or stacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wall-log-'));
    const secrets = new KnownSecrets();
    for (const form of [KEY, encodeURIComponent(KEY)]) secrets.add(form);
    const log = new FileLogger(dir, secrets);
    log.info(`redirected to https://${KEY.toLowerCase()}.evil.example/?k=${KEY}`);
    log.warn(`bintu said: ${'x'.repeat(300)} ${KEY.toUpperCase()}`);
    const error = new AppError('bintu-error', `echo ${KEY}`);
    error.stack = `AppError: echo ${KEY}\n    at somewhere (${KEY.toLowerCase()}.js:1:1)`;
    log.error('request failed', error);
    const text = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(5);
    expect(text.toLowerCase()).not.toContain(KEY.toLowerCase());
    expect(text).toContain('[redacted]');
  });
});
