// German for the facilitator's guide. Typed against guide/en.ts.
import type { GuideCatalogue } from "./en.js";

export const guideDe: GuideCatalogue = {
  guide: {
    pageTitle: "Smolder · Leitfaden für die Moderation",
    kicker: "Smolder · Leitfaden für die Moderation",
    title: "Eine einstündige Sitzung leiten",
    lede: "Mit Smolder spürt eine Gruppe, warum sich Brände löschen so gut anfühlt und trotzdem so viel kostet. Alle spielen eine Runde so, wie sie es von sich aus tun würden, schauen sich gemeinsam ihre eigenen Daten an und spielen dann noch einmal. Diese Seite enthält den Plan für die Stunde, worauf du während des Spiels achten solltest, und die Fragen, mit denen die Nachbesprechung sitzt. Ausgedruckt passt sie auf zwei Seiten.",
    back: "← Zurück zur Konsole der Spielleitung",
    print: "Leitfaden drucken",
    before: {
      title: "Vor der Sitzung",
      open: "Öffne <a>/host</a> auf dem Laptop, der am Beamer hängt. Wähle <em>{{hostRoom}}</em> für bis zu 16 Personen oder <em>{{hostWorkshop}}</em> für 10 bis 60 Personen, aufgeteilt in Teams.",
      projector: "Öffne die Beamer-Ansicht (<em>{{openProjector}}</em>) auf der großen Leinwand: Sie zeigt den Code, den QR-Code und später die Karte.",
      wifi: "Prüfe, ob ein Handy im WLAN des Raums den Beitrittslink öffnen kann. Meldet die Konsole, dass dieser Computer keine Netzwerkadresse hat, die Handys erreichen, verbinde ihn zuerst mit dem WLAN.",
      scenario: "Wähle als Szenario <strong>Workshop</strong>: eine achtminütige Runde, die alle drei Phasen durchläuft.",
    },
    hour: {
      title: "Ablauf der Stunde",
      minutes: "Minuten",
      step: "Schritt",
      what: "Was du tust",
      introduce: {
        step: "Einstieg",
        what: "Alle treten mit dem Code oder dem QR-Code bei. Sag nur so viel: „Ihr kümmert euch um eine Organisation. Es brechen Brände aus. Haltet sie gesund; was zählt, ist der Wert des Teams.“ Erklär Investieren und Zurücktreten nicht im Detail: Lass die Leute ihren eigenen Weg finden, so wie bei der Arbeit.",
      },
      roundOne: {
        step: "Erste Runde",
        what: "Starte die Runde. Lass die Lob-Rangliste eingeschaltet. Behalte das Dashboard im Blick (siehe unten) und notier dir den Moment, in dem die Lage zu entgleiten beginnt. Sag nichts zur Strategie.",
      },
      debrief: {
        step: "Nachbesprechung",
        what: "Klick bei der Runde auf <em>{{debrief}}</em> und dann auf <em>{{show}}</em>. Geh die Fragen unten durch, ein Diagramm nach dem anderen. Lass die Leute die Geschichte in ihren eigenen Daten finden, bevor du sie beim Namen nennst.",
      },
      roundTwo: {
        step: "Zweite Runde",
        what: "<em>{{nextRound}}</em>. Bitte das Team, sich vorher auf einen Plan zu einigen (zwei Minuten). Stell eventuell <em>{{board}}: {{boardValue}}</em> ein, um zu sehen, wie sich das Verhalten ändert, wenn kein Lob auf dem Bildschirm steht.",
      },
      close: {
        step: "Abschluss",
        what: "Stell die beiden Runden nebeneinander. Frag, was die eigenen „Brände“ des Teams bei der Arbeit sind, wie Vorbeugung dort aussähe und wem sie angerechnet würde.",
      },
    },
    watch: {
      title: "Während gespielt wird: worauf du achten solltest",
      split:
        "<strong>Die Aufteilung der Arbeit.</strong> Orange ist Löschen, Blau ist Investieren, Rosa ist Zurücktreten. Ein Team, das nur orange ist, rennt von Brand zu Brand; achte darauf, ob jemand irgendwann umschwenkt.",
      risk: "<strong>Kollapsgefahr.</strong> Brennende Felder gemessen an der Schwelle zum Zusammenbruch. Im Workshop-Dashboard stehen die Teams in Schwierigkeiten ganz oben, mit einer Zeile, die sagt, warum.",
      tips: "<strong>Der Moment, in dem es kippt.</strong> Sobald dauerhaft mehr Brände lodern, als Leute da sind, hat niemand mehr Zeit, den nächsten vorzubeugen. Notier dir die Zeit auf der Uhr: Sie ist der Wendepunkt der Nachbesprechung.",
      applause:
        "<strong>Wer den Applaus bekommt.</strong> Die Lob-Rangliste belohnt jeden gelöschten Brand, und zwar sofort. Achte darauf, wer oben steht und ob der Wert des Teams mitzieht.",
      pause: "Pausiere (<em>{{pause}}</em>) nur, wenn etwas außerhalb des Spiels Aufmerksamkeit braucht: Die Karte bleibt während der Pause sichtbar.",
    },
    questions: {
      title: "Fragen für die Nachbesprechung, Diagramm für Diagramm",
      value: {
        title: "Teamwert und Lob",
        text: "Wann gingen Lob und Wert auseinander? Was hat das Team in diesem Moment gemacht? Wer hat Lob gesammelt, während der Wert auf der Stelle trat?",
      },
      fires: {
        title: "Feuer, und Feuer, die bald ausbrechen",
        text: "Die rosa Linie ist das verborgene Risiko, gezählt als Feuer, die bald ausbrechen. Wann ist sie gewachsen, während die Brände unter Kontrolle schienen? Wodurch ist sie gewachsen (schnelle Lösungen hinterlassen Glut, Sprinten wirbelt Staub auf)?",
      },
      tipping: {
        title: "Der Kipppunkt (die gestrichelte Linie)",
        text: "Wo ist es gekippt? Was hätte das Team eine Minute vorher noch tun können? Als es mehr Brände als Leute gab: Wer hatte da noch Zeit, irgendetwas vorzubeugen?",
      },
      effort: {
        title: "Aufteilung der Arbeit und Einsatz pro Person",
        text: "Wie viel Zeit des Teams ging ins Löschen, ins Investieren, ins Zurücktreten? Wer hat die stille Arbeit gemacht, und hat das damals jemand bemerkt?",
      },
      praised: {
        title: "Meistes Lob und größter Nutzen",
        text: "Ist das dieselbe Person? Schau dir in der Tabelle die Spalte <em>Indirekt</em> an: Brände, die später aus der Glut und dem Staub einer Person entstanden sind, werden ihr angerechnet. Für welches Lob habt ihr später bezahlt?",
      },
      whatIf: {
        title: "Was wäre, wenn",
        text: "Lass die Runde ab einer gewählten Sekunde mit ausgewogenen Spielern neu durchspielen. Bis wann hätte sich ein anderes Vorgehen noch gelohnt? Achte zuerst auf die Delle: Vorbeugung kostet, bevor sie sich auszahlt.",
      },
    },
    closing: {
      title: "Fragen zum Abschluss",
      fires: "Was sind die Brände in unserer eigenen Arbeit? Welche Glut hinterlassen sie?",
      who: "Wer leistet bei uns die Vorbeugearbeit, und woran würden wir das merken?",
      stop: "Womit müssten wir aufhören, um Zeit zum Zurücktreten zu haben?",
      credit:
        "Smolder beruht auf dem Essay <en>A Dangerous Addiction</en> von Alex Komoroske (2022) und auf dem, was die Managementforschung die Fähigkeitenfalle nennt (Repenning & Sterman, 2001).",
    },
  },
};
