import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_TYPES, stepSchema, type Step } from '../../../../../simulator/schema/step.ts';
import { createStep } from '../../../../../src/parts/canvas/steps/stepKinds.ts';
import { summarizeStep } from '../../../../../src/parts/canvas/steps/summarizeStep.ts';
import { steps, type StepInput } from '../../../../harness/workflowFixtures.ts';

/** Through the real schema, as the builder holds steps. */
const step = (input: StepInput): Step => stepSchema.parse(input);

const tag = (name: string) => [{ subject: 'tag' as const, operator: 'has' as const, tag: name }];

/** A lone surrogate: half an emoji, drawn as � on the canvas. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('summarizeStep', () => {
  // [what, step, the line on its node]
  it.each<[string, StepInput, string]>([
    ['a message', steps.send('s', 'Hi {{contact.name}}!'), '“Hi {{contact.name}}!”'],
    ['an empty message', steps.send('s', ''), 'No text yet'],
    ['a message of blanks only', steps.send('s', '  \n\t '), 'No text yet'],
    ['a message on several lines, as one line', steps.send('s', 'Hello,\n\n  see you   soon'), '“Hello, see you soon”'],
    ['a message of exactly 60 characters, whole', steps.send('s', 'a'.repeat(60)), `“${'a'.repeat(60)}”`],
    ['a long message, cut with an ellipsis', steps.send('s', 'b'.repeat(61)), `“${'b'.repeat(59)}…”`],
    ['a comment', steps.comment('c', 'Call them back'), '“Call them back”'],
    ['an empty comment', steps.comment('c', ' '), 'No text yet'],
    ['a question with its field', steps.ask('q', 'What do you need?', 'need'), '“What do you need?” → need'],
    ['a question with its field and timeout', steps.ask('q', 'What do you need?', 'need', '1h'), '“What do you need?” → need · 1h timeout'],
    ['a question without a field', steps.ask('q', 'Anything else?', ''), '“Anything else?”'],
    ['an empty question', steps.ask('q', '', 'need', '1h'), 'No question yet'],
    ['a long question, cut at 40', steps.ask('q', 'q'.repeat(45), 'need'), `“${'q'.repeat(39)}…” → need`],
    ['a wait for a duration', steps.wait('w', '1d2h'), 'For 1d2h'],
    ['a wait until a time of day', steps.waitUntil('w', '09:30'), 'Until 09:30'],
    ['a Branch with one path', steps.branch('b', [{ id: 'vip', label: 'VIP', conditions: tag('vip') }]), '1 path and Else'],
    [
      'a Branch with two paths',
      steps.branch('b', [
        { id: 'vip', label: 'VIP', conditions: tag('vip') },
        { id: 'new', label: 'New', conditions: tag('new') },
      ]),
      '2 paths and Else',
    ],
    ['business hours', steps.hours('h', [1, 2, 3, 4, 5], '09:00', '17:00'), 'Mon, Tue, Wed, Thu, Fri 09:00–17:00'],
    ['a weekend', steps.hours('h', [0, 6], '10:00', '12:00'), 'Sun, Sat 10:00–12:00'],
    ['an assignment to a team', steps.assign('a', 'team', 'support'), 'To team support'],
    ['an assignment to a user', steps.assign('a', 'user', 'alice'), 'To user alice'],
    ['a field set to a value', steps.setField('f', 'status', 'lead'), 'status = “lead”'],
    ['a field emptied', steps.setField('f', 'status', ''), 'status = (empty)'],
    ['a field set to a long value, cut at 30', steps.setField('f', 'notes', 'n'.repeat(31)), `notes = “${'n'.repeat(29)}…”`],
    ['a tag added', steps.tag('t', 'add', 'vip'), 'Add tag vip'],
    ['a tag removed', steps.tag('t', 'remove', 'vip'), 'Remove tag vip'],
    ['a Workflow started', steps.startWorkflow('t', 'Child'), 'Starts Child'],
    ['no Workflow chosen yet', steps.startWorkflow('t', ''), 'No Workflow chosen'],
    ['a jump', steps.jump('j', 'remind'), 'To remind'],
    ['a jump without a target', steps.jump('j', ''), 'No step chosen'],
    ['opening the conversation: nothing to say', steps.openConversation('o'), ''],
    ['closing the conversation: nothing to say', steps.closeConversation('c'), ''],
    ['the end: nothing to say', steps.end(), ''],
    ['a Stop reason branch', steps.stopReasonBranch(), 'By why the run stopped'],
  ])('summarizes %s', (_, input, summary) => {
    expect(summarizeStep(step(input))).toBe(summary);
  });

  it.each(STEP_TYPES)('summarizes a new %s from the palette on one line', (type) => {
    expect(summarizeStep(createStep(type, 'new-step', { x: 0, y: 0 }))).not.toContain('\n');
  });

  it('never cuts an emoji in half when shortening', () => {
    // 58 letters, then emoji: the cut at 59 characters falls inside the first emoji's surrogate pair.
    const text = `${'a'.repeat(58)}${'😀'.repeat(5)}`;
    const summary = summarizeStep(step(steps.send('s', text)));
    expect(summary).toMatch(/…”$/);
    expect(summary).not.toMatch(LONE_SURROGATE);
  });

  it('always gives one line within the length limit, whatever the text (property)', () => {
    fc.assert(
      // Letters, emoji (two UTF-16 units each) and blanks, so cuts land everywhere, also mid-emoji.
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '😀', '👍🏽', ' ', '\n', '\t'), minLength: 40, maxLength: 120 }), (text) => {
        const summary = summarizeStep(step(steps.send('s', text)));
        expect(summary).not.toMatch(/[\n\r]/);
        expect(summary).not.toMatch(LONE_SURROGATE);
        // 60 characters between the quotes at most (counting code points: an emoji is one).
        expect([...summary].length).toBeLessThanOrEqual(62);
      }),
    );
  });
});
