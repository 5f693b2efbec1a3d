import { ChevronDown } from 'lucide-react';
import { useState } from 'react';
import { downloadBlob, downloadText } from '../common/downloadText.ts';
import { loadOnce } from '../common/loadOnce.ts';
import { refetchableImport } from '../common/refetchableImport.ts';
import { DropdownMenu, type MenuItem } from './DropdownMenu.tsx';
import './exportMenu.css';

/** Drawing a PNG is fetched when the person reaches an export menu: most visits export nothing. */
const importPng = refetchableImport(() => import('../common/slides/svgToPng.ts'));
const pngCode = loadOnce(() => importPng().then((module) => module.svgToPng));
const preloadPng = () => void pngCode.load().catch(() => undefined);

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
  /**
   * Drawn when chosen, so nothing is built while nobody exports; a promise when the drawing's own
   * code is fetched then (runTimelinePicture).
   */
  readonly picture: () => Picture | null | Promise<Picture | null>;
  /** The data as CSV, when there is a table behind the picture. */
  readonly csv?: () => string;
  /** Where it sits, for its container's layout. */
  readonly className?: string;
}

/**
 * A menu that downloads a picture for slides as SVG or PNG (drawn by the browser at the picture's
 * own size), and its data as CSV when it has some. A PNG the browser cannot draw says so here.
 *
 * The menu is drawn at once; the code that makes the files is not part of the screen's first load.
 * Drawing a PNG is fetched as the pointer or focus reaches the button, a picture that brings its own
 * code fetches it when chosen, and an item chosen before the code has arrived exports when it has.
 */
export function ExportMenu({ text, label, fileName, picture, csv, className }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  /** Runs an export; a picture or code that could not be made or fetched (offline) says so beside the button. */
  const exporting = (format: string, work: () => Promise<void>) => {
    setFailure(null);
    work().catch((error: unknown) => setFailure(`The ${format} could not be made: ${error instanceof Error ? error.message : String(error)}`));
  };
  const items: MenuItem[] = [
    {
      label: 'SVG',
      onSelect: () =>
        exporting('SVG', async () => {
          const drawn = await picture();
          if (drawn) downloadText(`${fileName}.svg`, drawn.svg, 'image/svg+xml');
        }),
    },
    {
      label: 'PNG',
      onSelect: () =>
        exporting('PNG', async () => {
          const [drawn, svgToPng] = await Promise.all([picture(), pngCode.load()]);
          if (drawn) downloadBlob(`${fileName}.png`, await svgToPng(drawn.svg, drawn.width, drawn.height));
        }),
    },
    ...(csv ? [{ label: 'CSV (data)', onSelect: () => downloadText(`${fileName}.csv`, csv(), 'text/csv') }] : []),
  ];
  return (
    <span className={className ? `slides-export ${className}` : 'slides-export'} onPointerEnter={preloadPng} onFocus={preloadPng}>
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
