/** The account's GraphQL documents: who is calling (and in which mode), sign in, sign out. */
import { graphql, type ResultOf } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";

/** The signed-in person as every page shows them (unmasked: handed around as plain data). */
export const AccountUserFields = graphql(`
  fragment AccountUserFields on User @_unmask {
    id
    displayName
    email
    role
    organisation {
      id
      key
      name
      kind
    }
  }
`);

export type AccountUser = ResultOf<typeof AccountUserFields>;
export type Role = AccountUser["role"];

export const MeQuery = graphql(
  `
  query Me {
    me {
      mode
      user {
        ...AccountUserFields
      }
    }
  }
`,
  [AccountUserFields],
);

export const SignInMutation = graphql(
  `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignedIn {
        user {
          ...AccountUserFields
        }
      }
      ...InputProblems
    }
  }
`,
  [AccountUserFields, InputProblemsFragment],
);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      __typename
    }
  }
`);
