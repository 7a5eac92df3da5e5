import type { ReportLocale } from '@casetrail/case-read-models';
import { reportDigest, reportJson } from '@casetrail/case-read-models';
import type { FastifyReply } from 'fastify';
import type { ReportFormat } from './dto/report-format.dto';

/**
 * Sends a report: its canonical JSON (the bytes an answer stores), or its CSV. Either way the
 * headers name the digest of the JSON, the position and the cutoff it was computed at.
 */
export function reportResponse(
  reply: FastifyReply,
  report: { readonly header: { readonly basis: { readonly position: string; readonly recordedCutoff: string } } },
  options: { readonly format?: ReportFormat; readonly locale?: ReportLocale; readonly csv: (locale: ReportLocale) => string; readonly filename: string },
): string {
  const { position, recordedCutoff } = report.header.basis;
  void reply.header('X-Report-Digest', reportDigest(report));
  void reply.header('X-Report-Position', position);
  void reply.header('X-Report-Recorded-Cutoff', recordedCutoff);
  void reply.header('Cache-Control', 'no-store');
  if (options.format === 'csv') {
    void reply.header('Content-Type', 'text/csv; charset=utf-8');
    void reply.header('Content-Disposition', `attachment; filename="${options.filename}-${position}.csv"`);
    return options.csv(options.locale ?? 'en');
  }
  void reply.header('Content-Type', 'application/json; charset=utf-8');
  return reportJson(report);
}
