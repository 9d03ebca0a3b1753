import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ImportQuery,
  ImportResponse,
  ImportSubmissionsBody,
  type Page,
  RPC_PATTERNS,
  type RpcCaller,
  SubmissionResponse,
  SubmissionsQuery,
} from '@prepmate/contracts';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';

/** A 10 000-submission import is stored in a few seconds; it gets more time than other calls. */
const IMPORT_TIMEOUT_MS = 60_000;

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('submissions')
export class SubmissionsController {
  constructor(private readonly upstream: Upstream) {}

  /**
   * Imports up to 10 000 submissions in PrepMate's format or a platform's export
   * (`?format=codeforces|leetcode`). Valid records are kept, invalid ones rejected one by one.
   */
  @Post('import')
  @HttpCode(202)
  @ApiBody({
    type: ImportSubmissionsBody,
    description: 'PrepMate format; see `format` for the others',
  })
  @ApiAcceptedResponse({ type: ImportResponse })
  @ApiErrors(400, 401, 413)
  import(
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @Caller() caller: RpcCaller,
  ): Promise<ImportResponse> {
    return this.upstream.call(
      RPC_PATTERNS.ingestionImport,
      { format: query.format, body },
      caller,
      IMPORT_TIMEOUT_MS,
    );
  }

  /** The caller's stored submissions, newest first. */
  @Get()
  @ApiOkResponse({ description: '{ items: Submission[], nextCursor }' })
  @ApiErrors(400, 401)
  list(
    @Query() query: SubmissionsQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<SubmissionResponse>> {
    return this.upstream.call(
      RPC_PATTERNS.ingestionSubmissions,
      {
        platform: query.platform,
        verdict: query.verdict,
        limit: query.limit,
        cursor: query.cursor,
      },
      caller,
    );
  }
}
