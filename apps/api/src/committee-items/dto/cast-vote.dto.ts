import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { VOTE_CHOICES, type VoteChoice } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class CastVoteDto extends CommandBodyDto {
  @ApiProperty({ example: '0193f3a2-5c1e-7b4a-9d2e-6f1a2b3c4d5e', description: 'The voting member; the party on the meeting date is looked up' })
  @IsUUID()
  memberId!: string;

  @ApiPropertyOptional({ example: 'Per Tærsebøl', description: "The name as these minutes spell it (the name or an alias); defaults to the registered name" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  memberName?: string;

  @ApiProperty({ enum: VOTE_CHOICES, example: 'FOR' })
  @IsIn(VOTE_CHOICES)
  vote!: VoteChoice;
}
