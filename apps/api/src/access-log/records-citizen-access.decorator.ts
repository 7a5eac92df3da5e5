import { SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';
import { PURPOSE_HEADER, PURPOSE_QUERY } from './access-purpose';
import { CITIZEN_ACCESS_METADATA, type CitizenAccessTarget } from './citizen-access-target';
import { CitizenAccessInterceptor } from './citizen-access.interceptor';

/**
 * Marks a route as a person's read of a citizen's case: the caller must state a purpose
 * (`X-Purpose` or `?purpose=`, else 400 ACCESS.PURPOSE_REQUIRED), and each successful read is
 * appended to the access log with who, when, the citizen reference, the route and the purpose.
 * When the entry cannot be written, the read fails: no read goes unrecorded.
 */
export function RecordsCitizenAccess(target: CitizenAccessTarget = { caseIdParam: 'caseId' }) {
  return applyDecorators(
    SetMetadata(CITIZEN_ACCESS_METADATA, target),
    UseInterceptors(CitizenAccessInterceptor),
    ApiHeader({
      name: PURPOSE_HEADER,
      required: false,
      description: `Why the citizen's case is read, 1-200 printable characters, no CPR number; required unless ?${PURPOSE_QUERY}= is given. Recorded in the access log the citizen may see.`,
    }),
    ApiQuery({ name: PURPOSE_QUERY, required: false, type: String, description: `Instead of the ${PURPOSE_HEADER} header` }),
  );
}
