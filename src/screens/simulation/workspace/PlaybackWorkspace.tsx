import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import type { PlaybackLoad } from '../../../../simulator/schema/playback.ts';
import type { Script } from '../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { runOnCanvas } from '../../../../simulator/trace/nodeRunStates.ts';
import { traceNamesOf } from '../../../../simulator/trace/traceNames.ts';
import { contactTranscript } from '../../../../simulator/trace/transcript.ts';
import { Transcript } from '../../../parts/transcript/Transcript.tsx';
import { withClockTimes } from '../../../common/virtualTime.ts';
import { describeInputProblem } from './describeInputProblem.ts';
import { WorkflowSettingsPanel } from '../../../parts/settings/WorkflowSettingsPanel.tsx';
import { useAppStore } from '../../../state/StoreProvider.tsx';
import { Tabs } from '../../../ui/Tabs.tsx';
import { SimulationCanvas } from '../canvas/SimulationCanvas.tsx';
import { CompareSection } from '../compare/CompareSection.tsx';
import { PlaybackBar } from '../playback/PlaybackBar.tsx';
import { usePlaybackShortcuts } from '../playback/usePlaybackShortcuts.ts';
import { AfterFirstPaint } from './AfterFirstPaint.tsx';
import { ContactTraceTable } from './ContactTraceTable.tsx';
import { usePlaybackSession, type PlaybackStart } from './usePlaybackSession.ts';
import { useShownPlayback } from './useShownPlayback.ts';
import { WorkspaceExpectations } from './WorkspaceExpectations.tsx';
import { WorkspaceDock } from './WorkspaceDock.tsx';
import { WorkspaceReport } from './WorkspaceReport.tsx';
import { testRunStartProblem } from '../../../../simulator/validate/testRunStart.ts';
import type { NodeDebug } from '../../../parts/canvas/NodeOverlay.tsx';
import { nodeNames, withNodeNames } from '../debug/nodeNames.ts';
import { TestRunDialog, type ScriptKeeper } from '../debug/TestRunDialog.tsx';
import { toggleStepBreakpoint, useRouteBreakpoints } from '../debug/useRouteBreakpoints.ts';
import { BreakpointList } from '../debug/BreakpointList.tsx';
import { CoverageSection } from '../debug/CoverageSection.tsx';
import { useCoverage } from '../debug/useCoverage.ts';
import { useSameItems } from '../debug/useSameItems.ts';
import { neverReachedOn } from '../debug/neverReachedOn.ts';
import { describeHit } from '../debug/describeHit.ts';
import type { BreakpointHit, Breakpoints, SetBreakpointsResult } from '../../../../simulator/schema/breakpoints.ts';
import type { WorkflowSettings } from '../../../../simulator/schema/settings.ts';
import { CopyLinkButton } from '../share/CopyLinkButton.tsx';
import { PresentButton } from '../presenter/PresentButton.tsx';
import { withSettingsTried } from '../share/shareSituationOf.ts';
import type { CoverageRequest } from '../../../../simulator/schema/coverage.ts';
import './workspace.css';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';

/**
 * The population's charts (recharts and its d3) are the largest code of the simulator and show only
 * in a dock tab of a population's script: loaded when a population is played, once the workspace
 * is idle, not with the workspace. A failed download is met again, and reported, when the tab renders.
 */
const loadPopulationSection = () => import('../population/PopulationSection.tsx');
const PopulationSection = lazy(() => loadPopulationSection().then((module) => ({ default: module.PopulationSection })));
function usePopulationChartsPreload(population: boolean): void {
  useEffect(() => {
    if (!population) return undefined;
    const preload = () => void loadPopulationSection().catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(preload, 1_000);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(preload, { timeout: 5_000 });
    return () => cancelIdleCallback(idle);
  }, [population]);
}

