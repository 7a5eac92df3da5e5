import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsISO8601, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class CommitteeDto {
  @ApiProperty({ example: 'beskaeftigelsesudvalget', description: 'A stable id of the committee' })
  @IsString()
  @Length(1, 100)
  id!: string;

  @ApiProperty({ example: 'Beskæftigelsesudvalget' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 7, description: 'Seats on the committee: the basis of quorum' })
  @IsInt()
  memberCount!: number;
}

export class OpenItemDto extends CommandBodyDto {
  @ApiProperty({ example: '24-1-15.20.00-P27', description: 'Journal number: EMN-2023-05050, 24-1-15.20.00-P27, 17/7397 or 2016/05156' })
  @IsString()
  @Length(3, 40)
  caseNumber!: string;

  @ApiProperty({ type: CommitteeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CommitteeDto)
  committee!: CommitteeDto;

  @ApiProperty({ example: '2025-01-14' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  meetingDate!: string;

  @ApiProperty({ example: 2, description: 'Display number on the agenda; never used to refer to the item' })
  @IsInt()
  itemNumber!: number;

  @ApiProperty({ example: 'Opfølgning på skærpet rådighedssanktion' })
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiProperty({ example: false, description: 'A closed item (lukket punkt): its existence is visible to all, its content to cleared roles' })
  @IsBoolean()
  closed!: boolean;
}
