import { numericId } from '../core/ids';
import { GraphError } from '../graph/graph-error';
import type { EmulatorConfig } from '../state/config';
import type { PersistentStore, TemplateLookup } from '../state/extensions';
import { TemplateCreationError } from './template-creation-error';
import {
  type QualityScore,
  type RejectedReason,
  TEMPLATE_SUBCODES as S,
  type StoredTemplate,
  type TemplateDefinition,
  type TemplateStatus,
} from './template-types';
import { authenticationBodyText } from './validate-authentication-template';
import { validateTemplateDefinition } from './validate-template-definition';

export interface TemplateStoreDeps {
  now(): number;
  emitChange(field: string, value: Record<string, unknown>): void;
  later(ms: number, fn: () => void): void;
  reviewPolicy(): EmulatorConfig['template_review'];
  markChanged(): void;
  /** FLOW buttons: does the flow exist in this WABA? */
  flowExists?(wabaId: string, flowId: string): boolean;
}

export interface TemplateStoreOptions {
  /** Template names per WABA (reference §6.4: 250 for unverified businesses). */
  maxTemplates: number;
  /** A deleted name+language cannot be re-created for this long (about 30 days, [?]). */
  nameReuseCooldownMs: number;
}

export const DEFAULT_TEMPLATE_STORE_OPTIONS: TemplateStoreOptions = {
  maxTemplates: 250,
  nameReuseCooldownMs: 30 * 24 * 60 * 60 * 1000,
};

interface SerializedTemplates {
  templates: StoredTemplate[];
  deleted: Array<[string, number]>;
}

const deletedKey = (wabaId: string, name: string, language: string) =>
  `${wabaId}\u0000${name}\u0000${language}`;

/** Fill in Meta's fixed texts of authentication templates so sends and GET see them. */
function withAuthenticationTexts(definition: TemplateDefinition): TemplateDefinition {
  if (definition.category !== 'AUTHENTICATION') return definition;
  const components = definition.components.map((component) => {
    if (component.type === 'BODY')
      return { ...component, text: authenticationBodyText(component.add_security_recommendation === true) };
    if (component.type === 'FOOTER')
      return { ...component, text: `This code expires in ${component.code_expiration_minutes} minutes.` };
    return component;
  });
  return { ...definition, components };
}

/**
 * Message templates of every WABA: creation with Meta's rules, review (approve/reject/manual per
 * `config.template_review`), status and quality changes with their webhooks, deletion, and the
 * lookup the send path uses.
 */
export class TemplateStore implements TemplateLookup, PersistentStore {
  private readonly templates = new Map<string, StoredTemplate>();
  private readonly deleted = new Map<string, number>();
  private readonly options: TemplateStoreOptions;

  constructor(
    private readonly deps: TemplateStoreDeps,
    options: Partial<TemplateStoreOptions> = {},
  ) {
    this.options = { ...DEFAULT_TEMPLATE_STORE_OPTIONS, ...options };
  }

  /** `POST /{waba-id}/message_templates`. Throws TemplateCreationError for a broken rule. */
  create(wabaId: string, input: unknown): StoredTemplate {
    const result = validateTemplateDefinition(input, {
      flowExists: this.deps.flowExists ? (flowId) => this.deps.flowExists!(wabaId, flowId) : undefined,
    });
    if (!result.ok) throw new TemplateCreationError(result.violation);
    const definition = withAuthenticationTexts(result.definition);
    const now = this.deps.now();
    const sameName = this.list(wabaId).filter((t) => t.name === definition.name);
    if (sameName.some((t) => t.language === definition.language))
      throw new TemplateCreationError({
        subcode: S.alreadyExists,
        title: 'Content in this language already exists',
        message: `The template ${definition.name} already has content in ${definition.language}. Try a different name or language.`,
      });
    const deletedAt = this.deleted.get(deletedKey(wabaId, definition.name, definition.language));
    if (deletedAt !== undefined && now - deletedAt < this.options.nameReuseCooldownMs)
      throw new TemplateCreationError({
        subcode: S.languageBeingDeleted,
        title: 'Message template language is being deleted',
        message: `${definition.language} content of ${definition.name} is being deleted. Try again later or use a new name.`,
      });
    const names = new Set(this.list(wabaId).map((t) => t.name));
    if (sameName.length === 0 && names.size >= this.options.maxTemplates)
      throw new TemplateCreationError({
        subcode: S.countLimit,
        title: 'Message template count limit reached',
        message: `This WhatsApp Business Account already has ${this.options.maxTemplates} message templates.`,
      });
    const template: StoredTemplate = {
      id: numericId(15),
      wabaId,
      name: definition.name,
      language: definition.language,
      category: definition.category,
      parameterFormat: definition.parameterFormat,
      components: definition.components,
      status: 'PENDING',
      rejectedReason: 'NONE',
      qualityScore: 'UNKNOWN',
      qualityDate: now,
      createdAt: now,
      updatedAt: now,
      ...(definition.messageSendTtlSeconds !== undefined
        ? { messageSendTtlSeconds: definition.messageSendTtlSeconds }
        : {}),
    };
    this.templates.set(template.id, template);
    this.deps.markChanged();
    this.review(template.id, result.reviewRejection);
    return template;
  }

