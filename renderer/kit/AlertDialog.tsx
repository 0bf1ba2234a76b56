import type { ReactNode } from 'react';
import { useOverlay } from './overlay';

interface AlertDialogProps {
  /** Prefix of the ids: the title is `<id>-title`; the child with id `<id>-explain` describes the dialog. */
  id: string;
  title: string;
  testId: string;
  /** Hides the screen behind entirely (the idle warning) rather than dimming it. */
  opaque?: boolean;
  /** Extra class on the dialog box (e.g. a centred warning). */
  variant?: string;
  bigTitle?: boolean;
  children: ReactNode;
}

/** A modal question over the whole screen, announced by screen readers as an alert. */
export function AlertDialog({
  id,
  title,
  testId,
  opaque,
  variant,
  bigTitle,
  children,
}: AlertDialogProps) {
  // Over the guide panel, a dialog takes the whole screen while it is open.
  useOverlay();
  return (
    <div className={opaque ? 'backdrop backdrop--opaque' : 'backdrop'}>
      <div
        className={variant ? `dialog ${variant}` : 'dialog'}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-explain`}
        data-testid={testId}
      >
        <h2
          id={`${id}-title`}
          className={bigTitle ? 'dialog__title dialog__title--big' : 'dialog__title'}
        >
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
