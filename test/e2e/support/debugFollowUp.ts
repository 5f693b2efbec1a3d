// A Workflow with a step no script reaches, and its one script: what the debugger's browser test
// and the README's coverage picture play.

/** The follow-up with a Branch first: a contact on the Pro plan gets a note instead. The script's Omar has no plan, so no script reaches "Pro note". */
export const debugFollowUp = {
  format: 'exitflow.workflow/2',
  id: 'debug-follow-up',
  name: 'Debug follow-up',
  trigger: { id: 'trigger', type: 'incoming_message', label: 'Contact writes in', position: { x: 0, y: 0 } },
  steps: [
    { id: 'is-pro', type: 'branch', label: 'On the Pro plan?', position: { x: 0, y: 120 }, paths: [{ id: 'pro', label: 'Pro plan', match: 'all', conditions: [{ subject: 'field', field: 'plan', operator: 'is', value: 'pro' }] }] },
    { id: 'pro-note', type: 'send_message', label: 'Pro note', text: 'Thanks for being on Pro!', position: { x: -340, y: 240 } },
    { id: 'wait', type: 'wait', label: 'Wait 24h', delay: { kind: 'duration', duration: '24h' }, position: { x: 0, y: 240 } },
    { id: 'check-in', type: 'send_message', label: 'Follow-up', text: 'Just checking in — did we answer your question?', position: { x: 0, y: 360 } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'is-pro' },
    { id: 'e2', source: 'is-pro', sourceHandle: 'pro', target: 'pro-note' },
    { id: 'e3', source: 'is-pro', sourceHandle: 'else', target: 'wait' },
    { id: 'e4', source: 'wait', sourceHandle: 'next', target: 'check-in' },
  ],
  settings: { manualStop: false, exitConditions: { enabled: true, on: ['outgoing_message', 'incoming_message', 'manual_assignment'] } },
};
export const debugScript = {
  format: 'exitflow.script/1',
  name: 'Omar writes, nobody answers',
  start: '2026-01-05T09:00:00Z',
  contacts: [{ id: 'omar', name: 'Omar' }],
  events: [
    { at: '+0', contact: 'omar', type: 'contact.message', text: 'Do you ship to Canada?' },
    { at: '+2d', contact: 'omar', type: 'contact.message', text: 'Still there?' },
  ],
};