  /** Decide PENDING templates per policy: now (delay 0) or after `delay_seconds`. */
  private review(id: string, ruleRejection?: RejectedReason): void {
    const policy = this.deps.reviewPolicy();
    if (policy.mode === 'pending') return;
    const decide = () => {
      const template = this.templates.get(id);
      if (!template || template.status !== 'PENDING') return;
      const current = this.deps.reviewPolicy();
      if (current.mode === 'pending') return;
      if (ruleRejection) this.setStatus(id, 'REJECTED', ruleRejection);
      else if (current.mode === 'reject') this.setStatus(id, 'REJECTED', current.rejection_reason);
      else this.setStatus(id, 'APPROVED');
    };
    if (policy.delay_seconds <= 0) decide();
    else this.deps.later(policy.delay_seconds * 1000, decide);
  }

  get maxTemplates(): number {
    return this.options.maxTemplates;
  }

  /**
   * `POST /{template-id}`: new components/category/ttl, re-validated with the same rules; the
   * template goes back to PENDING and through review again. (Meta's edit quotas are not enforced.)
   */
  edit(id: string, input: Record<string, unknown>): StoredTemplate {
    const template = this.templates.get(id);
    if (!template) throw new Error(`unknown template ${id}`);
    const result = validateTemplateDefinition(
      {
        name: template.name,
        language: template.language,
        category: input.category ?? template.category,
        parameter_format: input.parameter_format ?? template.parameterFormat,
        components: input.components ?? template.components,
        message_send_ttl_seconds: input.message_send_ttl_seconds ?? template.messageSendTtlSeconds,
      },
      {
        flowExists: this.deps.flowExists
          ? (flowId) => this.deps.flowExists!(template.wabaId, flowId)
          : undefined,
      },
    );
    if (!result.ok) throw new TemplateCreationError(result.violation);
    const definition = withAuthenticationTexts(result.definition);
    template.category = definition.category;
    template.parameterFormat = definition.parameterFormat;
    template.components = definition.components;
    if (definition.messageSendTtlSeconds !== undefined)
      template.messageSendTtlSeconds = definition.messageSendTtlSeconds;
    template.status = 'PENDING';
    template.rejectedReason = 'NONE';
    template.updatedAt = this.deps.now();
    this.deps.markChanged();
    this.review(id, result.reviewRejection);
    return template;
  }

  get(id: string): StoredTemplate | undefined {
    return this.templates.get(id);
  }

  /** Templates of a WABA, newest first. */
  list(wabaId: string): StoredTemplate[] {
    return [...this.templates.values()]
      .filter((t) => t.wabaId === wabaId)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Change the status (review, control API) and send `message_template_status_update`. */
  setStatus(id: string, status: TemplateStatus, reason: RejectedReason | string = 'NONE'): StoredTemplate {
    const template = this.templates.get(id);
    if (!template) throw new Error(`unknown template ${id}`);
    template.status = status;
    template.rejectedReason = status === 'REJECTED' ? ((reason as RejectedReason) ?? 'NONE') : 'NONE';
    template.updatedAt = this.deps.now();
    this.deps.markChanged();
    this.deps.emitChange('message_template_status_update', {
      event: status,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
      reason: status === 'REJECTED' || status === 'PAUSED' || status === 'DISABLED' ? reason : 'NONE',
      message_template_category: template.category,
      ...(status === 'DISABLED'
        ? { disable_info: { disable_date: Math.floor(template.updatedAt / 1000) } }
        : {}),
      ...(status === 'PAUSED' ? { other_info: { title: 'FIRST_PAUSE', description: String(reason) } } : {}),
    });
    return template;
  }

  /** Change the quality score and send `message_template_quality_update`. */
  setQuality(id: string, score: QualityScore): StoredTemplate {
    const template = this.templates.get(id);
    if (!template) throw new Error(`unknown template ${id}`);
    const previous = template.qualityScore;
    template.qualityScore = score;
    template.qualityDate = this.deps.now();
    this.deps.markChanged();
    this.deps.emitChange('message_template_quality_update', {
      previous_quality_score: previous,
      new_quality_score: score,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
    });
    return template;
  }

  /** `DELETE ?name=` (all languages) or `?name=&hsm_id=` (one version). Returns how many went. */
  delete(wabaId: string, name: string, hsmId?: string): number {
    const victims = this.list(wabaId).filter(
      (t) => t.name === name && (hsmId === undefined || t.id === hsmId),
    );
    if (victims.length === 0)
      throw new GraphError(100, {
        subcode: 2593002,
        details: hsmId
          ? `Template ${hsmId} with name ${name} does not exist.`
          : `Template ${name} does not exist.`,
      });
    const now = this.deps.now();
    for (const template of victims) {
      this.templates.delete(template.id);
      this.deleted.set(deletedKey(wabaId, template.name, template.language), now);
      this.deps.emitChange('message_template_status_update', {
        event: 'DELETED',
        message_template_id: Number(template.id),
        message_template_name: template.name,
        message_template_language: template.language,
        reason: 'NONE',
      });
    }
    this.deps.markChanged();
    return victims.length;
  }

  findForSend(wabaId: string, name: string, language: string): StoredTemplate | null {
    return this.list(wabaId).find((t) => t.name === name && t.language === language) ?? null;
  }

  toJSON(): SerializedTemplates {
    return { templates: [...this.templates.values()], deleted: [...this.deleted] };
  }

  load(data: unknown): void {
    const saved = data as Partial<SerializedTemplates> | undefined;
    this.templates.clear();
    this.deleted.clear();
    for (const template of saved?.templates ?? []) this.templates.set(template.id, template);
    for (const [key, at] of saved?.deleted ?? []) this.deleted.set(key, at);
    for (const template of this.templates.values())
      if (template.status === 'PENDING') this.review(template.id);
  }
}
