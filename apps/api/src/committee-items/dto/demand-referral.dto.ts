import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class DemandReferralDto extends CommandBodyDto {
  @ApiProperty({ example: '0193f3a2-5c1e-7b4a-9d2e-6f1a2b3c4d5e', description: 'The member, present for the item, who demands that it go to the city council' })
  @IsUUID()
  memberId!: string;
}
