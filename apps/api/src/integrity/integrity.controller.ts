import { BadRequestException, Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, GLOBAL_SEAL, verifyStream, type EventStore, type GlobalSeal, type VerificationResult } from '@casetrail/event-store';
import { ApiReadResponses } from '../http/api-docs';

const STREAM = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/** Tamper evidence for auditors: verify a stream's chain; export the latest sealed hash of the log. */
@ApiTags('integrity')
@ApiBearerAuth()
@Controller('integrity')
export class IntegrityController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GLOBAL_SEAL) private readonly seal: GlobalSeal,
  ) {}

  @Get('streams/:stream')
  @ApiOperation({ summary: "Recomputes the stream's digests and hash chain; names the first event that does not match" })
  @ApiReadResponses()
  async verifyStream(@Param('stream') stream: string): Promise<{ streamName: string } & VerificationResult> {
    if (!STREAM.test(stream)) {
      throw new BadRequestException({ code: 'REQUEST.INVALID_STREAM', detail: 'stream is not a stream name', field: 'stream' });
    }
    return { streamName: stream, ...verifyStream(await this.store.readStream(stream)) };
  }

  @Get('checkpoints/latest')
  @ApiOperation({ summary: 'Seals what is new and returns the running hash of the global log: keep it outside the system' })
  @ApiReadResponses()
  async latestCheckpoint(): Promise<{ position: string; eventCount: number; runningHash: string } | { position: null; eventCount: 0; runningHash: null }> {
    const latest = (await this.seal.sealNew()) ?? (await this.seal.latestCheckpoint());
    return latest
      ? { position: latest.position.toString(), eventCount: latest.eventCount, runningHash: latest.runningHash }
      : { position: null, eventCount: 0, runningHash: null };
  }
}
