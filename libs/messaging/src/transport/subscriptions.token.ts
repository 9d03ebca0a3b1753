/**
 * DI token of the subscription table the transport checks its handlers against
 * (`EVENT_SUBSCRIPTIONS` from the contracts; tests provide their own).
 */
export const EVENT_SUBSCRIPTIONS_TOKEN = Symbol('EVENT_SUBSCRIPTIONS');
