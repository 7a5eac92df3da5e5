import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Length } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class ScheduleReferralDto extends CommandBodyDto {
  @ApiProperty({ example: 'Økonomiudvalget', description: 'The next body to take the item' })
  @IsString()
  @Length(1, 200)
  body!: string;

  @ApiProperty({ example: '2025-01-28', description: "That body's meeting date" })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  date!: string;
}
