import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Length } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class AddProtocolNoteDto extends CommandBodyDto {
  @ApiProperty({ example: 'Ø og Suleman Naim kan ikke tiltræde indstillingen.', description: 'The protocol note (protokollat) as worded in the minutes' })
  @IsString()
  @Length(1, 10000)
  text!: string;

  @ApiProperty({ example: ['0193f3a2-5c1e-7b4a-9d2e-6f1a2b3c4d5e'], type: [String], description: 'The member(s) the note belongs to, each present for the item' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true })
  memberIds!: string[];
}
