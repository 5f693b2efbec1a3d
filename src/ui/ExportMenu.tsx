import { ChevronDown } from 'lucide-react';
import { useState } from 'react';
import { downloadBlob, downloadText } from '../common/downloadText.ts';
import { DropdownMenu, type MenuItem } from './DropdownMenu.tsx';
import { svgToPng } from '../common/slides/svgToPng.ts';
import './exportMenu.css';

export interface Picture {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

interface Props {
  /** The button's words: "Export image", "Export". */
  readonly text: string;
  /** What is exported, naming the menu: "Export the run of Dana". */
  readonly label: string;
  /** The downloaded files' name, without extension. */
  readonly fileName: string;
  /** Drawn when chosen, so nothing is built while nobody exports. */
  readonly picture: () => Picture | null;
  /** The data as CSV, when there is a table behind the picture. */
  readonly csv?: () => string;
  /** Where it sits, for its container's layout. */
  readonly className?: string;
}

/**
 * A menu that downloads a picture for slides as SVG or PNG (drawn by the browser at the picture's
 * own size), and its data as CSV when it has some. A PNG the browser cannot draw says so here.
 */
export function ExportMenu({ text, label, fileName, picture, csv, className }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const items: MenuItem[] = [
    {
      label: 'SVG',
      onSelect: () => {
        const drawn = picture();
        if (drawn) downloadText(`${fileName}.svg`, drawn.svg, 'image/svg+xml');
      },
    },
    {
      label: 'PNG',
      onSelect: () => {
        const drawn = picture();
        if (!drawn) return;
        setFailure(null);
        svgToPng(drawn.svg, drawn.width, drawn.height).then(
          (png) => downloadBlob(`${fileName}.png`, png),
          (error: unknown) => setFailure(`The PNG could not be made: ${error instanceof Error ? error.message : String(error)}`),
        );
      },
    },
    ...(csv ? [{ label: 'CSV (data)', onSelect: () => downloadText(`${fileName}.csv`, csv(), 'text/csv') }] : []),
  ];
  return (
    <span className={className ? `slides-export ${className}` : 'slides-export'}>
      <DropdownMenu
        label={label}
        items={items}
        trigger={
          <button type="button" className="ui-button slides-export__button" aria-label={label}>
            {text} <ChevronDown size={14} aria-hidden />
          </button>
        }
      />
      {failure && (
        <span className="slides-export__failure" role="alert">
          {failure}
        </span>
      )}
    </span>
  );
}