interface Props {
  readonly workflows: readonly Workflow[];
  readonly script: Script;
  /** The new versions the script's publishes name, by file. */
  readonly versions?: Readonly<Record<string, Workflow>>;
  /** Every script that can play here, for Compare; just `script` when absent. */
  readonly scripts?: readonly Script[];
  /**
   * What to do with stop settings tried here, offered once they differ from the Workflow's: save
   * them to the stored Workflow, or save the example as a Workflow of your own with them.
   */
  /** `busy` while a keep is being written: its button says so (see useOneAtATime). */
  readonly keepSettings?: { readonly label: string; readonly perform: (workflow: Workflow) => void; readonly busy?: boolean };
  /** The instant and contact to open at once loaded, e.g. where a publish changes a run. */
  readonly start?: PlaybackStart;
  /** Where "Start a test run here" keeps the script with the run; not offered without it. */
  readonly testRunKeeper?: ScriptKeeper;
  /** Stop settings already tried on these Workflows, by id (a share link's). */
  readonly settingsTried?: Readonly<Record<string, WorkflowSettings>>;
  /** Breakpoints held here instead of in the address (a share link's: its address is the link). */
  readonly heldBreakpoints?: Breakpoints;
}

/**
 * Watch a script play against its Workflows in the engine's worker: one Workflow on the canvas
 * with the selected contact's run and every step's counts, the playback bar, the contact's
 * transcript, and the Workflow's stop settings — changing them re-simulates to the same instant.
 * Under the canvas, a dock that folds away: the end-of-run report the worker makes of the
 * Workflows with these settings, the population's charts, and Compare.
 */
