import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation.pipe';

class EntryDto {
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  substituteId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  note?: string;
}

class BodyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  decidedOn?: string;

  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EntryDto)
  entries!: EntryDto[];
}

describe('the validation pipe', () => {
  const pipe = createValidationPipe();
  const asBody = (value: unknown) => pipe.transform(value, { type: 'body', metatype: BodyDto });

  it('lets null through where the documented schema says nullable, and absent optional fields', async () => {
    await expect(asBody({ entries: [{ substituteId: null }, {}] })).resolves.toBeInstanceOf(BodyDto);
  });

  it('refuses null for an optional field not documented as nullable, naming each, nested ones too', async () => {
    const error = await asBody({ decidedOn: null, entries: [{}, { note: null }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({
      code: 'REQUEST.VALIDATION_FAILED',
      errors: [
        { field: 'decidedOn', code: 'VALIDATION.NOT_NULL' },
        { field: 'entries.1.note', code: 'VALIDATION.NOT_NULL' },
      ],
    });
  });
});
