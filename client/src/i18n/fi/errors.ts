import type { ErrorSentences } from '../en/errors.ts';

const wait = (seconds: number) =>
  seconds < 90
    ? `${seconds} ${seconds === 1 ? 'sekunti' : 'sekuntia'}`
    : `${Math.ceil(seconds / 60)} minuuttia`;

/** What went wrong, in a sentence a person can act on: every code has one. */
export const errors: ErrorSentences = {
  invalid_input: 'Tätä ei hyväksytty: jotain puuttuu tai ei kelpaa. Tarkista ja yritä uudelleen.',
  invalid_json:
    'Palvelin ei saanut pyynnöstä selvää. Lataa sivu uudelleen ja yritä sitten uudestaan.',
  malformed_message: 'Palvelin ei saanut selvää tämän sivun viestistä. Lataa sivu uudelleen.',
  headers_too_large: 'Osoite on liian pitkä palvelimen luettavaksi.',
  invalid_time_zone:
    'Palvelin ei tunne aikavyöhykettäsi, joten se ei voi näyttää aikoja sen mukaan.',
  token_required: 'Liity ensin tauluun: avaa se saamallasi linkillä.',
  invalid_token:
    'Jäsenyytesi tässä taulussa ei ole enää voimassa. Avaa taulu linkilläsi liittyäksesi uudelleen.',
  invalid_key: 'Linkki ei kelpaa tähän tauluun. Pyydä fasilitaattorilta uusi linkki.',
  invalid_device_link:
    'Linkki on jo käytetty tai vanhentunut: se toimii kerran, 10 minuutin ajan. Tee uusi laitteella, jolla olet taululla.',
  admin_token_required:
    'Tälle palvelimelle voivat luoda tauluja vain sen ylläpitäjät. Pyydä heitä luomaan taulu sinulle.',
  create_token_required:
    'Taulujen luominen tällä palvelimella vaatii sen tunnuskoodin. Pyydä koodi palvelimen ylläpitäjiltä.',
  metrics_token_required: 'Palvelimen tunnusluvut ovat vain sen ylläpitäjille.',
  role_not_allowed: 'Roolisi ei salli tätä.',
  read_only: 'Taulu on nyt vain luku -tilassa.',
  not_a_target: 'Tämä kohde ei ole mukana kierroksella.',
  board_not_found: 'Tässä osoitteessa ei ole taulua. Tarkista linkki.',
  route_not_found: 'Palvelin ei tarjoa tätä. Lataa sivu uudelleen ja yritä sitten uudestaan.',
  round_not_found: 'Tätä äänestyskierrosta ei ole enää.',
  item_not_found: 'Tätä kohdetta ei ole enää taululla.',
  frame_not_found: 'Kehystä ei ole enää taululla. Valitse toinen tai ei mitään.',
  vote_not_found: 'Sinulla ei ole tällä kohteella ääntä, jonka voisit ottaa takaisin.',
  follow_up_not_found: 'Tätä jatkotoimea ei ole enää: joku on ehkä poistanut sen.',
  snapshot_not_found:
    'Tätä versiota ei enää säilytetä: vanhempia automaattisia versioita harvennetaan ajan myötä.',
  member_not_found: 'Henkilö ei ole enää taulun jäsen. Valitse joku muu.',
  member_removed:
    'Fasilitaattori poisti sinut taululta. Jos sinun kuuluu olla mukana, pyydä häneltä linkki.',
  device_signed_out:
    'Tämä laite kirjattiin ulos taululta, toiselta laitteeltasi tai poistumalla taululta tällä laitteella. Avaa taulu sen linkillä liittyäksesi uudelleen.',
  device_not_found: 'Laite ei ole enää taululla sinuna. Avaa luettelo uudelleen.',
  board_deleted: 'Taulu on poistettu kaikilta, eikä sitä voi enää avata.',
  method_not_allowed:
    'Palvelin ei hyväksy tätä pyyntöä. Lataa sivu uudelleen ja yritä sitten uudestaan.',
  round_already_open: 'Toinen kierros on jo käynnissä. Päätä se ensin.',
  round_closed: 'Kierros on päättynyt.',
  budget_exhausted: 'Olet käyttänyt kaikki äänesi. Ota yksi takaisin äänestääksesi muuta.',
  item_cap_reached: 'Tällä kohteella on jo niin monta ääntäsi kuin kierros sallii.',
  silent_writing_not_running: 'Hiljainen kirjoitus ei ole käynnissä.',
  round_still_open: 'Päätä kierros ensin.',
  payload_too_large: 'Tämä on liian suuri lähetettäväksi. Lyhennä ja yritä uudelleen.',
  document_too_large: 'Taulu on liian suuri ottamaan lisää. Poista ensin jotain.',
  unsupported_media_type:
    'Palvelin ei saanut pyynnöstä selvää. Lataa sivu uudelleen ja yritä sitten uudestaan.',
  rate_limited: (waitSec) =>
    waitSec
      ? `Liian monta yritystä. Odota ${wait(waitSec)} ja yritä uudelleen.`
      : 'Liian monta yritystä. Odota hetki ja yritä uudelleen.',
  internal_error:
    'Palvelimella meni jokin vikaan. Yritä uudelleen; jos vika toistuu, kerro palvelimen ylläpitäjälle.',
  storage_failed: 'Palvelin ei saanut tätä tallennettua. Yritä hetken päästä uudelleen.',
  upgrade_required: 'Tähän osoitteeseen otetaan vain WebSocket-yhteyksiä.',
  storage_full:
    'Palvelimen levy on täynnä, joten mitään ei voi nyt tallentaa. Kerro siitä palvelimen ylläpitäjille.',
  shutting_down: 'Palvelin käynnistyy uudelleen. Yritä hetken päästä uudelleen.',

  no_answer:
    'Palvelin ei vastannut ajoissa, joten tämä ei ehkä tallentunut. Taulu näyttää, mikä tallentui, kun yhteys on taas kunnossa.',
  edit_refused:
    'Viimeisimmät muutoksesi eivät tallentuneet: taulu lukittiin tai hiljainen kirjoitus alkoi ennen kuin ne ehtivät perille.',
  offline: 'Ei yhteyttä, joten mitään ei lähetetty. Yritä uudelleen, kun yhteys on palannut.',
  unreachable: 'Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
  timed_out: 'Palvelin ei vastannut ajoissa. Tarkista verkkoyhteys ja yritä uudelleen.',
  http_error: 'Palvelin ei vastannut odotetusti. Yritä hetken päästä uudelleen.',
  no_key: 'Avaa taulu saamallasi linkillä: siinä on avain, jolla pääset sisään.',
};
