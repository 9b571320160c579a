import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { friendlyErrorText } from '../../app/errors';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Spinner } from '../../ui/Spinner';
import type { MessageContent } from '../inbox/inboxTypes';
import { FlowForm } from './FlowForm';
import { FlowManual, type ManualResponse, manualInitial, manualResponse } from './FlowManual';
import { type FlowValue, flowResponse, flowScreen, initialValues, missingRequired } from './flowScreen';
import { type PhoneMessage, useCompleteFlow, useSimulatorFlow } from './simulatorQueries';

interface Props {
  workspaceId: string;
  waId: string;
  flow: { message: PhoneMessage; parameters: MessageContent } | null;
  onClose: () => void;
}

/**
 * Fills in a WhatsApp Flow as the customer: the screen the flow opens on, drawn from the flow's
 * Flow JSON. When the screens can't be read (a flow sent by name, or not in the sandbox), it falls
 * back to the data the business sent to the screen, or a JSON response.
 */
export function FlowDialog({ workspaceId, waId, flow, onClose }: Props) {
  const complete = useCompleteFlow(workspaceId, waId);
  const parameters = flow?.parameters ?? {};
  const token: string | undefined = parameters.flow_token;
  const flowId = typeof parameters.flow_id === 'string' ? parameters.flow_id : undefined;
  const payload = (parameters.flow_action_payload ?? {}) as {
    screen?: string;
    data?: Record<string, unknown>;
  };
  const data = payload.data ?? {};
  const definition = useSimulatorFlow(workspaceId, flow ? flowId : undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the message's parameters never change
  const screen = useMemo(
    () => (definition.data ? flowScreen(definition.data.flowJson, payload.screen, data) : null),
    [definition.data, flow?.message.id],
  );
  const [values, setValues] = useState<Record<string, FlowValue>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [manual, setManual] = useState<ManualResponse>(() => manualInitial({}));
  const [forceManual, setForceManual] = useState(false);
  const [jsonError, setJsonError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form for each flow message opened
  useEffect(() => {
    setManual(manualInitial(data));
    setForceManual(false);
    setErrors({});
    setJsonError(null);
    complete.reset();
  }, [flow?.message.id]);
  useEffect(() => {
    if (screen) setValues(initialValues(screen));
  }, [screen]);

  const useForm = Boolean(screen) && !forceManual;
  const loading = Boolean(flowId) && definition.isPending && !forceManual;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    let response: Record<string, unknown> | null;
    if (useForm && screen) {
      const missing = missingRequired(screen, values);
      setErrors(missing);
      if (Object.keys(missing).length) return;
      response = flowResponse(screen, values, data);
    } else {
      response = manualResponse(manual);
      if (!response) {
        setJsonError('Write a JSON object, for example {"name": "Maria", "size": "M"}.');
        return;
      }
    }
    complete.mutate({ flowToken: token, response }, { onSuccess: onClose });
  }

  const unreadable = !flowId
    ? 'This flow was sent by name, so the simulator cannot show its screens.'
    : definition.isError
      ? `Its screens could not be loaded: ${friendlyErrorText(definition.error)}`
      : definition.data && !screen
        ? 'Its Flow JSON has no screens.'
        : null;

  return (
    <Dialog
      open={flow !== null}
      onClose={onClose}
      title={useForm && screen ? screen.title : String(parameters.flow_cta ?? 'WhatsApp Flow')}
      description={
        useForm && definition.data?.name
          ? `${String(parameters.flow_cta ?? 'Form')} · ${definition.data.name}`
          : 'Submit what the customer would enter in the form.'
      }
      footer={
        token && !loading ? (
          <>
            {useForm ? (
              <Button variant="ghost" onClick={() => setForceManual(true)}>
                Edit as JSON
              </Button>
            ) : (
              <Button variant="ghost" onClick={() => setManual({ ...manual, asJson: !manual.asJson })}>
                {manual.asJson ? 'Edit as fields' : 'Edit as JSON'}
              </Button>
            )}
            <Button variant="primary" type="submit" form="sim-flow-form" loading={complete.isPending}>
              {useForm && screen?.footer ? screen.footer.label : 'Submit form'}
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
      ) : loading ? (
        <div className="flow-loading">
          <Spinner /> Opening the form…
        </div>
      ) : (
        <form id="sim-flow-form" className="form" onSubmit={submit} noValidate>
          <ErrorAlert error={complete.error} title="The form was not submitted" />
          {useForm && screen ? (
            <>
              <FlowForm
                screen={screen}
                values={values}
                errors={errors}
                onChange={(name, value) => setValues((all) => ({ ...all, [name]: value }))}
              />
              {screen.footer && !screen.footer.completes ? (
                <p className="flow-caption">
                  This screen leads to another one; the simulator submits the answers of this screen.
                </p>
              ) : null}
            </>
          ) : (
            <>
              {unreadable && !forceManual ? <Alert tone="info">{unreadable}</Alert> : null}
              <FlowManual state={manual} onChange={setManual} jsonError={jsonError} />
            </>
          )}
        </form>
      )}
    </Dialog>
  );
}