export function PlaybackWorkspace({ workflows, script, versions, scripts, keepSettings, start, testRunKeeper, settingsTried: triedAtStart, heldBreakpoints }: Props) {
  // A working copy: settings changed here try an idea without touching the files. When the
  // Workflows themselves change (an edit in the builder, in this tab or another), the copy follows
  // and the script re-runs to the same instant.
  const [edited, setEdited] = useState(() => withSettingsTried(workflows, triedAtStart));
  const [source, setSource] = useState(workflows);
  if (source !== workflows) {
    setSource(workflows);
    setEdited(workflows);
  }
  const [shownId, setShownId] = useState(workflows[0]?.id ?? '');
  // Which side tab and dock panel show is the screen's, kept across scripts (each mounts a new workspace).
  const panels = useAppStore((state) => state.simulatorPanels);
  const setPanels = useAppStore((state) => state.setSimulatorPanels);
  const input = useMemo<PlaybackLoad>(() => ({ workflows: [...edited], script, ...(versions ? { versions: { ...versions } } : {}) }), [edited, script, versions]);
  const inAddress = useRouteBreakpoints();
  const [held, setHeld] = useState(heldBreakpoints);
  const changeHeld = useCallback((update: (current: Breakpoints) => Breakpoints) => setHeld((current) => (current ? update(current) : current)), []);
  const { breakpoints, change: changeBreakpoints } = held ? { breakpoints: held, change: changeHeld } : inAddress;
  const [ignored, setIgnored] = useState<readonly string[]>([]);
  const breakpointsSet = useCallback(
    (result: SetBreakpointsResult) => setIgnored(result.ok ? result.ignored.map((item) => item.message) : result.problems.map((problem) => problem.message)),
    [],
  );
  const controls = usePlaybackSession(input, start, breakpoints, breakpointsSet);
  // The person's choices and a failure show at once; the engine's frames as fast as they can be drawn.
  const { status, playing, rate } = useAppStore(useShallow((state) => ({ status: state.playback.status, playing: state.playback.playing, rate: state.playback.rate })));
  const { frame, info, contactTrace } = useShownPlayback();
  const setRate = useAppStore((state) => state.setPlaybackRate);
  usePlaybackShortcuts({
    // At the end, Space does what the disabled Play button does: nothing (it replayed from the start).
    onTogglePlay: () => (playing ? controls.pause() : frame?.done ? undefined : controls.play()),
    onStep: controls.step,
    onNextEvent: controls.nextEvent,
  });

  const shown = edited.find((workflow) => workflow.id === shownId) ?? edited[0];
  const names = useMemo(() => withNodeNames(traceNamesOf(edited, script), edited), [edited, script]);
  const contactId = frame?.contact?.id ?? '';
  const run = useMemo(() => (shown && frame?.contact ? runOnCanvas(shown, frame.contact.runs, contactTrace) : null), [shown, frame, contactTrace]);
  // The transcript's lines carry clock times, so the instants inside them do too; the trace table keeps offsets.
  const startEpochMs = info?.startEpochMs ?? 0;
  const timeZone = info?.timeZone ?? 'UTC';
  const transcript = useMemo(
    () => (contactId ? contactTranscript(contactTrace, contactId, withClockTimes(names, startEpochMs, timeZone)) : []),
    [contactTrace, contactId, names, startEpochMs, timeZone],
  );
  const [testRunAt, setTestRunAt] = useState<string | null>(null);
  // A test run's contact, followed once the reloaded script lists it.
  const follow = useRef<string | null>(null);
  useEffect(() => {
    const id = follow.current;
    if (id === null || !info?.contacts.some((contact) => contact.id === id)) return;
    follow.current = null;
    controls.selectContact(id);
  }, [info, controls]);
  const shownNames = useMemo(() => (shown ? nodeNames(shown) : new Map<string, string>()), [shown]);
  const testRunNodes = useMemo(
    () => (shown && testRunKeeper ? new Set([...shownNames.keys()].filter((node) => testRunStartProblem(shown, node) === null)) : null),
    [shown, shownNames, testRunKeeper],
  );
  // The breakpoint the engine last paused at: the canvas goes to its Workflow and centres on its
  // step, the picker follows its contact, the trace marks its entry, and a line says it.
  const [seenHit, setSeenHit] = useState<BreakpointHit | null>(null);
  if (frame?.hit && frame.hit !== seenHit) {
    setSeenHit(frame.hit);
    if (frame.hit.workflow !== shownId && edited.some((workflow) => workflow.id === frame.hit?.workflow)) setShownId(frame.hit.workflow);
  }
  useEffect(() => {
    if (seenHit && seenHit.contact !== contactId && info?.contacts.some((contact) => contact.id === seenHit.contact)) controls.selectContact(seenHit.contact);
    // Only when a new hit comes: choosing another contact afterwards is the person's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seenHit]);
  const hit = seenHit && frame && frame.time === seenHit.t && !playing ? seenHit : null;
  const focus = useMemo(() => (seenHit && seenHit.workflow === shown?.id ? { node: seenHit.step } : null), [seenHit, shown?.id]);
  const dockOpen = panels.dock;
  const [coverageMarked, setCoverageMarked] = useState(false);
  const coverageScripts = useSameItems(scripts ?? [script]);
  const coverageRequest = useMemo<CoverageRequest>(() => ({ workflows: [...edited], scripts: [...coverageScripts], ...(versions ? { versions: { ...versions } } : {}) }), [edited, coverageScripts, versions]);
  const coverage = useCoverage(coverageRequest, coverageMarked || dockOpen === 'debug', controls.coverage);
  const never = useMemo(() => (coverageMarked && coverage.coverage && shown ? neverReachedOn(coverage.coverage, shown.id) : null), [coverageMarked, coverage.coverage, shown]);
  const stepBreakpoints = useMemo(() => new Set(breakpoints.steps.filter((breakpoint) => breakpoint.workflow === shown?.id).map((breakpoint) => breakpoint.step)), [breakpoints, shown?.id]);
  const toggleBreakpoint = useCallback((node: string) => shown && changeBreakpoints((current) => toggleStepBreakpoint(current, shown.id, node)), [shown, changeBreakpoints]);
  usePopulationChartsPreload((info?.contactCount ?? 0) > 1);
  const now = frame?.time ?? 0;
  const debug = useMemo<NodeDebug>(
    () => ({
      now,
      names: shownNames,
      fireNow: controls.fireAt,
      ...(testRunNodes ? { testRun: { at: testRunNodes, open: setTestRunAt } } : {}),
      breakpoints: stepBreakpoints,
      toggleBreakpoint,
      neverReached: never?.steps ?? null,
    }),
    [now, shownNames, controls.fireAt, testRunNodes, stepBreakpoints, toggleBreakpoint, never],
  );

  if (status.kind === 'failed')
    return (
      <div className="workspace-failed" role="alert">
        <p>{status.message}</p>
        <ul>
          {status.problems.map((problem, index) => (
            <li key={index}>
              {describeInputProblem(problem, edited, script.name)}
            </li>
          ))}
        </ul>
      </div>
    );
  if (!shown || !info || !frame) return <p className="loading">Starting the simulator…</p>;
  const contactName = names.contact(contactId);
  const original = workflows.find((workflow) => workflow.id === shown.id);
  const settingsTried = original !== undefined && JSON.stringify(original.settings) !== JSON.stringify(shown.settings);
  return (
    <section className="workspace" aria-label="Playback">
      <div className="workspace__controls">
        {edited.length > 1 && (
          <label className="workspace__pick">
            Workflow on the canvas
            <select value={shown.id} onChange={(event) => setShownId(event.target.value)}>
              {edited.map((workflow) => (
                <option key={workflow.id} value={workflow.id}>
                  {workflow.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="workspace__pick">
          Contact
          <select value={contactId} onChange={(event) => controls.selectContact(event.target.value)}>
            {info.contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.name || contact.id}
              </option>
            ))}
          </select>
        </label>
        <CopyLinkButton shown={() => ({ workflows, edited, script, versions, at: frame.time, contact: contactId, breakpoints })} />
        <PresentButton workflow={shown} names={names} controls={controls} />
        {info.contactCount > info.contacts.length && (
          <span className="workspace__note">
            {info.contacts.length} of {formatCount(info.contactCount)} contacts listed; the counts on the steps cover them all.
          </span>
        )}
        {hit && (
          <span className="workspace__note workspace__note--hit" role="status">
            {describeHit(hit, { step: (workflow, step) => names.step(workflow, step).replace(/^"|"$/g, ''), contact: names.contact })}
          </span>
        )}
        {info.stoppedShort && (
          <span className="workspace__note workspace__note--warning" role="status">
            {info.stoppedShort.message}.
          </span>
        )}
      </div>
      <PlaybackBar
        time={frame.time}
        end={info.end}
        startEpochMs={info.startEpochMs}
        timeZone={info.timeZone}
        playing={playing}
        speed={rate}
        marks={info.marks}
        done={frame.done}
        onPlay={controls.play}
        onPause={controls.pause}
        onSpeedChange={setRate}
        onStep={controls.step}
        onNextEvent={controls.nextEvent}
        onSeek={controls.seek}
        onRunToEnd={controls.runToEnd}
      />
      <div className="workspace__body">
        <div className="workspace__canvas">
          <AfterFirstPaint>
            <SimulationCanvas workflow={shown} run={run} stats={frame.stats} debug={debug} neverTaken={never?.edges ?? null} focus={focus} nodesAfterPaint />
          </AfterFirstPaint>
          {testRunAt !== null && testRunKeeper && (
            <TestRunDialog
              open
              onOpenChange={(open) => !open && setTestRunAt(null)}
              workflow={shown}
              node={testRunAt}
              nodeName={shownNames.get(testRunAt) ?? testRunAt}
              script={script}
              at={frame.time}
              contact={contactId}
              keeper={testRunKeeper}
              onStarted={(contact) => {
                follow.current = contact;
              }}
            />
          )}
        </div>
        <aside className="workspace__side" aria-label={`${shown.name}: the run and the stop settings`}>
          <Tabs
            label="Side panel"
            value={panels.side}
            onValueChange={(side) => setPanels({ side: side === 'settings' ? 'settings' : 'run' })}
            tabs={[
              {
                value: 'run',
                label: 'Run',
                content: (
                  <div className="workspace__run">
                    <WorkspaceExpectations expectations={info.expectations} onSeek={controls.seek} />
                    <h2 className="workspace__heading">Transcript of {contactName}</h2>
                    <Transcript
                      contactName={contactName}
                      items={transcript}
                      startEpochMs={info.startEpochMs}
                      timeZone={info.timeZone}
                      emptyText={`Nothing has happened in ${contactName}’s conversation yet: play the script.`}
                      exportImage={{ cancelledSteps: [...(run?.steps ?? [])].filter(([, state]) => state.kind === 'cancelled').map(([id]) => shownNames.get(id) ?? id) }}
                    />
                    <ContactTraceTable
                      contactName={contactName}
                      entries={contactTrace}
                      names={names}
                      now={frame.time}
                      onSeek={controls.seek}
                      omitted={frame.contact?.trace.omitted ?? 0}
                      {...(hit && hit.contact === contactId ? { selectedSeq: hit.seq } : {})}
                    />
                  </div>
                ),
              },
              {
                value: 'settings',
                label: settingsTried ? 'Stop settings (tried here)' : 'Stop settings',
                content: (
                  <div className="workspace__settings">
                    <h2 className="workspace__heading">Stop settings of {shown.name}</h2>
                    <p className="workspace__hint">Changes here re-run the script to this instant; the files are not changed.</p>
                    <WorkflowSettingsPanel
                      settings={shown.settings}
                      whenStoppedPath={shown.whenStopped !== undefined}
                      onChange={(settings) => setEdited((current) => current.map((workflow) => (workflow.id === shown.id ? { ...workflow, settings } : workflow)))}
                    />
                    {settingsTried && (
                      <div className="workspace__keep" role="group" aria-label="Settings tried here">
                        {keepSettings && (
                          <button
                            type="button"
                            className="ui-button ui-button--primary"
                            aria-busy={keepSettings.busy === true}
                            aria-disabled={keepSettings.busy === true}
                            onClick={() => keepSettings.perform(shown)}
                          >
                            {keepSettings.label}
                          </button>
                        )}
                        <button type="button" className="ui-button" onClick={() => setEdited((current) => current.map((workflow) => (workflow.id === shown.id && original ? original : workflow)))}>
                          Back to the Workflow’s settings
                        </button>
                      </div>
                    )}
                  </div>
                ),
              },
            ]}
          />
        </aside>
      </div>
      <WorkspaceDock
        open={panels.dock}
        onOpenChange={(dock) => setPanels({ dock })}
        panels={[
          { id: 'report' as const, label: 'Report', content: () => <WorkspaceReport onMoreRows={controls.moreReportRows} /> },
          ...(info.contactCount > 1
            ? [
                {
                  id: 'population' as const,
                  label: 'Population',
                  content: () => (
                    <Suspense fallback={<p className="loading">Loading the charts…</p>}>
                      <PopulationSection workflowId={shown.id} workflowName={shown.name} time={frame.time} load={controls.populationCharts} />
                    </Suspense>
                  ),
                },
              ]
            : []),
          { id: 'compare' as const, label: 'Compare', content: () => <CompareSection workflows={edited} scripts={scripts ?? [script]} workflow={shown} {...(versions ? { versions } : {})} /> },
          {
            id: 'debug' as const,
            label: 'Debugger',
            content: () => (
              <div className="workspace-debugger">
                <BreakpointList
                  breakpoints={breakpoints}
                  onChange={changeBreakpoints}
                  stepName={(workflow, step) => names.step(workflow, step).replace(/^"|"$/g, '')}
                  workflowName={names.workflow}
                  ignored={ignored}
                />
                <CoverageSection coverage={coverage.coverage} problem={coverage.problem} marked={coverageMarked} onMarkedChange={setCoverageMarked} />
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
