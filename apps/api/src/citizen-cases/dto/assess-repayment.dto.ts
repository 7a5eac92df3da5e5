import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export const MAX_SANCTIONS_PER_REQUEST = 50;

export class AssessRepaymentDto extends CommandBodyDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MAX_SANCTIONS_PER_REQUEST,
    example: ['0190c7a2-5b1e-7c3d-9f00-1a2b3c4d5e6f'],
    description: 'The sanctions repaid; each was found in error by a review',
  })
  @IsArray()
  @ArrayMaxSize(MAX_SANCTIONS_PER_REQUEST)
  @IsUUID('all', { each: true })
  sanctionIds!: string[];

  @ApiProperty({ example: 1000000, description: 'Amount to repay, in integer øre; at most what the sanctions deducted, less earlier repayments' })
  @IsInt()
  @Min(1)
  amountOre!: number;

  @ApiPropertyOptional({ example: '2023-07-01', description: 'yyyy-mm-dd; defaults to the effective date' })
  @IsOptional()
  @IsString()
  assessedOn?: string;
}
