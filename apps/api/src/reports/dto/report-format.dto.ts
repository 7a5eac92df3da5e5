import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REPORT_LOCALES, type ReportLocale } from '@casetrail/case-read-models';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** How a report is rendered: canonical JSON (default) or CSV with `# ` header lines. */
export class ReportFormatDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'json: canonical JSON, money in exact øre; csv: header lines starting with #, amounts in whole kroner' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: REPORT_LOCALES, default: 'en', description: 'CSV only. da: 334.299, 21 pct., semicolon-separated, Danish words; en: 334,299, 21%, comma-separated' })
  @IsOptional()
  @IsIn(REPORT_LOCALES)
  locale?: ReportLocale;
}
