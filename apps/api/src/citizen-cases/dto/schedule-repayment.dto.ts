import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class ScheduleRepaymentDto extends CommandBodyDto {
  @ApiProperty({ example: '2023-07-15', description: 'Payment date (yyyy-mm-dd), not before the assessment' })
  @IsString()
  scheduledFor!: string;
}
