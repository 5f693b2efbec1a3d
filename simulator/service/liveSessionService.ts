import { LiveSession, type LiveCommand } from '../engine/liveSession.ts';
import { livePublishSchema, liveStartSchema, type LiveRecording, type LiveResult, type LiveUpdate } from '../schema/live.ts';
import type { InputProblem } from '../schema/result.ts';
import { formatJsonPath } from '../schema/parseDocument.ts';
import { scriptEventSchema, type Script } from '../schema/script.ts';

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

const problemsOf = (source: InputProblem['source'], issues: readonly Issue[]): InputProblem[] =>
  issues.map((issue) => ({ source, index: 0, path: formatJsonPath(issue.path), message: issue.message }));

/** A start's issues, each named by the document it is in: the base script, or a Workflow (and which). */
const startProblemsOf = (issues: readonly Issue[]): InputProblem[] =>
  issues.map((issue) => {
    const [document, index, ...rest] = issue.path;
    if (document === 'base') return { ...problemsOf('script', [{ ...issue, path: issue.path.slice(1) }])[0] as InputProblem };
    if (document === 'workflows' && typeof index === 'number') return { ...(problemsOf('workflow', [{ ...issue, path: rest }])[0] as InputProblem), index };
    // A new version a kept publish names: the script's problem, at the version's place.
    if (document === 'versions') return problemsOf('script', [issue])[0] as InputProblem;
    return problemsOf('workflow', [issue])[0] as InputProblem;
  });

const notStarted = (): LiveResult => ({ ok: false, problems: [{ source: 'script', index: 0, path: '$', message: 'No live session is running: start one first' }] });

/**
 * The live session as the worker serves it. Everything arriving here is untrusted — parsed with
 * the schemas — and every answer is plain data. A command the engine refuses (a restricted agent's
 * stop, a stop of a Workflow that does not allow it) is carried out as a refusal in the trace and
 * changes nothing, whatever the caller's UI showed.
 */
export class LiveSessionService {
  private session: LiveSession | null = null;
  private sent = 0;

  start(input: unknown): LiveResult {
    const parsed = liveStartSchema.safeParse(input);
    if (!parsed.success) return { ok: false, problems: startProblemsOf(parsed.error.issues) };
    const started = LiveSession.start(parsed.data.workflows, parsed.data.base, parsed.data.versions);
    if (!started.ok) return { ok: false, problems: started.problems };
    this.session = started.session;
    return { ok: true, update: this.update(0) };
  }

  /** A person's action, now. */
  command(input: unknown): LiveResult {
    const session = this.session;
    if (!session) return notStarted();
    const event = scriptEventSchema.safeParse({ ...(typeof input === 'object' ? input : {}), at: '+0' });
    if (!event.success) return { ok: false, problems: problemsOf('script', event.error.issues) };
    const { at: _at, ...command } = event.data;
    const outcome = session.command(command as LiveCommand);
    if (!outcome.ok) return { ok: false, problems: [...outcome.problems] };
    // A command re-simulates from the start, but is recorded after everything already played
    // (LiveSession.commandInstant), so what was sent is still the beginning: send what is new.
    return { ok: true, update: this.update(this.sent) };
  }

  /**
   * A new version of a Workflow published now, with what becomes of its runs in flight — played
   * as a script's publish is, and recorded with the version so the session replays.
   */
  publish(input: unknown): LiveResult {
    const session = this.session;
    if (!session) return notStarted();
    const parsed = livePublishSchema.safeParse(input);
    if (!parsed.success) return { ok: false, problems: problemsOf('script', parsed.error.issues) };
    const { version, ...command } = parsed.data;
    const outcome = session.publish(command, version);
    if (!outcome.ok) return { ok: false, problems: [...outcome.problems] };
    return { ok: true, update: this.update(this.sent) };
  }

  /** Lets `ms` of virtual time pass. */
  advance(ms: unknown): LiveResult {
    const session = this.session;
    if (!session) return notStarted();
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      return { ok: false, problems: [{ source: 'script', index: 0, path: '$', message: 'Time can only move forward by a finite number of milliseconds' }] };
    session.advance(ms);
    return { ok: true, update: this.update(this.sent) };
  }

  /** Jumps to the next timer; the clock stays where it is when nothing is pending. */
  jumpToNext(): LiveResult {
    const session = this.session;
    if (!session) return notStarted();
    session.jumpToNext();
    return { ok: true, update: this.update(this.sent) };
  }

  /** The session so far as a script file: its cast, start and every command, to replay. */
  script(): Script | null {
    return this.session?.script() ?? null;
  }

  /** The session so far as it is kept: its script and the new versions that script's publishes name. */
  recording(): LiveRecording | null {
    const session = this.session;
    return session ? { script: session.script(), versions: session.versions() } : null;
  }

  private update(from: number): LiveUpdate {
    const session = this.session as LiveSession;
    const start = Math.min(from, session.traceLength);
    const entries = session.trace(start);
    this.sent = session.traceLength;
    return {
      time: session.time,
      nextDue: session.nextDue(),
      halted: session.halted,
      runs: session.runs(),
      contacts: session.contacts(),
      published: session.published(),
      trace: { from: start, entries },
    };
  }
}
