/** Live updates' texts (merged into the one catalogue in i18n/messages.ts). */
export const liveMessages = {
  da: {
    liveConnecting: "Forbinder …",
    liveConnected: "Live",
    liveReconnecting: "Genopretter forbindelse …",
    liveConnectedHint: "Andres ændringer vises, så snart de er gemt.",
    liveReconnectingHint: "Forbindelsen til serveren er afbrudt. Når den er tilbage, vises alt, der er ændret imens.",
    liveChangedCell: "{who} ændrede »{line}« {year} fra {before} til {after}.",
    liveChangedCells: "{who} ændrede {count, plural, one {# celle} other {# celler}}.",
    liveChangedScenario: "{who} ændrede scenariet; version {version} er hentet.",
    liveChangedWhileEditing: "{who} ændrede netop cellen, du redigerer, til {after}. Gemmer du din, kan du vælge mellem dem.",
    liveCellTooltip: "Ændret af {who} kl. {time}: {before} → {after}",
  },
  en: {
    liveConnecting: "Connecting …",
    liveConnected: "Live",
    liveReconnecting: "Reconnecting …",
    liveConnectedHint: "Changes by others appear as soon as they are saved.",
    liveReconnectingHint: "The connection to the server is lost. When it is back, everything changed meanwhile appears.",
    liveChangedCell: "{who} changed “{line}” {year} from {before} to {after}.",
    liveChangedCells: "{who} changed {count, plural, one {# cell} other {# cells}}.",
    liveChangedScenario: "{who} changed the scenario; version {version} is loaded.",
    liveChangedWhileEditing: "{who} just changed the cell you are editing to {after}. If you save yours, you can choose between them.",
    liveCellTooltip: "Changed by {who} at {time}: {before} → {after}",
  },
} as const;
