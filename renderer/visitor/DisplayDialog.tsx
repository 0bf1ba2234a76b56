import checkIcon from '@material-symbols/svg-400/rounded/check_circle-fill.svg';
import contrastIcon from '@material-symbols/svg-400/rounded/contrast.svg';
import textIcon from '@material-symbols/svg-400/rounded/format_size.svg';
import { useTranslation } from 'react-i18next';
import { TEXT_SIZES } from '../../main/contract/ipc-contract';
import { AlertDialog } from '../kit/AlertDialog';
import { Icon } from '../kit/Icon';
import { useVisitorAids } from '../kit/visitor-aids';

const SIZE_LABELS = ['display.normal', 'display.large', 'display.larger'] as const;

/** "Affichage": three text sizes and high contrast, for this visit only. */
export function DisplayDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { display, setDisplay } = useVisitorAids();
  return (
    <AlertDialog id="display" title={t('display.title')} testId="display-dialog">
      {/* Its touches are its own: on the attract screen they must not start the visit's next screen. */}
      <div className="display" onClick={(event) => event.stopPropagation()}>
        <p id="display-explain" className="dialog__text">
          {t('display.explain')}
        </p>
        <div className="display__sizes" role="group" aria-label={t('display.size')}>
          {TEXT_SIZES.map((size, index) => (
            <button
              key={size}
              type="button"
              className="big-button display__size"
              data-size={size}
              aria-pressed={display.textSize === size}
              onClick={() => setDisplay({ ...display, textSize: size })}
            >
              {display.textSize === size && <Icon src={checkIcon} size={36} />}
              <span className="display__sample" style={{ fontSize: `${Math.round(28 * size)}px` }}>
                A
              </span>
              {t(SIZE_LABELS[index] ?? 'display.normal')}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="big-button"
          data-testid="contrast"
          aria-pressed={display.highContrast}
          onClick={() => setDisplay({ ...display, highContrast: !display.highContrast })}
        >
          <Icon src={contrastIcon} size={40} />
          {display.highContrast ? t('display.contrastOff') : t('display.contrastOn')}
        </button>
        <div className="dialog__actions">
          <button
            type="button"
            className="big-button big-button--primary"
            data-testid="display-done"
            onClick={onClose}
          >
            {t('display.done')}
          </button>
        </div>
      </div>
    </AlertDialog>
  );
}

/** Opens the display dialog. */
export function DisplayButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="big-button big-button--compact"
      data-testid="display-button"
      onClick={(event) => {
        event.stopPropagation();
        onOpen();
      }}
    >
      <Icon src={textIcon} size={40} />
      {t('display.button')}
    </button>
  );
}
