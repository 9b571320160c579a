import type { TemplateCategory } from '../state/extensions';
import type { PricingCategory } from '../state/models';

export interface Pricing {
  billable: boolean;
  pricing_model: 'PMP';
  category: PricingCategory;
  type: 'regular' | 'free_customer_service' | 'free_entry_point';
}

/**
 * Per-message pricing (reference §9.2, EMU rules): free-form → service, free; utility inside the
 * customer service window → free; utility outside, marketing and authentication → regular, billable.
 */
export function pricingFor(templateCategory: TemplateCategory | undefined, windowOpen: boolean): Pricing {
  if (!templateCategory)
    return { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' };
  const category = templateCategory.toLowerCase() as PricingCategory;
  if (templateCategory === 'UTILITY' && windowOpen) {
    return { billable: false, pricing_model: 'PMP', category, type: 'free_customer_service' };
  }
  return { billable: true, pricing_model: 'PMP', category, type: 'regular' };
}
