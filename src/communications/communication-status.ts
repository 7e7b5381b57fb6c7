export const COMMUNICATION_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'sent',
  'cancelled',
] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

/**
 * Communication lifecycle. `sending`: the fan-out is creating deliveries; `sent`: every
 * delivery exists (their own statuses track the sending itself).
 */
export const COMMUNICATION_TRANSITIONS: Record<CommunicationStatus, CommunicationStatus[]> = {
  draft: ['scheduled', 'sending', 'cancelled'],
  scheduled: ['sending', 'cancelled'],
  sending: ['sent'],
  sent: [],
  cancelled: [],
};

export const CHANNELS = ['email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DELIVERY_STATUSES = [
  'created',
  'sending',
  'delivered',
  'temporary_failure',
  'permanent_failure',
  'technical_failure',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const TERMINAL: DeliveryStatus[] = ['delivered', 'permanent_failure', 'technical_failure'];

export const ACKNOWLEDGEMENT_VIA = ['api', 'link'] as const;
export type AcknowledgementVia = (typeof ACKNOWLEDGEMENT_VIA)[number];
