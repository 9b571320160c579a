import { GraphError, type GraphErrorBody } from '../graph/graph-error';
import type { TemplateRuleViolation } from './template-types';

/**
 * A template-management error as Meta returns it: code 100 "Invalid parameter", usually with a
 * 2388xxx `error_subcode`, plus `is_transient`, `error_user_title` and `error_user_msg`.
 */
export class TemplateCreationError extends GraphError {
  readonly userTitle: string;
  readonly userMessage: string;

  constructor(violation: TemplateRuleViolation) {
    super(100, {
      message: 'Invalid parameter',
      omitErrorData: true,
      details: violation.message,
      subcode: violation.subcode ?? null,
    });
    this.userTitle = violation.title;
    this.userMessage = violation.message;
  }

  override toBody(): GraphErrorBody {
    const body = super.toBody();
    const { fbtrace_id, ...rest } = body.error;
    return {
      error: {
        ...rest,
        is_transient: false,
        error_user_title: this.userTitle,
        error_user_msg: this.userMessage,
        fbtrace_id,
      } as GraphErrorBody['error'],
    };
  }
}
