import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  GetComparatorQuery,
  GetExtractQuery,
  ImportComparatorCommand,
  ImportExtractCommand,
  documentDigest,
  extractIdOf,
  type AggregateView,
  type ComparatorEvent,
  type ComparatorState,
  type ExtractCitizen,
  type ExtractEvent,
  type ExtractState,
} from '@casetrail/case-management';
import { canonicalJson, type CommandResult } from '@casetrail/event-store';
import { CitizenErasedError, InvalidCprNumberError, PERSONAL_DATA_VAULT, parseCprNumber, type PersonalDataVault } from '@casetrail/personal-data';
import { uuidv7 } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommandResponses, ApiReadResponses } from '../http/api-docs';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { ParseIdPipe } from '../http/id.pipe';
import { commandContext } from '../http/request-context';
import { ImportComparatorDto } from './dto/import-comparator.dto';
import { ImportExtractDto, type ExtractCitizenDto } from './dto/import-extract.dto';

/**
 * Information from outside (the STAR extract, national averages) stored as imported evidence with
 * its source and date, never merged into the municipality's own facts.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence')
export class EvidenceController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @Post('extracts')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Import an external extract (e.g. STAR/Jobindsats) as evidence. CPR numbers are matched through the vault and never stored: a registered citizen by reference, anyone else by the keyed lookup hash. Idempotent by the SHA-256 of the posted document: the same file again answers 200 with the first import and stores nothing',
  })
  @ApiCommandResponses({ created: true })
  async importExtract(
    @Body() body: ImportExtractDto,
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const digest = documentDigest(request.rawBody ?? canonicalJson(request.body));
    const extractId = extractIdOf(digest);
    const citizens = await Promise.all(body.citizens.map((citizen, i) => this.identify(citizen, i)));
    const payload = { source: body.source, period: { from: body.period.from, to: body.period.to }, receivedOn: body.receivedOn, digest, citizens };
    const command = new ImportExtractCommand(extractId, payload, commandContext(request, `${body.receivedOn}T12:00:00Z`));
    const result = await this.commands.execute<ImportExtractCommand, CommandResult<ExtractEvent>>(command);
    const imported = result.events.length > 0;
    if (!imported) void reply.status(200);
    const matched = citizens.filter((c) => c.citizenRef !== null).length;
    return {
      ...commandResponse(reply, result, { extractId }, `/evidence/extracts/${extractId}`),
      imported,
      digest: { algorithm: 'SHA-256', value: digest },
      citizens: { matched, unmatched: citizens.length - matched },
    };
  }

  @Get('extracts/:extractId')
  @ApiOperation({ summary: 'The extract as imported: source, period, receipt date, digest, and citizens by reference or lookup hash (never a CPR number)' })
  @ApiReadResponses()
  async getExtract(@Param('extractId', ParseIdPipe) extractId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AggregateView<ExtractState>> {
    const view = await this.queries.execute<GetExtractQuery, AggregateView<ExtractState>>(new GetExtractQuery(extractId));
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }

  @Post('comparators')
  @HttpCode(201)
  @ApiOperation({ summary: 'Import a comparator, e.g. a national average reversal rate, as evidence with its label, source and date' })
  @ApiCommandResponses({ created: true })
  async importComparator(@Body() body: ImportComparatorDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const comparatorId = uuidv7();
    const payload = {
      label: body.label,
      source: body.source,
      receivedOn: body.receivedOn,
      legalArea: body.legalArea,
      period: { from: body.period.from, to: body.period.to },
      reversalRatePct: body.reversalRatePct,
    };
    const command = new ImportComparatorCommand(comparatorId, payload, commandContext(request, body.effectiveAt ?? `${body.receivedOn}T12:00:00Z`));
    const result = await this.commands.execute<ImportComparatorCommand, CommandResult<ComparatorEvent>>(command);
    return commandResponse(reply, result, { comparatorId }, `/evidence/comparators/${comparatorId}`);
  }

  @Get('comparators/:comparatorId')
  @ApiOperation({ summary: 'The comparator as imported' })
  @ApiReadResponses()
  async getComparator(@Param('comparatorId', ParseIdPipe) comparatorId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AggregateView<ComparatorState>> {
    const view = await this.queries.execute<GetComparatorQuery, AggregateView<ComparatorState>>(new GetComparatorQuery(comparatorId));
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }

  /** The citizen's reference when registered, else the vault's keyed lookup hash; the CPR number goes no further. */
  private async identify(citizen: ExtractCitizenDto, index: number): Promise<ExtractCitizen> {
    const sanctions = citizen.sanctions.map(({ type, date, amountOre }) => ({ type, date, amountOre: amountOre ?? null }));
    let cpr;
    try {
      cpr = parseCprNumber(citizen.cpr);
    } catch (error) {
      if (!(error instanceof InvalidCprNumberError)) throw error;
      const field = `citizens.${index}.cpr`;
      const detail = `${field} is not a valid CPR number`;
      throw new BadRequestException({ code: error.code, detail, field, errors: [{ field, code: error.code, detail }] });
    }
    try {
      const citizenRef = await this.vault.findCitizenRef(cpr);
      if (citizenRef !== undefined) return { citizenRef, lookupHash: null, sanctions };
    } catch (error) {
      // An erased citizen's CPR number is not linked to new history: kept by the hash only.
      if (!(error instanceof CitizenErasedError)) throw error;
    }
    return { citizenRef: null, lookupHash: this.vault.lookupHash(cpr), sanctions };
  }
}
