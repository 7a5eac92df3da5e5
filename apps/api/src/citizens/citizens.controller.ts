import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EraseCitizenCommand, requireErasureReason, type CitizenEvent } from '@casetrail/case-management';
import type { CommandResult } from '@casetrail/event-store';
import { ACCESS_LOG, PERSONAL_DATA_VAULT, UnknownCitizenError, type AccessLog, type AccessLogPage, type PersonalDataVault } from '@casetrail/personal-data';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommandResponses, ApiReadResponses } from '../http/api-docs';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { ParseIdPipe } from '../http/id.pipe';
import { commandContext } from '../http/request-context';
import { AccessLogQueryDto } from './dto/access-log-query.dto';
import { EraseCitizenDto } from './dto/erase-citizen.dto';

/** A citizen by their pseudonymous reference: who read their case and why, and erasure. Roles: security/route-policy.ts. */
@ApiTags('citizens')
@ApiBearerAuth()
@Controller('citizens')
export class CitizensController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(ACCESS_LOG) private readonly accessLog: AccessLog,
  ) {}

  @Get(':citizenRef/access-log')
  @ApiOperation({ summary: "Every recorded read of the citizen's cases, newest first: who, when, which route and the stated purpose (for the citizen's insight request)" })
  @ApiReadResponses()
  async accessLogOf(@Param('citizenRef', ParseIdPipe) citizenRef: string, @Query() query: AccessLogQueryDto): Promise<AccessLogPage> {
    if (!(await this.vault.isRegistered(citizenRef))) throw new UnknownCitizenError(citizenRef);
    return this.accessLog.listForCitizen(citizenRef, { page: query.page, pageSize: query.pageSize });
  }

  /**
   * Destroys the citizen's data key first, then records CitizenErased. A failure in between leaves
   * the key destroyed and the event missing; a retry completes it, since destroying is idempotent.
   * The other order could record an erasure whose key survived, and a retry would then be refused.
   */
  @Post(':citizenRef/erase')
  @HttpCode(200)
  @ApiOperation({ summary: "Erase a citizen by destroying their data key: their CPR number and personal fields become unreadable; case facts stay under the reference" })
  @ApiCommandResponses()
  async erase(
    @Param('citizenRef', ParseIdPipe) citizenRef: string,
    @Body() body: EraseCitizenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = new EraseCitizenCommand(citizenRef, { reason: requireErasureReason(body.reason) }, commandContext(request));
    if (!(await this.vault.eraseCitizen(citizenRef))) throw new UnknownCitizenError(citizenRef);
    const result = await this.commands.execute<EraseCitizenCommand, CommandResult<CitizenEvent>>(command);
    return commandResponse(reply, result, { citizenRef });
  }
}
