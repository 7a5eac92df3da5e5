import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class AttendanceEntryDto {
  @ApiProperty({ example: '0193f3a2-5c1e-7b4a-9d2e-6f1a2b3c4d5e', description: 'The member, by the id returned when registered' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, example: 'PRESENT' })
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;

  @ApiProperty({ example: false, description: 'Afbud: the member sent notice of absence' })
  @IsBoolean()
  absenceNotice!: boolean;

  @ApiPropertyOptional({ example: null, nullable: true, type: String, description: "The member who took an absent member's seat for this item" })
  @IsOptional()
  @IsUUID()
  substituteMemberId?: string | null;
}

export class RecordAttendanceDto extends CommandBodyDto {
  @ApiProperty({ type: [AttendanceEntryDto], description: 'One entry per member; a later entry for a member replaces the earlier one' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}
