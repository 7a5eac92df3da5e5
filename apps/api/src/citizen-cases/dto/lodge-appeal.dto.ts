import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';
import { MAX_SANCTIONS_PER_REQUEST } from './assess-repayment.dto';

export class LodgeAppealDto extends CommandBodyDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MAX_SANCTIONS_PER_REQUEST,
    example: ['0190c7a2-5b1e-7c3d-9f00-1a2b3c4d5e6f'],
    description: 'The sanctions appealed; empty when another decision in the case is appealed',
  })
  @IsArray()
  @ArrayMaxSize(MAX_SANCTIONS_PER_REQUEST)
  @IsUUID('all', { each: true })
  sanctionIds!: string[];

  @ApiPropertyOptional({ example: '2021-04-01', description: 'yyyy-mm-dd; defaults to the effective date' })
  @IsOptional()
  @IsString()
  lodgedOn?: string;
}
