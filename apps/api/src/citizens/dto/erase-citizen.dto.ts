import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { MAX_ERASURE_REASON_LENGTH } from '@casetrail/case-management';

export class EraseCitizenDto {
  @ApiProperty({ example: 'Borgerens anmodning om sletning, jf. databeskyttelsesforordningens art. 17', maxLength: MAX_ERASURE_REASON_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(MAX_ERASURE_REASON_LENGTH)
  reason!: string;
}
