import { describe, expect, it } from 'vitest';
import { hostOf, originOf } from '../../../src/main/core/http/url-parts';

describe('originOf and hostOf', () => {
  it('read the origin and the host with its port', () => {
    expect(originOf('https://bintu.example:8443/stream?x=1')).toBe('https://bintu.example:8443');
    expect(hostOf('https://bintu.example:8443/stream?x=1')).toBe('bintu.example:8443');
    expect(hostOf('http://127.0.0.1:9000/')).toBe('127.0.0.1:9000');
  });

  it('answer null for text that is no URL, so each caller picks its own stand-in', () => {
    expect(originOf('not a url')).toBeNull();
    expect(hostOf('/relative/path')).toBeNull();
  });
});
