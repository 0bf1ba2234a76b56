import { useTranslation } from 'react-i18next';
import type {
  EditKey,
  GuideView,
  LanguageCode,
  ProcedureView,
} from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { type KeyboardTarget, OnScreenKeyboard } from '../kit/keyboard/OnScreenKeyboard';
import { PICTOGRAM_ICONS } from '../kit/pictograms';
import { CallVolunteerButton } from './HelpBand';

type Guiding = Extract<GuideView, { state: 'guiding' }>;

interface KeyboardStripProps {
  guide: Guiding;
  procedure: ProcedureView;
  language: LanguageCode;
  open: KeyboardTarget | null;
  onText: (text: string) => void;
  onKey: (key: EditKey) => void;
  onHide: () => void;
}

/**
 * While the visitor types into the official site: the site above, and here,
 * across the bottom of the screen, the step in one line and the keyboard.
 * Closing the keyboard brings the guide panel back.
 */
export function KeyboardStrip({
  guide,
  procedure,
  language,
  open,
  onText,
  onKey,
  onHide,
}: KeyboardStripProps) {
  const { t } = useTranslation();
  const step = procedure.steps[guide.stepIndex] ?? procedure.steps[0];
  if (!open || !step) return null;
  return (
    <main className="keyboard-strip" data-screen="keyboard" data-step={step.id}>
      <h1 className="visually-hidden">{t('keyboard.title')}</h1>
      <div className="keyboard-strip__head">
        <p className="keyboard-strip__step" lang={procedure.language}>
          <Icon src={PICTOGRAM_ICONS[step.pictogram]} size={40} />
          <span className="keyboard-strip__progress">
            {t('guide.step', { current: guide.stepIndex + 1, count: guide.stepCount })}
          </span>
          <span className="keyboard-strip__text" data-testid="step-text">
            {step.text}
          </span>
        </p>
        <CallVolunteerButton />
      </div>
      <OnScreenKeyboard
        key={`${open.mode}-${String(open.secret)}`}
        {...open}
        language={language}
        onText={onText}
        onKey={onKey}
        onHide={onHide}
      />
    </main>
  );
}
