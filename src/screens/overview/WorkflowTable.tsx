import { Link } from '../../routing/Router.tsx';
import type { WorkflowSummary } from '../../persistence/workflowRepository.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { triggerName } from '../../parts/canvas/steps/triggerName.ts';
import { WorkflowRowActions } from './WorkflowRowActions.tsx';

const editedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The stored Workflows, most recently edited first; a name opens it in the builder. */
export function WorkflowTable({ workflows }: { workflows: readonly WorkflowSummary[] }) {
  return (
    <DataTable panel label="Workflows" columns={['Name', 'Trigger', 'Steps', 'Status', 'Last edited', { key: 'actions', label: 'Actions', hidden: true }]}>
      {workflows.map((workflow) => (
        <tr key={workflow.id}>
          <td className="workflow-table__name">
            <Link to={{ screen: 'builder', workflowId: workflow.id }} className="table-link">
              {workflow.name}
            </Link>
          </td>
          <td>{triggerName(workflow.trigger)}</td>
          <td>{workflow.stepCount}</td>
          <td>
            <span className={`status status--${workflow.status}`}>{workflow.status === 'draft' ? 'Draft' : 'Published'}</span>
          </td>
          <td>
            <time dateTime={new Date(workflow.updatedAt).toISOString()}>{editedFormat.format(workflow.updatedAt)}</time>
          </td>
          <td className="table-actions">
            <WorkflowRowActions workflow={workflow} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
