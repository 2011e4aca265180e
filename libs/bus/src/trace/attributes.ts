/** OpenTelemetry messaging semantic-convention attribute names the bus sets on its spans. */
export const MessagingAttributes = {
  system: 'messaging.system',
  destination: 'messaging.destination.name',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  messageId: 'messaging.message.id',
  consumerGroup: 'messaging.consumer.group.name',
  batchCount: 'messaging.batch.message_count',
  streamSequence: 'messaging.nats.stream.sequence',
  deliveryCount: 'messaging.nats.delivery_count',
  stream: 'messaging.nats.stream',
} as const;

/** `messaging.system` value for every bus span. */
export const MESSAGING_SYSTEM = 'nats';
