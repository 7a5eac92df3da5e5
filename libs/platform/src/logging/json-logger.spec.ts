import { JsonLogger } from './json-logger';

describe('JsonLogger', () => {
  const capture = (level: 'debug' | 'info' | 'warn' | 'error' = 'info') => {
    const lines: string[] = [];
    return { lines, logger: new JsonLogger(level, 'test', (line) => lines.push(line)) };
  };

  it('writes one JSON object per line with time, level, context and fields', () => {
    const { lines, logger } = capture();
    logger.info({ msg: 'appended', stream: 'citizen-case-1', position: 42n });
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'info', context: 'test', msg: 'appended', stream: 'citizen-case-1', position: '42' });
    expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
  });

  it('drops entries below its level', () => {
    const { lines, logger } = capture('warn');
    logger.info('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });

  it("reads Nest's (message, stack, context) form for errors", () => {
    const { lines, logger } = capture();
    logger.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', msg: 'boom', context: 'ExceptionsHandler', stack: 'Error: boom\n    at x' });
  });

  it('child loggers keep the level and change the context', () => {
    const { lines, logger } = capture('warn');
    logger.child('projector').info('hidden');
    logger.child('projector').warn('lagging');
    expect(JSON.parse(lines[0])).toMatchObject({ context: 'projector', msg: 'lagging' });
    expect(lines).toHaveLength(1);
  });
});
