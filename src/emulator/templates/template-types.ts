import type {
  TemplateCategory,
  TemplateComponentDefinition,
  TemplateForSend,
  TemplateStatus,
} from '../state/extensions';

export type { TemplateCategory, TemplateComponentDefinition, TemplateStatus };

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;

/** `rejected_reason` / webhook `reason` values (reference §6.3). */
export const REJECTED_REASONS = [
  'ABUSIVE_CONTENT',
  'INCORRECT_CATEGORY',
  'INVALID_FORMAT',
  'PROMOTIONAL',
  'SCAM',
  'TAG_CONTENT_MISMATCH',
  'NONE',
] as const;
export type RejectedReason = (typeof REJECTED_REASONS)[number];

export type QualityScore = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';
export type ParameterFormat = 'POSITIONAL' | 'NAMED';

/** A template as the emulator keeps it: one name + language version, owned by one WABA. */
export interface StoredTemplate extends TemplateForSend {
  wabaId: string;
  rejectedReason: RejectedReason;
  qualityScore: QualityScore;
  /** Epoch ms (emulator clock) when the quality score was last set. */
  qualityDate: number;
  subCategory?: string;
  messageSendTtlSeconds?: number;
  createdAt: number;
  updatedAt: number;
}

/** A validated creation request, normalised (upper-case component types, defaults applied). */
export interface TemplateDefinition {
  name: string;
  language: string;
  category: TemplateCategory;
  parameterFormat: ParameterFormat;
  components: TemplateComponentDefinition[];
  messageSendTtlSeconds?: number;
}

/** A creation rule that was broken: becomes a Graph error (code 100, optional 2388xxx subcode). */
export interface TemplateRuleViolation {
  subcode?: number;
  /** `error_user_title` */
  title: string;
  /** `error_user_msg` */
  message: string;
}

/** Template-creation error subcodes (reference §3, "Template-creation error subcodes"). */
export const TEMPLATE_SUBCODES = {
  countLimit: 2388019,
  languageBeingDeleted: 2388023,
  alreadyExists: 2388024,
  characterLimit: 2388040,
  headerFormat: 2388047,
  bodyFormat: 2388072,
  footerFormat: 2388073,
  tooManyVariables: 2388293,
  variablesAtEdges: 2388299,
} as const;
