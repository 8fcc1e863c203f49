import { describe, expect, it } from 'vitest';
import { appErrorDataSchema } from '../../src/shared/errors';
import { AppError, toErrorData } from '../../src/main/core/errors';

describe('AppError and toErrorData', () => {
  it('carries code, message and the optional numbers as data', () => {
    const error = new AppError('rate-limited', 'bintu is limiting requests', { status: 429, bintuCode: 7, retryAt: 123, cause: new Error('x') });
    const data = toErrorData(error);
    expect(data).toEqual({ code: 'rate-limited', message: 'bintu is limiting requests', status: 429, bintuCode: 7, retryAt: 123 });
    expect(appErrorDataSchema.parse(data)).toEqual(data);
  });

  it('leaves out numbers that were not given', () => {
    expect(new AppError('network', 'down').toData()).toEqual({ code: 'network', message: 'down' });
  });

  it('turns foreign errors into a generic internal error without their text', () => {
    const foreign = new Error('ENOENT: /home/op/.config/secret-key-abcdef');
    const data = toErrorData(foreign);
    expect(data.code).toBe('internal');
    expect(data.message).not.toContain('secret-key');
    expect(data.message).not.toContain('/home');
    expect(toErrorData('a string').code).toBe('internal');
    expect(toErrorData(undefined).code).toBe('internal');
    expect(toErrorData({ code: 'network', message: 'spoofed' }).code).toBe('internal');
  });

  it('reports an AbortError as cancelled', () => {
    const abort = new DOMException('The operation was aborted', 'AbortError');
    expect(toErrorData(abort).code).toBe('cancelled');
  });
});
