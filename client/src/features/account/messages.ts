/** Sign-in's texts (merged into the one catalogue in i18n/messages.ts). */
export const accountMessages = {
  da: {
    signInTitle: "Log ind",
    signInIntro: "Ramme kræver, at du logger ind. Historikken viser dit navn ved hver ændring.",
    signInEmail: "E-mail",
    signInPassword: "Adgangskode",
    signInSubmit: "Log ind",
    signInBusy: "Logger ind …",
    signInBadCredentials: "Forkert e-mail eller adgangskode.",
    signInExpired: "Din session er udløbet; log ind igen.",
    signInRetry: "Prøv igen",
    signOut: "Log ud",
    signedInAs: "Logget ind som {name}, {organisation}",
  },
  en: {
    signInTitle: "Sign in",
    signInIntro: "Ramme requires you to sign in. The history shows your name with every change.",
    signInEmail: "Email",
    signInPassword: "Password",
    signInSubmit: "Sign in",
    signInBusy: "Signing in …",
    signInBadCredentials: "Wrong email or password.",
    signInExpired: "Your session has expired; sign in again.",
    signInRetry: "Try again",
    signOut: "Sign out",
    signedInAs: "Signed in as {name}, {organisation}",
  },
} as const;
