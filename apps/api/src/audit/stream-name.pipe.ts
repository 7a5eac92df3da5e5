import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** The streams auditors read: a case, committee item, member or inquiry, by its UUID. */
export const AUDITED_STREAM = /^(citizen-case|committee-item|committee-member|inquiry)-[0-9a-f-]{36}$/;

/** A route's stream name must be an audited stream's; anything else is a 400. */
@Injectable()
export class ParseStreamNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (AUDITED_STREAM.test(value)) return value;
    const detail = 'stream must be citizen-case-, committee-item-, committee-member- or inquiry- followed by a UUID';
    throw new BadRequestException({ code: 'REQUEST.INVALID_STREAM', detail, field: 'stream', errors: [{ field: 'stream', code: 'REQUEST.INVALID_STREAM', detail }] });
  }
}
