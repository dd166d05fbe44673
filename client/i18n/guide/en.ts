// English for the facilitator's guide (/guide); en.ts includes it. A few entries carry inline
// markup (see ../rich.ts): <em>, <strong>, <a> (the link the page gives it) and <en> (a title kept
// in English); a translation moves the tags with the words. Labels of the console's buttons come
// in as parameters, so the guide names them exactly as the console shows them.
export const guideEn = {
  guide: {
    pageTitle: "Smolder · facilitator's guide",
    kicker: "Smolder · facilitator's guide",
    title: "Running a one-hour session",
    lede: "Smolder lets a group feel why putting out fires feels good and costs so much. People play one round the way they naturally would, look at their own data together, then play again. This page is the plan for the hour, what to watch while they play, and the questions that make the debrief land. It prints on two pages.",
    back: "← Back to the host console",
    print: "Print this guide",
    before: {
      title: "Before the session",
      open: "Open <a>/host</a> on the laptop connected to the projector. <em>{{hostRoom}}</em> for up to 16 people, or <em>{{hostWorkshop}}</em> for 10 to 60 people split into teams.",
      projector: "Open the projector view (<em>{{openProjector}}</em>) on the big screen: it shows the code, the QR code and, later, the map.",
      wifi: "Check that a phone on the room's Wi-Fi can open the join link. If the console says this computer has no network address phones can reach, connect it to the Wi-Fi first.",
      scenario: "Pick <strong>Workshop</strong> as the scenario: an eight-minute round that grows through all three phases.",
    },
    hour: {
      title: "The hour",
      minutes: "Minutes",
      step: "Step",
      what: "What you do",
      introduce: {
        step: "Introduce",
        what: "Everyone joins with the code or QR code. Say only this: “You look after an organisation. Fires break out. Keep it healthy; the team's value is what counts.” Do not explain investing or stepping back in depth: let people find their own way, as they do at work.",
      },
      roundOne: {
        step: "Play round one",
        what: "Start the round. Keep the praise leaderboard on. Watch the dashboard (below) and note the moment things start to slip. Say nothing about strategy.",
      },
      debrief: {
        step: "Debrief",
        what: "Open the round's <em>{{debrief}}</em> and <em>{{show}}</em>. Walk through the questions below, one chart at a time. Let people find the story in their own data before you name it.",
      },
      roundTwo: {
        step: "Play round two",
        what: "<em>{{nextRound}}</em>. Ask the team to agree a plan first (two minutes). Consider <em>{{board}}: {{boardValue}}</em> to see how behaviour changes when praise is not on screen.",
      },
      close: {
        step: "Close",
        what: "Compare the two rounds side by side. Ask what the team's own “fires” are at work, what prevention would look like there, and who would get credit for it.",
      },
    },
    watch: {
      title: "While they play: what to look for",
      split:
        "<strong>The effort split.</strong> Orange is putting out fires, blue is investing, pink is stepping back. A team that is all orange is firefighting; watch whether anyone ever switches.",
      risk: "<strong>Collapse risk.</strong> Burning tiles against the collapse threshold. On the workshop dashboard the teams in trouble come first, with one line saying why.",
      tips: "<strong>The moment it tips.</strong> When fires outnumber the people for good, nobody is free to prevent the next ones. Note the time on the clock: it is the debrief's turning point.",
      applause:
        "<strong>Who gets the applause.</strong> The praise leaderboard rewards every fire put out, at once. Notice who tops it, and whether the team's value follows.",
      pause: "Pause (<em>{{pause}}</em>) only if something outside the game needs attention: the map stays visible while paused.",
    },
    questions: {
      title: "Debrief questions, chart by chart",
      value: {
        title: "Team value and praise",
        text: "When did praise and value point apart? What was the team doing at that moment? Who was earning praise while the value stalled?",
      },
      fires: {
        title: "Fires, and fires waiting to happen",
        text: "The pink line is hidden risk, counted as fires waiting to happen. When did it grow while the fires looked under control? What made it grow (quick fixes leave embers; sprinting kicks up dust)?",
      },
      tipping: {
        title: "The tipping point (the dashed line)",
        text: "Where did it tip? What could the team still have done a minute before it? Once there were more fires than people, who was free to prevent anything?",
      },
      effort: {
        title: "Effort split and effort per player",
        text: "How much of the team's time went to fires, to investing, to stepping back? Who did the quiet work, and did anyone notice at the time?",
      },
      praised: {
        title: "Most praised and did the most good",
        text: "Are they the same person? Look at the table's <em>indirect</em> column: fires that started later from someone's embers and dust are charged to them. Which of your praise was paid for later?",
      },
      whatIf: {
        title: "What if",
        text: "Replay the round from a chosen second with balanced players. When would a change of approach still have paid off? Notice the dip first: prevention costs before it pays.",
      },
    },
    closing: {
      title: "Closing questions",
      fires: "What are the fires in our own work? What are the embers they leave?",
      who: "Who in our organisation does the prevention work, and how would we know?",
      stop: "What would we need to stop doing to have time to step back?",
      credit:
        "Smolder is built on the essay <en>A Dangerous Addiction</en> by Alex Komoroske (2022) and on what management science calls the capability trap (Repenning & Sterman, 2001).",
    },
  },
};

/** What the German and Spanish guide must provide: the same keys. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type GuideCatalogue = Shape<typeof guideEn>;
