import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../redact';

/** Where main writes what happened; every line is redacted before it leaves memory. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Secrets the app holds right now: the logger removes each one from every line. */
export class KnownSecrets {
  private readonly secrets = new Set<string>();
  /** Remembers a secret to redact. */
  add(secret: string): void {
    this.secrets.add(secret);
  }
  /** The secrets to redact. */
  list(): readonly string[] {
    return [...this.secrets];
  }
}

const MAX_LOG_BYTES = 2 * 1024 * 1024;

/**
 * A small append-only log in the user-data folder (`logs/main.log`, one previous file kept), so an
 * operator can send it to support. Lines are redacted; logging never throws into the caller.
 */
export class FileLogger implements Logger {
  private readonly file: string;

  constructor(
    private readonly dir: string,
    private readonly secrets: KnownSecrets,
  ) {
    this.file = join(dir, 'main.log');
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : error === undefined ? '' : String(error);
    this.write('error', detail ? `${message}: ${detail}` : message);
  }

  private write(level: string, message: string): void {
    const line = `${new Date().toISOString()} ${level} ${redact(message, this.secrets.list())}\n`;
    try {
      mkdirSync(this.dir, { recursive: true });
      if ((statSync(this.file, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES) renameSync(this.file, `${this.file}.1`);
      appendFileSync(this.file, line);
    } catch {
      // A full or read-only disk must not take the wall down; the log is best effort.
    }
  }
}
