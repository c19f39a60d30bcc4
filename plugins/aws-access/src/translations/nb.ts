/**
 * Norwegian Bokmål, loaded when the app's language is `nb`. The translation ref's
 * `translations` option types this module's default export with every key of the
 * English messages, so a new English text does not compile without its Bokmål one;
 * `translation.test.ts` also fails on keys English no longer has.
 *
 * This module imports nothing from the ref: it would make the ref's type depend on itself.
 */
const awsAccessTranslationNb = {
  'page.title': 'AWS Access',
  'page.subtitle':
    'AWS-kontoene og rollene til teamene dine, klare for AWS CLI',
  'page.myAccessTitle': 'Mine AWS-tilganger',
  'page.teamAccessTitle': 'AWS-kontoene til {{team}}',
  'page.chooseTeamTitle': 'Velg et team',
  'page.chooseTeamDescription':
    'Velg et team til venstre for å se AWS-kontoene, rollene og ~/.aws/config-profilene til teamet.',
  'page.tabsLabel': 'Visninger i AWS Access',
  'page.accountsTab': 'Kontoer',
  'page.requestsTab': 'Forespørsler',

  'teamPicker.title': 'Team',
  'teamPicker.ownAccessLabel': 'Dine tilganger',
  'teamPicker.myAccess': 'Mine tilganger',
  'teamPicker.myAccessDescription': 'Alle kontoer og roller du har',
  'teamPicker.search': 'Søk etter team',
  'teamPicker.loadError': 'Kunne ikke hente teamene',
  'teamPicker.noGroups': 'Katalogen har ingen grupper ennå.',
  'teamPicker.teamsLabel': 'Team',
  'teamPicker.ownTeam': 'Ditt team · {{ref}}',

  'accountSearch.label': 'Finn en AWS-konto',
  'accountSearch.placeholder': 'Konto-ID, ARN, kontonavn eller rolle',
  'accountSearch.error': 'Kunne ikke slå opp kontoer',
  'accountSearch.noMatch': 'Ingen konto passer til «{{query}}».',
  'accountSearch.resultsLabel': 'Kontoer som passer',
  'accountSearch.matchedRoles': 'roller: {{roles}}',
  'accountSearch.more': '{{count}} til; skriv mer av navnet eller ID-en',

  'accountLookup.notFoundTitle':
    'Ingen konto {{accountId}} i IAM Identity Center',
  'accountLookup.notFoundDescription':
    'Sjekk ID-en, eller søk etter kontonavnet ovenfor.',
  'accountLookup.error': 'Kunne ikke slå opp kontoen',
  'accountLookup.whoHoldsRoles': 'Hvem som har roller her',
  'accountLookup.nobodyHoldsRoles':
    'Ingen har en rolle i denne kontoen gjennom IAM Identity Center.',
  'accountLookup.directAssignment': 'Tildelt personer direkte',
  'accountLookup.teamColumn': 'Team',
  'accountLookup.rolesColumn': 'Roller',
  'accountLookup.youHoldNone': 'Du har ingen rolle i denne kontoen.',
  'accountLookup.youHold_one':
    'Du har {{held, number}} av {{count}} rolle i denne kontoen.',
  'accountLookup.youHold_other':
    'Du har {{held, number}} av de {{count}} rollene i denne kontoen.',
  'accountLookup.titleInOrganization':
    '{{accountName}} ({{accountId}}) i {{organization}}',
  'accountLookup.chooseOrganizationTitle':
    'Konto {{accountId}} finnes i flere organisasjoner: velg én',
  'accountLookup.chooseOrganizationLabel': 'Organisasjoner med denne kontoen',

  'accountGrants.error': 'Kunne ikke hente hvem som har tilgang',
  'accountGrants.emptyTitle': 'Ingen gruppe har en rolle i konto {{accountId}}',
  'accountGrants.emptyDescription':
    'IAM Identity Center har ingen grupper tildelt denne kontoen.',
  'accountGrants.title': 'Hvem som har tilgang til {{accountName}}',
  'accountGrants.tableLabel': 'Tilgang til konto {{accountId}}',
  'accountGrants.sessionColumn': 'Økt',

  'account.subheader': 'Konto {{accountId}}',
  'account.region': 'Konto {{accountName}} ({{accountId}})',
  'account.regionInOrganization':
    'Konto {{accountName}} ({{accountId}}) i {{organization}}',
  'account.groupColumn': 'Gruppe i IAM Identity Center',
  'account.roleColumn': 'Rolle',
  'account.openConsole': 'Åpne konsollen',

  'entity.loadError': 'Kunne ikke hente AWS-tilgangene',
  'entity.cardTitle': 'AWS-kontoer',
  'entity.cardNoAccounts': 'Fant ingen AWS-kontoer for denne entiteten.',
  'entity.cardAccountInOrganization':
    '{{accountName}} ({{accountId}}) i {{organization}}',
  'entity.noAccountsTitle': "Fant ingen AWS-kontoer for '{{entityRef}}'",
  'entity.noAccountsUser':
    'Du får AWS-tilgang gjennom teamene dine: be om å bli med i et team (Group) som har en gruppe i IAM Identity Center, eller sjekk at User-entiteten din har teamet under spec.memberOf.',
  'entity.noAccountsGroup':
    "Oppgi hvilken gruppe i IAM Identity Center teamet bruker, med annotasjonen '{{annotation}}', eller gi gruppen samme navn som teamet.",
  'entity.noAccountsOther':
    'Tilgangen kommer fra gruppen i IAM Identity Center til teamet som eier entiteten. Sett spec.owner til en Group som har AWS-tilgang.',
  'entity.yourTeamPlaceholder': 'teamet ditt',
  'entity.groupNamePlaceholder': 'visningsnavnet eller ID-en til gruppen',
  'entity.owningTeamPlaceholder': 'team med AWS-tilgang',
  'entity.annotationWarnings': 'Sjekk annotasjonene til denne entiteten',

  'notAllowed.title': 'Du har ikke lov til å se AWS-tilganger her',
  'notAllowed.description':
    '{{reason}}. Spør Backstage-administratorene hvis du trenger tilgang.',

  'syncStatus.title': 'AWS-tilgangsdataene kan være utdaterte',
  'syncStatus.lastSyncFailed': 'Den siste synkroniseringen mislyktes.',
  'syncStatus.dataAsOf': 'Dataene er fra {{date, datetime}}.',
  'syncStatus.neverSynced': 'Ingen data er synkronisert ennå.',
  'syncStatus.organization': '{{organization}}: {{message}}',

  'filter.text': 'Filtrer kontoer',
  'filter.textPlaceholder': 'Navn eller ID',
  'filter.role': 'Rolle',
  'filter.allRoles': 'Alle roller',
  'filter.environment': 'Miljø',
  'filter.allEnvironments': 'Alle miljøer',
  'filter.organization': 'Organisasjon',
  'filter.allOrganizations': 'Alle organisasjoner',
  'filter.noMatch': 'Ingen konto passer til filteret.',
  'filter.showMore_one':
    'Vis {{shown, number}} til av {{count}} gjenværende konto',
  'filter.showMore_other':
    'Vis {{shown, number}} til av {{count}} gjenværende kontoer',

  'toolbar.defaultRegion': 'Standardregion',
  'toolbar.organizationDefaultRegion': 'Standardregionen til hver organisasjon',
  'toolbar.regionAcrossOrganizations':
    'Gjelder for alle organisasjoner som tilbyr den; de andre beholder sin egen standard.',
  'toolbar.legacyCli': 'AWS CLI-en min er eldre enn 2.9',
  'toolbar.remote': 'Jeg jobber på en ekstern maskin (SSH, container, WSL)',
  'toolbar.copyAll': 'Kopier alle',
  'toolbar.copiedAll': 'Kopierte alle profilene til utklippstavlen',
  'toolbar.downloadConfig': 'Last ned konfigurasjon',
  'toolbar.downloadVerifyScript': 'Last ned kontrollskript',

  'setup.button': 'Sett opp denne maskinen',
  'setup.title': 'Sett opp denne maskinen',
  'setup.run':
    'Kjør det nedlastede skriptet i mappen det ble lagret i, på maskinen der du bruker AWS CLI:',
  'setup.whatItDoes':
    'Skriptet skriver SSO-økten og alle profilene inn i ~/.aws/config (eller AWS_CONFIG_FILE) mellom to markørkommentarer og lar resten av filen være som den er. Kjør det på nytt hver gang tilgangene dine endres: det erstatter blokken, fjerner profiler du ikke lenger har, tar sikkerhetskopi og avslutter med kontrollene.',
  'setup.whatItDoesSeveral':
    'Skriptet skriver SSO-økten og profilene til hver organisasjon inn i ~/.aws/config (eller AWS_CONFIG_FILE), én blokk mellom to markørkommentarer per økt, og lar resten av filen være som den er. Kjør det på nytt hver gang tilgangene dine endres: det erstatter hver blokk, fjerner profiler du ikke lenger har, tar sikkerhetskopi og avslutter med kontrollene. Logg inn én gang per økt.',
  'setup.flags':
    '{{dryRun}} viser endringen uten å skrive den; {{replaceMine}} lar blokken overta dine egne seksjoner med samme navn; {{noVerify}} hopper over kontrollene.',
  'setup.close': 'Lukk',

  'ssoSession.label': 'SSO-økt {{session}}',
  'ssoSession.title': 'SSO-økt «{{session}}»',
  'ssoSession.subheader':
    'Legg dette inn i ~/.aws/config én gang; alle profilene nedenfor viser til det.',
  'ssoSession.subheaderOrganization':
    'For {{organization}}: legg dette inn i ~/.aws/config én gang; alle profilene til {{organization}} nedenfor viser til det.',

  'role.consoleLabel': 'Åpne konsollen i {{accountName}} som {{role}}',
  'role.sessionLasts': 'Økten varer {{duration}}',
  'role.grantedVia': 'Gitt gjennom {{groups}}',
  'role.cliSteps': 'CLI-steg for {{profile}}',
  'role.hours_one': '{{count}} time',
  'role.hours_other': '{{count}} timer',
  'role.minutes_one': '{{count}} minutt',
  'role.minutes_other': '{{count}} minutter',

  'accessGap.held': 'Du har denne rollen',
  'accessGap.direct':
    'Du har ikke denne rollen; den er tildelt personer direkte. Spør AWS-administratorene dine{{request}}.',
  'accessGap.ask': 'Du har ikke denne rollen. Be {{teams}}.',
  'accessGap.askTeam': '{{team}} om å legge deg til i «{{group}}»{{request}}',
  'accessGap.or': 'eller',
  'accessGap.owners': 'eierne',
  'accessGap.request': 'be om tilgang',
  'accessGap.requestLabel': 'Be om tilgang: {{role}} i {{accountName}}',
  'accessGap.requestThroughLabel':
    'Be om tilgang: {{role}} i {{accountName}} gjennom {{group}}',

  'askTeam.ask': 'Spør {{team}}',
  'askTeam.asking': 'Spør {{team}} …',
  'askTeam.label': 'Spør {{team}} om {{role}} i {{accountName}}',
  'askTeam.sent': 'Forespørselen er sendt til {{team}}.',
  'askTeam.failed': 'Kunne ikke spørre {{team}}: {{reason}}',

  'temporaryAccess.request': 'Be om midlertidig tilgang',
  'temporaryAccess.requestLabel':
    'Be om midlertidig tilgang: {{role}} i {{accountName}}',
  'temporaryAccess.title': 'Be om midlertidig tilgang',
  'temporaryAccess.subject': '{{role}} i {{accountName}} ({{accountId}})',
  'temporaryAccess.subjectInOrganization':
    '{{role}} i {{accountName}} ({{accountId}}) i {{organization}}',
  'temporaryAccess.duration': 'Varighet',
  'temporaryAccess.durationHelp': 'Høyst {{max}}',
  'temporaryAccess.reason': 'Begrunnelse',
  'temporaryAccess.reasonHelp':
    'Hvorfor du trenger rollen; godkjennerne leser den.',
  'temporaryAccess.reasonOptional': 'Valgfritt: hvorfor du trenger rollen.',
  'temporaryAccess.reasonRequired': 'Du må oppgi en begrunnelse.',
  'temporaryAccess.sessionOutlasts':
    'Økter med denne rollen varer {{session}}: tilgangsnøkler hentet mot slutten av tildelingen gjelder så lenge etter at den er over.',
  'temporaryAccess.selfService': 'Selvbetjent: gis uten godkjenning.',
  'temporaryAccess.approvedByTeam':
    'Teamet som har denne rollen i kontoen, godkjenner forespørselen.',
  'temporaryAccess.approvedByGroup':
    'Medlemmene av {{group}} godkjenner forespørselen.',
  'temporaryAccess.submit': 'Send forespørsel',
  'temporaryAccess.submitting': 'Sender forespørselen …',
  'temporaryAccess.cancel': 'Avbryt',
  'temporaryAccess.close': 'Lukk',
  'temporaryAccess.failed': 'Kunne ikke be om tilgang: {{reason}}',
  'temporaryAccess.pending':
    'Du har bedt om {{role}} i {{duration}}: venter på godkjenning.',
  'temporaryAccess.granted':
    '{{role}} i {{duration}} er godkjent: rollen blir tildelt.',
  'temporaryAccess.openRequests': 'Åpne forespørslene dine',
  'temporaryAccess.statePending': 'Forespurt, venter på godkjenning',
  'temporaryAccess.stateApproved': 'Godkjent, blir tildelt',
  'temporaryAccess.stateActive': 'Tildelt til {{time, datetime}}',
  'temporaryAccess.stateExpiring': 'Blir fjernet',

  'requests.title': 'Midlertidig tilgang',
  'requests.loadError': 'Kunne ikke hente forespørslene',
  'requests.notOfferedTitle': 'Midlertidig tilgang tilbys ikke',
  'requests.notOfferedDescription':
    'Ingen organisasjon lar rollene sine bli bedt om for en periode. Spør Backstage-administratorene dine.',
  'requests.emptyTitle': 'Ingen forespørsler',
  'requests.emptyDescription':
    'Be om en rolle du mangler med «Be om midlertidig tilgang» på kontoen; forespørsler du skal godkjenne, vises også her.',
  'requests.toApprove': 'Til godkjenning',
  'requests.toApproveEmpty': 'Ingenting venter på din godkjenning.',
  'requests.mine': 'Mine forespørsler',
  'requests.mineEmpty': 'Du har ikke bedt om midlertidig tilgang.',
  'requests.others': 'Andre forespørsler til teamene dine',
  'requests.accountColumn': 'Konto',
  'requests.organizationColumn': 'Organisasjon',
  'requests.roleColumn': 'Rolle',
  'requests.requesterColumn': 'Bedt om av',
  'requests.durationColumn': 'Varighet',
  'requests.reasonColumn': 'Begrunnelse',
  'requests.stateColumn': 'Status',
  'requests.actionsColumn': 'Handlinger',
  'requests.noReason': '—',
  'requests.statePending': 'Venter',
  'requests.stateApproved': 'Godkjent',
  'requests.stateGranting': 'Tildeles',
  'requests.stateActive': 'Aktiv',
  'requests.stateExpiring': 'Fjernes',
  'requests.stateRemoved': 'Fjernet',
  'requests.stateDenied': 'Avslått',
  'requests.stateCancelled': 'Trukket',
  'requests.stateFailed': 'Mislyktes',
  'requests.timeLeft': '{{time}} igjen',
  'requests.decisionReason': 'Begrunnelse: {{reason}}',
  'requests.approvedBy': 'Godkjent av {{who}}',
  'requests.deniedBy': 'Avslått av {{who}}',
  'requests.selfService': 'Selvbetjent: trenger ingen godkjenning',
  'requests.revoked': 'Trukket tilbake av {{who}}',
  'requests.revokedWithReason': 'Trukket tilbake av {{who}}: {{reason}}',
  'requests.lastError': 'Feil: {{error}}',
  'requests.overdue':
    'Fjerningen er forsinket: rollen er fortsatt tildelt, og fjerningen prøves på nytt.',
  'requests.approve': 'Godkjenn',
  'requests.deny': 'Avslå',
  'requests.revoke': 'Trekk tilbake',
  'requests.cancel': 'Trekk forespørselen',
  'requests.actionLabel':
    '{{action}}: {{role}} i {{accountName}} for {{requester}}',
  'requests.actionFailed': 'Forespørselen ble ikke endret: {{reason}}',
  'requests.denyTitle': 'Avslå forespørselen',
  'requests.denyReason': 'Begrunnelse for avslaget',
  'requests.revokeTitle': 'Trekk tilbake tilgangen',
  'requests.revokeReason': 'Begrunnelse (valgfritt)',
  'requests.reasonRequired': 'Du må oppgi en begrunnelse.',
  'requests.dialogSubject': '{{role}} i {{accountName}} for {{requester}}',
  'requests.close': 'Tilbake',
  'requests.updated': 'Forespørslene er endret; listen viser dem nå.',

  'cliSteps.wizardHeading': 'Eller svar slik på {{command}}',
  'cliSteps.wizardHint':
    'I denne rekkefølgen; spørsmålene er formulert litt forskjellig i ulike CLI-versjoner. Veiviseren logger også inn: på en ekstern maskin kjører du den med {{flag}} (CLI 2.22 og nyere).',
  'cliSteps.wizardLabel': 'Svar til aws configure sso for {{profile}}',
  'cliSteps.promptColumn': 'Spørsmål',
  'cliSteps.answerColumn': 'Svar',
  'cliSteps.signInHeading': 'Logg inn én gang per økt',
  'cliSteps.sessionNote':
    'Én innlogging gjelder for alle profilene i økten «{{session}}» til økten i tilgangsportalen utløper; legitimasjonen til rollen varer i {{duration}} og fornyes av seg selv så lenge du er logget inn.',
  'cliSteps.useHeading':
    'Bruk profilen i denne terminalen, og sjekk deretter hvem du er',
  'cliSteps.expect':
    'Forvent {{account}} og en {{arn}} som slutter på {{role}}.',

  remoteSignInAdvice:
    'Fra og med AWS CLI {{version}} logger aws sso login inn med autorisasjonskodeflyten (PKCE): nettleseren sender deg tilbake til CLI-en på 127.0.0.1. Over SSH, i en container eller utviklingscontainer, i WSL uten nettleser, eller på en maskin der nettleseren ikke når den porten, legger du til --use-device-code: CLI-en skriver ut en URL og en kode som du taster inn på en hvilken som helst enhet. Eldre CLI-er bruker enhetskoden som standard og kjenner ikke flagget.',

  'checklist.title': 'Sjekkliste for å komme i gang',
  'checklist.progress': '{{done, number}} av {{count}} fullført',
  'checklist.progressLabel': 'Fremdrift i sjekklisten',
  'checklist.cliTitle': 'AWS CLI 2.9 eller nyere er installert',
  'checklist.cliHelp':
    'Versjon 1 og versjoner før 2.9 kan ikke lese [sso-session]-seksjoner.',
  'checklist.sessionTitle': 'SSO-økten «{{session}}» er satt opp',
  'checklist.sessionTitleOrganization':
    'SSO-økten «{{session}}» til {{organization}} er satt opp',
  'checklist.sessionHelp':
    '«Sett opp denne maskinen» ovenfor skriver den, ellers kan du lime inn [sso-session]-blokken i ~/.aws/config eller svare på spørsmålene fra:',
  'checklist.profilesTitle': 'Profilene er lagt til',
  'checklist.profilesHelp':
    '«Sett opp denne maskinen» ovenfor installerer dem og holder dem oppdatert; ellers kan du bruke «Kopier alle» eller «Last ned konfigurasjon» og legge dem inn i ~/.aws/config for hånd.',
  'checklist.loginTitle': 'Logget inn',
  'checklist.loginTitleSession': 'Logget inn i økten «{{session}}»',
  'checklist.loginHelp': 'Én gang per økt, ikke per profil.',
  'checklist.identityTitle': 'Identiteten er bekreftet',
  'checklist.identityHelp': 'Kontoen i svaret må være kontoen til profilen.',
  'checklist.profileEnvTitle': 'AWS_PROFILE er satt i terminalen',
  'checklist.profileEnvHelp':
    'Sett den per terminalvindu for å jobbe i flere kontoer side om side.',
  'checklist.mfaTitle': 'MFA er slått på',
  'checklist.mfaTitleOrganization': 'MFA er slått på i {{organization}}',
  'checklist.mfaHelp':
    'Registrer en MFA-enhet i AWS-tilgangsportalen ({{startUrl}}) under «MFA devices».',

  'troubleshooting.title': 'Feilsøking',
  'troubleshooting.remoteTitle':
    'Innloggingen mislykkes på en ekstern maskin: SSH, en container, WSL eller en maskin uten nettleser',
  'troubleshooting.remoteExplanation':
    '--no-browser alene hjelper ikke: nettleseren må fortsatt nå 127.0.0.1 på maskinen som kjører CLI-en. Kryss av for «Jeg jobber på en ekstern maskin» ovenfor for å få denne kommandoen overalt på denne siden og i skriptene.',
  'troubleshooting.browserTitle': 'Nettleseren åpnes ikke',
  'troubleshooting.browserExplanation':
    'På din egen maskin åpner CLI-en standardnettleseren. Hvis ingenting åpnes, skriver den ut en URL: åpne den i en nettleser på den samme maskinen. På en ekstern maskin: se ovenfor.',
  'troubleshooting.profileNotFoundTitle':
    'CLI-en finner ikke profilen: «{{error}}»',
  'troubleshooting.profileNotFoundExplanation':
    'Navnet må stemme nøyaktig med en [profile NAME]-blokk. List opp det CLI-en ser, og sjekk hvilken fil den leser.',
  'troubleshooting.tokenExpiredTitle':
    'Tokenet er utløpt: «{{expired}}» eller «{{loading}}»',
  'troubleshooting.tokenExpiredExplanation':
    'Økten i tilgangsportalen er over, eller du har aldri logget inn på denne maskinen. Logg inn på nytt; etterpå virker alle profilene i økten.',
  'troubleshooting.awsLoginTitle':
    '«aws login» er ikke innlogging med Identity Center',
  'troubleshooting.awsLoginExplanation':
    'aws login (AWS CLI 2.32 og nyere) logger inn med IAM-konsollpåloggingen, den til AWS Management Console for en IAM-bruker eller root-brukeren; den bruker ikke IAM Identity Center og vet ingenting om økten «{{session}}». For profilene her logger du inn med aws sso login.',
  'troubleshooting.awsLoginExplanationSessions':
    'aws login (AWS CLI 2.32 og nyere) logger inn med IAM-konsollpåloggingen, den til AWS Management Console for en IAM-bruker eller root-brukeren; den bruker ikke IAM Identity Center og vet ingenting om øktene dine {{sessions}}. For profilene her logger du inn med aws sso login.',
  'troubleshooting.mixedSsoTitle':
    'En profil blander sso_session med sso_start_url eller sso_region',
  'troubleshooting.mixedSsoExplanation':
    'En profil med sso_session = {{session}} henter start-URL og region fra [sso-session {{session}}]. Hvis den i tillegg har egne sso_start_url eller sso_region som ikke stemmer med øktens, avviser CLI-en profilen: «{{error}}». Slett de to linjene fra profilen, eller bruk profilene fra portalen, som bare har sso_session.',
  'troubleshooting.wrongRegionTitle': 'Ressurser mangler: feil region',
  'troubleshooting.wrongRegionExplanation':
    'En kommando kjører i regionen til profilen med mindre AWS_REGION, AWS_DEFAULT_REGION eller --region sier noe annet. Sjekk hvilken som gjelder.',
  'troubleshooting.sessionOrProfileTitle':
    'Innlogging per økt eller per profil?',
  'troubleshooting.sessionOrProfileExplanation':
    '«aws sso login --sso-session {{session}}» logger inn én gang for alle profiler som bruker økten. «aws sso login --profile NAME» logger inn gjennom økten til den profilen og gir det samme tokenet; det trengs bare for eldre profiler uten sso_session.',
  'troubleshooting.severalSessions':
    'Hver organisasjon har sin egen økt ({{sessions}}): logg inn i hver av dem du bruker profiler fra.',

  'searchResult.account': 'AWS-konto {{accountId}}',
  'searchResult.teams': 'Team',
  'searchResult.roles': 'Roller',

  'copy.profile': 'Kopier profilen {{profile}}',
  'copy.ssoSession': 'Kopier SSO-økten {{session}}',
  'copy.commands': 'Kopier kommandoene for «{{title}}»',
  'copy.signIn': 'Kopier innloggingskommandoen for {{profile}}',
  'copy.useProfile': 'Kopier kommandoene som bruker {{profile}}',
  'copy.setupCommand': 'Kopier kommandoen som kjører oppsettskriptet',
  'copy.copied': 'Kopiert',

  'live.updated': 'AWS-tilgangene er endret; siden viser de nye tilgangene nå.',
};

export default awsAccessTranslationNb;
