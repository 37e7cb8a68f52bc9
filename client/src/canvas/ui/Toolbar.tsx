/**
 * The tool bar: one button per tool with its shortcut, plus undo, redo and the help button.
 * Clicked, a tool that makes items (note, text, frame, concept) waits for a click on the board;
 * pressed from the keyboard, it makes its item at once (`onCreate`): a keyboard has no board
 * point to click.
 */
import { useSyncExternalStore } from 'react';
import { useCanvas } from '../canvas-context.ts';
import { type Tool, toolsFor, useCanvasState } from '../model/canvas-state.ts';
import { type CreatedType, isCreatingTool } from '../tools/create.ts';
import { TOOL_KEYS } from '../tools/keyboard.ts';
import { ToolIcon } from './icons.tsx';

const KEY_OF = Object.fromEntries(
  Object.entries(TOOL_KEYS).map(([key, tool]) => [tool, key.toUpperCase()]),
) as Record<Tool, string>;

const selectTool = (state: { tool: Tool }) => state.tool;

export function Toolbar({
  onHelp,
  onCreate,
}: {
  onHelp: () => void;
  onCreate: (type: CreatedType) => void;
}) {
  const { t, state, undo, readOnly, model } = useCanvas();
  const tool = useCanvasState(state, selectTool);
  const canUndo = useSyncExternalStore(
    (listener) => undo.subscribe(listener),
    () => undo.canUndo(),
  );
  const canRedo = useSyncExternalStore(
    (listener) => undo.subscribe(listener),
    () => undo.canRedo(),
  );
  const tools = toolsFor(readOnly, model.writesPrivately);
  return (
    <div className="im-ui im-toolbar" role="toolbar" aria-label={t.canvas.tools.label}>
      {tools.map((name) => {
        const label = t.canvas.withShortcut(t.canvas.tools[name], KEY_OF[name]);
        return (
          <button
            key={name}
            type="button"
            className="im-tool"
            data-tool={name}
            aria-label={label}
            aria-pressed={tool === name}
            title={label}
            onClick={(event) => {
              state.setTool(name);
              // Enter or Space gives a click with no pointer position (detail 0).
              if (event.detail === 0 && isCreatingTool(name)) onCreate(name);
            }}
          >
            <ToolIcon name={name} />
          </button>
        );
      })}
      {readOnly && !model.writesPrivately ? (
        <span className="im-readonly-badge">{t.canvas.readOnly}</span>
      ) : (
        <>
          <span className="im-toolbar-sep" aria-hidden="true" />
          <button
            type="button"
            className="im-tool"
            data-action="undo"
            aria-label={t.canvas.withShortcut(t.canvas.undo, 'Ctrl+Z')}
            title={t.canvas.withShortcut(t.canvas.undo, 'Ctrl+Z')}
            disabled={!canUndo}
            onClick={() => undo.undo()}
          >
            <ToolIcon name="undo" />
          </button>
          <button
            type="button"
            className="im-tool"
            data-action="redo"
            aria-label={t.canvas.withShortcut(t.canvas.redo, 'Ctrl+Shift+Z')}
            title={t.canvas.withShortcut(t.canvas.redo, 'Ctrl+Shift+Z')}
            disabled={!canRedo}
            onClick={() => undo.redo()}
          >
            <ToolIcon name="redo" />
          </button>
        </>
      )}
      <span className="im-toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className="im-tool"
        data-action="help"
        aria-label={t.canvas.withShortcut(t.canvas.help, '?')}
        title={t.canvas.withShortcut(t.canvas.help, '?')}
        onClick={onHelp}
      >
        ?
      </button>
    </div>
  );
}
