import { Readable } from 'node:stream';
import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ExportStreamQuery,
  GetStateAsOfQuery,
  GetStateDiffQuery,
  GetStreamHistoryQuery,
  parseAsOfView,
  parseDiffRequest,
  type AsOfState,
  type StateDiff,
  type StreamExport,
  type StreamHistory,
} from '@casetrail/case-management';
import type { FastifyReply } from 'fastify';
import { RecordsCitizenAccess } from '../access-log/records-citizen-access.decorator';
import { ApiReadResponses } from '../http/api-docs';
import { diffView, historyView, requireValid } from './audit-views';
import { AsOfQueryDto, DiffQueryDto } from './dto/as-of-query.dto';
import { ParseStreamNamePipe } from './stream-name.pipe';

/**
 * Auditors replay any case, committee item, member or inquiry as it stood at any moment, and take
 * its history away to verify it (docs/verify-export.md). Read-only. Both roles are cleared for
 * closed committee items (committee-item.visibility.ts), so every item is shown whole.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('cases')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':stream/state')
  @RecordsCitizenAccess({ streamParam: 'stream' })
  @ApiOperation({ summary: 'The state as of a revision, a recorded time (what was known then) or an effective time (the world then, as known today)' })
  @ApiReadResponses()
  state(@Param('stream', ParseStreamNamePipe) stream: string, @Query() query: AsOfQueryDto): Promise<AsOfState> {
    return this.queries.execute(new GetStateAsOfQuery(stream, requireValid(parseAsOfView(query))));
  }

  @Get(':stream/history')
  @RecordsCitizenAccess({ streamParam: 'stream' })
  @ApiOperation({ summary: 'Every event in revision order with its effective and recorded time, actor, correlation id and a one-line summary' })
  @ApiReadResponses()
  async history(@Param('stream', ParseStreamNamePipe) stream: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const history = await this.queries.execute<GetStreamHistoryQuery, StreamHistory>(new GetStreamHistoryQuery(stream));
    void reply.header('ETag', `"${history.revision}"`);
    return historyView(history);
  }

  @Get(':stream/diff')
  @RecordsCitizenAccess({ streamParam: 'stream' })
  @ApiOperation({ summary: 'What changed between two moments: the events in between and each changed state path with its value before and after' })
  @ApiReadResponses()
  async diff(@Param('stream', ParseStreamNamePipe) stream: string, @Query() query: DiffQueryDto) {
    const request = requireValid(parseDiffRequest(query));
    return diffView(await this.queries.execute<GetStateDiffQuery, StateDiff>(new GetStateDiffQuery(stream, request)));
  }

  @Get(':stream/export')
  @RecordsCitizenAccess({ streamParam: 'stream' })
  @ApiOperation({
    summary:
      'The events as NDJSON, one per line in revision order, with content digests and chain hashes; verify with docs/verify-export.sh. ETag is the last revision, X-Stream-Hash the last hash',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: '{ streamName, revision, position, id, type, data, metadata, contentDigest, hash } per line' })
  @ApiReadResponses()
  async export(@Param('stream', ParseStreamNamePipe) stream: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const exported = await this.queries.execute<ExportStreamQuery, StreamExport>(new ExportStreamQuery(stream));
    void reply.header('ETag', `"${exported.revision}"`);
    if (exported.hash !== null) void reply.header('X-Stream-Hash', exported.hash);
    return new StreamableFile(Readable.from(exported.lines), { type: 'application/x-ndjson', disposition: `attachment; filename="${stream}.ndjson"` });
  }
}
