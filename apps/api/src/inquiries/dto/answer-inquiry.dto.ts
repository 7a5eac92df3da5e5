import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class AnswerInquiryDto extends CommandBodyDto {
  @ApiProperty({ format: 'uuid', description: 'The draft whose report is sent' })
  @IsUUID('all')
  draftId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The committee agenda item whose final, adopting decision approved sending the answer' })
  @IsOptional()
  @IsUUID('all')
  committeeItemId?: string;

  @ApiPropertyOptional({ example: '2023-09-01', description: 'yyyy-mm-dd; defaults to the effective date' })
  @IsOptional()
  @IsString()
  answeredOn?: string;
}
