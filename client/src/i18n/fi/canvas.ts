import { NEW_CONCEPT_TITLE } from '../../../../shared/board-document.ts';
import { CONCEPT_FIELD_LABELS } from '../../../../shared/concept-fields.ts';
import type { Catalogue } from '../en/index.ts';

export const canvas: Catalogue['canvas'] = {
  boardLabel: 'Taulun piirtoalue',
  zoomToFit: 'Sovita näkymään',
  zoomIn: 'Lähennä',
  zoomOut: 'Loitonna',
  zoomPercent: (percent) => `${percent} %`,
  zoomLevel: (percent) => `Zoomaus ${percent} prosenttia`,
  minimap: 'Taulun yleiskuva: siirry napsauttamalla',
  overview: 'Yleiskuva',
  tools: {
    label: 'Työkalut',
    select: 'Valitse',
    hand: 'Käsi (siirrä näkymää)',
    note: 'Muistilappu',
    text: 'Teksti',
    frame: 'Kehys',
    concept: 'Konseptikortti',
    pen: 'Kynä',
    eraser: 'Pyyhekumi',
    connector: 'Yhdysviiva',
  },
  withShortcut: (label, key) => `${label} (${key})`,
  undo: 'Kumoa',
  redo: 'Tee uudelleen',
  help: 'Pikanäppäimet',
  close: 'Sulje',
  selectionBar: 'Valitut kohteet',
  colour: 'Väri',
  colourName: (index) =>
    ['Keltainen', 'Oranssi', 'Vihreä', 'Sininen', 'Vaaleanpunainen', 'Harmaa'][index] ??
    `Väri ${index + 1}`,
  duplicate: 'Monista',
  delete: 'Poista',
  cancel: 'Peruuta',
  confirmDeleteFrame: (title) => `Poistetaanko kehys ”${title}” kaikilta?`,
  confirmDeleteFrames: (count) =>
    count === 1 ? 'Poistetaanko tämä kehys kaikilta?' : `Poistetaanko ${count} kehystä kaikilta?`,
  confirmDeleteFramesBody: (frames, others) =>
    `${
      others > 0
        ? `Myös ${others === 1 ? 'toinen valittu kohde poistuu' : `${others} muuta valittua kohdetta poistuvat`}; muu ${frames === 1 ? 'kehyksen' : 'kehysten'} sisältö jää taululle.`
        : `${frames === 1 ? 'Kehyksen' : 'Kehysten'} sisältö jää taululle ${frames === 1 ? 'kehyksen' : 'kehysten'} ulkopuolelle.`
    } Kumoa (Ctrl+Z) tuo poistetun takaisin.`,
  bringForward: 'Tuo päällimmäiseksi',
  sendBackward: 'Vie alimmaiseksi',
  readOnly: 'Vain katselu',
  privateNote: 'Yksityinen',
  privateHint: 'Vain sinä näet tämän, kunnes fasilitaattori paljastaa laput',
  untitled: 'Nimetön',
  resize: 'Muuta kokoa',
  pinned: 'Kiinnitetty',
  pinnedHint: 'Kiinnitetty: vain fasilitaattori voi siirtää tai muuttaa sitä',
  pin: 'Kiinnitä',
  unpin: 'Irrota',
  pinHint: 'Kiinnitä paikalleen: vain fasilitaattorit voivat siirtää, muuttaa tai poistaa sen',
  unpinHint: 'Anna kaikkien taas siirtää, muuttaa ja poistaa sitä',
  leftOut: (action, count, why) =>
    `${
      why === 'pinned'
        ? count === 1
          ? '1 kiinnitetty kohde jäi'
          : `${count} kiinnitettyä kohdetta jäi`
        : count === 1
          ? '1 jaettu kohde jäi'
          : `${count} jaettua kohdetta jäi`
    } ${
      {
        move: 'siirtämättä',
        delete: 'poistamatta',
        duplicate: 'kopioimatta',
        bringForward: 'tuomatta eteen',
        sendBackward: 'viemättä taakse',
      }[action]
    }: ${
      why === 'pinned'
        ? 'vain fasilitaattori voi muuttaa kiinnitettyjä kohteita'
        : `jaettua taulua voi ${why === 'until-reveal' ? 'vain katsoa, kunnes fasilitaattori paljastaa laput' : 'nyt vain katsoa'}`
    }.`,
  deletedWhileEditing: (type) =>
    `Joku muu – tai sinä toisessa ikkunassa – poisti ${
      type
        ? {
            note: 'muistilapun',
            text: 'tekstin',
            frame: 'kehyksen',
            concept: 'konseptikortin',
            stroke: 'piirroksen',
            connector: 'yhdysviivan',
          }[type]
        : 'kohteen'
    }, jota muokkasit.`,
  editingStopped: (why) =>
    why === 'silent'
      ? 'Hiljainen kirjoitus alkoi, joten jaettua taulua voi vain katsoa, kunnes fasilitaattori paljastaa laput: muokkauksesi keskeytyi.'
      : 'Fasilitaattori lukitsi taulun: muokkauksesi keskeytyi.',
  keptWords: 'Mitä olit kirjoittamassa, kopioitavaksi (taulussa ei ehkä ole kaikkea):',
  copyKeptWords: 'Kopioi, mitä olit kirjoittamassa',
  closeNotice: 'Sulje',
  nothingSelected:
    'Mitään ei ole valittu, joten mitään ei poistettu. Enter valitsee kohteen, jossa kohdistus on.',
  itemType: {
    note: 'Muistilappu',
    text: 'Teksti',
    frame: 'Kehys',
    concept: 'Konseptikortti',
    stroke: 'Piirros',
    connector: 'Yhdysviiva',
  },
  itemLabel: (type, text) => (text ? `${type}: ${text}` : type),
  editText: 'Muokkaa tekstiä',
  editTitle: 'Muokkaa otsikkoa',
  newFrame: 'Kehys',
  newConcept: NEW_CONCEPT_TITLE.fi,
  conceptName: 'Konseptin nimi',
  conceptFields: CONCEPT_FIELD_LABELS.fi,
  cursorOf: (name) => `Käyttäjän ${name} osoitin`,
  shortcuts: {
    title: 'Pikanäppäimet',
    touchTitle: 'Näin käytät taulua',
    groups: {
      touch: 'Sormella',
      tools: 'Työkalut',
      edit: 'Muokkaus',
      view: 'Näkymä',
      keyboard: 'Liikkuminen näppäimistöllä',
    },
    rows: {
      touchCreate:
        'Napauta työkalua (muistilappu, teksti, kehys, konseptikortti) ja sitten taulua: uusi kohde siihen, valmiina kirjoitettavaksi',
      touchEdit:
        'Kaksoisnapauta muistilappua tai korttia: kirjoita siihen · kaksoisnapauta tyhjää taulua: uusi muistilappu siihen',
      touchMove:
        'Napauta kohdetta valitaksesi sen ja vedä sitä siirtääksesi · sen mukana tulevat painikkeet: väri, monista, poista · napauta tyhjää taulua poistaaksesi valinnan',
      touchView: 'Yksi sormi tyhjällä taululla: liiku · kaksi sormea: lähennä tai loitonna',
      touchOutline:
        'Jäsennys, ylhäällä: koko taulu luettelona, jossa voit lisätä muistilappuja, muokata niitä ja äänestää',
      tools:
        'V valitse · H käsi · N muistilappu · T teksti · F kehys · C konseptikortti · P kynä · E pyyhekumi · L yhdysviiva',
      doubleClick:
        'Kaksoisnapsautus tyhjään kohtaan: uusi muistilappu siihen · kehystyökalulla vedä kehys haluamasi kokoiseksi',
      multi:
        'Vaihto+napsautus: lisää valintaan · vedä tyhjällä alueella: valitse alue · Ctrl/⌘+A: valitse kaikki',
      undo: 'Ctrl/⌘+Z kumoa · Ctrl/⌘+Vaihto+Z tai Ctrl+Y tee uudelleen',
      clipboard: 'Ctrl/⌘+C kopioi · Ctrl/⌘+V liitä · Ctrl/⌘+D monista',
      remove:
        'Delete tai askelpalautin: poista valitut · kohdistus siirtyy sitten lähimpään kohteeseen valitsematta sitä, joten uusi Delete ei poista mitään',
      order: ']: tuo päällimmäiseksi · [: vie alimmaiseksi',
      pan: 'Rulla tai kaksi sormea kosketuslevyllä: siirrä näkymää · välilyönti+veto tai keskipainike: siirrä',
      zoom: 'Ctrl/⌘+rulla tai nipistys: zoomaa osoittimen kohdalla · Vaihto+1: sovita · + / −: zoomaa',
      tab: 'Sarkain / Vaihto+sarkain: seuraava tai edellinen kohde lukujärjestyksessä (kehys kerrallaan, rivi riviltä) · nuolinäppäimet: lähin kohde siihen suuntaan',
      nudge: 'Alt+nuoli: siirrä valittuja 10 yksikköä (Alt+Vaihto+nuoli: 1 yksikkö)',
      create:
        'N, T, F tai C ja sitten Enter: uusi muistilappu, teksti, kehys tai konseptikortti valitun kohteen viereen (jos mitään ei ole valittu, näkymän keskelle) · Enter työkalupalkin työkalun kohdalla tekee saman',
      enter:
        'Enter: valitse kohdistettu kohde, Enter uudelleen: muokkaa sitä · Esc: peru kesken oleva veto, lopeta muokkaus, sitten tyhjennä valinta',
      conceptCard:
        'Konseptikorttia muokatessa: Sarkain / Vaihto+sarkain: seuraava tai edellinen kenttä (ensin konseptin nimi) · viimeisen kentän jälkeen takaisin korttiin',
      help: '?: tämä luettelo',
    },
  },
};
