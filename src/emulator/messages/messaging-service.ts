import { unixSeconds } from '../core/clock';
import type { EmulatorContext } from '../core/context';
import { wamid } from '../core/ids';
import { GraphError, invalidParameter100, missingParam, webhookError } from '../graph/graph-error';
import { SendLimits } from '../limits/send-limits';
import type { TemplateForSend } from '../state/extensions';
import type { BusinessPhoneNumber, Customer, StoredMessage } from '../state/models';
import { pricingFor } from './pricing';
import { checkFlowSend, resolveTemplate } from './send-checks';
import { StatusEmitter } from './status-emitter';
import { isObject, type Json } from './validate/fields';
import { validateOutbound } from './validate/validate-outbound';

export interface SendResponse {
  messaging_product: 'whatsapp';
  contacts: Array<{ input: string; wa_id: string }>;
  messages: Array<{ id: string; message_status?: 'accepted' }>;
}

/**
 * The messaging core: accepts sends (sync validation and limits, then O(1) in-memory work),
 * decides async failures, drives statuses, handles read receipts in both directions.
 */
export class MessagingService {
  readonly limits: SendLimits;
  readonly statuses: StatusEmitter;

  constructor(private readonly ctx: EmulatorContext) {
    this.limits = new SendLimits(() => ctx.state.config);
    this.statuses = new StatusEmitter(ctx);
  }

  /** `POST /{phone-number-id}/messages` with a message (not `status:"read"`). */
  send(phone: BusinessPhoneNumber, body: Json): SendResponse {
    const { state, clock } = this.ctx;
    const now = clock.now();
    this.limits.checkThroughput(phone.id, now);
    const plan = validateOutbound(body);
    if (plan.waId === phone.displayPhoneNumber) throw new GraphError(131021);
    const testNumber = state.config.test_number;
    if (testNumber.enabled && !testNumber.allowed_recipients.includes(plan.waId))
      throw new GraphError(131030);
    const template = plan.template ? resolveTemplate(state, plan.template) : undefined;
    const flowId = plan.interactive?.flow ? checkFlowSend(state, plan.interactive.flow) : undefined;
    this.limits.checkPairRate(phone.id, plan.waId, now);

    // Accepted: everything below is in-memory and O(1).
    const isNew = !state.customers.has(plan.waId);
    const customer = state.getOrCreateCustomer(plan.waId, now);
    if (isNew && state.config.unknown_recipients === 'undeliverable') customer.onWhatsApp = false;
    const windowOpen = state.isWindowOpen(phone.id, plan.waId, now);
    const message: StoredMessage = {
      id: wamid(plan.waId),
      direction: 'outbound',
      phoneNumberId: phone.id,
      waId: plan.waId,
      type: plan.type,
      content: plan.content,
      timestamp: unixSeconds(now),
      status: 'accepted',
      statuses: [],
      ...(plan.contextMessageId ? { context: { message_id: plan.contextMessageId } } : {}),
      ...(plan.bizOpaqueCallbackData !== undefined
        ? { bizOpaqueCallbackData: plan.bizOpaqueCallbackData }
        : {}),
      ...(template ? { templateName: template.name } : {}),
    };
    const failureCode = this.asyncFailure(customer, template, plan.mediaIds, phone.id, windowOpen, now);
    if (failureCode === undefined) message.pricing = pricingFor(template?.category, windowOpen);
    state.addMessage(customer, message);
    customer.typingUntil = undefined;
    state.markChanged();
    if (template && failureCode === undefined) state.templates?.onSent?.(template, plan.waId);
    if (flowId && failureCode === undefined) state.flows?.onSent?.(flowId);
    this.statuses.start(phone, message, failureCode === undefined ? undefined : webhookError(failureCode));

    return {
      messaging_product: 'whatsapp',
      contacts: [{ input: plan.input, wa_id: plan.waId }],
      messages: [{ id: message.id, ...(template ? { message_status: 'accepted' as const } : {}) }],
    };
  }

  /** Failures Meta reports only in a `failed` status webhook (reference §1.3). */
  private asyncFailure(
    customer: Customer,
    template: TemplateForSend | undefined,
    mediaIds: string[],
    phoneNumberId: string,
    windowOpen: boolean,
    now: number,
  ): number | undefined {
    if (!customer.onWhatsApp) return 131026;
    if (!template && !windowOpen) return 131047;
    if (template?.category === 'MARKETING' && customer.marketingOptOut) return 131050;
    const media = this.ctx.state.media;
    if (media && mediaIds.some((id) => !media.exists(id, phoneNumberId))) return 131053;
    if (template && !windowOpen && !this.limits.reachBusinessInitiated(customer.waId, now)) {
      return this.ctx.state.config.messaging_limit_error_code;
    }
    return undefined;
  }

  /** `{status:"read", message_id, typing_indicator?}`: mark an inbound message (and earlier ones) read. */
  markRead(phone: BusinessPhoneNumber, body: Json): { success: true } {
    if (body.messaging_product === undefined) throw missingParam('messaging_product');
    if (body.messaging_product !== 'whatsapp')
      throw invalidParameter100('Param messaging_product must be whatsapp.');
    if (body.message_id === undefined || body.message_id === '') throw missingParam('message_id');
    const message =
      typeof body.message_id === 'string' ? this.ctx.state.findMessage(body.message_id) : undefined;
    if (message?.direction !== 'inbound' || message.phoneNumberId !== phone.id) {
      throw invalidParameter100(`Invalid message_id: ${String(body.message_id)}`);
    }
    const typing = body.typing_indicator;
    if (typing !== undefined && (!isObject(typing) || typing.type !== 'text')) {
      throw new GraphError(131009, { details: "Param typing_indicator['type'] must be text." });
    }
    const customer = this.ctx.state.customers.get(message.waId)!;
    const now = this.ctx.clock.now();
    for (const earlier of customer.messages) {
      if (
        earlier.direction === 'inbound' &&
        earlier.phoneNumberId === phone.id &&
        earlier.status !== 'read'
      ) {
        earlier.status = 'read';
        earlier.statuses.push({ status: 'read', timestamp: unixSeconds(now) });
      }
      if (earlier === message) break;
    }
    if (typing !== undefined) customer.typingUntil = now + 25_000;
    this.ctx.state.markChanged();
    return { success: true };
  }

  /** The simulated customer reads outbound messages (all, or up to and including `upToId`). */
  customerRead(customer: Customer, upToId?: string): string[] {
    const read: string[] = [];
    for (const message of customer.messages) {
      if (message.direction === 'outbound' && this.statuses.read(message)) read.push(message.id);
      if (message.id === upToId) break;
    }
    return read;
  }
}
