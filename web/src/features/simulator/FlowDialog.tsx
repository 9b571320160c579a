import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, useFieldControl } from '../../ui/Field';
import { Input } from '../../ui/Input';
import type { MessageContent } from '../inbox/inboxTypes';
import { type PhoneMessage, useCompleteFlow } from './simulatorQueries';

interface Props {
  workspaceId: string;
  waId: string;
  flow: { message: PhoneMessage; parameters: MessageContent } | null;
  onClose: () => void;
}

function JsonArea({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const control = useFieldControl();
  return (
    <textarea
      {...control}
      className="input textarea mono"
      rows={8}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * Fills in a WhatsApp Flow as the customer. The simulator doesn't see the flow's screens, so it
 * offers the fields of the data the business sent to the first screen, or a JSON response.
 */
export function FlowDialog({ workspaceId, waId, flow, onClose }: Props) {
  const complete = useCompleteFlow(workspaceId, waId);
  const parameters = flow?.parameters ?? {};
  const token: string | undefined = parameters.flow_token;
  const screen: string | undefined = parameters.flow_action_payload?.screen;
  const initial = (parameters.flow_action_payload?.data ?? {}) as Record<string, unknown>;
  const [fields, setFields] = useState<Record<string, string>>({});
  const [json, setJson] = useState('{\n  \n}');
  const [asJson, setAsJson] = useState(false);
  const [jsonError, setJsonError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form for each flow message opened
  useEffect(() => {
    const entries = Object.entries(initial).map(
      ([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as const,
    );
    setFields(Object.fromEntries(entries));
    setAsJson(entries.length === 0);
    setJson(JSON.stringify(Object.fromEntries(entries), null, 2));
    setJsonError(null);
    complete.reset();
  }, [flow?.message.id]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    let response: Record<string, unknown> = fields;
    if (asJson) {
      try {
        const parsed = JSON.parse(json);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        response = parsed;
      } catch {
        setJsonError('Write a JSON object, for example {"name": "Maria", "size": "M"}.');
        return;
      }
    }
    complete.mutate({ flowToken: token, response }, { onSuccess: onClose });
  }

  return (
    <Dialog
      open={flow !== null}
      onClose={onClose}
      title={String(parameters.flow_cta ?? 'WhatsApp Flow')}
      description={screen ? `First screen: ${screen}` : 'Submit what the customer would enter in the form.'}
      footer={
        token ? (
          <>
            <Button variant="ghost" onClick={() => setAsJson(!asJson)}>
              {asJson ? 'Edit as fields' : 'Edit as JSON'}
            </Button>
            <Button variant="primary" type="submit" form="sim-flow-form" loading={complete.isPending}>
              Submit form
            </Button>
          </>
        ) : null
      }
    >
      {!token ? (
        <Alert tone="warning" title="This flow message has no flow_token">
          The business sent it without a flow_token, so the sandbox can't tell which flow a response belongs
          to.
        </Alert>
      ) : (
        <form id="sim-flow-form" className="form" onSubmit={submit} noValidate>
          <ErrorAlert error={complete.error} title="The form was not submitted" />
          {asJson ? (
            <Field
              label="Response (JSON)"
              error={jsonError}
              hint="Becomes the nfm_reply the business receives, with the flow_token added."
            >
              <JsonArea value={json} onChange={setJson} />
            </Field>
          ) : Object.keys(fields).length === 0 ? (
            <p className="muted">No fields known for this form. Use “Edit as JSON” to write the response.</p>
          ) : (
            Object.keys(fields).map((key) => (
              <Field key={key} label={key}>
                <Input
                  value={fields[key] ?? ''}
                  onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
                />
              </Field>
            ))
          )}
        </form>
      )}
    </Dialog>
  );
}
