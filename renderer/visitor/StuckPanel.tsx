import helpIcon from '@material-symbols/svg-400/rounded/person_raised_hand.svg';
import { useTranslation } from 'react-i18next';
import type { ProblemView } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { BackButton } from './BackButton';

/** "Je suis bloqué·e": this step's usual problems and their way out first, then a volunteer. */
export function StuckPanel({
  problems,
  language,
  onVolunteer,
  onBack,
}: {
  problems: ProblemView[];
  language: string;
  onVolunteer: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="stuck" aria-labelledby="stuck-title" data-testid="stuck">
      <h2 id="stuck-title" className="stuck__title">
        {t('guide.help.title')}
      </h2>
      <p>{problems.length > 0 ? t('guide.help.problems') : t('guide.help.none')}</p>
      <ul className="stuck__list" lang={language}>
        {problems.map((problem) => (
          <li key={problem.title} className="stuck__problem">
            <p className="stuck__problem-title">{problem.title}</p>
            <p>{problem.solution}</p>
            <ReadAloudButton text={`${problem.title}. ${problem.solution}`} language={language} />
          </li>
        ))}
      </ul>
      <button type="button" className="big-button big-button--primary" onClick={onVolunteer}>
        <Icon src={helpIcon} size={40} />
        {t('guide.help.volunteer')}
      </button>
      <BackButton onClick={onBack} label={t('guide.help.back')} />
    </section>
  );
}
