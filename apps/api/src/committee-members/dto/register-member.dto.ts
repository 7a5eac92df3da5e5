import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class RegisterMemberDto extends CommandBodyDto {
  @ApiProperty({ example: 'Per Tærstøl', description: 'The name as the member is registered' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: ['Per Tærsebøl'], description: 'Other spellings of the name found in minutes', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  aliases?: string[];
}
