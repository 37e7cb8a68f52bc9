/**
 * The concept card's field labels in every UI language: one source for the board (client
 * catalogues) and for the exports (server), so a field is called the same everywhere.
 */
import type { Language } from './api.ts';
import type { ConceptField } from './board-document.ts';

export const CONCEPT_FIELD_LABELS: Record<Language, Record<ConceptField, string>> = {
  en: {
    name: 'Name',
    targetCustomer: 'Target customer',
    customerNeed: 'Customer need',
    serviceIdea: 'Service idea',
    touchpoints: 'Touchpoints',
    customerValue: 'Value for the customer',
    organisationValue: 'Value for the organisation',
    firstStep: 'First step',
  },
  fi: {
    name: 'Nimi',
    targetCustomer: 'Kohdeasiakas',
    customerNeed: 'Asiakkaan tarve',
    serviceIdea: 'Palveluidea',
    touchpoints: 'Kosketuspisteet',
    customerValue: 'Arvo asiakkaalle',
    organisationValue: 'Arvo organisaatiolle',
    firstStep: 'Ensimmäinen askel',
  },
};
