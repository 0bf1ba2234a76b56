import { useTranslation } from 'react-i18next';
import type { ProblemView } from '../../main/contract/ipc-contract';
import { ReadAloudButton } from '../kit/ReadAloudButton';

/**
 * "Je suis bloqué·e": this step's usual problems and their way out first; the
 * guide panel keeps "Appeler un bénévole" in view below them.
 */
export function StuckPanel({ problems, language }: { problems: ProblemView[]; language: string }) {
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
    </section>
  );
}
