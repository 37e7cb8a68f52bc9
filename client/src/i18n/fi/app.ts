import type { Catalogue } from '../en/index.ts';

export const app: Catalogue['app'] = {
  productName: 'Ideamill',
  tagline: 'Yhteinen ideataulu palvelumuotoilun työpajoihin',
  language: 'Kieli',
  languageNames: { en: 'English', fi: 'Suomi' },
  loading: 'Ladataan…',

  createTitle: 'Aloita uusi taulu',
  createIntro:
    'Kuvatkaa asiakkaan palvelupolku, luonnostelkaa palvelukonsepteja ja äänestäkää ideoista yhdessä, reaaliajassa.',
  boardTitle: 'Taulun nimi',
  boardTitlePlaceholder: 'Kehittämispäivä: palvelupolkumme',
  template: 'Pohja',
  templates: {
    blank: 'Tyhjä taulu',
    'customer-journey': 'Asiakkaan palvelupolku',
    'concept-canvas': 'Palvelukonseptin pohja',
    'idea-mill': 'Ideamylly',
    retrospective: 'Retrospektiivi',
  },
  templateHints: {
    blank: 'Tyhjä piirtoalusta.',
    'customer-journey':
      'Vaiheet sarakkeina; ihmiset, ympäristöt, esineet, toimintatavat ja tunteet kaistoina.',
    'concept-canvas': 'Jäsennelty luonnos yhdestä uudesta palvelukonseptista.',
    'idea-mill': 'Aihekehykset, joiden välillä tiimit kiertävät.',
    retrospective: 'Onnistui, parannettavaa, ideoita ja toimenpiteitä.',
  },
  boardLanguage: 'Taulun kieli',
  boardLanguageHint: 'Pohjan otsikot kirjoitetaan tällä kielellä.',
  createBoard: 'Luo taulu',
  createBoards: 'Luo taulut',
  boardCount: 'Taulujen määrä',
  boardCountHint: (max) =>
    `Yksi kullekin rinnakkain työskentelevälle tiimille (enintään ${max}): kukin saa omat linkkinsä, ja sen nimen lopussa on tiimin numero.`,
  boardsCreated: (count) => (count === 1 ? '1 taulu on valmiina' : `${count} taulua on valmiina`),
  someBoardsFailed: (made, asked, message) => `Tauluista luotiin vain ${made}/${asked}: ${message}`,
  createRest: (count) => (count === 1 ? 'Luo viimeinen' : `Luo loput ${count}`),
  boardLinkFor: (board, role) => `${board}: ${role}: linkki`,
  copyBoardLink: (board, role) => `Kopioi linkki (${board}, ${role.toLowerCase()})`,
  copyTable: 'Kopioi kaikki linkit taulukkona',
  copyTableLabel:
    'Kopioi kaikkien taulujen linkit taulukkona, rivi taulua kohden, taulukkolaskentaan',
  creating: 'Luodaan…',
  createFailed: (message) => `Taulun luominen epäonnistui: ${message}`,
  createPasscode: 'Taulujen luomisen tunnuskoodi',
  createPasscodeHint:
    'Tällä palvelimella tauluja voivat luoda ne, joille sen ylläpitäjät ovat antaneet tunnuskoodin. Kirjoita omasi; tämä selain muistaa sen.',
  createPasscodeRefused:
    'Tunnuskoodia ei hyväksytty. Tarkista se tai pyydä voimassa oleva koodi palvelimen ylläpitäjiltä.',

  boardCreated: (title) => `”${title}” on valmis`,
  linksIntro:
    'Jaa kullekin roolille oma linkki. Linkin saaja liittyy tauluun sen roolilla, joten jaa linkit harkiten.',
  roles: {
    facilitator: 'Fasilitaattori',
    participant: 'Osallistuja',
    viewer: 'Katselija',
  },
  roleLinkHints: {
    facilitator: 'Vetää äänestyskierrokset, lukitsee taulun ja paljastaa yksityiset laput.',
    participant: 'Lisää ja muokkaa ideoita sekä äänestää.',
    viewer: 'Seuraa taulua, ei voi muokata.',
  },
  linkFor: (role) => `${role}: linkki`,
  linksOnce:
    'Tallenna linkit nyt. Palvelin säilyttää avaimista vain tunnisteen, joten linkkejä ei voi näyttää uudelleen; tämä selain säilyttää osallistujan ja katselijan linkit taulun Kutsu mukaan -painiketta varten (fasilitaattori voi tehdä uudet, jotka korvaavat ne).',
  copyAll: 'Kopioi kaikki kolme linkkiä',
  copyAllLabel: 'Kopioi kaikki kolme linkkiä rooleineen',
  opensInNewTab: '(avautuu uuteen välilehteen)',
  copy: 'Kopioi',
  copied: 'Kopioitu',
  copyLink: (role) => `Kopioi linkki (${role.toLowerCase()})`,
  openAsFacilitator: 'Avaa fasilitaattorina',
  createAnother: 'Luo toinen taulu',

  joinTitle: 'Liity tauluun',
  joinBoardTitle: (title) => `Liity tauluun ”${title}”`,
  joinAsRole: (role, title) =>
    ({
      facilitator: `Tällä linkillä liityt tauluun ”${title}” fasilitaattorina.`,
      participant: `Tällä linkillä liityt tauluun ”${title}” osallistujana.`,
      viewer: `Tällä linkillä seuraat taulua ”${title}” katselijana, kirjoittamatta siihen.`,
    })[role],
  joinIntro: 'Valitse nimi, jonka muut näkevät kursorisi ja ideoidesi vieressä.',
  displayName: 'Nimesi',
  displayNamePlaceholder: 'esim. Aino',
  nameRequired: 'Kirjoita nimi, jonka muut näkevät: pelkät välilyönnit eivät riitä.',
  nameTooLong: (max) =>
    `Nimessä voi olla enintään ${max} merkkiä, ja emoji on kaksi tai useampia: lyhennä sitä hieman.`,
  join: 'Liity',
  joining: 'Liitytään…',
  errorTitle: 'Taulua ei voi avata',
  goHome: 'Etusivulle',
  editsLost: 'Sitä, mitä kirjoitit yhteyden ollessa poikki, ei voitu tallentaa.',
  carriedEdits: {
    sending: 'Lähetetään edellisen käyntisi muutoksia, jotka eivät ehtineet palvelimelle…',
    stored: 'Edellisen käyntisi muutokset, jotka eivät ehtineet palvelimelle, on nyt tallennettu.',
  },
  changeTooLarge:
    'Tällä sivulla tehty muutos oli liian suuri lähetettäväksi (enemmän kuin palvelin ottaa yhdessä viestissä, esimerkiksi hyvin pitkä liitetty teksti), joten sivu pysähtyi. Yritä uudelleen -painike lataa sivun uudelleen: se muutos menetetään, ja taulu on sellainen kuin muut sen näkevät.',
  retry: 'Yritä uudelleen',
  offlineTitle: 'Ei yhteyttä',
  opensWhenBack: 'Taulu avautuu itsestään, kun yhteys palaa.',
  keptEditsWait: 'Tähän selaimeen jääneet muutoksesi lähtevät silloin: mitään ei menetetä.',
  copyShown: (time: string) =>
    `Taulu sellaisena kuin tämä selain sen viimeksi sai (${time}). Muiden muutokset sen jälkeen näkyvät, kun yhteys palaa.`,
  copyShownBrief: (time: string) => `Tallessa ollut taulu (${time})`,

  you: 'sinä',
  leave: 'Poistu…',
  leaveLabel: 'Poistu taululta tällä laitteella…',
  leaveTitle: 'Poistutaanko taululta tällä laitteella?',
  leaveText: (title) =>
    `Tämä selain unohtaa, että olet taululla ”${title}”, kuten ennen kuin joku toinen käyttää laitetta, ja taulu kirjaa tämän laitteen ulos. Pysyt taululla: kirjoittamasi ja äänesi säilyvät nimelläsi. Palataksesi avaa linkkisi uudelleen.`,
  leaveAnswer: 'Poistu',
  deviceLink: 'Toisella laitteella…',
  deviceLinkLabel: 'Jatka omana itsenäsi toisella laitteella…',
  deviceLinkTitle: 'Jatka toisella laitteella',
  deviceLinkText: (name) =>
    `Skannaa koodi puhelimellasi tai avaa linkki toisella laitteellasi: se avaa tämän taulun siellä sinuna, ${name}, samoine äänineen, ei uutena osallistujana.`,
  deviceLinkQr: 'QR-koodi linkistäsi tähän tauluun',
  deviceLinkField: 'Linkkisi',
  deviceLinkCopy: 'Kopioi linkkisi',
  deviceLinkUntil: (time) => `Se toimii kerran, klo ${time} asti.`,
  deviceLinkPrivate: 'Älä näytä sitä jaetulla näytöllä: kuka tahansa sen avaava on taululla sinä.',
  deviceLinkExpired: 'Linkki on vanhentunut.',
  deviceLinkTaken: 'Toinen laitteesi on nyt taululla sinuna.',
  deviceLinkNew: 'Tee uusi linkki',
  devicesTitle: 'Muut laitteesi tällä taululla',
  devicesText:
    'Onko jokin laite poissa käsistäsi (kadonnut puhelin, neuvotteluhuoneen auki jäänyt kannettava)? Kirjaa se ulos: se poistuu taululta heti eikä avaa sitä enää.',
  deviceUnnamed: 'Selain',
  deviceConnected: 'taululla nyt',
  deviceLastUsed: (when) => `viimeksi taululla ${when}`,
  deviceSignOut: 'Kirjaa ulos',
  deviceSignOutNamed: (device) => `Kirjaa ulos ${device}`,
  deviceSignedOut: (device) =>
    `${device} on kirjattu ulos: se ei ole enää taululla, eikä sen linkki avaa taulua.`,
  peopleHere: 'Paikalla',
  peopleCount: (count) => (count === 1 ? '1 henkilö paikalla' : `${count} henkilöä paikalla`),
  follow: 'Seuraa',
  following: 'Seurataan',
  followPerson: (name) => `Seuraa näkymää: ${name}`,
  stopFollowing: 'Lopeta seuraaminen',
  followingBanner: (name) => `Seuraat: ${name}. Liikuta taulua lopettaaksesi.`,
  summonedBanner: (name) => `${name} toi kaikki omaan näkymäänsä.`,
  summonedOutlineBanner: (name) => `${name} kutsui kaikki katsomaan samaa kohtaa taulusta.`,
  showSummoned: 'Näytä',
  updatedBanner:
    'Ideamill päivitettiin, kun tämä sivu oli auki. Lataa sivu uudelleen käyttääksesi uutta versiota.',
  viewCanvas: 'Taulu',
  viewOutline: 'Jäsennys',
  viewToggle: 'Näkymä',
  showPanels: 'Näytä työpajapaneelit',
  hidePanels: 'Piilota työpajapaneelit',
  panels: 'Työpaja',
  panelsWaitForConnection: 'Äänestys, jatkotoimet ja taulun historia näkyvät, kun yhteys palaa.',
  invite: 'Kutsu mukaan',
  inviteShort: 'Kutsu',
  skipToPanels: 'Siirry työpajan paneeleihin',
  readOnlyBanner: 'Katselet taulua. Voit tutkia sitä, mutta et muuttaa.',
  lockedBanner: 'Fasilitaattori on lukinnut taulun. Voit katsoa, mutta et muokata juuri nyt.',
  silentWritingBanner:
    'Hiljainen kirjoitus: uudet lappusi näkyvät vain sinulle, kunnes fasilitaattori paljastaa ne. Muuta taulua voi siihen asti vain katsoa.',
  lockedBrief: 'Taulu lukittu: voit vain katsoa.',
  silentWritingBrief: 'Hiljainen kirjoitus: lappusi näkyvät vain sinulle.',
  connection: {
    connecting: 'Yhdistetään…',
    connected: 'Yhdistetty',
    reconnecting:
      'Yhdistetään uudelleen… muutoksesi säilyvät ja lähtevät, kun yhteys palaa, ellei taulua lukita sillä välin.',
    offline:
      'Ei yhteyttä. Muutoksesi säilyvät ja lähtevät, kun yhteys palaa, ellei taulua lukita sillä välin.',
  },
  connectionBrief: {
    reconnecting: 'Yhdistetään… muutoksesi säilyvät',
    offline: 'Ei yhteyttä. Muutoksesi säilyvät.',
  },
  connectionShort: {
    connecting: 'Yhdistetään',
    connected: 'Livenä',
    reconnecting: 'Yhdistetään uudelleen',
    offline: 'Ei yhteyttä',
  },
  partFailed: 'Tätä sivun osaa ei voitu ladata.',
  reload: 'Lataa sivu uudelleen',
  boardsHere: 'Taulusi tällä selaimella',
  boardsHereMore: 'Näytä muut',
  lastHere: (when) => `viimeksi täällä ${when}`,
  boardsHereKept:
    'Palvelimeen ei saatu yhteyttä: taulut näkyvät sellaisina kuin ne olivat, kun viimeksi kävit niillä.',
  unsentHere: 'Muutoksiasi odottaa täällä lähettämättä: avaa taulu, niin ne lähtevät.',
  howItWorks: 'Näin se toimii',
  steps: [
    {
      title: 'Luo taulu',
      text: 'Valitse pohja: asiakkaan palvelupolku, konseptipohja, ideamylly, retrospektiivi tai tyhjä taulu.',
    },
    {
      title: 'Jaa linkit',
      text: 'Fasilitaattorit, osallistujat ja katselijat saavat kukin oman linkkinsä.',
    },
    {
      title: 'Työskennelkää yhdessä',
      text: 'Kirjoittakaa, ryhmitelkää ja äänestäkää reaaliajassa, ja viekää tulokset muihin työkaluihin.',
    },
  ],
};
