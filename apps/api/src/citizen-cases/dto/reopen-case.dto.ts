import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class ReopenCaseDto extends CommandBodyDto {
  @ApiProperty({ example: 'The deducted amount was recorded wrongly', description: 'Why the case is reopened' })
  @IsString()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ example: '2023-08-15', description: 'yyyy-mm-dd, not before the case was closed; defaults to the effective date' })
  @IsOptional()
  @IsString()
  reopenedOn?: string;
}
