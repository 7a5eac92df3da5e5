import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { LINK_RELATIONS, type LinkRelation } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class LinkItemDto extends CommandBodyDto {
  @ApiProperty({ example: '0193f3a2-5c1e-7b4a-9d2e-6f1a2b3c4d5e', description: "The other item's stable id; display numbers are renumbered, so never those" })
  @IsUUID()
  linkedItemId!: string;

  @ApiProperty({ enum: LINK_RELATIONS, example: 'CONTINUES' })
  @IsIn(LINK_RELATIONS)
  relation!: LinkRelation;
}
