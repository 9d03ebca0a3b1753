import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { RpcCaller } from '@prepmate/contracts';
import type { Request, Response } from 'express';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { LiveStreams } from '../live/live-streams';

/** Live delivery to a connected client by Server-Sent Events (docs/synergy.md, "Live events"). */
@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsStreamController {
  constructor(private readonly streams: LiveStreams) {}

  /**
   * `text/event-stream` of my chat messages (`chat.message_sent`), unlocked chats
   * (`synergy.chat_unlocked`) and notifications (`notification.created`), each `id:` the
   * event id and `data:` its payload. Everything is stored before it is sent: after a
   * reconnect, read `GET /chats`, the messages and `GET /notifications`.
   */
  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an open Server-Sent Events stream' })
  @ApiErrors(401)
  stream(@Caller() caller: RpcCaller, @Req() request: Request, @Res() response: Response): void {
    const close = this.streams.open(caller.userId, response);
    request.on('close', close);
  }
}
