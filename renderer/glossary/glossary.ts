import { Glossary } from '../../main/contract/glossary-contract';
import data from './glossary.json';

/** The glossary, checked against its schema when the kiosk starts (and by the tests). */
export const GLOSSARY: Glossary = Glossary.parse(data);
