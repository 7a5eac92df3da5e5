import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class IssueRepaymentDto extends CommandBodyDto {
  @ApiPropertyOptional({ example: '2023-07-15', description: 'yyyy-mm-dd; defaults to the effective date' })
  @IsOptional()
  @IsString()
  issuedOn?: string;
}
