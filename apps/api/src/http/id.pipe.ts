import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route ids are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!UUID.test(value)) {
      const field = metadata.data ?? 'id';
      throw new BadRequestException({ code: 'REQUEST.INVALID_ID', detail: `${field} must be a UUID`, field, errors: [{ field, code: 'REQUEST.INVALID_ID', detail: `${field} must be a UUID` }] });
    }
    return value.toLowerCase();
  }
}
