import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  MarkedReadResponse,
  NotificationPageResponse,
  NotificationPreferencesResponse,
  PageQuery,
  RPC_PATTERNS,
  type RpcCaller,
  UnsubscribeQuery,
  UnsubscribeResponse,
  UpdateNotificationPreferencesRequest,
} from '@prepmate/contracts';
import { Caller, Public } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { NotificationIdPipe } from '../input/notification-id.pipe';
import { Upstream } from '../upstream/upstream.service';

/** The learner's notifications, kept by auth (docs/product.md, "Notifications"). */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly upstream: Upstream) {}

  /** Newest first (keyset pagination), with the unread count of the whole list. */
  @Get('notifications')
  @ApiBearerAuth()
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiErrors(400, 401)
  list(@Query() query: PageQuery, @Caller() caller: RpcCaller): Promise<NotificationPageResponse> {
    return this.upstream.call(
      RPC_PATTERNS.notificationsList,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }

  /**
   * Public: the link of every notification email. The signed token names the learner and the
   * kind; following it turns that kind's email off (nothing else). 400 for a token this
   * system did not sign.
   */
  @Get('notifications/unsubscribe')
  @Public()
  @ApiOkResponse({ type: UnsubscribeResponse })
  @ApiErrors(400)
  unsubscribe(@Query() query: UnsubscribeQuery): Promise<UnsubscribeResponse> {
    return this.upstream.call(RPC_PATTERNS.notificationsUnsubscribe, {
      token: query.token,
    });
  }

  /** The same, for mail clients' one-click unsubscribe (RFC 8058, `List-Unsubscribe-Post`). */
  @Post('notifications/unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: UnsubscribeResponse })
  @ApiErrors(400)
  unsubscribeOneClick(@Query() query: UnsubscribeQuery): Promise<UnsubscribeResponse> {
    return this.unsubscribe(query);
  }

  @Post('notifications/read-all')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadResponse })
  @ApiErrors(401)
  markAllRead(@Caller() caller: RpcCaller): Promise<MarkedReadResponse> {
    return this.upstream.call(RPC_PATTERNS.notificationsMarkAllRead, {}, caller);
  }

  /** 404 for a notification that is not the caller's. Marking one read twice is fine (marked 0). */
  @Post('notifications/:id/read')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadResponse })
  @ApiErrors(400, 401, 404)
  markRead(
    @Param('id', NotificationIdPipe) id: string,
    @Caller() caller: RpcCaller,
  ): Promise<MarkedReadResponse> {
    return this.upstream.call(RPC_PATTERNS.notificationsMarkRead, { notificationId: id }, caller);
  }

  /** Per kind: in the app on or off, and by email off, at once (immediate) or in the morning digest. */
  @Get('me/notification-preferences')
  @ApiBearerAuth()
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiErrors(401)
  preferences(@Caller() caller: RpcCaller): Promise<NotificationPreferencesResponse> {
    return this.upstream.call(RPC_PATTERNS.notificationPreferences, {}, caller);
  }

  /** Changes the kinds named; the others keep their settings. Answers every kind's setting. */
  @Put('me/notification-preferences')
  @ApiBearerAuth()
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiErrors(400, 401)
  updatePreferences(
    @Body() body: UpdateNotificationPreferencesRequest,
    @Caller() caller: RpcCaller,
  ): Promise<NotificationPreferencesResponse> {
    return this.upstream.call(
      RPC_PATTERNS.notificationPreferencesUpdate,
      { preferences: body.preferences },
      caller,
    );
  }
}
