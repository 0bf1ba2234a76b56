import nextIcon from '@material-symbols/svg-400/rounded/arrow_forward.svg';
import backIcon from '@material-symbols/svg-400/rounded/arrow_back.svg';
import doneIcon from '@material-symbols/svg-400/rounded/task_alt.svg';
import helpIcon from '@material-symbols/svg-400/rounded/person_raised_hand.svg';
import searchOffIcon from '@material-symbols/svg-400/rounded/search_off.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView, LanguageCode, ProcedureView } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { PICTOGRAM_ICONS } from '../kit/pictograms';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { GlossaryText } from '../glossary/GlossaryText';
import { AidsBar, type LanguageChoice } from './AidsBar';
import { EndSessionDialog } from './EndSessionDialog';
import { EndButton, IdCardButton } from './SessionBar';
import { StuckPanel } from './StuckPanel';

type Guiding = Extract<GuideView, { state: 'guiding' }>;

interface GuidePanelProps {
  guide: Guiding;
  procedure: ProcedureView;
  onMove: (direction: 'next' | 'previous') => void;
  onHelp: (ask: 'problems' | 'volunteer' | 'close') => void;
  onFinish: () => void;
  onLeave: () => void;
  onEnd: () => void;
  onShowCard?: () => void;
  languageChoice: LanguageChoice;
}

/**
 * Beside the official site: the step the visitor is on, one idea at a time,
 * with its pictogram and read-aloud; moving on by hand when the site cannot
 * be followed; help when stuck; and the way out.
 */
export function GuidePanel({
  guide,
  procedure,
  onMove,
  onHelp,
  onFinish,
  onLeave,
  onEnd,
  onShowCard,
  languageChoice,
}: GuidePanelProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const step = procedure.steps[guide.stepIndex] ?? procedure.steps[0];
  if (!step) return null;
  const progress = t('guide.step', { current: guide.stepIndex + 1, count: guide.stepCount });
  const last = guide.stepIndex === guide.stepCount - 1;
  return (
    <main className="guide" data-screen="guide" data-step={step.id}>
      <header className="guide__header">
        <Icon src={PICTOGRAM_ICONS[procedure.pictogram]} size={44} />
        <h1 className="guide__procedure" lang={procedure.language}>
          {procedure.title}
        </h1>
      </header>
      <div className="guide__progress-row">
        <p className="guide__progress" data-testid="guide-progress">
          {progress}
        </p>
        {guide.help !== 'problems' && (
          <ReadAloudButton text={step.readAloud} language={procedure.language} />
        )}
      </div>
      <ol className="guide__dots" aria-hidden="true">
        {procedure.steps.map((item, index) => (
          <li
            key={item.id}
            className={index <= guide.stepIndex ? 'guide__dot guide__dot--done' : 'guide__dot'}
          />
        ))}
      </ol>
      {guide.site === 'opening' && (
        <p className="guide__notice" role="status" data-testid="site-opening">
          {t('guide.opening')}
        </p>
      )}
      {!guide.recognised && (
        <p
          className="guide__notice guide__notice--unknown"
          role="status"
          data-testid="unknown-page"
        >
          <Icon src={searchOffIcon} size={36} />
          {t('guide.unknownPage')}
        </p>
      )}
      {/* Scrolls when a long step or its problems do not fit: reachable by keyboard too. */}
      <div className="guide__body" tabIndex={0} role="region" aria-label={progress}>
        {guide.help === 'problems' ? (
          <StuckPanel problems={step.problems} language={procedure.language} />
        ) : (
          <section className="guide__step" lang={procedure.language} aria-labelledby="step-text">
            <Icon src={PICTOGRAM_ICONS[step.pictogram]} size={72} />
            <GlossaryText
              id="step-text"
              text={step.text}
              language={procedure.language as LanguageCode}
            />
            {step.tips.length > 0 && (
              <ul className="guide__tips">
                {step.tips.map((tip) => (
                  <li key={tip}>{tip}</li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
      <nav className="guide__moves" aria-label={progress}>
        <button
          type="button"
          className="big-button big-button--compact"
          disabled={guide.stepIndex === 0}
          onClick={() => onMove('previous')}
        >
          <span className="directional">
            <Icon src={backIcon} size={36} />
          </span>
          {t('guide.previous')}
        </button>
        {last ? (
          <button
            type="button"
            className="big-button big-button--compact big-button--primary"
            data-testid="finish-button"
            onClick={onFinish}
          >
            <Icon src={doneIcon} size={36} />
            {t('guide.finished')}
          </button>
        ) : (
          <button
            type="button"
            className="big-button big-button--compact big-button--primary"
            onClick={() => onMove('next')}
          >
            {t('guide.next')}
            <span className="directional">
              <Icon src={nextIcon} size={36} />
            </span>
          </button>
        )}
      </nav>
      {guide.help === 'problems' ? (
        <div className="guide__actions">
          <button
            type="button"
            className="big-button big-button--compact big-button--primary"
            data-testid="stuck-volunteer"
            onClick={() => onHelp('volunteer')}
          >
            <Icon src={helpIcon} size={36} />
            {t('guide.help.volunteer')}
          </button>
          <button
            type="button"
            className="big-button big-button--compact"
            onClick={() => onHelp('close')}
          >
            <span className="directional">
              <Icon src={backIcon} size={36} />
            </span>
            {t('guide.help.back')}
          </button>
        </div>
      ) : (
        <div className="guide__actions">
          <button
            type="button"
            className="big-button big-button--compact"
            data-testid="stuck-button"
            onClick={() => onHelp('problems')}
          >
            <Icon src={helpIcon} size={36} />
            {t('guide.stuck')}
          </button>
          {!last && (
            <button
              type="button"
              className="big-button big-button--compact"
              data-testid="finish-button"
              onClick={onFinish}
            >
              <Icon src={doneIcon} size={36} />
              {t('guide.finished')}
            </button>
          )}
        </div>
      )}
      <AidsBar {...languageChoice} />
      <footer className="guide__footer">
        {onShowCard && <IdCardButton onShowCard={onShowCard} />}
        <button type="button" className="big-button big-button--compact" onClick={onLeave}>
          {t('guide.leave')}
        </button>
        <EndButton onClick={() => setConfirming(true)} />
      </footer>
      {confirming && <EndSessionDialog onConfirm={onEnd} onCancel={() => setConfirming(false)} />}
    </main>
  );
}
