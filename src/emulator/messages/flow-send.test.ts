import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowStatus } from '../state/extensions';
import { type Harness, startHarness } from '../test-support/emulator-harness';

let h: Harness;
const statuses: Record<string, FlowStatus> = {
  '1': 'PUBLISHED',
  '2': 'DRAFT',
  '3': 'BLOCKED',
  '4': 'THROTTLED',
  '5': 'DEPRECATED',
};
beforeAll(async () => {
  h = await startHarness({ config: { pair_rate: { enabled: false } } });
  h.emulator.state.flows = {
    findForSend: (_waba, ref) =>
      ref.flowId && statuses[ref.flowId] ? { id: ref.flowId, status: statuses[ref.flowId]! } : null,
    sendsInLastHour: () => 10,
  };
});
afterAll(async () => {
  await h.close();
});

const flow = (flowId: string, mode?: string) => ({
  to: '15551234567',
  type: 'interactive',
  interactive: {
    type: 'flow',
    body: { text: 'Book' },
    action: {
      name: 'flow',
      parameters: {
        flow_message_version: '3',
        flow_id: flowId,
        flow_cta: 'Book',
        ...(mode ? { mode } : {}),
        flow_action: 'data_exchange',
      },
    },
  },
});

describe('flow sends against the flows module (reference §2.8, §10.3)', () => {
  it.each([
    ['published', flow('1'), 200, null],
    ['draft with mode draft', flow('2', 'draft'), 200, null],
    ['draft without mode → 131009', flow('2'), 400, 131009],
    ['blocked → 132068', flow('3'), 400, 132068],
    ['throttled over 10/hour → 132069', flow('4'), 400, 132069],
    ['deprecated → 131009', flow('5'), 400, 131009],
    ['unknown flow → 131009', flow('9'), 400, 131009],
  ])('%s', async (_name, body, status, code) => {
    const res = await h.send(body);
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
  });
});
