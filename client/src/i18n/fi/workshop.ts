import type { Catalogue } from '../en/index.ts';

const votes = (n: number) => (n === 1 ? '1 ääni' : `${n} ääntä`);

/** Facilitation, voting, follow-ups, history and export panels. */
export const workshop: Catalogue['workshop'] = {
  facilitation: 'Fasilitointi',
  panelsLabel: 'Työpaja',
  tabs: {
    facilitate: 'Fasilitoi',
    voting: 'Äänestys',
    followUps: 'Jatkotoimet',
    followUpsNew: (count) => `Jatkotoimet · ${count} uutta sinulle`,
    history: 'Historia ja vienti',
  },
  close: 'Sulje',
  cancel: 'Peruuta',
  working: 'Hetki…',

  phaseLabel: 'Vaihe',
  phases: {
    diverge: 'Ideointi',
    cluster: 'Ryhmittely',
    vote: 'Äänestys',
    assign: 'Vastuutus',
  },
  noPhase: 'Ei vaihetta',
  timerLabel: 'Ajastin',
  timerPaused: 'tauolla',
  timeUp: 'Aika loppui',
  locked: 'Taulu on lukittu: vain fasilitaattorit voivat muokata.',
  silentWritingFacilitator: 'Hiljainen kirjoitus käynnissä: osallistujat kirjoittavat yksin.',
  lockedBrief: 'Lukittu: vain fasilitaattorit voivat muokata.',
  silentWritingFacilitatorBrief: 'Hiljainen kirjoitus käynnissä.',
  votesLeft: (remaining, budget) => `${remaining}/${budget} ääntä jäljellä`,
  announceUnlocked: 'Taulun lukitus on avattu: sitä voi taas muokata.',
  announceRevealed: 'Hiljaisen kirjoituksen laput on paljastettu: kaikki näkevät ne nyt taululla.',
  announcePhase: (phase) => (phase ? `Vaihe: ${phase}.` : 'Ei vaihetta nyt.'),

  roundSection: 'Äänestyskierros',
  roundTitle: 'Otsikko',
  roundTitlePlaceholder: 'Mitkä ideat viedään eteenpäin?',
  budget: 'Ääniä osallistujaa kohden',
  maxPerItem: 'Enintään ääniä yhdelle kohteelle',
  itemTypes: 'Äänestettävät kohteet',
  itemTypeNames: {
    note: 'Lappuset',
    text: 'Tekstit',
    frame: 'Kehykset',
    concept: 'Konseptikortit',
    stroke: 'Piirrokset',
    connector: 'Yhdysviivat',
  },
  onlyInFrame: 'Vain kehyksen sisältä',
  anyFrame: 'Koko taululta',
  untitledFrame: 'Nimetön kehys',
  anonymous: 'Anonyymi (tulokset piilossa, kunnes kierros päättyy)',
  durationMin: 'Päättyy itsestään (minuuttia, valinnainen)',
  openRound: 'Avaa kierros',
  closeRound: 'Päätä kierros',
  roundOpenSince: (title) => `Käynnissä: ${title}`,
  voters: (count) => (count === 1 ? '1 henkilö on äänestänyt' : `${count} henkilöä on äänestänyt`),
  participation: 'Osallistuminen',
  usedVotes: (used, budget) => `${used}/${budget}`,
  nobodyVotedYet: 'Kukaan ei ole vielä äänestänyt.',
  closesAt: (time) => `Päättyy klo ${time}`,
  timeLeft: (duration) => `aikaa jäljellä ${duration}`,

  silentSection: 'Hiljainen kirjoitus',
  startSilent: 'Aloita hiljainen kirjoitus',
  revealWithNames: 'Paljasta nimien kanssa',
  silentProgress: (writers, notes) =>
    `Tähän mennessä ${writers} ${writers === 1 ? 'henkilö on' : 'henkilöä on'} kirjoittanut ${notes} ${notes === 1 ? 'lapun' : 'lappua'}.`,
  revealAnonymously: 'Paljasta nimettöminä',
  showNames: 'Näytä, kuka kirjoitti minkäkin lapun',
  showNamesHint:
    'Kaikki näkevät kirjoittajan nimen jokaisen lapun ja kortin alareunassa. Paljastus nimien kanssa ottaa tämän käyttöön, nimettömänä poistaa käytöstä.',
  writtenBy: (name) => `Kirjoittanut ${name}`,
  newTag: 'Uusi',
  newHint: 'Lisätty edellisen käyntisi jälkeen',

  lockSection: 'Taulun lukitus',
  lockBoard: 'Lukitse taulu',
  unlockBoard: 'Avaa lukitus',

  timerSection: 'Yhteinen ajastin',
  timeLeftPaused: (time) => `aikaa jäljellä ${time}, tauolla`,
  minutes: 'Minuutit',
  startTimer: 'Käynnistä',
  pauseTimer: 'Tauko',
  resumeTimer: 'Jatka',
  resetTimer: 'Nollaa',

  anotherFacilitator: 'Toinen fasilitaattori',
  lockedBefore: (who) => `${who} lukitsi taulun juuri ennen sinua: taulu pysyy lukittuna.`,
  unlockedBefore: (who) => `${who} avasi taulun lukituksen juuri ennen sinua: taulu pysyy avoinna.`,
  pausedBefore: (who) => `${who} pysäytti ajastimen juuri ennen sinua: ajastin pysyy tauolla.`,
  resumedBefore: (who) => `${who} jatkoi ajastinta juuri ennen sinua: ajastin käy.`,
  resetBefore: (who) => `${who} nollasi ajastimen juuri ennen sinua.`,
  timerStartedBefore: (who, time) =>
    `${who} käynnisti ajastimen (${time}) juuri ennen sinua. Käynnistä uudelleen, niin omasi tulee sen tilalle.`,
  timerReplaced: (who, time) => `${who} käynnisti ajastimen (${time}) sinun ajastimesi tilalle.`,
  silentStartedBefore: (who) =>
    `${who} aloitti hiljaisen kirjoituksen juuri ennen sinua: mitään ei paljastettu.`,
  revealedBefore: (who, anonymous) =>
    `${who} paljasti jo laput, ${anonymous ? 'nimettöminä' : 'nimien kanssa'}.`,

  phaseSection: 'Vaihe',
  setPhase: 'Aseta vaihe',
  summon: 'Tuo kaikki luokseni',
  summonHint: 'Siirtää kaikkien näkymän siihen, mitä näet nyt.',

  linksSection: 'Linkit',
  linksHint:
    'Taulun linkit näytettiin kerran, kun taulu luotiin (sen luonut selain säilyttää osallistujan ja katselijan linkit Kutsu mukaan -ikkunaa varten). Hukkuiko linkki, tai menikö se väärille ihmisille? Tee uusi: vanha linkki lakkaa toimimasta, ja kaikki sillä liittyneet pysyvät (jäsenen voi poistaa kohdassa Jäsenet).',
  newLinkFor: (role) => `Uusi linkki: ${role}`,
  confirmNewLinkTitle: (role) => `Tehdäänkö uusi linkki (${role})?`,
  confirmNewLink: (role, kept) =>
    `Nykyinen linkki (${role}) ei enää avaa tätä taulua niille, jotka eivät ole vielä liittyneet sillä. Jo liittyneet pysyvät. ${kept ? 'Tämä selain säilyttää uuden linkin Kutsu mukaan -ikkunassa.' : 'Uusi linkki näytetään kerran: kopioi se ennen kuin poistut.'}`,
  makeNewLink: 'Tee uusi linkki',
  newLinkMade: (role, kept) =>
    `Uusi linkki: ${role} (${kept ? 'myös Kutsu mukaan -ikkunassa' : 'näytetään kerran'})`,

  inviteHint:
    'Näytä tämä näytöllä: osallistujat skannaavat koodin puhelimen kameralla tai avaavat linkin ja liittyvät taululle.',
  inviteQr: 'Osallistujalinkin QR-koodi',
  inviteQrFailed: 'QR-koodia ei voitu tehdä. Jaa linkki sen sijaan.',
  inviteLinkNotHere: (role) =>
    `Tällä laitteella ei ole linkkiä (${role}): taulun linkit säilyvät vain selaimessa, jolla taulu luotiin. Tee uusi kutsuaksesi ihmisiä.`,
  inviteLinkReplaced: (role) =>
    `Tälle laitteelle tallennettu linkki (${role}) ei enää avaa taulua: joku on tehnyt sen jälkeen uuden. Tee uusi tässä tai pyydä se.`,
  makeNewRoleLink: (role) => `Tee uusi linkki (${role})`,

  membersSection: 'Jäsenet',
  membersHint:
    'Onko taululla joku, jonka ei kuulu olla, tai onko laite kadonnut? Poista hänet: yhteys katkeaa heti kaikilla laitteilla.',
  everyoneJoined: 'Kaikki liittyneet',
  memberHere: 'paikalla',
  memberYou: 'sinä',
  memberJoined: (when) => `liittyi ${when}`,
  removeMember: 'Poista',
  removeMemberNamed: (name) => `Poista ${name} taululta`,
  confirmRemoveMemberTitle: (name) => `Poistetaanko ${name} taululta?`,
  confirmRemoveMember: (name, role) =>
    `${name} poistetaan taululta heti kaikilla laitteilla. Hänen kirjoittamansa, äänensä ja jatkotoimensa jäävät hänen nimellään, ellei nimeä poisteta alla; hänen paljastamattomat yksityiset lappunsa hylätään. Linkillä (${role}) voi liittyä kuka tahansa, myös ${name}: jos linkki on yhä hänellä, tee rooliin myös uusi linkki (Linkit, alla).`,
  removeMemberAnswer: 'Poista taululta',
  memberRemoved: (name) => `${name} ei ole enää taululla.`,
  eraseMemberName: 'Poista myös nimi hänen pyynnöstään',
  eraseMemberNameHint:
    'Kaikkialla, missä taulu mainitsee hänet (laput, äänet ja jatkotoimet, viennit), lukee nimen sijaan ”(nimi poistettu)”, ja hänen nimelleen annetuista jatkotoimista poistuu sähköpostiosoite. Hänen kirjoittamansa jää. Tätä ei voi perua.',
  memberErased: (name) => `${name} ei ole enää taululla, ja hänen nimensä on poistettu.`,
  takenOff: (count) => `Taululta poistetut (${count})`,
  eraseName: 'Poista nimi',
  eraseNameOf: (name) => `Poista nimi ${name}`,
  confirmEraseNameTitle: (name) => `Poistetaanko nimi ${name}?`,
  nameErased: (name) => `Nimi ${name} on poistettu.`,

  renameSection: 'Taulun nimi',
  boardTitle: 'Taulun nimi',
  renameBoard: 'Nimeä uudelleen',
  languageSection: 'Taulun kieli',
  languageHint:
    'Vientien sanat ja pohjan otsikot, joita kukaan ei ole muuttanut, kaikille. Jokaisen oma näkymä pysyy hänen valitsemallaan kielellä.',
  boardLanguage: 'Taulun kieli',
  changeLanguage: 'Vaihda',
  titleEmpty: 'Taulu tarvitsee nimen.',
  announceRenamed: (title) => `Taulun nimi on nyt ”${title}”.`,
  announceYourFollowUp: (title) => `Sinulle on annettu jatkotoimi: ”${title}”.`,

  deleteSection: 'Taulun poistaminen',
  deleteHint:
    'Poistaa taulun kaikilta, ja sen mukana laput, äänestyskierrokset, jatkotoimet ja tallennetut versiot. Poistoa ei voi perua: lataa ensin talteen, mitä tarvitset (Historia ja vienti).',
  deleteBoard: 'Poista taulu…',
  confirmDeleteTitle: (title) => `Poistetaanko ”${title}” kaikilta?`,
  confirmDelete:
    'Kaikki taululla olevat poistuvat siltä heti, eivätkä sen linkit enää toimi. Sen laput, äänestyskierrokset, jatkotoimet ja tallennetut versiot poistetaan palvelimelta lopullisesti: kukaan ei voi palauttaa niitä.',
  typeTitleToDelete: 'Kirjoita taulun nimi poistaaksesi sen',
  titleToDeleteMismatch: 'Tämä ei ole taulun nimi.',
  deleteForGood: 'Poista lopullisesti',

  noOpenRound: 'Äänestyskierros ei ole käynnissä.',
  howToVote:
    'Anna ääni napsauttamalla tai napauttamalla kohteen tyhjää pistettä; ota ääni takaisin napsauttamalla tai napauttamalla omaa pistettäsi. Näppäimistöllä siirry kohteesta sen pisteisiin sarkaimella: Enter tyhjässä pisteessä antaa äänen, ja ”-” tai Delete omassa pisteessäsi ottaa sen äänen takaisin.',
  anonymousRound: 'Anonyymi kierros: tulokset näkyvät, kun kierros päättyy.',
  myVotes: 'Omat ääneni',
  noVotesYet: 'Et ole vielä äänestänyt.',
  results: 'Tulokset',
  noClosedRounds: 'Yksikään kierros ei ole vielä päättynyt.',
  roundClosedAt: (time) => `päättyi ${time}`,
  excludedDeleted: (n) => `${votes(n)} poistetuille kohteille jätetty pois`,
  showOnBoard: 'Näytä taululla',
  noVotesInRound: 'Ääniä ei annettu.',
  topN: 'Montako kärjestä (tasatulokset mukaan)',
  createFollowUpsFromTop: 'Luo jatkotoimet kärkituloksista',
  followUpsCreated: (count) =>
    count === 1
      ? 'Luotiin 1 jatkotoimi: ks. Jatkotoimet-välilehti.'
      : `Luotiin ${count} jatkotointa: ks. Jatkotoimet-välilehti.`,
  followUpsAlreadyThere: 'Näillä kaikilla on jo jatkotoimi.',
  deletedItem: '(poistettu kohde)',
  untitledItem: '(ei tekstiä)',

  addVote: (label) => `Äänestä kohdetta ”${label}”`,
  retractVote: (label) => `Ota takaisin ääni kohteelta ”${label}”`,
  myVotesOnItem: (count) => (count === 1 ? '1 oma ääni' : `${count} omaa ääntä`),
  outOfPlay: 'Ei mukana tällä kierroksella',
  resultBadge: (rank, n) => `Sija ${rank}, ${votes(n)}`,
  resultBadgeShort: (rank, n) => `#${rank} · ${votes(n)}`,
  liveTally: votes,
  assignFollowUp: 'Nimeä jatkotoimi',
  assignFollowUpShort: '+ Jatkotoimi',
  followUpCount: (count) => (count === 1 ? '1 jatkotoimi' : `${count} jatkotointa`),
  followUpMark: (count, owners) =>
    `${count === 1 ? '1 jatkotoimi' : `${count} jatkotointa`}, ${owners.length === 1 ? 'vastuuhenkilö' : 'vastuuhenkilöt'}: ${owners.join(', ')}`,
  followUpsOn: (label) => `Jatkotoimet: ”${label}”`,

  followUpsSection: 'Jatkotoimet',
  noFollowUps: 'Ei vielä jatkotoimia. Nimeä ne kohteesta tai kierroksen tuloksista.',
  followUpFor: (label) => `Jatkotoimi: ”${label}”`,
  fuTitle: 'Otsikko',
  owner: 'Vastuuhenkilö',
  ownerMember: 'Taulun jäsen',
  ownerName: 'Nimi',
  ownerEmail: 'Sähköposti (valinnainen)',
  ownerSomeoneElse: 'Joku muu (nimi, sähköposti)',
  ownedOnAnotherDevice: (name) =>
    `Tämä annettiin nimelle ${name} toisella laitteella tai selaimella liittyneenä: tilaa ja muistiinpanoja voi muuttaa siellä, tai fasilitaattori voi muuttaa niitä.`,
  ownerNameRequired: 'Kirjoita sen nimi, joka vie asiaa eteenpäin.',
  saveOwner: 'Tallenna vastuuhenkilö',
  pickMember: 'Valitse jäsen',
  due: 'Määräpäivä',
  overdue: (days: number) => (days === 1 ? 'Päivän myöhässä' : `${days} päivää myöhässä`),
  status: 'Tila',
  statuses: {
    open: 'Avoin',
    in_progress: 'Työn alla',
    done: 'Valmis',
    dropped: 'Hylätty',
  },
  notes: 'Muistiinpanot',
  createFollowUp: 'Luo jatkotoimi',
  deleteFollowUp: 'Poista',
  deleteFollowUpNamed: (title) => `Poista jatkotoimi: ${title}`,
  confirmDeleteFollowUpTitle: 'Poistetaanko tämä jatkotoimi?',
  confirmDeleteFollowUp: (title) =>
    `”${title}” poistetaan kaikilta vastuuhenkilöineen, tiloineen, määräpäivineen ja muistiinpanoineen. Poistoa ei voi perua.`,
  onItem: (label) => `Kohde: ${label}`,
  showFinished: (count) => `Näytä valmiit ja hylätyt (${count})`,
  hideFinished: 'Piilota valmiit ja hylätyt',
  unknownOwner: 'Nimeämättä',

  exportSection: 'Vienti',
  exportFormats: {
    md: 'Markdown-raportti',
    agenda: 'Seuraavan tapaamisen asialista',
    csv: 'Taulukko (CSV, kohteet)',
    csvConcepts: 'Taulukko (CSV, konseptiaihiot)',
    csvFollowUps: 'Taulukko (CSV, jatkotoimet)',
    json: 'JSON',
    svg: 'Kuva taulusta (SVG)',
    ics: 'Määräpäivät kalenteriin (.ics)',
  },
  historySection: 'Historia',
  versionName: 'Version nimi',
  saveVersion: 'Tallenna versio',
  noSnapshots: 'Ei vielä tallennettuja versioita.',
  snapshotReasons: {
    manual: 'Tallennettu versio',
    periodic: 'Automaattinen',
    before_round: 'Ennen äänestyskierrosta',
    before_restore: 'Ennen palautusta',
  },
  preview: 'Esikatsele',
  restore: 'Palauta',
  previewOf: (name) => `Esikatselu: ${name}`,
  previewFailed: 'Esikatselua ei saatu ladattua. Sulje se ja yritä uudelleen.',
  exportNow: 'Taulu sellaisena kuin se nyt on.',
  download: 'Lataa',
  downloadVersion: 'Lataa tämä versio:',
  downloadFailed: 'Lataus ei onnistunut. Yritä uudelleen.',
  downloadUnreachable:
    'Palvelimeen ei saatu yhteyttä, joten mitään ei ladattu. Tarkista yhteys ja yritä uudelleen.',
  versionGone:
    'Tätä versiota ei enää säilytetä: vanhempia automaattisia versioita karsitaan ajan mittaan.',
  beforeRound: (round: string) => `Ennen äänestyskierrosta ’${round}’`,
  previewAsNow:
    'Kohteet ovat sellaisina kuin ne olivat tässä versiossa; äänestyskierrokset ja jatkotoimet näkyvät sellaisina kuin ne nyt ovat.',
  versionNameOptional: '(valinnainen)',
  deleteVersion: 'Poista',
  confirmDeleteVersionTitle: 'Poistetaanko tämä versio?',
  confirmDeleteVersion: (name) =>
    `”${name}” poistetaan kaikilta pysyvästi: sitä ei voi enää katsoa, ladata eikä palauttaa. Itse taulu ei muutu. Poista versio, jossa on jotain, mitä ei kuulu säilyttää, kuten taululta sittemmin poistettu lappu.`,
  deleteVersionAnswer: 'Poista versio',
  versionDeleted: (name) => `”${name}” poistettiin.`,
  confirmRestoreTitle: 'Palautetaanko tämä versio?',
  confirmRestore: (name) =>
    `Taulu palaa kaikilta versioon ”${name}”. Nykyinen tila tallennetaan ensin, joten palautuksen voi perua palauttamalla sen.`,
  restoreWhileVoting: (round: string) =>
    `”${round}” on käynnissä: äänet kohteille, joita tässä versiossa ei ole, jäävät pois, kun se päätetään.`,
  restored: 'Taulu palautettiin.',
  restoredByMe:
    'Palautit taulun tallennettuun versioon. Sitä juuri edeltänyt tila on tallessa versiona (Historia ja vienti).',
  restoredRemoved: (count: number) =>
    count === 1 ? 'Taululta poistui 1 kohde.' : `Taululta poistui ${count} kohdetta.`,
  undoRestore: 'Peru palautus',
  earlierMember: (name: string) => `${name} (aiempi käynti)`,
  restoreCounting: 'Lasketaan, mitä palautus muuttaa…',
  restoreWillChange: (removed: number, added: number) =>
    `Taulun nykyisistä kohteista poistuu ${removed} ja takaisin tulee ${added}.`,
  restoredBy: (name: string) =>
    `${name} palautti taulun tallennettuun versioon. Sitä juuri edeltänyt tila on tallessa versiona (Historia ja vienti).`,

  dismiss: 'Sulje ilmoitus',
};
