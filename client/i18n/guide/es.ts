// Spanish for the facilitator's guide. Typed against guide/en.ts.
import type { GuideCatalogue } from "./en.js";

export const guideEs: GuideCatalogue = {
  guide: {
    pageTitle: "Smolder · guía para quien dirige",
    kicker: "Smolder · guía para quien dirige",
    title: "Cómo dirigir una sesión de una hora",
    lede: "Smolder hace que un grupo sienta por qué apagar fuegos sienta tan bien y cuesta tanto. La gente juega una ronda como lo haría de forma natural, mira en grupo sus propios datos y vuelve a jugar. Esta página es el plan para la hora, lo que conviene observar mientras juegan y las preguntas que hacen que el análisis cale. Impresa, ocupa dos páginas.",
    back: "← Volver a la consola de quien dirige",
    print: "Imprimir esta guía",
    before: {
      title: "Antes de la sesión",
      open: "Abre <a>/host</a> en el portátil conectado al proyector. Elige <em>{{hostRoom}}</em> para hasta 16 personas, o <em>{{hostWorkshop}}</em> para entre 10 y 60 personas repartidas en equipos.",
      projector: "Abre la vista del proyector (<em>{{openProjector}}</em>) en la pantalla grande: muestra el código, el código QR y, más adelante, el mapa.",
      wifi: "Comprueba que un móvil conectado a la wifi de la sala puede abrir el enlace para unirse. Si la consola dice que este ordenador no tiene una dirección de red a la que lleguen los móviles, conéctalo antes a la wifi.",
      scenario: "Elige <strong>Workshop</strong> como escenario: una ronda de ocho minutos que crece a lo largo de las tres fases.",
    },
    hour: {
      title: "La hora, paso a paso",
      minutes: "Minutos",
      step: "Paso",
      what: "Qué haces",
      introduce: {
        step: "Presentación",
        what: "Todo el mundo se une con el código o el código QR. Di solo esto: «Cuidáis de una organización. Se declaran fuegos. Mantenedla sana; lo que cuenta es el valor del equipo». No expliques a fondo lo de invertir o dar un paso atrás: deja que cada cual encuentre su manera, como en el trabajo.",
      },
      roundOne: {
        step: "Primera ronda",
        what: "Empieza la ronda. Deja activada la clasificación de elogios. Sigue el panel (más abajo) y anota el momento en que las cosas empiezan a torcerse. No digas nada de estrategia.",
      },
      debrief: {
        step: "Análisis",
        what: "En la ronda, pulsa <em>{{debrief}}</em> y luego <em>{{show}}</em>. Recorre las preguntas de abajo, un gráfico cada vez. Deja que la gente encuentre la historia en sus propios datos antes de ponerle nombre.",
      },
      roundTwo: {
        step: "Segunda ronda",
        what: "<em>{{nextRound}}</em>. Pide al equipo que antes acuerde un plan (dos minutos). Plantéate poner <em>{{board}}: {{boardValue}}</em> para ver cómo cambia el comportamiento cuando los elogios no están en pantalla.",
      },
      close: {
        step: "Cierre",
        what: "Compara las dos rondas en paralelo. Pregunta cuáles son los «fuegos» del propio equipo en el trabajo, cómo sería allí la prevención y quién se llevaría el mérito.",
      },
    },
    watch: {
      title: "Mientras juegan: en qué fijarse",
      split:
        "<strong>El reparto del esfuerzo.</strong> Naranja es apagar fuegos, azul es invertir, rosa es dar un paso atrás. Un equipo todo naranja va de incendio en incendio; fíjate en si alguien cambia alguna vez.",
      risk: "<strong>Riesgo de derrumbe.</strong> Las casillas en llamas frente al umbral de derrumbe. En el panel del taller, los equipos en apuros salen primero, con una línea que explica por qué.",
      tips: "<strong>El punto de inflexión.</strong> Cuando los fuegos superan en número a las personas y ya no bajan, nadie queda libre para prevenir los siguientes. Anota el tiempo que marca el reloj: es el momento clave del análisis.",
      applause:
        "<strong>Quién se lleva los aplausos.</strong> La clasificación de elogios premia cada fuego apagado, al instante. Fíjate en quién va en cabeza y en si el valor del equipo acompaña.",
      pause: "Pausa la ronda (<em>{{pause}}</em>) solo si algo ajeno al juego requiere atención: el mapa sigue visible durante la pausa.",
    },
    questions: {
      title: "Preguntas para el análisis, gráfico a gráfico",
      value: {
        title: "Valor del equipo y elogios",
        text: "¿Cuándo se separaron los elogios y el valor? ¿Qué hacía el equipo en ese momento? ¿Quién ganaba elogios mientras el valor se estancaba?",
      },
      fires: {
        title: "Fuegos, y fuegos a punto de estallar",
        text: "La línea rosa es el riesgo oculto, contado como fuegos a punto de estallar. ¿Cuándo creció mientras los fuegos parecían bajo control? ¿Qué la hizo crecer (los parches dejan brasas; correr levanta polvo)?",
      },
      tipping: {
        title: "El punto de inflexión (la línea discontinua)",
        text: "¿Dónde se torció todo? ¿Qué podría haber hecho todavía el equipo un minuto antes? Cuando ya había más fuegos que personas, ¿quién quedaba libre para prevenir nada?",
      },
      effort: {
        title: "Reparto del esfuerzo y esfuerzo de cada persona",
        text: "¿Cuánto tiempo del equipo se fue en apagar fuegos, en invertir, en dar un paso atrás? ¿Quién hizo el trabajo callado, y alguien se dio cuenta en su momento?",
      },
      praised: {
        title: "Quién recibió más elogios y quién hizo más bien",
        text: "¿Son la misma persona? Mira la columna <em>Indirecto</em> de la tabla: los fuegos que nacieron más tarde de las brasas y el polvo de alguien se le atribuyen a esa persona. ¿Qué elogios vuestros se pagaron más tarde?",
      },
      whatIf: {
        title: "Y si…",
        text: "Simula de nuevo la ronda desde un segundo elegido, con jugadores equilibrados. ¿Hasta cuándo habría compensado todavía cambiar de enfoque? Fíjate primero en el bache: prevenir cuesta antes de dar fruto.",
      },
    },
    closing: {
      title: "Preguntas de cierre",
      fires: "¿Cuáles son los fuegos de nuestro propio trabajo? ¿Qué brasas dejan?",
      who: "¿Quién hace el trabajo de prevención en nuestra organización, y cómo lo sabríamos?",
      stop: "¿Qué tendríamos que dejar de hacer para tener tiempo de dar un paso atrás?",
      credit:
        "Smolder se basa en el ensayo <en>A Dangerous Addiction</en> de Alex Komoroske (2022) y en lo que la ciencia de la gestión llama la trampa de la capacidad (Repenning y Sterman, 2001).",
    },
  },
};
