import type { TemplateForSend, TemplateLookup } from '../state/extensions';

/** Minimal in-memory TemplateLookup for core tests (the real store lives in ../templates). */
export function fakeTemplates(templates: Array<Partial<TemplateForSend> & { name: string }>): TemplateLookup {
  const all: TemplateForSend[] = templates.map((t, i) => ({
    id: String(900000000000000 + i),
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameterFormat: 'POSITIONAL',
    components: [{ type: 'BODY', text: 'Hello {{1}}' }],
    ...t,
  }));
  return {
    findForSend: (_waba, name, language) =>
      all.find((t) => t.name === name && t.language === language) ?? null,
  };
}

export const templateSend = (name: string, params: string[] = ['Ana'], language = 'en_US') => ({
  type: 'template',
  template: {
    name,
    language: { code: language },
    components: params.length
      ? [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }]
      : [],
  },
});
