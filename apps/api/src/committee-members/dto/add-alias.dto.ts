import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class AddAliasDto extends CommandBodyDto {
  @ApiProperty({ example: 'Per Tærsebøl', description: 'Another spelling of the name, as some minutes write it' })
  @IsString()
  @Length(1, 200)
  alias!: string;
}
