import { BadRequestException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { refuseUnstorableText, unstorableTextAt } from './storable-text';

describe('unstorableTextAt', () => {
  it('accepts any well-formed text without NUL, astral characters and control characters included', () => {
    expect(unstorableTextAt({ name: 'Per Tærstøl 👩‍👩‍👧‍👦', note: 'a\tb\u0001', list: ['Æ', { deep: '\ud83d\ude00' }] })).toBeUndefined();
    expect(unstorableTextAt(undefined)).toBeUndefined();
    expect(unstorableTextAt(42)).toBeUndefined();
  });

  it('names the first field holding a NUL or a lone surrogate, in arrays and keys too', () => {
    expect(unstorableTextAt({ owningUnit: 'a\u0000b' })).toBe('owningUnit');
    expect(unstorableTextAt({ period: { from: 'x\ud800' } })).toBe('period.from');
    expect(unstorableTextAt({ entries: [{ memberId: 'ok' }, { memberId: '\udfffx' }] })).toBe('entries.1.memberId');
    expect(unstorableTextAt({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(unstorableTextAt('\udc00\ud800')).toBe('');
  });
});

describe('refuseUnstorableText', () => {
  it('refuses with 400 REQUEST.INVALID_TEXT, looking at path parameters, query and body', async () => {
    for (const request of [{ params: { committeeId: '\u0000' } }, { query: { caseNumber: 'a\u0000' } }, { body: { reason: '\ud800' } }]) {
      const error = await refuseUnstorableText(request as unknown as FastifyRequest).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BadRequestException);
      expect((error as BadRequestException).getResponse()).toMatchObject({ code: 'REQUEST.INVALID_TEXT' });
    }
    await expect(refuseUnstorableText({ params: {}, query: {}, body: { reason: 'fine' } } as unknown as FastifyRequest)).resolves.toBeUndefined();
  });
});
