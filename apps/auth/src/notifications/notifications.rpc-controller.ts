import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type ListNotificationsRpcData,
  type NotificationIdRpcData,
  RPC_PATTERNS,
  type RpcRequest,
  type UnsubscribeRpcData,
  type UpdateNotificationPreferencesRpcData,
} from '@prepmate/contracts';
import { requireCaller, RpcHandler } from '@prepmate/messaging';
import { NotificationsService } from './notifications.service';

/** Notification RPCs: each unpacks the request and calls the service. Bodies were validated by the gateway. */
@Controller()
export class NotificationsRpcController {
  constructor(private readonly notifications: NotificationsService) {}

  @RpcHandler(RPC_PATTERNS.notificationsList)
  list(@Payload() request: RpcRequest<ListNotificationsRpcData>) {
    return this.notifications.list(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.notificationsMarkRead)
  markRead(@Payload() request: RpcRequest<NotificationIdRpcData>) {
    return this.notifications.markRead(requireCaller(request), request.data.notificationId);
  }

  @RpcHandler(RPC_PATTERNS.notificationsMarkAllRead)
  markAllRead(@Payload() request: RpcRequest) {
    return this.notifications.markAllRead(requireCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.notificationPreferences)
  preferences(@Payload() request: RpcRequest) {
    return this.notifications.preferences(requireCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.notificationPreferencesUpdate)
  updatePreferences(@Payload() request: RpcRequest<UpdateNotificationPreferencesRpcData>) {
    return this.notifications.updatePreferences(requireCaller(request), request.data.preferences);
  }

  /** Public: the signed token is the authority (an email link opened without logging in). */
  @RpcHandler(RPC_PATTERNS.notificationsUnsubscribe)
  unsubscribe(@Payload() request: RpcRequest<UnsubscribeRpcData>) {
    return this.notifications.unsubscribe(request.data.token);
  }
}
