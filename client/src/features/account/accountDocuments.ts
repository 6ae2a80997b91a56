/** The account's GraphQL documents: who is calling (and in which mode), sign in, sign out. */
import { gql } from "urql";

export const MeQuery = gql`
  query Me {
    me {
      mode
      user {
        id
        displayName
        email
        organisation {
          name
        }
      }
    }
  }
`;

export const SignInMutation = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignedIn {
        user {
          id
          displayName
          email
          organisation {
            name
          }
        }
      }
      ... on InvalidInputError {
        message
        problems {
          code
          field
          message
        }
      }
    }
  }
`;

export const SignOutMutation = gql`
  mutation SignOut {
    signOut {
      __typename
    }
  }
`;

export interface AccountUser {
  id: string;
  displayName: string;
  email: string;
  organisation: { name: string };
}

export interface MeData {
  me: { mode: "LOCAL" | "ACCOUNTS"; user: AccountUser | null };
}

export interface SignInData {
  signIn:
    | { __typename: "SignedIn"; user: AccountUser }
    | { __typename: "InvalidInputError"; message: string; problems: { code: string; field: string; message: string }[] };
}
