import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../config/app-config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogFields {
  readonly [field: string]: unknown;
}

/**
 * One JSON object per line on stdout: time, level, context, msg and any fields. Serves as Nest's
 * logger too. Callers pass identifiers, never personal data.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly context?: string,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  child(context: string): JsonLogger {
    return new JsonLogger(this.level, context, this.write);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  info(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (RANK[level] < RANK[this.level]) return;
    // Nest passes (message, context) or, for errors, (message, stack, context).
    const strings = rest.filter((item): item is string => typeof item === 'string');
    const context = strings.length > 0 ? strings[strings.length - 1] : this.context;
    let fields: LogFields = {};
    for (const item of rest) {
      if (item && typeof item === 'object') fields = { ...fields, ...(item as LogFields) };
    }
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, context };
    if (strings.length > 1) entry.stack = strings[0];
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.error = message.name;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry.msg = String(message);
    }
    Object.assign(entry, fields);
    this.write(`${JSON.stringify(entry, jsonSafe)}\n`);
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
