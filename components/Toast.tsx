import { useEffect, useRef } from 'preact/hooks';
import { t } from '../utils/i18n';

export interface ToastProps {
  text: string;
  /** The undo, if the action can be undone. */
  onUndo?: () => void;
  onDismiss: () => void;
  /** Moves focus to Undo when it appears (the reader acted from the keyboard or the card). */
  focusUndo: boolean;
  style?: Record<string, string>;
}

/** A short notice with "Undo" (the overlay dismisses it after a few seconds). */
export function Toast(props: ToastProps) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.focusUndo) undo.current?.focus();
  }, [props.focusUndo, props.text]);
  return (
    <div class="fm-toast" role="status" data-testid="factmark-toast" style={props.style}>
      <span>{props.text}</span>
      {props.onUndo ? (
        <button type="button" ref={undo} data-testid="toast-undo" onClick={props.onUndo}>
          {t('undo')}
        </button>
      ) : null}
      <button type="button" class="fm-close" aria-label={t('dismiss')} onClick={props.onDismiss}>
        ×
      </button>
    </div>
  );
}
